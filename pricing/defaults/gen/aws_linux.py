#!/usr/bin/env python3
"""Writes ../aws_linux.csv: the Linux on-demand price of every EC2 type that
aws.csv prices for Windows only, so that a Windows price splits into the
instance and its licence the same way as on Azure and GCP. Figures are AWS's
EC2 pricing-page data (b0.p.awsstatic.com meteredUnitMaps
ec2-ondemand-without-sec-sel, Linux, publication 2025-04-04) as captured by
yeo/ec2.shop. Run from pricing/defaults: python3 gen/aws_linux.py
"""
import csv, io, json, subprocess, sys
from decimal import Decimal as D

REPO = "/work/.mirror/yeo+ec2.shop/repo"
COMMIT = "74c9fd8ab5acfd9511cd6535f914d47071601ad2"
HDR = "provider,service,provider_service,family,region,sku,name,os,vcpu,memory_gib,term,unit,price,upfront,currency,tier_start,tier_end,as_of,source,attributes,notes".split(",")

lines = [l for l in open("aws.csv", encoding="utf-8") if not l.startswith("#")]
rs = list(csv.DictReader(io.StringIO("".join(lines))))
od = {(r["region"], r["name"], r["os"]): r for r in rs if r["service"] == "compute" and r["term"] == "on_demand"}
want = sorted({(reg, n) for (reg, n, o) in od if o == "windows" and (reg, n, "linux") not in od})
out = []
cache = {}
for region, name in want:
    path = "data/ec2/%s-ondemand.json" % region
    if path not in cache:
        b = subprocess.run(["git", "-C", REPO, "show", COMMIT + ":" + path], capture_output=True, check=True).stdout
        cache[path] = json.loads(b)
    d = cache[path]
    pub = d["manifest"]["hawkFilePublicationDate"][:10]
    for v in list(d["regions"].values())[0].values():
        if v["Instance Type"] != name or v["Operating System"] != "Linux" or v["Pre Installed S/W"] != "NA":
            continue
        w = od[(region, name, "windows")]
        out.append(dict(w, sku=v["rateCode"].split(".")[0], os="linux", vcpu=v["vCPU"], memory_gib=v["Memory"].split()[0].replace(",", ""),
                        price=str(D(v["price"]).normalize()), upfront="", as_of=pub,
                        source="https://github.com/yeo/ec2.shop/blob/%s/%s" % (COMMIT, path),
                        attributes="tenancy=Shared;preinstalled_sw=NA;rate_code=" + v["rateCode"],
                        notes="AWS EC2 pricing page data (ec2-ondemand-without-sec-sel, Linux) captured by yeo/ec2.shop; the Linux price of a type priced for Windows in aws.csv"))
        break
wr = csv.DictWriter(sys.stdout, HDR, lineterminator="\n")
sys.stdout.write("# EC2 Linux on-demand prices of the types aws.csv prices for Windows only, written by gen/aws_linux.py from AWS's EC2 pricing-page data.\n")
wr.writeheader()
for r in out:
    wr.writerow(r)
