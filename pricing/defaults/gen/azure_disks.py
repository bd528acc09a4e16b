#!/usr/bin/env python3
"""Rewrites, in place, the Azure managed-disk rows of ../azure.csv (Standard
SSD E-tiers and Premium SSD P-tiers, LRS) from the weekly managed-disk price
file of flexera-public/policy_templates (data/azure/azure_md_pricing.json).

That file is written by tools/cloud_data/azure/azure_md_pricing.py, which
reads every 'Standard SSD Managed Disks' / 'Premium SSD Managed Disks' item of
the Azure Retail Prices API (priceType Consumption, meterName '... Disk'),
and is refreshed by the repository's scheduled workflow
.github/workflows/generate-azure-md-pricing-json.yaml (cron Sundays 04:00 UTC,
pull request by github-actions[bot]). It keys prices by region and skuName
('E6_LRS' -> retailPrice, unitOfMeasure '1/Month', productName); it carries
neither skuId nor effectiveStartDate.

  - a row of a third-party source (THIRD) for a region and tier the file
    prices is rewritten: price, as_of, source, attributes, notes; its sku is
    kept (the skuId of the capture it came from, or '<tier>-LRS');
  - a tier (E or P) the catalog has in northeurope but not in another region of
    REGIONS is added for that region from the file (sku '<tier>-LRS', the
    northeurope row's disk size and meter), so that gen/azure_estimates.py no
    longer estimates it;
  - every other line of azure.csv is kept byte for byte, and nothing the file
    lacks is guessed.
as_of is the date of the commit that last wrote the file (the file is only
rewritten when a figure changes). Run from pricing/defaults, then
gen/azure_estimates.py: python3 gen/azure_disks.py
"""
import csv, io, re, sys
from decimal import Decimal as D

from sheets import HDR, git_json, csv_line, sheet_lines

REPO = "/work/.mirror/flexera-public+policy_templates/repo"
COMMIT = "5ae4acd82a679b6f3567edab97543810083a5d24"  # 'Update Azure MD Pricing Data', committed by github-actions[bot] 2026-07-12
PATH = "data/azure/azure_md_pricing.json"
AS_OF = "2026-07-12"
REGIONS = ["eastus", "westus2", "northeurope", "germanywestcentral", "koreacentral", "japaneast", "southeastasia"]
THIRD = ("github.com/andy-diericks/", "github.com/liluyang1999/", "github.com/Taliko5/")
TIER = re.compile(r"^([EP]\d+) LRS$")
PRODUCT = {"E": "Standard SSD Managed Disks", "P": "Premium SSD Managed Disks"}
KEEP = ("disk_gib", "kind", "redundancy", "meter", "product", "unit_of_measure", "excludes", "tier")
KIND = ("source_kind=derived_dataset;source_note=Azure Retail Prices API managed-disk items as refreshed weekly by the "
        "scheduled workflow of a maintained public dataset")

d = git_json(REPO, COMMIT, PATH)
url = "https://github.com/flexera-public/policy_templates/blob/%s/%s" % (COMMIT, PATH)


def price(region, tier):
    """The file's item for a region and tier, checked, or None."""
    it = d.get(region, {}).get(tier + "_LRS")
    if it is None:
        return None
    if it["currencyCode"] != "USD" or it["unitOfMeasure"] != "1/Month" or it["productName"] != PRODUCT[tier[0]] or it["sku"] != tier + " LRS":
        sys.exit("%s %s: unexpected item %s" % (region, tier, it))
    return it


def attrs(s):
    kv = [x.split("=", 1) for x in s.split(";") if "=" in x]
    return ";".join("%s=%s" % (k, v) for k, v in kv if k in KEEP) + ";price_type=Consumption;" + KIND


def row(template, region, tier, it, sku):
    r = dict(template)
    p = D(str(it["pricePerUnit"]))
    r.update(region=region, sku=sku, price=str(p.quantize(D(1))) if p == p.to_integral() else str(p.normalize()),
             upfront="", as_of=AS_OF, source=url, attributes=attrs(template["attributes"]),
             notes="'%s' -> '%s_LRS': pricePerUnit %s USD, unitOfMeasure '1/Month', productName '%s' (Retail Prices API, "
                   "priceType Consumption); the file carries no skuId or effectiveStartDate: as_of is the date of the "
                   "commit that last wrote it" % (region, tier, it["pricePerUnit"], it["productName"]))
    return r



parsed = sheet_lines("azure.csv")  # (line, row or None)


def disk(r):
    m = r and r["service"] == "block_storage" and r["family"] == "general_purpose_ssd" and r["term"] == "on_demand" and TIER.match(r["name"])
    return m.group(1) if m else None


out, last, have, changed = [], 0, set(), []
for l, r in parsed:
    tier = disk(r)
    if tier:
        last = len(out)
        have.add((r["region"], tier))
        it = price(r["region"], tier)
        if it is not None and any(t in r["source"] for t in THIRD):
            n = row(r, r["region"], tier, it, r["sku"])
            if D(n["price"]) != D(r["price"]):
                changed.append("%s %s: %s -> %s" % (r["region"], tier, r["price"], n["price"]))
            out.append(csv_line(n))
            continue
    out.append(l)

ne = {disk(r): r for _, r in parsed if disk(r) and r["region"] == "northeurope"}
added = []
for region in REGIONS:
    for tier, t in sorted(ne.items(), key=lambda x: int(x[0][1:])):
        if (region, tier) in have:
            continue
        it = price(region, tier)
        if it is None:
            continue
        added.append(csv_line(row(t, region, tier, it, tier + "-LRS")))
out[last + 1:last + 1] = added
open("azure.csv", "w", encoding="utf-8").write("".join(out))
for c in changed:
    print("price changed: " + c, file=sys.stderr)
print("added %d rows" % len(added), file=sys.stderr)
