#!/usr/bin/env python3
# Regenerate with: python3 gen/gcp_cloudsql.py official-rates.json > gcp_cloudsql.csv
# (run from pricing/defaults). Input: a JSON extraction of the tables embedded in
# https://cloud.google.com/sql/pricing ("MySQL and PostgreSQL" tab), one table per
# section and region, each table's last cell naming the region as "City (region-id)".
# The one such file found is third-party: moruku36/cloud-validation-level3-astra-light
# experiments/B/B-2/official-rates.json (SRC below), which holds Tokyo only; every
# region the input holds becomes rows, so a fuller extraction adds regions as is.
#
# Cloud SQL Enterprise edition bills a dedicated-core instance per vCPU-hour and per
# GiB-hour of memory; a custom shape takes 1 or an even number of vCPUs up to 96 and
# 0.9 to 6.5 GiB per vCPU. The rows are shapes at 3.75 (db-custom standard), 4 and
# 6.5 (high-memory) GiB per vCPU, each priced as vCPUs x rate + GiB x rate, zonal and
# HA (regional: a standby in a second zone, billed at the HA rates). Storage (SSD) and
# backups are priced per GiB-month.
import csv
import json
import re
import sys
from decimal import Decimal as D

SRC = ("https://github.com/moruku36/cloud-validation-level3-astra-light/blob/"
       "7daa93c08be4508632af5d4669702a5bccb5bd67/experiments/B/B-2/official-rates.json")
KIND = "source_kind=third-party (extraction of cloud.google.com/sql/pricing)"
VCPUS = (1, 2, 4, 6, 8, 12, 16, 24, 32, 48, 64, 80, 96)
# GiB per vCPU: the standard db-custom ratio, 4 GiB (a custom shape), high-memory.
RATIOS = ((D("3.75"), "general_purpose"), (D("4"), "general_purpose"), (D("6.5"), "memory_optimized"))
ENGINES = ("postgresql", "mysql")
HEADER = ["provider", "service", "provider_service", "family", "region", "sku", "name", "os", "vcpu",
          "memory_gib", "term", "unit", "price", "upfront", "currency", "tier_start", "tier_end", "as_of",
          "source", "attributes", "notes"]
MONEY = re.compile(r"^\$([0-9.]+) / 1 (hour|gibibyte hour|gibibyte month)$")


def num(d):
    """A decimal without trailing zeros, never in exponent form."""
    return format(d.normalize(), "f")


def tables(doc):
    """Yields (section, region id, city, {item: (price, unit)}, table path)."""
    for t in doc["tables"]:
        cells = t["cells"]
        m = re.match(r"^(.*) \(([a-z0-9-]+)\)$", cells[-1])
        if not m:
            sys.exit(f"table {t['path']}: last cell {cells[-1]!r} names no region")
        items = {}
        for label, value in zip(cells[:-1], cells[1:-1]):
            p = MONEY.match(value)
            if p:
                items[label] = (D(p.group(1)), p.group(2))
        yield t["section"], m.group(2), m.group(1), items, t["path"]


def need(items, label, unit, where):
    if label not in items or items[label][1] != unit:
        sys.exit(f"{where}: no {label!r} per {unit}")
    return items[label][0]


def row(engine, family, region, sku, name, vcpu, mem, unit, price, as_of, attrs, note, ha=False):
    sku = f"{sku}/{engine}" + ("/regional" if ha else "")
    return ["gcp", "database", "Cloud SQL", family, region, sku, name, "", vcpu, mem, "on_demand",
            unit, num(price), "", "USD", "", "", as_of, SRC, ";".join(attrs + [KIND]), note]


def shapes(engine, region, city, items, path, as_of, sha):
    where = f"{city} compute table {path}"
    out = []
    for ha in (False, True):
        cpu = need(items, "HA vCPUs" if ha else "vCPUs", "hour", where)
        ram = need(items, "HA Memory" if ha else "Memory", "gibibyte hour", where)
        dep = "regional" if ha else "single-zone"
        for n in VCPUS:
            for ratio, family in RATIOS:
                gib = ratio * n
                name = f"db-custom-{n}-{int(gib * 1024)}"
                price = cpu * n + ram * gib
                attrs = [f"engine={engine}", "edition=enterprise", f"deployment={dep}",
                         f"ha={'regional' if ha else 'none'}", f"vcpu_rate={num(cpu)}", f"memory_gib_rate={num(ram)}",
                         f"page_sha256={sha}", f"table_path={path}"]
                what = "HA (regional: primary and standby in two zones)" if ha else "zonal"
                note = (f"price = {n} vCPU x ${num(cpu)} + {num(gib)} GiB x ${num(ram)} per hour (Cloud SQL Enterprise "
                        f"edition, {what}, {city} ({region}), 'MySQL and PostgreSQL' tab "
                        f"'{'HA vCPUs' if ha else 'vCPUs'}' and '{'HA Memory' if ha else 'Memory'}', checked_at {as_of}); "
                        "storage and backups are billed apart")
                out.append(row(engine, family, region, name, name, n, num(gib), "hour", price, as_of, attrs, note, ha))
    return out


def storage(engine, region, city, items, path, as_of, sha, ha):
    where = f"{city} {'HA ' if ha else ''}storage table {path}"
    ssd = need(items, "SSD storage capacity", "gibibyte month", where)
    dep = ["deployment=regional", "ha=regional"] if ha else ["deployment=single-zone", "ha=none"]
    rows = [row(engine, "storage", region, "cloudsql-ssd",
                f"Cloud SQL SSD storage ({engine}{', HA' if ha else ''})", "", "", "gb_month", ssd, as_of,
                [f"engine={engine}", "part=storage", "volume=ssd"] + dep + [f"page_sha256={sha}", f"table_path={path}"],
                f"'SSD storage capacity ${num(ssd)} / 1 gibibyte month', {'HA storage table, ' if ha else ''}"
                f"{city} ({region}), checked_at {as_of}", ha)]
    if not ha:
        bak = need(items, "Backups (used)", "gibibyte month", where)
        rows.append(row(engine, "storage", region, "cloudsql-backup", f"Cloud SQL backups ({engine})", "", "",
                        "gb_month", bak, as_of,
                        [f"engine={engine}", "part=backup", f"page_sha256={sha}", f"table_path={path}"],
                        f"'Backups (used) ${num(bak)} / 1 gibibyte month', {city} ({region}), checked_at {as_of}; "
                        "the HA storage table gives the same price; billed on the backup space used, which depends "
                        "on retention and change rate"))
    return rows


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: gcp_cloudsql.py official-rates.json > gcp_cloudsql.csv")
    with open(sys.argv[1], encoding="utf-8") as f:
        doc = json.load(f)
    as_of, sha = doc["checked_at"], doc["html_sha256"]
    out = []
    for section, region, city, items, path in tables(doc):
        for engine in ENGINES:
            if section.startswith("enterprise-edition---general-purpose"):
                out += shapes(engine, region, city, items, path, as_of, sha)
            elif section == "storage":
                out += storage(engine, region, city, items, path, as_of, sha, False)
            elif section == "ha-storage":
                out += storage(engine, region, city, items, path, as_of, sha, True)
    w = csv.writer(sys.stdout, lineterminator="\n")
    sys.stdout.write("# Cloud SQL Enterprise edition (PostgreSQL, MySQL) list prices, written by gen/gcp_cloudsql.py from an "
                     "extraction of cloud.google.com/sql/pricing: custom shapes priced per vCPU and GiB, zonal and HA, "
                     "SSD storage and backups.\n")
    w.writerow(HEADER)
    w.writerows(out)


if __name__ == "__main__":
    main()
