#!/usr/bin/env python3
"""Google Cloud list prices from Cyclenerd/google-cloud-pricing-cost-calculator
pricing.yml, which its scheduled workflow (build-pricing.yml, weekly) rebuilds
from the Cloud Billing Catalog API and commits as github-actions[bot]
('Pricing updated'). Read at fd66b26 (generated Thu Jul 30 06:13:17 2026), the
newest version under 4 MiB in the mirror (later ones are too large for it).

As a script, it rewrites, in place, the rows of ../gcp.csv whose figure the
file confirms - on-demand machines (Linux: compute.instance.<type>.cost.<region>
.hour; Windows: that plus compute.license.<type>.cost.windows.hour) and
balanced persistent disk (compute.storage.balanced.cost.<region>.month) - to
cite it with its date, and stops on any differing figure (a changed price is a
decision for a person). Rows the file does not confirm (egress, which it keys
by destination; SQL Server licences) keep their source. gen/commitments.py
asks cud_hour() for the committed-use prices. Every other line is kept byte
for byte. Run from pricing/defaults: python3 gen/gcp_cyclenerd.py, then
python3 gen/commitments.py > commitments.csv
"""
import subprocess, sys
from decimal import Decimal as D

import yaml

REPO = "/work/.mirror/Cyclenerd+google-cloud-pricing-cost-calculator/repo"
COMMIT = "fd66b26ff84fee5cdd94f341ea89206e76c06b99"
PATH = "pricing.yml"
URL = "https://github.com/Cyclenerd/google-cloud-pricing-cost-calculator/blob/%s/%s" % (COMMIT, PATH)
AS_OF = "2026-07-30"  # about.generated
KIND = ("source_kind=derived_dataset;source_note=Cloud Billing Catalog API prices as rebuilt weekly by the scheduled "
        "workflow of a maintained public dataset")
HOURS = D(730)  # the file's month = hour x 730

_d = None


def data():
    global _d
    if _d is None:
        out = subprocess.run(["git", "--git-dir=" + REPO, "show", COMMIT + ":" + PATH], capture_output=True, check=True).stdout
        _d = yaml.safe_load(out)
        if not str(_d["about"]["generated"]).startswith("Thu Jul 30"):
            raise SystemExit("unexpected generation date %s" % _d["about"]["generated"])
    return _d


def num(x):
    return D(str(x))


def instance(name, region):
    return data()["compute"]["instance"].get(name, {}).get("cost", {}).get(region)


def windows_hour(name):
    w = data()["compute"]["license"].get(name, {}).get("cost", {}).get("windows")
    return num(w["hour"]) if w else None


def cud_hour(name, region, yrs):
    """The committed-use price of a machine per hour (month_1y or month_3y / 730), or None."""
    c = instance(name, region)
    key = "month_" + yrs
    return num(c[key]) / HOURS if c and key in c else None


def main():
    from sheets import attrs_without, csv_line, sheet_lines
    out, done = [], []
    for l, r in sheet_lines("gcp.csv"):
        if not r or r["source"] == URL or r["term"] != "on_demand":
            out.append(l)
            continue
        if r["service"] == "compute":
            c = instance(r["name"], r["region"])
            if c is None:
                out.append(l)
                continue
            want, how = num(c["hour"]), "compute.instance.%s.cost.%s.hour %s" % (r["name"], r["region"], c["hour"])
            if r["os"] == "windows":
                w = windows_hour(r["name"])
                if w is None:
                    out.append(l)
                    continue
                want += w
                how += " + compute.license.%s.cost.windows.hour %s" % (r["name"], w)
        elif r["service"] == "block_storage" and r["family"] == "general_purpose_ssd":
            c = data()["compute"]["storage"]["balanced"]["cost"].get(r["region"])
            if c is None:
                out.append(l)
                continue
            want, how = num(c["month"]), "compute.storage.balanced.cost.%s.month %s (per GiB-month)" % (r["region"], c["month"])
        else:
            out.append(l)
            continue
        if want != D(r["price"]):
            sys.exit("%s %s %s: %s in the file, %s in the sheet: decide by hand" % (r["region"], r["name"], r["os"], want, r["price"]))
        at = attrs_without(r["attributes"], ("source_kind", "source_note", "generated_timestamp"))
        note = "pricing.yml generated 2026-07-30: %s; the same figure as the %s row it replaces (%s)" % (how, r["as_of"], r["source"])
        out.append(csv_line(dict(r, as_of=AS_OF, source=URL, attributes=at + ";" + KIND, notes=note)))
        done.append("%s %s %s" % (r["region"], r["name"] or r["sku"], r["os"]))
    open("gcp.csv", "w", encoding="utf-8").write("".join(out))
    print("rewrote %d rows" % len(done), file=sys.stderr)


if __name__ == "__main__":
    main()
