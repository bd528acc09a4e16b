#!/usr/bin/env python3
"""Writes ../rds.csv: Amazon RDS for PostgreSQL and MySQL, Single-AZ, on demand
and reserved (1 year no upfront, 1 year partial upfront, 3 years partial
upfront) for general-purpose and memory-optimised classes, in every region of
the default catalog. Figures are AWS's own RDS pricing-page data
(b0.p.awsstatic.com meteredUnitMaps rds-<engine>-reservedinstance, publication
2025-04-04) as captured by yeo/ec2.shop; each reserved record carries the
on-demand price it is compared with. vCPU and memory are the published specs
of the DB instance class. Run from pricing/defaults: python3 gen/rds.py

With the argument multi-az it writes ../rds_multiaz.csv instead: the Multi-AZ
(one standby) on-demand price of the same classes, the OnDemand:PricePerUnit
of the Multi-AZ reserved-instance records; no need asks for high availability
yet, so quotes price Single-AZ and only note the Multi-AZ price beside it:
python3 gen/rds.py multi-az > rds_multiaz.csv
"""
import csv, io, subprocess, sys
from decimal import Decimal as D

from sheets import HDR, git_json

REPO = "/work/.mirror/yeo+ec2.shop/repo"
COMMIT = "74c9fd8ab5acfd9511cd6535f914d47071601ad2"
REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-1", "ap-northeast-2", "ap-southeast-1"]
FILES = {"reserved_1y_no_upfront": "1y", "reserved_1y_partial_upfront": "1y-partial", "reserved_3y_partial_upfront": "3y"}
SIZES = {"micro": 0.5, "small": 1, "medium": 2, "large": 4, "xlarge": 8, "2xlarge": 16, "4xlarge": 32, "8xlarge": 64,
         "12xlarge": 96, "16xlarge": 128}
# vCPU per "large" unit and GiB per vCPU by class family (AWS instance class specs).
FAMILIES = {"m5": ("general_purpose", 8 / 2), "m6i": ("general_purpose", 4), "m6g": ("general_purpose", 4), "m7g": ("general_purpose", 4),
            "r5": ("memory_optimized", 8), "r6i": ("memory_optimized", 8), "r6g": ("memory_optimized", 8), "r7g": ("memory_optimized", 8)}

def show(path):
    try:
        return git_json(REPO, COMMIT, path)
    except subprocess.CalledProcessError:
        return None

def existing():
    lines = [l for l in open("database.csv", encoding="utf-8") if not l.startswith("#")]
    out = set()
    for r in csv.DictReader(io.StringIO("".join(lines))):
        eng = dict(kv.split("=", 1) for kv in r["attributes"].split(";") if "=" in kv).get("engine")
        out.add((r["region"], r["name"], eng, r["term"]))
    return out

MULTI = sys.argv[1:] == ["multi-az"]
DEPLOYMENT, DEP_NAME = ("multi-az", "Multi-AZ") if MULTI else ("single-az", "Single-AZ")
have = existing()
rows = []
for region in REGIONS:
    for engine in ("postgresql", "mysql"):
        od_done = set()
        for term, suffix in FILES.items():
            path = "data/rds/%s-rds-%s-reservedinstance-%s-%s.json" % (region, engine, DEPLOYMENT, suffix)
            d = show(path)
            if not d:
                continue
            pub = d["manifest"].get("hawkFilePublicationDate", "2025-04-04")[:10]
            url = "https://github.com/yeo/ec2.shop/blob/%s/%s" % (COMMIT, path)
            for v in sorted(list(d["regions"].values())[0].values(), key=lambda v: v["Instance Type"]):
                cls = v["Instance Type"]  # db.m6i.large
                fam, size = cls[3:].split(".", 1)
                if fam not in FAMILIES or size not in SIZES or SIZES[size] < 4:
                    continue
                family, gib_per_vcpu = FAMILIES[fam]
                vcpu = int(SIZES[size] / 2)
                mem = int(vcpu * gib_per_vcpu)
                attrs = "engine=%s;deployment=%s;license=no-license-required;source_kind=derived_dataset;source_note=AWS pricing-page data as captured and dated by a maintained public dataset" % (engine, DEPLOYMENT)
                base = dict(provider="aws", service="database", provider_service="AmazonRDS", family=family, region=region,
                            sku=v["OnDemand:RateCode"].split(".")[0] + "/" + engine, name=cls, os="", vcpu=vcpu, memory_gib=mem,
                            unit="hour", currency="USD", tier_start="", tier_end="", as_of=pub, source=url)
                if cls not in od_done and (MULTI or (region, cls, engine, "on_demand") not in have):
                    od_done.add(cls)
                    rows.append(dict(base, term="on_demand", price=str(D(v["OnDemand:PricePerUnit"]).normalize()), upfront="",
                                     attributes=attrs + ";rate_code=" + v["OnDemand:RateCode"],
                                     notes="RDS for %s %s on demand, the OnDemand:PricePerUnit of the reserved-instance record" % (engine, DEP_NAME)))
                if MULTI or (region, cls, engine, term) in have:
                    continue
                up = v.get("riupfront:PricePerUnit", "")
                rows.append(dict(base, term=term, price=str(D(v["price"]).normalize()), upfront=up,
                                 attributes=attrs + ";rate_code=" + v["rateCode"],
                                 notes="RDS reserved %s %s (on demand %s)" % (v["plc:LeaseContractLength"], v["PurchaseOption"], D(v["OnDemand:PricePerUnit"]).normalize())))
w = csv.DictWriter(sys.stdout, HDR, lineterminator="\n")
if MULTI:
    sys.stdout.write("# Amazon RDS for PostgreSQL and MySQL, Multi-AZ (one standby), db.m*/db.r* large and up: on demand, written by gen/rds.py multi-az from AWS's RDS pricing-page data.\n")
else:
    sys.stdout.write("# Amazon RDS for PostgreSQL and MySQL, Single-AZ, db.m*/db.r* large and up: on demand and reserved, written by gen/rds.py from AWS's RDS pricing-page data.\n")
w.writeheader()
for r in rows:
    w.writerow(r)
