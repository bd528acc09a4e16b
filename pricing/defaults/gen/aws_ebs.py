#!/usr/bin/env python3
"""Rewrites, in place, the EBS gp3 and gp2 volume rows of ../aws.csv (skus
ebs-gp3/<region>, ebs-gp2/<region>) of the seven regions of the default
catalog from AWS's EBS pricing-page data (b0.p.awsstatic.com
meteredUnitMaps/ec2/USD/current/ebs.json, manifest hawkFilePublicationDate
2024-07-18) as captured by yeo/ec2.shop's scheduled price workflow into
data/ebs/ebs.json: regions -> "<location>" -> "Storage General Purpose gp3
GB Mo" -> price, USD per GB-month.

A row is rewritten only where the dataset has the figure; the script stops if
a figure differs from the row it replaces (a changed price is a decision for
a person, not a generator). The replaced row's source and date are kept in
the notes: they show the same figure was still quoted after the dataset's
date. Every other line of aws.csv is kept byte for byte.
Run from pricing/defaults: python3 gen/aws_ebs.py
"""
import sys
from decimal import Decimal as D

from sheets import AWS_LOCATIONS, git_json, csv_line, sheet_lines, attr_map

REPO = "/work/.mirror/yeo+ec2.shop/repo"
COMMIT = "576c890f33ae177837e93499866aa04a0ac4fa89"  # 2024-07-18 "re-fetch data", the file's last change
PATH = "data/ebs/ebs.json"
REGIONS = AWS_LOCATIONS
KEYS = {"gp3": "Storage General Purpose gp3 GB Mo", "gp2": "Storage General Purpose gp2 GB Mo"}
KIND = "source_kind=derived_dataset;source_note=AWS pricing-page data as captured and dated by a maintained public dataset"
KEEP = ("volume_api", "baseline_iops", "baseline_throughput_mibps")

d = git_json(REPO, COMMIT, PATH)
as_of = d["manifest"]["hawkFilePublicationDate"][:10]
url = "https://github.com/yeo/ec2.shop/blob/%s/%s" % (COMMIT, PATH)

out, done = [], []
for l, r in sheet_lines("aws.csv"):
    vol = r and r["sku"].startswith("ebs-") and r["sku"][4:].split("/")[0]
    if not (r and vol in KEYS and r["region"] in REGIONS and r["sku"] == "ebs-%s/%s" % (vol, r["region"])):
        out.append(l)
        continue
    hit = d["regions"].get(REGIONS[r["region"]], {}).get(KEYS[vol])
    if not hit or r["source"] == url:  # a gap, never a guess; or already rewritten
        out.append(l)
        continue
    if D(hit["price"]) != D(r["price"]):
        sys.exit("%s: dataset %s, sheet %s: decide by hand" % (r["sku"], hit["price"], r["price"]))
    attrs = ";".join("%s=%s" % kv for kv in attr_map(r["attributes"]).items() if kv[0] in KEEP)
    attrs = (attrs + ";" if attrs else "") + "rate_code=%s;%s" % (hit["rateCode"], KIND)
    note = ("ec2.shop data/ebs/ebs.json (AWS EBS pricing-page data, manifest hawkFilePublicationDate %s): '%s' for '%s' = %s USD "
            "per GB-month; the same figure was quoted on %s by %s" % (
                d["manifest"]["hawkFilePublicationDate"], KEYS[vol], REGIONS[r["region"]], hit["price"], r["as_of"], r["source"]))
    if vol == "gp3":
        note += "; IOPS above 3,000 and throughput above 125 MiB/s are billed apart and not included"
    n = dict(r)
    n.update(as_of=as_of, source=url, attributes=attrs, notes=note)
    out.append(csv_line(n))
    done.append(r["sku"])
open("aws.csv", "w", encoding="utf-8").write("".join(out))
print("rewrote %d rows: %s" % (len(done), " ".join(sorted(done))), file=sys.stderr)
