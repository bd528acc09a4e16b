#!/usr/bin/env python3
"""Writes ../rds_storage.csv: Amazon RDS gp3 storage, Single-AZ, per GB-month,
for PostgreSQL and MySQL in every region of the default catalog, and for SQL
Server in us-east-1 (rds_sqlserver.csv has the other regions), where
database.csv has no such row, from AWS's RDS
pricing-page data (b0.p.awsstatic.com meteredUnitMaps rds-<engine>-ondemand)
as processed by iann0036/aws-price-watcher into
processed/rds-<engine>-ondemand.json: "Database Storage Single AZ General
Purpose-GP3" -> "<location>" -> price.

It then drops from ../database.csv the third-party storage rows these replace
(skus rds-storage-gp3/<engine> and rds/gp3-storage/<engine>/single-az), and
stops if any of them gives a figure other than the dataset's: a changed price
is a decision for a person. Every other line of database.csv is kept byte for
byte. Run from pricing/defaults: python3 gen/rds_storage.py
"""
import sys
from decimal import Decimal as D

from sheets import AWS_LOCATIONS, git_json, write, sheet_lines, attr_map

REPO = "/work/.mirror/iann0036+aws-price-watcher/repo"
COMMIT = "d65c44f0cbfbfc8bf647809576a504ecf1587e8d"
# The processed files carry no date of their own: the RDS files of the same
# commit (raw/rds-storage.json) were published 2025-05-23T18:02:35Z (as in
# gen/rds_sqlserver.py).
AS_OF = "2025-05-23"
REGIONS = AWS_LOCATIONS
ENGINES = {"postgresql": ("PostgreSQL", list(REGIONS)), "mysql": ("MySQL", list(REGIONS)),
           "sqlserver": ("SQL Server", ["us-east-1"])}
KEY = "Database Storage Single AZ General Purpose-GP3"
KIND = "source_kind=derived_dataset;source_note=AWS pricing-page data as captured and dated by a maintained public dataset"

# Regions database.csv already prices from a dataset (yeo/ec2.shop's MySQL map) keep their row.
have = {(r["region"], r["sku"]) for l, r in sheet_lines("database.csv") if r}
rows, price = [], {}
for eng, (label, regions) in ENGINES.items():
    path = "processed/rds-%s-ondemand.json" % eng
    d = git_json(REPO, COMMIT, path)[KEY]
    for reg in regions:
        p = d.get(REGIONS[reg])
        if p is None:
            continue  # a gap, never a guess
        price[(reg, eng)] = D(p)
        if (reg, "rds-storage/gp3/%s/single-az" % eng) in have:
            continue
        rows.append(dict(provider="aws", service="database", provider_service="AmazonRDS", family="storage", region=reg,
                         sku="rds-storage/gp3/%s/single-az" % eng, name="RDS gp3 storage (%s, Single-AZ)" % label,
                         os="", vcpu="", memory_gib="", term="on_demand", unit="gb_month", price=str(D(p).normalize()),
                         upfront="", currency="USD", tier_start="", tier_end="", as_of=AS_OF,
                         source="https://github.com/iann0036/aws-price-watcher/blob/%s/%s" % (COMMIT, path),
                         attributes="engine=%s;part=storage;volume_api=gp3;deployment=single-az;%s" % (eng, KIND),
                         notes="'%s' for '%s' = %s per GB-month; 3,000 IOPS and 125 MiB/s included; dated by the RDS "
                               "pricing-page publication of the same commit (raw/rds-storage.json 2025-05-23T18:02:35Z)"
                               % (KEY, REGIONS[reg], p)))

with open("rds_storage.csv", "w", encoding="utf-8") as f:
    write(f, "# Amazon RDS gp3 storage (Single-AZ), written by gen/rds_storage.py from iann0036/aws-price-watcher "
             "processed/rds-<engine>-ondemand.json @ %s.\n" % COMMIT[:7], rows)

out, dropped = [], []
for l, r in sheet_lines("database.csv"):
    if r and r["provider"] == "aws" and "part=storage" in r["attributes"] and (
            r["sku"].startswith("rds-storage-gp3/") or r["sku"].startswith("rds/gp3-storage/")):
        eng = attr_map(r["attributes"])["engine"]
        want = price.get((r["region"], eng))
        if want is None:
            out.append(l)
            continue
        if want != D(r["price"]):
            sys.exit("%s %s: dataset %s, sheet %s: decide by hand" % (r["region"], r["sku"], want, r["price"]))
        dropped.append("%s %s (%s, %s)" % (r["region"], r["sku"], r["as_of"], r["source"]))
        continue
    out.append(l)
open("database.csv", "w", encoding="utf-8").write("".join(out))
print("wrote %d rows; dropped from database.csv (same figure):\n  %s" % (len(rows), "\n  ".join(dropped)), file=sys.stderr)
