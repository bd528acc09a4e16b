#!/usr/bin/env python3
"""Rewrites, in place, the AWS internet-egress rows of ../aws.csv (sku
data-transfer-out-internet/<region>) of the seven regions of the default
catalog from AWS's data-transfer pricing-page data as processed by
iann0036/aws-price-watcher into processed/datatransfer.json:
"DataTransfer External Outbound <tier>" -> "<location> (StartingRange: a,
EndingRange: b)" -> USD per GB. The "... New" and "... No Wavelength"
variants of each key carry the same figures for these regions; the script
checks that they agree.

What the dataset does not carry is left as it is, never guessed:
  - the first 100 GB a month free (free_tier=aggregate rows): the dataset
    prices its first tier from 0 GB; the catalog keeps the free row and starts
    the first paid tier at 100 GB, the dataset's other boundaries (10240,
    51200, 153600 GB, unbounded) are followed as they are;
  - EBS volumes (ebs-* skus): no processed (or raw) file of the dataset holds
    EBS volume prices (processed/ec2.json is EC2 instance hours only;
    processed/rds-storage.json is RDS storage, priced differently), so every
    ebs-* row stays as it is.
A tier the dataset has and aws.csv lacks (us-east-1 above 150 TB) is added
after the region's last egress row. Every other line of aws.csv is kept byte
for byte. Run from pricing/defaults: python3 gen/aws_dt_ebs.py
"""
import csv, io, re, sys
from decimal import Decimal as D

from sheets import HDR, git_json, csv_line, sheet_lines

REPO = "/work/.mirror/iann0036+aws-price-watcher/repo"
COMMIT = "d65c44f0cbfbfc8bf647809576a504ecf1587e8d"
PATH = "processed/datatransfer.json"
# processed/datatransfer.json carries no date (its raw counterpart, which would
# hold the pricing page's publication date, is not in the snapshot): as_of is
# the date of the dataset commit. The file is only rewritten when a figure
# changes; it last changed in 547f3d7 (2025-05-05) and still held at d65c44f.
AS_OF = "2025-05-24"
REGIONS = {"us-east-1": "US East (N. Virginia)", "us-west-2": "US West (Oregon)", "eu-west-1": "EU (Ireland)",
           "eu-central-1": "EU (Frankfurt)", "ap-northeast-2": "Asia Pacific (Seoul)",
           "ap-northeast-1": "Asia Pacific (Tokyo)", "ap-southeast-1": "Asia Pacific (Singapore)"}
TIERS = ["Next 10 TB", "Next 40 TB", "Next 100 TB", "Greater than 150 TB"]
KEY = "DataTransfer External Outbound %s"
VARIANTS = [" New", " No Wavelength"]
FREE_END = D(100)  # the catalog's free first tier (free_tier=aggregate), kept as it is
KIND = "source_kind=derived_dataset;source_note=AWS pricing-page data as captured and dated by a maintained public dataset"
RANGE = re.compile(r"^(.*) \(StartingRange: (\d+), EndingRange: (\d+|Inf)\)$")

d = git_json(REPO, COMMIT, PATH)
url = "https://github.com/iann0036/aws-price-watcher/blob/%s/%s" % (COMMIT, PATH)


def tiers(loc):
    """The dataset's tiers for a location: [(start, end or None, price, key, location key)]."""
    out = []
    for t in TIERS:
        key = KEY % t
        hit = [(m, k, p) for k, p in d.get(key, {}).items() for m in [RANGE.match(k)] if m and m.group(1) == loc]
        if not hit:
            continue  # a gap, never a guess
        m, k, p = hit[0]
        for v in VARIANTS:
            if d.get(key + v, {}).get(k, p) != p:
                sys.exit("%s: '%s' and '%s' disagree for %s" % (loc, key, key + v, k))
        end = None if m.group(3) == "Inf" else D(m.group(3))
        out.append((D(m.group(2)), end, p, key, k))
    return out


def attrs(s):
    kv = [x.split("=", 1) for x in s.split(";") if "=" in x]
    return ";".join("%s=%s" % (k, v) for k, v in kv if k not in ("source_kind", "source_note"))


def row(template, tier):
    start, end, price, key, k = tier
    first = start == 0
    note = "'%s' for '%s' = %s USD/GB" % (key, k, price)
    if first:
        note += ("; the dataset starts this tier at 0 GB: the catalog starts it at 100 GB because the first 100 GB a month "
                 "are the free aggregate allowance of the free_tier row, which the dataset does not carry")
    note += ("; the '... New' and '... No Wavelength' keys give the same figure; processed file undated: as_of is the date of "
             "dataset commit d65c44f (2025-05-24), the file last changed in 547f3d7 (2025-05-05)")
    r = dict(template)
    r.update(price=str(D(price).normalize()), upfront="", tier_start=str(FREE_END if first else start),
             tier_end="" if end is None else str(end), as_of=AS_OF, source=url,
             attributes=attrs(template["attributes"]) + ";" + KIND, notes=note)
    return r



parsed = sheet_lines("aws.csv")  # (line, row or None)

want = {reg: tiers(loc) for reg, loc in REGIONS.items()}
last = {}  # region -> index of its last egress line
for i, (l, r) in enumerate(parsed):
    if r and r["sku"] == "data-transfer-out-internet/" + r["region"] and r["region"] in REGIONS:
        last[r["region"]] = i
out, done, kept = [], {reg: set() for reg in REGIONS}, []
for i, (l, r) in enumerate(parsed):
    reg = r and r["region"]
    if r and reg in last and r["sku"] == "data-transfer-out-internet/" + reg:
        a = dict(x.split("=", 1) for x in r["attributes"].split(";") if "=" in x)
        start = D(r["tier_start"] or "0")
        if a.get("free_tier") == "aggregate":
            out.append(l)
            kept.append("%s free tier 0-100 GB" % reg)
        else:
            hit = [t for t in want[reg] if (FREE_END if t[0] == 0 else t[0]) == start]
            if hit:
                out.append(csv_line(row(r, hit[0])))
                done[reg].add(hit[0][0])
            else:
                out.append(l)
                kept.append("%s tier from %s GB" % (reg, start))
        if i == last[reg]:
            template = r
            for t in want[reg]:
                if t[0] not in done[reg]:
                    out.append(csv_line(row(template, t)))
                    done[reg].add(t[0])
                    print("added %s tier from %s GB" % (reg, t[0]), file=sys.stderr)
        continue
    out.append(l)
open("aws.csv", "w", encoding="utf-8").write("".join(out))
for k in kept:
    print("kept (not in the dataset): " + k, file=sys.stderr)
print("kept (not in the dataset): every ebs-* row", file=sys.stderr)
