#!/usr/bin/env python3
"""Rewrites, in place, the Azure internet-egress rows of ../azure.csv (sku
bandwidth-mgn-standard-data-transfer-out/<region>) of the regions for which
ratecard-cloud/ratecard captures the Retail Prices API's own Bandwidth items
(data/raw/azure/egress.json: serviceName 'Bandwidth', armRegionName '<region>',
priceType Consumption, every page), rewritten daily by that repository's
scheduled workflow .github/workflows/refresh-prices.yml (cron 17 5 * * *,
commits by ratecard-bot).

A row is rewritten only where the file holds the region's own item for the
tier ('Rtn Preference: MGN', skuName 'Standard', meterName 'Standard Data
Transfer Out', the row's tierMinimumUnits); the script stops if its figure
differs from the row's (a changed price is a decision for a person). Regions
the file does not capture (northeurope, germanywestcentral, koreacentral,
japaneast) keep their rows: their figures are their zone's meter, and which
zone a region bills in is known here only from a third-party file.

as_of is the day the workflow last confirmed the file (the run of commit
COMMIT, whose data/normalized/egress.json says Azure was collected then);
effective_start keeps the API's effectiveStartDate. Every other line is kept
byte for byte. Run from pricing/defaults: python3 gen/azure_egress.py
"""
import sys
from decimal import Decimal as D

from sheets import git_json, csv_line, sheet_lines, attr_map, attrs_without

REPO = "/work/.mirror/ratecard-cloud+ratecard/repo"
COMMIT = "b9aa8afd6a5128748e4c2b688116df99d1828d5b"  # 2026-08-22 'data: refresh prices (2026-08-22)' by ratecard-bot
PATH = "data/raw/azure/egress.json"
AS_OF = "2026-08-22"
KIND = ("source_kind=derived_dataset;source_note=Azure Retail Prices API Bandwidth items as captured daily by the "
        "scheduled workflow of a maintained public dataset")
DROP = ("source_kind", "source_note", "price_basis", "zone_source", "corroboration")

raw = git_json(REPO, COMMIT, PATH)
items = {}  # (region, tier minimum) -> item
for region_items in raw.values():
    for it in region_items:
        if (it["productName"], it["skuName"], it["meterName"], it["type"], it["unitOfMeasure"], it["currencyCode"]) == \
                ("Rtn Preference: MGN", "Standard", "Standard Data Transfer Out", "Consumption", "1 GB", "USD"):
            items[(it["armRegionName"], D(str(it["tierMinimumUnits"])))] = it
url = "https://github.com/ratecard-cloud/ratecard/blob/%s/%s" % (COMMIT, PATH)

out, done = [], []
for l, r in sheet_lines("azure.csv"):
    if not (r and r["sku"] == "bandwidth-mgn-standard-data-transfer-out/" + r["region"]):
        out.append(l)
        continue
    it = items.get((r["region"], D(r["tier_start"] or "0")))
    if it is None or r["source"] == url:  # not in the file, or already rewritten
        out.append(l)
        continue
    if D(str(it["retailPrice"])) != D(r["price"]):
        sys.exit("%s from %s: file %s, sheet %s: decide by hand" % (r["region"], r["tier_start"], it["retailPrice"], r["price"]))
    if attr_map(r["attributes"]).get("meter_id") != it["meterId"]:
        sys.exit("%s: meter %s in the file, %s in the sheet" % (r["region"], it["meterId"], attr_map(r["attributes"]).get("meter_id")))
    attrs = attrs_without(r["attributes"], DROP + ("effective_start",))
    attrs += ";sku_id=%s;effective_start=%s;price_basis=region_rows;%s" % (it["skuId"], it["effectiveStartDate"][:10], KIND)
    n = dict(r)
    n.update(as_of=AS_OF, source=url, attributes=attrs,
             notes="Retail Prices API item as captured by ratecard-bot: armRegionName '%s', productName '%s', meterName '%s', "
                   "tierMinimumUnits %s, retailPrice %s USD per GB, effectiveStartDate %s; the same figure as the item of the "
                   "same meter a test fixture recorded on %s (%s)" % (
                       it["armRegionName"], it["productName"], it["meterName"], it["tierMinimumUnits"], it["retailPrice"],
                       it["effectiveStartDate"][:10], r["as_of"], r["source"]))
    out.append(csv_line(n))
    done.append("%s@%s" % (r["region"], r["tier_start"] or "0"))
open("azure.csv", "w", encoding="utf-8").write("".join(out))
print("rewrote %d rows: %s" % (len(done), " ".join(done)), file=sys.stderr)
