#!/usr/bin/env python3
"""Writes ../rds_sqlserver.csv: Amazon RDS for SQL Server, licence included,
on demand, in every region of the default catalog: Standard on
general-purpose (db.m5, db.m6i) and memory-optimised (db.r5, db.r6i) classes
large to 8xlarge, Single-AZ and Multi-AZ; Web on the same classes
(Single-AZ: AWS offers no Multi-AZ Web); Express on db.t3 (the only classes
AWS prices it on here); and gp3 storage, Single-AZ, where database.csv has
none. RDS for SQL Server is sold licence included only (no bring-your-own
licence rows exist in the data), and the data holds no reserved prices.

Reserved prices for RDS SQL Server were looked for and not found in a dated
dataset: aws-price-watcher captures rds-*-ondemand maps only (no
rds-*-reservedinstance file in any commit up to d65c44f), and yeo/ec2.shop
(74c9fd8, 2025-04-04) captures RDS reserved maps for MySQL, MariaDB and
PostgreSQL only (data/download_rds.rb fetches no SQL Server map). The rows
stay on demand until such a source is found.

Figures are AWS's RDS pricing-page data (b0.p.awsstatic.com meteredUnitMaps
rds-sqlserver-ondemand) as processed by iann0036/aws-price-watcher into
processed/rds-sqlserver-ondemand.json: "<description>" -> "<location>
(Instance Type: ..., Memory: ..., vCPU: ...)" -> price. vCPU and memory are
the ones that file gives. Rows database.csv already has (us-east-1 db.m5.xlarge
Standard Single-AZ) are left out. Run from pricing/defaults:
python3 gen/rds_sqlserver.py > rds_sqlserver.csv
"""
import csv, io, re, sys
from decimal import Decimal as D

from sheets import HDR, git_json

REPO = "/work/.mirror/iann0036+aws-price-watcher/repo"
COMMIT = "d65c44f0cbfbfc8bf647809576a504ecf1587e8d"
PATH = "processed/rds-sqlserver-ondemand.json"
# The processed file carries no date of its own: the RDS files of the same
# commit (raw/rds-storage.json) were published 2025-05-23T18:02:35Z; the
# processed SQL Server file last changed in 88dc539 (RDS publication
# 2025-05-19), so its prices held through both publications.
AS_OF = "2025-05-23"
REGIONS = {"us-east-1": "US East (N. Virginia)", "us-west-2": "US West (Oregon)", "eu-west-1": "EU (Ireland)",
           "eu-central-1": "EU (Frankfurt)", "ap-northeast-1": "Asia Pacific (Tokyo)",
           "ap-northeast-2": "Asia Pacific (Seoul)", "ap-southeast-1": "Asia Pacific (Singapore)"}
FAMILIES = {"m5": "general_purpose", "m6i": "general_purpose", "r5": "memory_optimized", "r6i": "memory_optimized"}
SIZES = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge"]
# (edition in the description, attribute value, terraform engine suffix, families, sizes, deployments)
EDITIONS = [("Standard", "standard", "se", FAMILIES, SIZES, ["Single-AZ", "Multi-AZ"]),
            ("Web", "web", "web", FAMILIES, SIZES, ["Single-AZ"]),
            ("Express", "express", "ex", {"t3": "burstable"}, ["small", "medium", "large", "xlarge"], ["Single-AZ"])]
# Limits an edition puts on the data it serves (SQL Server Express: 10 GB per database).
LIMITS = {"express": "max_database_gb=10;"}
CLASS_TYPES = {"general_purpose": "General purpose", "memory_optimized": "Memory optimized", "burstable": "General purpose"}
LOC = re.compile(r"^(.*?) \(Instance Type: ([^,]+), Memory: ([\d.,]+) GiB, vCPU: (\d+)")


def existing():
    lines = [l for l in open("database.csv", encoding="utf-8") if not l.startswith("#")]
    out = set()
    for r in csv.DictReader(io.StringIO("".join(lines))):
        a = dict(kv.split("=", 1) for kv in r["attributes"].split(";") if "=" in kv)
        if a.get("engine") == "sqlserver":
            out.add((r["region"], r["name"], a.get("edition", ""), a.get("deployment", ""), a.get("part", "")))
    return out


have = existing()
d = git_json(REPO, COMMIT, PATH)
url = "https://github.com/iann0036/aws-price-watcher/blob/%s/%s" % (COMMIT, PATH)
kind = "source_kind=derived_dataset;source_note=AWS pricing-page data as captured and dated by a maintained public dataset"
dated = ("dated by the RDS pricing-page publication of the same commit (raw/rds-storage.json 2025-05-23T18:02:35Z; "
         "the processed file is unchanged since the 2025-05-19 publication, commit 88dc539)")
rows = []
for region, loc in REGIONS.items():
    for edition, attr, short, families, sizes, deployments in EDITIONS:
        for fam, family in families.items():
            for size in sizes:
                for dep in deployments:
                    key = "Database Instance SQL Server %s License included db %s.%s %s %s Current Generation" % (
                        edition, fam, size, CLASS_TYPES[family], dep)
                    cls = "db.%s.%s" % (fam, size)
                    deployment = dep.lower()
                    if (region, cls, attr, deployment, "") in have:
                        continue
                    hit = [(m, p) for k, p in d.get(key, {}).items() for m in [LOC.match(k)] if m and m.group(1) == loc]
                    if not hit:
                        continue  # not offered in this region: a gap, never a guess
                    m, price = hit[0]
                    if m.group(2) != cls:
                        sys.exit("class mismatch %s: %s" % (key, m.group(2)))
                    rows.append(dict(provider="aws", service="database", provider_service="AmazonRDS", family=family, region=region,
                                     sku="rds/%s/sqlserver-%s/%s" % (cls, short, deployment), name=cls, os="",
                                     vcpu=m.group(4), memory_gib=str(D(m.group(3).replace(",", "")).normalize()),
                                     term="on_demand", unit="hour", price=str(D(price).normalize()), upfront="", currency="USD",
                                     tier_start="", tier_end="", as_of=AS_OF, source=url,
                                     attributes="engine=sqlserver;edition=%s;deployment=%s;license=included;%s%s" % (
                                         attr, deployment, LIMITS.get(attr, ""), kind),
                                     notes="RDS for SQL Server %s, licence included, %s, on demand: '%s' for '%s' = %s; %s" % (
                                         edition, dep, key, loc, price, dated)))
    storage = "Database Storage Single AZ General Purpose-GP3"
    if any(h[0] == region and h[4] == "storage" for h in have):
        continue
    price = d[storage][loc]
    rows.append(dict(provider="aws", service="database", provider_service="AmazonRDS", family="storage", region=region,
                     sku="rds-storage/gp3/sqlserver/single-az", name="RDS gp3 storage (SQL Server, Single-AZ)", os="", vcpu="",
                     memory_gib="", term="on_demand", unit="gb_month", price=str(D(price).normalize()), upfront="", currency="USD",
                     tier_start="", tier_end="", as_of=AS_OF, source=url,
                     attributes="engine=sqlserver;part=storage;volume_api=gp3;deployment=single-az;%s" % kind,
                     notes="'%s' for '%s' = %s per GB-month; 3,000 IOPS and 125 MiB/s included; %s" % (storage, loc, price, dated)))
w = csv.DictWriter(sys.stdout, HDR, lineterminator="\n")
sys.stdout.write("# Amazon RDS for SQL Server, licence included, on demand (Standard and Web on db.m5/m6i/r5/r6i, Express on db.t3, gp3 storage), written by gen/rds_sqlserver.py from AWS's RDS pricing-page data.\n")
w.writeheader()
for r in rows:
    w.writerow(r)
