#!/usr/bin/env python3
"""Adds to ../aws.csv the EC2 Windows on-demand rows of us-west-2 from the
2023-01-06 scrape of the AWS On-Demand pricing page (Windows tab) that
Zeebrow/ec2-price-tracker keeps as example data: the same scrape, commit and
instance types the sheet already cites for the other regions (t2, t3, t3a).
A third-party source (a one-off scrape, no scheduled job), flagged as such on
every line; it fills a gap no provider or maintained dataset fills (yeo/ec2.shop
and iann0036/aws-price-watcher capture Linux only).

Rows are modelled on the us-east-1 rows of the same scrape (attributes, notes
form) and placed after them; existing us-west-2 Windows rows are rewritten.
Every other line is kept byte for byte. Run from pricing/defaults:
python3 gen/aws_windows_zeebrow.py
"""
import csv, subprocess, sys
from decimal import Decimal as D

from sheets import csv_line, sheet_lines

REPO = "/work/.mirror/Zeebrow+ec2-price-tracker/repo"
COMMIT = "f13e06bab8c725f446c10f3ef8cb97f6aaf6de26"
TEMPLATE, REGION = "us-east-1", "us-west-2"
PATH = "example-data/csv-data/ec2/2023-01-06/Windows/%s.csv" % REGION
URL = "https://github.com/Zeebrow/ec2-price-tracker/blob/%s/%s" % (COMMIT, PATH)

text = subprocess.run(["git", "--git-dir=" + REPO, "show", COMMIT + ":" + PATH], capture_output=True, check=True, text=True).stdout
scrape = {}
for r in csv.DictReader(text.splitlines()):
    scrape.setdefault(r["instance_type"], r)  # the page repeats its table; the first row of a type is kept

lines = sheet_lines("aws.csv")
is_win = lambda r, reg: r and r["region"] == reg and r["os"] == "windows" and "Zeebrow/ec2-price-tracker" in r["source"]
templates = [r for l, r in lines if is_win(r, TEMPLATE)]
last = max(i for i, (l, r) in enumerate(lines) if is_win(r, TEMPLATE))
new = []
for t in templates:
    s = scrape.get(t["name"])
    if s is None:
        continue  # a gap, never a guess
    ram = s["ram_size_gb"].replace(" GiB", "")
    if s["cpu_ct"] != t["vcpu"] or D(ram) != D(t["memory_gib"]):
        sys.exit("%s: scrape says %s vCPU %s GiB, template %s/%s" % (t["name"], s["cpu_ct"], ram, t["vcpu"], t["memory_gib"]))
    n = dict(t)
    n.update(region=REGION, price=s["cost_per_hr"].lstrip("$"), source=URL,
             notes="ec2-price-tracker scrape of the AWS On-Demand pricing page (Windows tab) run 2023-01-06, region %s; "
                   "file line '%s,%s,%s,%s,...'" % (REGION, s["instance_type"], s["cost_per_hr"], s["cpu_ct"], s["ram_size_gb"]))
    new.append(csv_line(n))
out = [l for i, (l, r) in enumerate(lines) if not is_win(r, REGION)]
at = sum(1 for i, (l, r) in enumerate(lines) if i <= last and not is_win(r, REGION))
out[at:at] = new
open("aws.csv", "w", encoding="utf-8").write("".join(out))
print("%d %s Windows rows from %s" % (len(new), REGION, URL), file=sys.stderr)
