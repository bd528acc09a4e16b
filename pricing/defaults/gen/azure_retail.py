#!/usr/bin/env python3
# koreacentral, japaneast and southeastasia rows of azure_flex_mo.csv are then rewritten (and koreacentral added) from tivec8740-lab/azure-price-my by gen/azure_flex_tivec.py.
"""Writes the Azure sheets of issue 12, from Azure Retail Prices API captures:

  azure_appservice.csv  App Service plans B1-B3, S1-S3, P0v3-P3v3 (Linux, Windows)
  azure_sqldb.csv       SQL Database General Purpose Gen5 provisioned, 2-16 vCore, and its storage
  azure_flex_mo.csv     PostgreSQL / MySQL flexible server Memory Optimized Edsv5, 2-16 vCore

Run from pricing/defaults: python3 gen/azure_retail.py

Sources, in order of preference:
  * the Retail Prices API responses per region and service committed by
    Arturo-Quiroga-MSFT/azure-architecture-diagram-builder (snapshot 2026-08-15,
    api-version 2023-01-01-preview, so Consumption items carry savingsPlan),
    fetched to MIRROR below;
  * the eastus App Service and SQL Database captures of
    rshade/finfocus-plugin-azure-public (read from the index: the snapshot that
    can be fetched predates them), transcribed in EASTUS_* with their skuIds;
  * for koreacentral App Service only, a third-party changelog quoting the live API;
  * SQL Database General Purpose storage outside eastus: Flexera's scheduled
    Retail Prices API file (FLEX_* below) where its skuId is the capture's.
Rows the other sheets already hold (same region and skuId) are skipped.
"""
import json, subprocess, sys
from decimal import Decimal as D
from sheets import HDR, git_json, rows, write

MIRROR = "/work/.mirror/Arturo-Quiroga-MSFT+azure-architecture-diagram-builder/repo"
AQ_COMMIT = "31f894ae29cc7d61e973db6f6ddff710d68a4fb2"
AQ_REGIONS = ("westus2", "northeurope", "southeastasia", "japaneast")
AQ_NOTE = "Azure Retail Prices API response (api-version 2023-01-01-preview) captured 2026-08-15 by the snapshot job of azure-architecture-diagram-builder"
RS = "https://github.com/rshade/finfocus-plugin-azure-public/blob/"
RS_APPSVC = RS + "0d26960af6f8714ed01577b2b89e1a75a19d8f5e/internal/pricing/testdata/retail/appservice/eastus_consumption.json"
RS_SQL = RS + "3fada40092a803c942e715f20c3f672afdcab684/internal/pricing/testdata/retail/sqldb/gp_gen5_compute_eastus.json"
RS_SQL_STORAGE = RS + "0d26960af6f8714ed01577b2b89e1a75a19d8f5e/internal/pricing/testdata/retail/sqldb/gp_storage_eastus.json"
WW = "https://github.com/WWhaleFe/azure-cost-estimator/blob/00a24e7ea4da10d8205cf605fed99487352696b8/CHANGELOG.md"
PLAN_TABLE = "https://azure.microsoft.com/pricing/details/app-service/"
EDSV5_DOC = "https://github.com/MicrosoftDocs/azure-docs/blob/015ce189e22eb6cd35e85a11530334a3f42ec573/articles/virtual-machines/edv5-edsv5-series.md"
# SQL Database General Purpose storage, where the skuId matches: flexera-public/policy_templates'
# data/azure/azure_db_storage_pricing.json, rewritten from the Retail Prices API by the scheduled workflow
# generate-azure-db-storage-pricing-json.yaml; 703b56a (2026-07-12, github-actions[bot]) last wrote it.
FLEX_REPO = "/work/.mirror/flexera-public+policy_templates/repo"
FLEX_COMMIT = "703b56a5fceb351e678ef338d08cc6c02782987a"
FLEX_PATH = "data/azure/azure_db_storage_pricing.json"
FLEX_AS_OF = "2026-07-12"
FLEX_KIND = ("source_kind=derived_dataset;source_note=Azure Retail Prices API SQL Database storage items as refreshed by the "
             "scheduled workflow of a maintained public dataset")
FLEX_DB = git_json(FLEX_REPO, FLEX_COMMIT, FLEX_PATH)
FLEX_URL = "https://github.com/flexera-public/policy_templates/blob/%s/%s" % (FLEX_COMMIT, FLEX_PATH)
AHB = ("license=azure_hybrid_benefit", "the 'vCore' compute meter is the price with Azure Hybrid Benefit: licence-included adds "
       "the global meter 'SQL Database Single/Elastic Pool General Purpose - SQL License' per vCore-hour, not in these captures")

# Plans of the issue: skuName -> (family, vCPU, GiB) from the plan table of the App Service pricing page.
PLANS = {"B1": ("basic", 1, "1.75"), "B2": ("basic", 2, "3.5"), "B3": ("basic", 4, "7"),
         "S1": ("standard", 1, "1.75"), "S2": ("standard", 2, "3.5"), "S3": ("standard", 4, "7"),
         "P0v3": ("premium", 1, "4"), "P1 v3": ("premium", 2, "8"), "P2 v3": ("premium", 4, "16"), "P3 v3": ("premium", 8, "32")}
TIER_PRODUCT = {"basic": "Basic Plan", "standard": "Standard Plan", "premium": "Premium v3 Plan"}

# eastus App Service, rshade capture (130 items, NextPageLink null): (skuName, os) -> (skuId, price, effectiveStartDate, meterName).
EASTUS_APPSVC = {
    ("B1", "windows"): ("DZH318Z0BQJK/003F", "0.075", "2014-04-02", "B1 App"),
    ("B2", "windows"): ("DZH318Z0BQJK/003G", "0.15", "2014-04-02", "B2 App"),
    ("B3", "windows"): ("DZH318Z0BQJK/002N", "0.3", "2014-04-02", "B3 App"),
    ("S2", "windows"): ("DZH318Z0BQJJ/003C", "0.2", "2013-12-08", "S2 App"),
    ("S3", "windows"): ("DZH318Z0BQJJ/003F", "0.4", "2013-12-08", "S3 App"),
    ("P0v3", "windows"): ("DZH318Z0DCR7/00LS", "0.1575", "2024-08-01", "P0v3 App"),
    ("P3 v3", "windows"): ("DZH318Z0DCR7/001G", "1.26", "2020-10-01", "P3 v3 App"),
    ("B1", "linux"): ("DZH318Z0BXW9/0015", "0.017", "2019-06-01", "B1"),
    ("B2", "linux"): ("DZH318Z0BXW9/001J", "0.034", "2019-06-01", "B2"),
    ("B3", "linux"): ("DZH318Z0BXW9/001K", "0.067", "2019-06-01", "B3"),
    ("S1", "linux"): ("DZH318Z0BXW7/0019", "0.095", "2018-05-11", "S1 App"),
    ("S3", "linux"): ("DZH318Z0BXW7/001F", "0.38", "2018-05-11", "S3 App"),
    ("P0v3", "linux"): ("DZH318Z0DCR6/00LW", "0.0775", "2024-08-01", "P0v3 App"),
    ("P1 v3", "linux"): ("DZH318Z0DCR6/001P", "0.155", "2020-10-01", "P1 v3 App"),
    ("P2 v3", "linux"): ("DZH318Z0DCR6/001S", "0.31", "2020-10-01", "P2 v3 App"),
    ("P3 v3", "linux"): ("DZH318Z0DCR6/001R", "0.62", "2020-10-01", "P3 v3 App"),
}
# koreacentral, CHANGELOG v69 (2026-06-22) of WWhaleFe/azure-cost-estimator, quoting the live API.
KOREA_APPSVC = {("B1", "windows"): "0.085", ("B1", "linux"): "0.018", ("P1 v3", "windows"): "0.341", ("P1 v3", "linux"): "0.181"}
# eastus SQL Database GP Gen5 compute and storage, rshade captures: vCores -> (skuId, price).
EASTUS_SQL = {2: ("DZH318Z0BPXL/00BT", "0.304434")}
EASTUS_SQL_STORAGE = ("DZH318Z0BQDW/0005", "0.115", "2018-07-15")
SQL_SIZES = (2, 4, 8, 16)
MO_SIZES = (2, 4, 8, 16)


def q(s):
    return '"' + s.replace('"', '""') + '"' if any(c in s for c in ',"') else s


def num(s):
    return str(D(str(s)).normalize()) if D(str(s)) != D(str(s)).to_integral() else str(D(str(s)).quantize(D(1)))


def row(**kw):
    r = dict.fromkeys(HDR, "")
    r.update(provider="azure", currency="USD", term="on_demand", unit="hour")
    r.update(kw)
    return r


def aq_items(region, service):
    path = "src/data/pricing/regions/%s/%s.json" % (region, service)
    b = subprocess.run(["git", "-C", MIRROR, "show", AQ_COMMIT + ":" + path], capture_output=True, check=True).stdout
    d = json.loads(b)
    if d.get("NextPageLink"):
        sys.exit("%s: capture has a next page" % path)
    return d["Items"], "https://github.com/Arturo-Quiroga-MSFT/azure-architecture-diagram-builder/blob/%s/%s" % (AQ_COMMIT, path)


def one(items, what, **match):
    hits = [i for i in items if i["type"] == "Consumption" and all(i.get(k) == v for k, v in match.items())]
    prices = {D(str(i["retailPrice"])) for i in hits}
    if len(prices) != 1:
        sys.exit("%s: want one price, got %s from %d items" % (what, sorted(prices), len(hits)))
    return sorted(hits, key=lambda i: i["skuId"])[0], len(hits)


def existing():
    return {(r["region"], r["sku"]) for name in ("paas.csv", "database.csv") for r in rows(name)}


def plan_row(region, sku_name, os_, sku_id, price, as_of, source, product, meter, note):
    fam, vcpu, gib = PLANS[sku_name]
    at = "product=%s;meter=%s;per=instance;kinds=web_app,api" % (product, meter)
    return row(service="paas", provider_service="Azure App Service", family=fam, region=region, sku=sku_id, name=sku_name,
               os=os_, vcpu=str(vcpu), memory_gib=gib, price=num(price), as_of=as_of, source=source, attributes=at,
               notes=note + "; price per plan instance-hour; size (vCPU, GiB) from the plan table of " + PLAN_TABLE)


def product_name(sku_name, os_):
    p = "Azure App Service " + TIER_PRODUCT[PLANS[sku_name][0]]
    return p + " - Linux" if os_ == "linux" else p


def appservice(have):
    out = []
    for (sku_name, os_), (sku_id, price, as_of, meter) in sorted(EASTUS_APPSVC.items()):
        if ("eastus", sku_id) not in have:
            out.append(plan_row("eastus", sku_name, os_, sku_id, price, as_of, RS_APPSVC, product_name(sku_name, os_), meter,
                                "Azure Retail Prices API capture (all 130 items, NextPageLink null)"))
    for region in AQ_REGIONS:
        items, src = aq_items(region, "azure_app_service")
        for sku_name in PLANS:
            for os_ in ("linux", "windows"):
                it, n = one(items, "%s %s %s" % (region, sku_name, os_), productName=product_name(sku_name, os_), skuName=sku_name)
                note = AQ_NOTE + ("" if n == 1 else " (%d items at this price)" % n)
                r = plan_row(region, sku_name, os_, it["skuId"], it["retailPrice"], it["effectiveStartDate"][:10], src,
                             it["productName"], it["meterName"], note)
                out.append(r)
                for sp in sorted(it.get("savingsPlan") or [], key=lambda s: s["term"]):
                    term = {"1 Year": "savings_plan_1y", "3 Years": "savings_plan_3y"}[sp["term"]]
                    out.append(dict(r, term=term, price=num(sp["retailPrice"]), attributes=r["attributes"] + ";price_type=SavingsPlan",
                                    notes="savingsPlan term '%s' of the same Consumption item (hourly); %s" % (sp["term"], AQ_NOTE)))
    for (sku_name, os_), price in sorted(KOREA_APPSVC.items()):
        out.append(plan_row("koreacentral", sku_name, os_, "appservice/%s/%s" % (sku_name.replace(" ", ""), os_), price, "2026-06-22", WW,
                            product_name(sku_name, os_), sku_name + " App",
                            "CHANGELOG v69 (2026-06-22), koreacentral live API (serviceName 'Azure App Service', 128 items): "
                            "'Basic B1 Win 0.085/Linux 0.018', 'Premium v3 P1 v3 Windows 0.341 / Linux 0.181'"))
        out[-1]["attributes"] += ";source_kind=third-party (project changelog quoting the Azure Retail Prices API, verified live for koreacentral)"
    return out


def sql_row(region, n, sku_id, price, as_of, src, note):
    at = "engine=sqlserver;tier=general_purpose;compute=provisioned;meter=vCore;product=SQL Database Single/Elastic Pool General Purpose - Compute Gen5;vcores=%d;%s" % (n, AHB[0])
    return row(service="database", provider_service="SQL Database", family="general_purpose", region=region, sku=sku_id,
               name="GP_Gen5_%d" % n, vcpu=str(n), price=num(price), as_of=as_of, source=src, attributes=at,
               notes="Compute only: storage and backup are billed apart; " + AHB[1] + "; " + note)


def sql_storage_row(region, sku_id, price, as_of, src, note):
    at = "engine=sqlserver;part=storage;tier=general_purpose;product=SQL Database Single/Elastic Pool General Purpose - Storage;meter=General Purpose Data Stored"
    return row(service="database", provider_service="SQL Database", family="storage", region=region, sku=sku_id,
               name="SQL Database General Purpose storage (General Purpose Data Stored)", unit="gb_month", price=num(price),
               as_of=as_of, source=src, attributes=at, notes="'General Purpose Data Stored' per GB-month of maximum data size (unit 1 GB/Month); " + note)


def sqldb(have):
    out = []
    for n, (sku_id, price) in EASTUS_SQL.items():
        if ("eastus", sku_id) not in have:
            out.append(sql_row("eastus", n, sku_id, price, "2025-06-01", RS_SQL, "Azure Retail Prices API capture (all 62 items)"))
    sku_id, price, as_of = EASTUS_SQL_STORAGE
    out.append(sql_storage_row("eastus", sku_id, price, as_of, RS_SQL_STORAGE, "Azure Retail Prices API capture"))
    product = "SQL Database Single/Elastic Pool General Purpose - Compute Gen5"
    for region in AQ_REGIONS:
        items, src = aq_items(region, "sql_database")
        for n in SQL_SIZES:
            it, k = one(items, "%s sql %d" % (region, n), productName=product, meterName="vCore", skuName="%d vCore" % n)
            out.append(sql_row(region, n, it["skuId"], it["retailPrice"], it["effectiveStartDate"][:10], src,
                               AQ_NOTE + ("" if k == 1 else " (%d items at this price)" % k)))
        it, _ = one(items, region + " sql storage", productName="SQL Database Single/Elastic Pool General Purpose - Storage",
                    meterName="General Purpose Data Stored")
        fl = FLEX_DB.get(region, {}).get("GeneralPurpose")
        if fl and fl["sku"] == it["skuId"]:
            r = sql_storage_row(region, it["skuId"], str(fl["unitPrice"]), FLEX_AS_OF, FLEX_URL,
                                "Flexera's data/azure/azure_db_storage_pricing.json gives '%s' -> 'GeneralPurpose': skuId %s, unitPrice %s "
                                "(Retail Prices API, serviceName 'SQL Database', unitOfMeasure '1 GB/Month'); the file carries no "
                                "effectiveStartDate: as_of is the date of the commit that last wrote it" % (region, fl["sku"], fl["unitPrice"]))
            r["attributes"] += ";" + FLEX_KIND
            if D(str(fl["unitPrice"])) != D(str(it["retailPrice"])):
                print("%s sql storage: %s (capture) -> %s (Flexera)" % (region, it["retailPrice"], fl["unitPrice"]), file=sys.stderr)
            out.append(r)
            continue
        out.append(sql_storage_row(region, it["skuId"], it["retailPrice"], it["effectiveStartDate"][:10], src, AQ_NOTE))
    return out


def flex_mo():
    out = []
    engines = (("postgresql", "Azure Database for PostgreSQL", "azure_database_for_postgresql",
                "Azure Database for PostgreSQL Flexible Server Memory Optimized Edsv5 Series Compute", lambda n: {"meterName": "vCore", "skuName": "%d vCore" % n}),
               ("mysql", "Azure Database for MySQL", "azure_database_for_mysql",
                "Azure Database for MySQL Flexible Server Memory Optimized Edsv5 Series Compute", lambda n: {"meterName": "%d vCore" % n}))
    for engine, svc, file, product, match in engines:
        for region in AQ_REGIONS:
            items, src = aq_items(region, file)
            for n in MO_SIZES:
                it, k = one(items, "%s %s %d" % (region, engine, n), productName=product, **match(n))
                name = "Standard_E%dds_v5" % n
                at = ("engine=%s;deployment=flexible_server;ha=none;tier=memory_optimized;product=%s;meter=%s;api_sku_name=%s;vcores=%d;"
                      "memory_basis=Edsv5 size table %s" % (engine, product, it["meterName"], it["skuName"], n, EDSV5_DOC))
                out.append(row(service="database", provider_service=svc, family="memory_optimized", region=region, sku=it["skuId"],
                               name=name, vcpu=str(n), memory_gib=str(8 * n), price=num(it["retailPrice"]),
                               as_of=it["effectiveStartDate"][:10], source=src, attributes=at,
                               notes="price of the %d-vCore server per hour; compute only: storage is billed apart; HA is a second instance; %s%s"
                               % (n, AQ_NOTE, "" if k == 1 else " (%d items at this price)" % k)))
    return out


def save(name, head, sheet_rows):
    with open(name, "w", encoding="utf-8", newline="") as f:
        write(f, head, sheet_rows)


have = existing()
save("azure_appservice.csv", "# Azure App Service plans (Basic, Standard, Premium v3; Linux and Windows) from Azure Retail Prices API captures, written by gen/azure_retail.py.\n"
      "# sku is the API skuId (a third-party figure has a made-up sku); as_of is the item's effectiveStartDate.\n", appservice(have))
save("azure_sqldb.csv", "# Azure SQL Database General Purpose Gen5 provisioned (2-16 vCore) and its storage, from Azure Retail Prices API captures, written by gen/azure_retail.py.\n"
      "# The vCore meter is the Azure Hybrid Benefit price (licence apart); sku is the API skuId; as_of is the item's effectiveStartDate.\n", sqldb(have))
save("azure_flex_mo.csv", "# Azure Database for PostgreSQL / MySQL flexible server Memory Optimized Edsv5 (2-16 vCore), from Azure Retail Prices API captures, written by gen/azure_retail.py.\n"
      "# sku is the API skuId; as_of is the item's effectiveStartDate.\n", flex_mo())
