#!/usr/bin/env python3
"""Rewrites, in place, the Azure Linux VM pay-as-you-go rows of ../azure.csv
that cite Azure/karpenter-provider-azure's generated price table (built
2023-12-18) to cite a newer dated rebuild of the Retail Prices API that gives
the same figure: tivec8740-lab/azure-price-my (koreacentral, japaneast,
southeastasia; gen/azure_tivec.py, 2026-09-29) or andy-diericks/azure-pricing-
radar (northeurope; gen/azure_radar.py, 2026-08-22). It stops on a differing
figure (a changed price is a decision for a person); rows neither confirms
(germanywestcentral) keep their source. Every other line is kept byte for
byte. Run from pricing/defaults, then gen/azure_estimates.py,
gen/azure_reservations.py and gen/commitments.py:
python3 gen/azure_vm_recite.py
"""
import sys
from decimal import Decimal as D

from sheets import csv_line, sheet_lines, attrs_without
import azure_radar as ar
import azure_tivec as tv

OLD = "github.com/Azure/karpenter-provider-azure/"
out, done = [], []
for l, r in sheet_lines("azure.csv"):
    if not r or r["service"] != "compute" or r["term"] != "on_demand" or r["os"] != "linux" or OLD not in r["source"]:
        out.append(l)
        continue
    e = tv.PRICES.get((r["name"], r["region"]))
    it = ar.linux(r["name"]) if r["region"] == ar.REGION else None
    if e:
        price, effective, where = D(e["payg"][0]), e["payg"][1], "read at character %d" % e["payg"][2]
        src, as_of, kind, who = tv.URL, tv.AS_OF, tv.KIND, "tivec8740-lab/azure-price-my (generatedAt 2026-09-29)"
    elif it:
        price, effective, where = D(str(it["retailPrice"])), "", "item '%s' %s" % (it["productName"], it["meterName"])
        src, as_of, kind, who = ar.URL, ar.AS_OF, ar.KIND, "andy-diericks/azure-pricing-radar (bot run 2026-08-22)"
    else:
        out.append(l)
        continue
    if price != D(r["price"]):
        sys.exit("%s %s: %s in the newer source, %s in the sheet: decide by hand" % (r["region"], r["name"], price, r["price"]))
    at = attrs_without(r["attributes"])
    if effective:
        at += ";effective_start=" + effective
    note = ("Retail Prices API pay-as-you-go price %s USD/h (%s, %s) as rebuilt by %s; the same figure as the table of "
            "Azure/karpenter-provider-azure (2023-12-18) it replaces" % (price, r["region"], where, who))
    out.append(csv_line(dict(r, as_of=as_of, source=src, attributes=at + ";" + kind, notes=note)))
    done.append("%s %s" % (r["region"], r["name"]))
open("azure.csv", "w", encoding="utf-8").write("".join(out))
print("rewrote %d rows: %s" % (len(done), "; ".join(done)), file=sys.stderr)
