"""Helpers the generators share: read a JSON file of a mirrored dataset, read
a price sheet, round a decimal, and walk the on-demand compute rows of a
provider with the Linux price of the same instance and the Windows licence
part of the row."""
import csv, io, json, subprocess
from decimal import Decimal as D, ROUND_HALF_EVEN

# The default catalog's AWS regions and the location names AWS's pricing-page data keys them by.
AWS_LOCATIONS = {"us-east-1": "US East (N. Virginia)", "us-west-2": "US West (Oregon)", "eu-west-1": "EU (Ireland)",
                 "eu-central-1": "EU (Frankfurt)", "ap-northeast-1": "Asia Pacific (Tokyo)",
                 "ap-northeast-2": "Asia Pacific (Seoul)", "ap-southeast-1": "Asia Pacific (Singapore)"}

HDR = "provider,service,provider_service,family,region,sku,name,os,vcpu,memory_gib,term,unit,price,upfront,currency,tier_start,tier_end,as_of,source,attributes,notes".split(",")


def git_json(repo, commit, path):
    """The JSON file at path in commit of the mirrored git directory repo."""
    out = subprocess.run(["git", "--git-dir=" + repo, "show", commit + ":" + path], capture_output=True, check=True)
    return json.loads(out.stdout)


def write(f, head, sheet_rows):
    """Writes a price sheet to f: the comment lines head, the header, the rows."""
    f.write(head)
    w = csv.DictWriter(f, HDR, lineterminator="\n")
    w.writeheader()
    w.writerows(sheet_rows)


def attr_map(s):
    """A row's attributes ("k=v;k=v") as a dict."""
    return dict(kv.split("=", 1) for kv in s.split(";") if "=" in kv)


def attrs_without(s, drop=("source_kind", "source_note")):
    """A row's attributes without the keys in drop (by default its source kind,
    which a row citing another source states anew), in their order."""
    return ";".join(kv for kv in s.split(";") if "=" in kv and kv.split("=", 1)[0] not in drop)


def csv_line(r):
    """One sheet row as a CSV line, in the header's column order."""
    b = io.StringIO()
    csv.DictWriter(b, HDR, lineterminator="\n").writerow(r)
    return b.getvalue()


def sheet_lines(path):
    """Every line of a price sheet, each with its row (None for comments and
    the header), so a generator can rewrite some rows and keep the rest byte
    for byte."""
    out = []
    for l in open(path, encoding="utf-8").read().splitlines(keepends=True):
        if l.startswith("#") or l.startswith("provider,"):
            out.append((l, None))
        else:
            out.append((l, dict(zip(HDR, next(csv.reader([l]))))))
    return out


def rows(path):
    """The rows of a price sheet, its # comment lines left out."""
    lines = [l for l in open(path, encoding="utf-8") if not l.startswith("#")]
    return list(csv.DictReader(io.StringIO("".join(lines))))


def q(x, places="0.00000001"):
    """x rounded half-even to places, trailing zeros dropped."""
    return str(x.quantize(D(places), rounding=ROUND_HALF_EVEN).normalize())


def compute(sheet_rows):
    """The terms the rows already price, (region, name, os, term), and for each
    on-demand compute row that has a Linux price of the same instance:
    (region, name, os, row, linux row, Linux price, Windows licence part)."""
    have = {(r["region"], r["name"], r["os"], r["term"]) for r in sheet_rows}
    od = {(r["region"], r["name"], r["os"]): r for r in sheet_rows if r["service"] == "compute" and r["term"] == "on_demand"}
    out = []
    for (region, name, os_), r in sorted(od.items()):
        lin = od.get((region, name, "linux"))
        if lin is None:
            continue
        lp = D(lin["price"])
        out.append((region, name, os_, r, lin, lp, D(r["price"]) - lp if os_ == "windows" else D(0)))
    return have, out
