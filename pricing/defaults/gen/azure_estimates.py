#!/usr/bin/env python3
"""Writes ../azure_estimates.csv: Azure prices the captured sources lack,
derived from captured ones and marked estimate=true with their basis.
Run from pricing/defaults before gen/commitments.py.

- Standard SSD (E-tier, LRS) managed disks in every region of the catalog
  that lacks a tier: the northeurope price of the same tier. Basis: every
  Standard SSD tier captured in more than one region has one price (E10 9.6
  in eastus and northeurope; E6 4.80 in japaneast, southeastasia and
  northeurope).
- Windows VMs where only the Linux price was captured: the Linux price plus
  0.046 per vCPU-hour, the Windows licence part of Standard_D2s_v3 in eastus
  (0.188 - 0.096 = 0.092 for 2 vCPU, Retail Prices API).
"""
import csv, io, sys
from decimal import Decimal as D

HDR = "provider,service,provider_service,family,region,sku,name,os,vcpu,memory_gib,term,unit,price,upfront,currency,tier_start,tier_end,as_of,source,attributes,notes".split(",")
REGIONS = ["eastus", "westus2", "northeurope", "germanywestcentral", "koreacentral", "japaneast", "southeastasia"]

def rows(path):
    lines = [l for l in open(path, encoding="utf-8") if not l.startswith("#")]
    return list(csv.DictReader(io.StringIO("".join(lines))))

az = rows("azure.csv")
out = []
ne = [r for r in az if r["service"] == "block_storage" and r["region"] == "northeurope" and r["name"].startswith("E") and r["term"] == "on_demand"]
have = {(r["region"], r["name"]) for r in az if r["service"] == "block_storage"}
for region in REGIONS:
    for r in ne:
        if (region, r["name"]) in have:
            continue
        out.append(dict(r, region=region, attributes=r["attributes"] + ";estimate=true;basis=azure_standard_ssd_uniform;ratio=1",
                        notes="ESTIMATE: the northeurope price of %s; Standard SSD tiers captured in several regions have one price (E10 9.6 eastus = northeurope; E6 4.80 japaneast = southeastasia = northeurope)" % r["name"]))

LIC = D("0.046")
LIC_SRC = "https://github.com/rshade/finfocus-plugin-azure-public/blob/0d26960af6f8714ed01577b2b89e1a75a19d8f5e/internal/pricing/testdata/retail/savingsplan/eastus_standard_d2s_v3_nofilter.json"
od = {(r["region"], r["name"], r["os"]): r for r in az + rows("azure_windows.csv") if r["service"] == "compute" and r["term"] == "on_demand"}
for (region, name, os_), r in sorted(od.items()):
    if os_ != "linux" or r["family"] == "burstable" or (region, name, "windows") in od or not r["vcpu"]:
        continue
    price = D(r["price"]) + LIC * D(r["vcpu"])
    out.append(dict(r, os="windows", sku=r["sku"].replace("/linux", "") + "/windows-estimate", price=str(price.normalize()),
                    attributes=r["attributes"] + ";estimate=true;basis=azure_windows_licence_per_vcpu;ratio=0.046",
                    notes="ESTIMATE: Linux %s + %s vCPU x 0.046, the Windows licence part of Standard_D2s_v3 eastus (0.188 - 0.096 for 2 vCPU; %s)" % (r["price"], r["vcpu"], LIC_SRC)))

# Azure Database for PostgreSQL flexible server, General Purpose Ddsv5: the
# Retail Prices API sells it per "N vCore" SKU at N times one price (2 vCore
# 0.178 in eastus); larger sizes of a region are the captured 2-vCore price
# scaled by vCores, 4 GiB per vCore.
db = rows("database.csv")
have = {(r["region"], r["name"], r["attributes"]) for r in db}
for r in db:
    if r["provider"] != "azure" or r["name"] != "Standard_D2ds_v5" or "engine=postgresql" not in r["attributes"] or r["term"] != "on_demand":
        continue
    per = D(r["price"]) / 2
    for n in (4, 8, 16, 32):
        name = "Standard_D%dds_v5" % n
        if any(h[0] == r["region"] and h[1] == name and "engine=postgresql" in h[2] for h in have):
            continue
        at = r["attributes"].replace("sku_name=2 vCore", "sku_name=%d vCore" % n) + ";estimate=true;basis=azure_pg_vcore_linear;ratio=%d" % (n // 2)
        out.append(dict(r, sku=r["sku"].replace("D2ds_v5", "D%dds_v5" % n), name=name, vcpu=n, memory_gib=4 * n,
                        price=str((per * n).normalize()), attributes=at,
                        notes="ESTIMATE: %d x the 2-vCore price %s / 2 (the API prices Ddsv5 per 'N vCore' SKU in proportion to N)" % (n, r["price"])))

w = csv.DictWriter(sys.stdout, HDR, lineterminator="\n")
sys.stdout.write("# Azure ESTIMATES (estimate=true) derived from captured prices, written by gen/azure_estimates.py: Standard SSD tiers, Windows VMs and PostgreSQL flexible server sizes the captures lack.\n")
w.writeheader()
for r in out:
    w.writerow(r)
