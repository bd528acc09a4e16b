"""Azure VM 1-year savings-plan prices for northeurope from
andy-diericks/azure-pricing-radar data/latest/vm-northeurope.json: Retail
Prices API items (priceType Consumption) with 'savingsPlanPrice', the
retailPrice of the item's '1 Year' savingsPlan entry (scripts/fetch_prices.py),
fetched every 6 hours by the scheduled workflow .github/workflows/fetch-prices.yml
and committed by pricing-radar-bot. The file holds no 3-year savings plan and
no reservation. Linux VM items only (productName 'Virtual Machines ...' without 'Windows', no Spot or Low Priority meters); keyed by
skuName (the ARM SKU name). As of: the bot run of COMMIT, which found the file
unchanged since its last change on 2026-08-20.
"""
from decimal import Decimal as D

from sheets import git_json

REPO = "/work/.mirror/andy-diericks+azure-pricing-radar/repo"
COMMIT = "cf741f25c50759745f8eb5dcaf6c3746669c8f31"  # 2026-08-22 'data: price snapshot 2026-08-22T21:00' by pricing-radar-bot
PATH = "data/latest/vm-northeurope.json"
URL = "https://github.com/andy-diericks/azure-pricing-radar/blob/%s/%s" % (COMMIT, PATH)
AS_OF = "2026-08-22"
REGION = "northeurope"
KIND = ("source_kind=derived_dataset;source_note=Azure Retail Prices API items as fetched every 6 hours by the scheduled "
        "workflow of a maintained public dataset")

_items = None
_linux = {}


def sp_1y(region, name, linux_price):
    """(savings-plan price, pay-as-you-go) of the Linux VM name, or None. Stops
    when the file's pay-as-you-go differs from the catalog's."""
    global _items
    if region != REGION:
        return None
    if _items is None:
        _items = {}
        for it in git_json(REPO, COMMIT, PATH).values():
            if not it["productName"].startswith("Virtual Machines") or not it["skuName"].startswith("Standard_") \
                    or "Windows" in it["productName"] or "Spot" in it["meterName"] or "Low Priority" in it["meterName"]:
                continue
            _linux[it["skuName"]] = it
            if "savingsPlanPrice" not in it:
                continue
            if it["skuName"] in _items and _items[it["skuName"]] != it:
                raise SystemExit("%s: two items in the file" % it["skuName"])
            _items[it["skuName"]] = it
    it = _items.get(name)
    if it is None or not name:
        return None
    if D(str(it["retailPrice"])) != D(linux_price):
        raise SystemExit("%s %s: pay-as-you-go %s in the file, %s in the catalog" % (region, name, it["retailPrice"], linux_price))
    return D(str(it["savingsPlanPrice"])), it


def windows():
    """The file's Windows VM items (productName 'Virtual Machines ... Windows', no
    Spot or Low Priority meters) by skuName; stops on two different items of one SKU."""
    out = {}
    for it in git_json(REPO, COMMIT, PATH).values():
        if not it["productName"].startswith("Virtual Machines") or not it["productName"].endswith("Windows") \
                or not it["skuName"].startswith("Standard_") or "Spot" in it["meterName"] or "Low Priority" in it["meterName"]:
            continue
        if it["skuName"] in out and out[it["skuName"]]["retailPrice"] != it["retailPrice"]:
            raise SystemExit("%s: two Windows items in the file" % it["skuName"])
        out[it["skuName"]] = it
    return out


def linux(name):
    """The file's Linux pay-as-you-go item of a VM SKU (no Spot or Low Priority), or None."""
    sp_1y(REGION, "", "0")  # loads the items
    return _linux.get(name)
