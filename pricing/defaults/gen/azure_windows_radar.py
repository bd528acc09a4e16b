#!/usr/bin/env python3
"""Writes ../azure_windows.csv: Azure Windows VM pay-as-you-go prices of
northeurope from the Retail Prices API items andy-diericks/azure-pricing-radar
fetches every 6 hours (gen/azure_radar.py), for the VM sizes azure.csv prices
for Linux there. gen/azure_estimates.py no longer estimates these (run it
afterwards, then gen/azure_reservations.py and gen/commitments.py). Run from
pricing/defaults: python3 gen/azure_windows_radar.py > azure_windows.csv
"""
import sys

from sheets import rows, write, attrs_without
import azure_radar as ar

win = ar.windows()
out = []
for r in rows("azure.csv"):
    if r["region"] != ar.REGION or r["service"] != "compute" or r["term"] != "on_demand" or r["os"] != "linux":
        continue
    it = win.get(r["name"])
    if it is None:
        continue  # a gap, never a guess
    at = attrs_without(r["attributes"], ("source_kind", "source_note", "os_basis", "price_type"))
    out.append(dict(r, os="windows", sku=r["sku"].replace("/linux", "") + "/windows", price=str(it["retailPrice"]),
                    as_of=ar.AS_OF, source=ar.URL, attributes="price_type=Consumption;" + at + ";" + ar.KIND,
                    notes="Retail Prices API item '%s' %s (%s): %s USD/h pay as you go, Windows licence included, as fetched by "
                          "andy-diericks/azure-pricing-radar" % (it["productName"], it["meterName"], ar.REGION, it["retailPrice"])))
write(sys.stdout, "# Azure Windows VMs (pay as you go) of northeurope, written by gen/azure_windows_radar.py from "
                  "andy-diericks/azure-pricing-radar (gen/azure_radar.py).\n", out)
