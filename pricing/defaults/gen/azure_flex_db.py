#!/usr/bin/env python3
# Regenerate with: python3 gen/azure_flex_db.py >> database.csv (then drop the old block).
# koreacentral, southeastasia and japaneast rows are then rewritten from tivec8740-lab/azure-price-my by gen/azure_flex_tivec.py.
# Rows for Azure Database for PostgreSQL/MySQL flexible server (General Purpose) from the
# Azure Retail Prices API capture committed in mooncitizen/togen (date 2026-09-06).
from decimal import Decimal as D
SRC = "https://github.com/mooncitizen/togen/blob/8b82e5581918fe61dc77160c06334b74e396e074/internal/cost/prices/azure.json"
ASOF = "2026-09-06"
PG = {  # region: (vcore meter id, rate, storage meter id, storage)
 "westus2": ("5f26a708-1754-55eb-9c42-411e02eee956","0.089","aa0fdd92-2d97-5f66-80fe-befa93c9b24c","0.115"),
 "northeurope": ("78f8312b-d7d0-5bc0-8b50-6bcbbb147702","0.0988","e60c0c7e-25ab-5889-972f-7f8b34b39c54","0.1265"),
 "germanywestcentral": ("e87da875-78a6-5ac2-9e17-31d59da61295","0.106","6a029932-eaeb-5c00-88a5-e4812860b7cc","0.137"),
 "koreacentral": ("665af6c1-86f8-5670-9dd9-6c9e84236417","0.123","c8191f70-a3bb-5688-9a71-c0df8fd50a3f","0.131"),
 "southeastasia": ("baf9bc8f-d00a-576c-a680-91999bb23b90","0.122","3dc8bdb7-8a94-5ffe-8836-6e80a540f61f","0.138"),
}
MY = {
 "westus2": ("6bd6215e-521b-5b39-996f-0c3b2afb24e2","0.0855","137b716b-1903-598e-89b1-edf92d3e8e25","0.115"),
 "northeurope": ("e07fcbc0-7b2a-5667-adda-7cf8ed107a7f","0.0945","c4a7874d-bef1-5106-9a1f-2f9571fe9cef","0.1265"),
 "germanywestcentral": ("879698bf-1762-58e2-960c-f9dda69507d4","0.1015","2c90c561-3be1-5050-8309-2e2098d2b722","0.137"),
 "japaneast": ("7c39181d-ad1a-5c81-abbf-1b272b5d67c8","0.1175","b9ac632e-270a-5a23-84ce-311f472f4899","0.138"),
 "southeastasia": ("b449bdf0-9dcc-553a-b19f-eab6a1a98326","0.1175","23fc7298-e4c8-57b3-b91b-c268fa4c7b52","0.138"),
}
KIND = "source_kind=derived dataset (Azure Retail Prices API trimmed and committed by a third-party project, file date 2026-09-06)"
def q(s): return '"' + s.replace('"','""') + '"'
rows = []
def emit(engine, svc, product, series, table, storage_product, sizes=(2, 4, 8, 16), storage=True):
    for region, (mid, rate, smid, srate) in table.items():
        for n in sizes:
            size = f"Standard_D{n}ds_{series}"
            price = D(rate) * n
            attrs = f"engine={engine};deployment=flexible_server;ha=none;tier=general_purpose;product={product};meter=vCore;meter_id={mid};vcore_rate={rate};vcores={n};memory_basis=4 GiB per vCore (Ddsv4/Ddsv5 General Purpose);{KIND}"
            note = f"price = {n} vCores x {rate} USD per vCore-hour (Retail Prices API meter 'vCore', product '{product}', {region}); compute only: storage is billed apart; HA is a second instance"
            rows.append(",".join(["azure","database",svc,"general_purpose",region,f"flexible-server/GP_{size}/{engine}",size,"",str(n),str(4*n),"on_demand","hour",str(price.normalize()) if price != price.to_integral() else str(price),"","USD","","",ASOF,SRC,q(attrs),q(note)]))
        if not storage:
            continue
        attrs = f"engine={engine};part=storage;deployment=flexible_server;product={storage_product};meter=Storage Data Stored;meter_id={smid};{KIND}"
        note = f"'Storage Data Stored' {srate} USD per GB-month ({region}, unit 1 GB/Month)"
        rows.append(",".join(["azure","database",svc,"storage",region,f"flexible-server/storage/{engine}","Flexible Server storage (Storage Data Stored)","","","","on_demand","gb_month",srate,"","USD","","",ASOF,SRC,q(attrs),q(note)]))
emit("postgresql","Azure Database for PostgreSQL","Azure Database for PostgreSQL Flexible Server General Purpose Ddsv4 Series Compute","v4",PG,"Azure Database for PostgreSQL Flex Server Storage")
emit("mysql","Azure Database for MySQL","Azure Database for MySQL Flexible Server General Purpose Series Compute","v4",MY,"Azure Database for MySQL Flexible Server Storage")
# eastus and koreacentral already carry 2-vCore (and koreacentral 4-vCore) rows from other sources;
# the capture adds the larger sizes and the koreacentral storage meter.
emit("mysql","Azure Database for MySQL","Azure Database for MySQL Flexible Server General Purpose Series Compute","v4",
     {"eastus": ("4afef323-21b3-5602-a359-2ba3cf898f95","0.0855","72be597c-31cf-528f-bede-85d568c7ef67","0.115")},
     "Azure Database for MySQL Flexible Server Storage", sizes=(4, 8, 16), storage=False)
emit("mysql","Azure Database for MySQL","Azure Database for MySQL Flexible Server General Purpose Series Compute","v4",
     {"koreacentral": ("2e63d956-6032-57dd-a662-b82fa55f6f47","0.118","75211005-5854-53b5-a3f0-4f896ca33098","0.131")},
     "Azure Database for MySQL Flexible Server Storage", sizes=(8, 16))
print("\n".join(rows))
