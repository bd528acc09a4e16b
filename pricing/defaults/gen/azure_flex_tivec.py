#!/usr/bin/env python3
"""Azure Database for PostgreSQL and MySQL flexible server, General Purpose
compute, in the regions tivec8740-lab/azure-price-my's rebuild of the Retail
Prices API covers (gen/azure_tivec.py PG_FLEX and MY_FLEX: per vCore-hour, pay
as you go and 1- and 3-year reservations; MY_STORAGE):

  - rewrites, in ../database.csv, the on-demand rows of those regions and
    series (PostgreSQL: koreacentral and southeastasia Ddsv4, japaneast Ddsv5;
    MySQL: Ddsv4) and the MySQL storage rows to cite the file: a row's price
    must equal vCores x the file's per-vCore price (storage: the file's
    price), else the script stops (a changed price is a decision for a person);
  - adds to database.csv the japaneast Ddsv5 sizes (4 to 32 vCores) that
    gen/azure_estimates.py had scaled from the 2-vCore price: the file prices
    the vCore itself, so they are no longer estimates (run
    gen/azure_estimates.py afterwards);
  - does the same in ../azure_flex_mo.csv for Memory Optimized Edsv5 (PostgreSQL
    per vCore, MySQL per server size) and adds koreacentral's sizes, which that
    sheet's captures lack;
  - writes ../azure_flex_ri.csv: reserved capacity for every such compute row
    the file prices a reservation for (not MySQL's memory-optimised sizes),
    1 and 3 years, paid upfront (the term's total, vCores x per-vCore hourly x
    hours) or monthly (the same total spread over the hours). A reservation
    covers compute only; storage is billed apart at its own price.
Every other line of database.csv is kept byte for byte. Run from
pricing/defaults: python3 gen/azure_flex_tivec.py && python3 gen/azure_estimates.py > azure_estimates.csv
"""
import re, sys
from decimal import Decimal as D

from sheets import csv_line, sheet_lines, write, q, attr_map, attrs_without
import azure_tivec as tv

SERIES = re.compile(r"^Standard_D(\d+)ds_(v[45])$")
HOURS = {"1y": 8760, "3y": 26280}


TABLES = {"postgresql": (tv.PG_FLEX, "PostgreSQL Flexible Server General Purpose %s Series Compute"),
          "mysql": (tv.MY_FLEX, "MySQL Flexible Server General Purpose Series Compute (%s)")}


def engine(r):
    return attr_map(r["attributes"]).get("engine")


def target(r):
    """(engine, series, vCores) of an on-demand flexible-server GP row the file prices, or None."""
    if not r or r["provider"] != "azure" or r["term"] != "on_demand" or engine(r) not in TABLES:
        return None
    m = SERIES.match(r["name"])
    if not m:
        return None
    series = "Dds" + m.group(2)
    if (series, r["region"]) not in TABLES[engine(r)][0] or not r["sku"].startswith("flexible-server/"):
        return None
    return engine(r), series, int(m.group(1))


def cite(r, eng, series, n):
    table, product = TABLES[eng]
    e = table[(series, r["region"])]
    rate, effective, offset = e["payg"]
    if D(rate) * n != D(r["price"]):
        sys.exit("%s %s: %d x %s in the file, %s in the sheet: decide by hand" % (r["region"], r["name"], n, rate, r["price"]))
    at = attrs_without(r["attributes"], ("source_kind", "source_note", "estimate", "basis", "ratio", "vcore_rate", "effective_start"))
    at += ";vcore_rate=%s;effective_start=%s;%s" % (rate, effective, tv.KIND)
    note = ("price = %d vCores x %s USD per vCore-hour: Retail Prices API item 'Azure Database for %s', meter 'vCore', %s, "
            "priceType Consumption, as rebuilt by tivec8740-lab/azure-price-my (read at character %d); compute only: storage is "
            "billed apart; HA is a second instance" % (n, rate, product % series, r["region"], offset))
    return dict(r, as_of=tv.AS_OF, source=tv.URL, attributes=at, notes=note)


lines = sheet_lines("database.csv")
out, done, od = [], [], []
have = {(r["region"], r["name"]) for l, r in lines if target(r)}
for l, r in lines:
    t = target(r)
    if not t and r and r["provider"] == "azure" and r["sku"] == "flexible-server/storage/mysql" and r["region"] in tv.MY_STORAGE \
            and r["source"] != tv.URL:
        price, effective, offset = tv.MY_STORAGE[r["region"]]
        if D(price) != D(r["price"]):
            sys.exit("%s MySQL storage: %s in the file, %s in the sheet: decide by hand" % (r["region"], price, r["price"]))
        at = attrs_without(r["attributes"]) + ";effective_start=%s;%s" % (effective, tv.KIND)
        out.append(csv_line(dict(r, as_of=tv.AS_OF, source=tv.URL, attributes=at, notes=(
            "Retail Prices API item 'Azure Database for MySQL Flexible Server Storage', meter 'Storage Data Stored', %s, %s USD "
            "per GB-month, as rebuilt by tivec8740-lab/azure-price-my (read at character %d)" % (r["region"], price, offset)))))
        done.append("%s MySQL storage" % r["region"])
        continue
    if not t:
        out.append(l)
        continue
    n_row = cite(r, *t) if r["source"] != tv.URL else r
    out.append(csv_line(n_row) if n_row is not r else l)
    od.append((n_row, t))
    done.append("%s %s" % (r["region"], r["name"]))
    if t == ("postgresql", "Ddsv5", 2):  # the sizes the file prices through the same per-vCore meter
        for n in (4, 8, 16, 32):
            name = "Standard_D%dds_v5" % n
            if (r["region"], name) in have:
                continue
            big = dict(r, sku=r["sku"].replace("D2ds_v5", "D%dds_v5" % n), name=name, vcpu=str(n), memory_gib=str(4 * n),
                       price=str(D(tv.PG_FLEX[("Ddsv5", r["region"])]["payg"][0]) * n))
            big = cite(big, "postgresql", "Ddsv5", n)
            out.append(csv_line(big))
            od.append((big, ("postgresql", "Ddsv5", n)))
            done.append("%s %s (added)" % (r["region"], name))
open("database.csv", "w", encoding="utf-8").write("".join(out))

# Memory Optimized Edsv5 (../azure_flex_mo.csv, written by gen/azure_retail.py): PostgreSQL per
# vCore (PG_FLEX_MO, with reservations), MySQL per N-vCore server (MY_FLEX_MO, no reservation in the
# file). Rows of the file's regions are rewritten to cite it; koreacentral, which the captures behind
# azure_flex_mo.csv lack, gets the sizes the other regions have.
MO_SIZES = (2, 4, 8, 16)


def mo_price(eng, region, n):
    """(price, effectiveStartDate, offset, how) of an N-vCore memory-optimised server, or None."""
    if eng == "postgresql":
        e = tv.PG_FLEX_MO.get(("Edsv5", region))
        if e is None:
            return None
        rate, effective, offset = e["payg"]
        return D(rate) * n, effective, offset, "%d vCores x %s USD per vCore-hour (meter 'vCore')" % (n, rate)
    hit = tv.MY_FLEX_MO.get((n, region))
    if hit is None:
        return None
    return D(hit[0]), hit[1], hit[2], "the %d-vCore server's hourly price (meter '%d vCore')" % (n, n)


def mo_cite(r, eng, n):
    price, effective, offset, how = mo_price(eng, r["region"], n)
    if D(r["price"]) != price:
        sys.exit("%s %s %s: %s in the file, %s in the sheet: decide by hand" % (r["region"], eng, r["name"], price, r["price"]))
    at = attrs_without(r["attributes"], ("source_kind", "source_note", "effective_start"))
    product = attr_map(r["attributes"])["product"]
    return dict(r, as_of=tv.AS_OF, source=tv.URL, attributes=at + ";effective_start=%s;%s" % (effective, tv.KIND),
                notes="price = %s: Retail Prices API item '%s', %s, priceType Consumption, as rebuilt by "
                      "tivec8740-lab/azure-price-my (read at character %d); compute only: storage is billed apart; HA is a "
                      "second instance" % (how, product, r["region"], offset))


mo_lines = sheet_lines("azure_flex_mo.csv")
mo_out, templates = [], {}
for l, r in mo_lines:
    eng = r and engine(r)
    n = r and int(r["vcpu"] or 0)
    if not r or r["term"] != "on_demand" or not mo_price(eng, r["region"], n):
        mo_out.append(l)
        if r:
            templates.setdefault((eng, n), r)
        continue
    c = mo_cite(r, eng, n) if r["source"] != tv.URL else r
    mo_out.append(csv_line(c) if c is not r else l)
    od.append((c, (eng, "Edsv5-MO", n)))
    templates.setdefault((eng, n), r)
    done.append("%s %s %s (memory optimised)" % (r["region"], eng, r["name"]))
have_mo = {(r["region"], engine(r), r["name"]) for l, r in mo_lines if r}
for eng in ("postgresql", "mysql"):
    for n in MO_SIZES:
        name = "Standard_E%dds_v5" % n
        if ("koreacentral", eng, name) in have_mo or (eng, n) not in templates or not mo_price(eng, "koreacentral", n):
            continue
        t = templates[(eng, n)]
        price = mo_price(eng, "koreacentral", n)[0]
        new = mo_cite(dict(t, region="koreacentral", sku="flexible-server/MO_%s/%s" % (name, eng), price=str(price)), eng, n)
        mo_out.append(csv_line(new))
        od.append((new, (eng, "Edsv5-MO", n)))
        done.append("koreacentral %s %s (memory optimised, added)" % (eng, name))
open("azure_flex_mo.csv", "w", encoding="utf-8").write("".join(mo_out))

ri = []
for r, (eng, series, n) in od:
    if series == "Edsv5-MO":
        if eng != "postgresql":
            continue  # the file holds no reservation for MySQL's per-size Edsv5 servers
        label, e = "PostgreSQL Edsv5 memory optimised", tv.PG_FLEX_MO[("Edsv5", r["region"])]
    else:
        label, e = "%s %s" % ({"postgresql": "PostgreSQL", "mysql": "MySQL"}[eng], series), TABLES[eng][0][(series, r["region"])]
    for yrs, hours in HOURS.items():
        if "ri_" + yrs not in e:
            continue
        hourly, effective, offset = e["ri_" + yrs]
        per_hour = D(hourly) * n
        total = (per_hour * hours).quantize(D("0.01"))
        at = r["attributes"].replace("effective_start=%s" % e["payg"][1], "effective_start=%s" % effective) + ";price_type=Reservation"
        base = ("Retail Prices API Reservation item of meter 'vCore' (%s, %s, %s) as rebuilt by tivec8740-lab/azure-price-my "
                "(read at character %d): the file keeps the term's total / %d h = %s per vCore-hour (6 places); x %d vCores = "
                "%s USD for the term, to within 0.02; compute only" % (label, r["region"], yrs, offset, hours, hourly, n, total))
        ri.append(dict(r, term="reserved_%s_all_upfront" % yrs, price="0", upfront=str(total), attributes=at, notes=base + "; paid upfront"))
        ri.append(dict(r, term="reserved_%s_no_upfront" % yrs, price=q(per_hour), upfront="", attributes=at,
                       notes=base + "; paid monthly: the same total spread over %d h" % hours))
with open("azure_flex_ri.csv", "w", encoding="utf-8") as f:
    write(f, "# Azure Database for PostgreSQL and MySQL flexible server reserved capacity (General Purpose and Memory Optimized compute), written by "
             "gen/azure_flex_tivec.py from tivec8740-lab/azure-price-my (gen/azure_tivec.py).\n", ri)
print("on demand: %s; %d reserved rows" % ("; ".join(done), len(ri)), file=sys.stderr)
