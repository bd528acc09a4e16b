#!/usr/bin/env python3
"""Rewrites, in place, the DigitalOcean Droplet rows of ../digitalocean.csv to
cite the newest capture of DigitalOcean's own API (GET /v2/sizes) found:
ratecard-cloud/ratecard data/raw/digitalocean/compute.json, saved by the
daily scheduled workflow refresh-prices.yml (collector
pipeline/collectors/digitalocean.mjs, committed by ratecard-bot).

A row is rewritten where the capture lists its size as available in the row's
region at the row's monthly price (and the row's hourly price attribute
matches); the script stops on a differing figure (a changed price is a
decision for a person). Sizes or regions the capture lacks keep their row.
Every other line is kept byte for byte. Run from pricing/defaults:
python3 gen/do_ratecard.py
"""
import sys
from decimal import Decimal as D

from sheets import git_json, csv_line, sheet_lines, attr_map, attrs_without

REPO = "/work/.mirror/ratecard-cloud+ratecard/repo"
COMMIT = "b9aa8afd6a5128748e4c2b688116df99d1828d5b"  # 2026-08-22 'data: refresh prices (2026-08-22)' by ratecard-bot
PATH = "data/raw/digitalocean/compute.json"
URL = "https://github.com/ratecard-cloud/ratecard/blob/%s/%s" % (COMMIT, PATH)
AS_OF = "2026-08-22"
KIND = ("source_kind=derived_dataset;source_note=DigitalOcean API /v2/sizes response as saved daily by the scheduled "
        "workflow of a maintained public dataset")

sizes = {s["slug"]: s for s in git_json(REPO, COMMIT, PATH)["sizes"]}
out, done = [], []
for l, r in sheet_lines("digitalocean.csv"):
    s = r and r["service"] == "compute" and r["term"] == "on_demand" and r["source"] != URL and sizes.get(r["sku"])
    if not s or not s["available"] or r["region"] not in s["regions"]:
        out.append(l)
        continue
    a = attr_map(r["attributes"])
    if D(str(s["price_monthly"])) != D(r["price"]) or ("price_hourly" in a and D(str(s["price_hourly"])) != D(a["price_hourly"])):
        sys.exit("%s %s: %s/%s in the capture, %s/%s in the sheet: decide by hand" % (
            r["region"], r["sku"], s["price_monthly"], s["price_hourly"], r["price"], a.get("price_hourly")))
    at = attrs_without(r["attributes"])
    out.append(csv_line(dict(r, as_of=AS_OF, source=URL, attributes=at + ";" + KIND,
                             notes="DigitalOcean API /v2/sizes as saved by ratecard-bot on 2026-08-22: '%s' price_monthly %s, "
                                   "price_hourly %s, available in %s; the same as the %s capture it replaces (%s)" % (
                                       s["slug"], s["price_monthly"], s["price_hourly"], r["region"], r["as_of"], r["source"]))))
    done.append("%s %s" % (r["region"], r["sku"]))
open("digitalocean.csv", "w", encoding="utf-8").write("".join(out))
print("rewrote %d rows" % len(done), file=sys.stderr)
