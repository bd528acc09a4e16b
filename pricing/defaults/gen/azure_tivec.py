"""Azure VM prices transcribed from tivec8740-lab/azure-price-my
data/pricing_usd.json at commit 0b6ed988dfc5d8b3655770278bceebefe2c541b7
(meta.generatedAt 2026-09-29T06:02:32+08:00, source 'Azure Retail Prices API
(public)', apiVersion 2023-01-01-preview): a rebuild of the Retail Prices API
for nine Asia-Pacific regions, refreshed nightly by the repository's pipeline
(pipeline/fetch_pricing.py, pipeline/refresh.sh: fetch, commit if changed,
push; docs/OPERATIONS.md) - the code index holds 49 versions of the file.

The file is 18.5 million characters and the repository cannot be cloned here,
so the rows below were read through the public code index at that commit
(read_file, character offset given per figure) and transcribed as they are:
Linux VM rows only (the file leaves Windows meters out), per (armSkuName,
armRegionName): 'payg' (priceType Consumption, USD/h), 'ri_1y' / 'ri_3y'
(priceType Reservation: the file stores the term's total divided by 8760 or
26280 h, rounded to 6 places, so total = hourly x hours to the cent), 'sp_1y'
/ 'sp_3y' (savings-plan hourly price of the Consumption item). Each value is
(price, effectiveStartDate, offset). A (SKU, region) or a term the file does
not hold is absent (the B-series and D2s_v3 have no Reservation rows there),
never guessed (nor do the F-series v2 there).
"""
REPO, PATH, COMMIT = "tivec8740-lab/azure-price-my", "data/pricing_usd.json", "0b6ed988dfc5d8b3655770278bceebefe2c541b7"
URL = "https://github.com/%s/blob/%s/%s" % (REPO, COMMIT, PATH)
AS_OF = "2026-09-29"  # meta.generatedAt: the day the pipeline last read these prices from the API
KIND = ("source_kind=derived_dataset;source_note=Azure Retail Prices API items as rebuilt nightly by a maintained public "
        "dataset")

PRICES = {
    ("Standard_B1s", "japaneast"): {"payg": ("0.0136", "2025-10-01", 1322000), "sp_1y": ("0.009977", "2025-10-01", 1322000), "sp_3y": ("0.007008", "2025-10-01", 1322000)},
    ("Standard_B1s", "koreacentral"): {"payg": ("0.013", "2025-10-01", 1322000), "sp_1y": ("0.008436", "2025-10-01", 1322000), "sp_3y": ("0.005967", "2025-10-01", 1322000)},
    ("Standard_B1s", "southeastasia"): {"payg": ("0.0132", "2025-10-01", 1322000), "sp_1y": ("0.008907", "2025-10-01", 1322000), "sp_3y": ("0.005841", "2025-10-01", 1322000)},
    ("Standard_B2ms", "japaneast"): {"payg": ("0.109", "2025-10-01", 1424000), "sp_1y": ("0.079962", "2025-10-01", 1424000), "sp_3y": ("0.056168", "2025-10-01", 1424000)},
    ("Standard_B2ms", "koreacentral"): {"payg": ("0.104", "2025-10-01", 1424000), "sp_1y": ("0.067486", "2025-10-01", 1424000), "sp_3y": ("0.047736", "2025-10-01", 1424000)},
    ("Standard_B2ms", "southeastasia"): {"payg": ("0.106", "2025-10-01", 1424000), "sp_1y": ("0.071529", "2025-10-01", 1424000), "sp_3y": ("0.046905", "2025-10-01", 1424000)},
    ("Standard_B2s", "japaneast"): {"payg": ("0.0544", "2025-10-01", 1456000), "sp_1y": ("0.039908", "2025-10-01", 1456000), "sp_3y": ("0.028032", "2025-10-01", 1456000)},
    ("Standard_B2s", "koreacentral"): {"payg": ("0.052", "2025-10-01", 1456000), "sp_1y": ("0.033743", "2025-10-01", 1456000), "sp_3y": ("0.023868", "2025-10-01", 1456000)},
    ("Standard_B2s", "southeastasia"): {"payg": ("0.0528", "2025-10-01", 1456000), "sp_1y": ("0.035629", "2025-10-01", 1456000), "sp_3y": ("0.023364", "2025-10-01", 1456000)},
    ("Standard_D16s_v5", "japaneast"): {"payg": ("0.992", "2021-11-01", 2601000), "ri_1y": ("0.6121", "2026-06-01", 2601000), "ri_3y": ("0.391857", "2026-06-01", 2601000), "sp_1y": ("0.741619", "2021-11-01", 2601000), "sp_3y": ("0.52199", "2021-11-01", 2601000)},
    ("Standard_D16s_v5", "koreacentral"): {"payg": ("0.944", "2021-11-01", 2601000), "ri_1y": ("0.58242", "2026-06-01", 2601000), "ri_3y": ("0.372869", "2026-06-01", 2601000), "sp_1y": ("0.631064", "2021-11-01", 2601000), "sp_3y": ("0.450854", "2021-11-01", 2601000)},
    ("Standard_D16s_v5", "southeastasia"): {"payg": ("0.96", "2021-11-01", 2601000), "ri_1y": ("0.592352", "2026-06-01", 2601000), "ri_3y": ("0.379186", "2026-06-01", 2601000), "sp_1y": ("0.6672", "2021-11-01", 2601000), "sp_3y": ("0.441792", "2021-11-01", 2601000)},
    ("Standard_D2s_v3", "japaneast"): {"payg": ("0.129", "2017-07-21", 3192000), "sp_1y": ("0.09804", "2017-07-21", 3192000), "sp_3y": ("0.07095", "2017-07-21", 3192000)},
    ("Standard_D2s_v5", "japaneast"): {"payg": ("0.124", "2021-11-01", 3214000), "ri_1y": ("0.076484", "2026-06-01", 3214000), "ri_3y": ("0.048973", "2026-06-01", 3214000), "sp_1y": ("0.092702", "2021-11-01", 3214000), "sp_3y": ("0.065249", "2021-11-01", 3214000)},
    ("Standard_D2s_v5", "koreacentral"): {"payg": ("0.118", "2021-11-01", 3214000), "ri_1y": ("0.072831", "2026-06-01", 3214000), "ri_3y": ("0.046613", "2026-06-01", 3214000), "sp_1y": ("0.078883", "2021-11-01", 3214000), "sp_3y": ("0.056357", "2021-11-01", 3214000)},
    ("Standard_D2s_v5", "southeastasia"): {"payg": ("0.12", "2021-11-01", 3230000), "ri_1y": ("0.074087", "2026-06-01", 3230000), "ri_3y": ("0.047412", "2026-06-01", 3230000), "sp_1y": ("0.0834", "2021-11-01", 3230000), "sp_3y": ("0.055224", "2021-11-01", 3230000)},
    ("Standard_D4s_v5", "japaneast"): {"payg": ("0.248", "2021-11-01", 4921000), "ri_1y": ("0.152968", "2026-06-01", 4921000), "ri_3y": ("0.097945", "2026-06-01", 4921000), "sp_1y": ("0.185405", "2021-11-01", 4921000), "sp_3y": ("0.130498", "2021-11-01", 4921000)},
    ("Standard_D4s_v5", "koreacentral"): {"payg": ("0.236", "2021-11-01", 4931000), "ri_1y": ("0.145662", "2026-06-01", 4931000), "ri_3y": ("0.093227", "2026-06-01", 4931000), "sp_1y": ("0.157766", "2021-11-01", 4931000), "sp_3y": ("0.112714", "2021-11-01", 4931000)},
    ("Standard_D4s_v5", "southeastasia"): {"payg": ("0.24", "2021-11-01", 4931000), "ri_1y": ("0.148059", "2026-06-01", 4931000), "ri_3y": ("0.094787", "2026-06-01", 4931000), "sp_1y": ("0.1668", "2021-11-01", 4931000), "sp_3y": ("0.110448", "2021-11-01", 4931000)},
    ("Standard_D8s_v5", "japaneast"): {"payg": ("0.496", "2021-11-01", 6048000), "ri_1y": ("0.30605", "2026-06-01", 6048000), "ri_3y": ("0.195928", "2026-06-01", 6048000), "sp_1y": ("0.37081", "2021-11-01", 6048000), "sp_3y": ("0.260995", "2021-11-01", 6048000)},
    ("Standard_D8s_v5", "koreacentral"): {"payg": ("0.472", "2021-11-01", 6048000), "ri_1y": ("0.29121", "2026-06-01", 6048000), "ri_3y": ("0.186454", "2026-06-01", 6048000), "sp_1y": ("0.315532", "2021-11-01", 6048000), "sp_3y": ("0.225427", "2021-11-01", 6048000)},
    ("Standard_D8s_v5", "southeastasia"): {"payg": ("0.48", "2021-11-01", 6048000), "ri_1y": ("0.296119", "2026-06-01", 6048000), "ri_3y": ("0.189612", "2026-06-01", 6048000), "sp_1y": ("0.3336", "2021-11-01", 6048000), "sp_3y": ("0.220896", "2021-11-01", 6048000)},
    ("Standard_E16s_v5", "japaneast"): {"payg": ("1.216", "2021-11-01", 8330000), "ri_1y": ("0.750228", "2026-06-01", 8330000), "ri_3y": ("0.480327", "2026-06-01", 8330000), "sp_1y": ("0.822259", "2021-11-01", 8330000), "sp_3y": ("0.575654", "2021-11-01", 8330000)},
    ("Standard_E16s_v5", "koreacentral"): {"payg": ("1.216", "2021-11-01", 8330000), "ri_1y": ("0.750228", "2026-06-01", 8330000), "ri_3y": ("0.480327", "2026-06-01", 8330000), "sp_1y": ("0.822259", "2021-11-01", 8330000), "sp_3y": ("0.575654", "2021-11-01", 8330000)},
    ("Standard_E16s_v5", "southeastasia"): {"payg": ("1.216", "2021-11-01", 8330000), "ri_1y": ("0.750228", "2026-06-01", 8330000), "ri_3y": ("0.480327", "2026-06-01", 8330000), "sp_1y": ("0.822259", "2021-11-01", 8330000), "sp_3y": ("0.575654", "2021-11-01", 8330000)},
    ("Standard_E2s_v5", "japaneast"): {"payg": ("0.152", "2021-11-01", 9086000), "ri_1y": ("0.093836", "2026-06-01", 9086000), "ri_3y": ("0.060046", "2026-06-01", 9086000), "sp_1y": ("0.102782", "2021-11-01", 9086000), "sp_3y": ("0.071957", "2021-11-01", 9086000)},
    ("Standard_E2s_v5", "koreacentral"): {"payg": ("0.152", "2021-11-01", 9086000), "ri_1y": ("0.093836", "2026-06-01", 9086000), "ri_3y": ("0.060046", "2026-06-01", 9086000), "sp_1y": ("0.102782", "2021-11-01", 9086000), "sp_3y": ("0.071957", "2021-11-01", 9086000)},
    ("Standard_E2s_v5", "southeastasia"): {"payg": ("0.152", "2021-11-01", 9086000), "ri_1y": ("0.093836", "2026-06-01", 9086000), "ri_3y": ("0.060046", "2026-06-01", 9086000), "sp_1y": ("0.102782", "2021-11-01", 9086000), "sp_3y": ("0.071957", "2021-11-01", 9086000)},
    ("Standard_E4s_v5", "japaneast"): {"payg": ("0.304", "2021-11-01", 10845000), "ri_1y": ("0.187557", "2026-06-01", 10845000), "ri_3y": ("0.120091", "2026-06-01", 10845000), "sp_1y": ("0.205565", "2021-11-01", 10845000), "sp_3y": ("0.143914", "2021-11-01", 10845000)},
    ("Standard_E4s_v5", "koreacentral"): {"payg": ("0.304", "2021-11-01", 10845000), "ri_1y": ("0.187557", "2026-06-01", 10845000), "ri_3y": ("0.120091", "2026-06-01", 10845000), "sp_1y": ("0.205565", "2021-11-01", 10845000), "sp_3y": ("0.143914", "2021-11-01", 10845000)},
    ("Standard_E4s_v5", "southeastasia"): {"payg": ("0.304", "2021-11-01", 10845000), "ri_1y": ("0.187557", "2026-06-01", 10845000), "ri_3y": ("0.120091", "2026-06-01", 10845000), "sp_1y": ("0.205565", "2021-11-01", 10845000), "sp_3y": ("0.143914", "2021-11-01", 10845000)},
    ("Standard_E8s_v5", "japaneast"): {"payg": ("0.608", "2021-11-01", 12416000), "ri_1y": ("0.375114", "2026-06-01", 12416000), "ri_3y": ("0.240145", "2026-06-01", 12416000), "sp_1y": ("0.41113", "2021-11-01", 12416000), "sp_3y": ("0.287827", "2021-11-01", 12416000)},
    ("Standard_E8s_v5", "koreacentral"): {"payg": ("0.608", "2021-11-01", 12416000), "ri_1y": ("0.375114", "2026-06-01", 12416000), "ri_3y": ("0.240145", "2026-06-01", 12416000), "sp_1y": ("0.41113", "2021-11-01", 12416000), "sp_3y": ("0.287827", "2021-11-01", 12416000)},
    ("Standard_E8s_v5", "southeastasia"): {"payg": ("0.608", "2021-11-01", 12416000), "ri_1y": ("0.375114", "2026-06-01", 12416000), "ri_3y": ("0.240145", "2026-06-01", 12416000), "sp_1y": ("0.41113", "2021-11-01", 12416000), "sp_3y": ("0.287827", "2021-11-01", 12416000)},
    ("Standard_F16s_v2", "japaneast"): {"payg": ("0.856", "2025-10-01", 13640000), "sp_1y": ("0.65056", "2025-10-01", 13640000), "sp_3y": ("0.4708", "2025-10-01", 13640000)},
    ("Standard_F16s_v2", "koreacentral"): {"payg": ("0.768", "2025-10-01", 13640000), "sp_1y": ("0.560179", "2025-10-01", 13640000), "sp_3y": ("0.390682", "2025-10-01", 13640000)},
    ("Standard_F16s_v2", "southeastasia"): {"payg": ("0.784", "2025-10-01", 13640000), "sp_1y": ("0.567224", "2025-10-01", 13640000), "sp_3y": ("0.36801", "2025-10-01", 13640000)},
    ("Standard_F2s_v2", "japaneast"): {"payg": ("0.107", "2025-10-01", 13920000), "sp_1y": ("0.08132", "2025-10-01", 13920000), "sp_3y": ("0.05885", "2025-10-01", 13920000)},
    ("Standard_F2s_v2", "koreacentral"): {"payg": ("0.096", "2025-10-01", 13920000), "sp_1y": ("0.070022", "2025-10-01", 13920000), "sp_3y": ("0.048835", "2025-10-01", 13920000)},
    ("Standard_F2s_v2", "southeastasia"): {"payg": ("0.098", "2025-10-01", 13920000), "sp_1y": ("0.070903", "2025-10-01", 13920000), "sp_3y": ("0.046001", "2025-10-01", 13920000)},
    ("Standard_F4s_v2", "japaneast"): {"payg": ("0.214", "2025-10-01", 14382000), "sp_1y": ("0.16264", "2025-10-01", 14382000), "sp_3y": ("0.1177", "2025-10-01", 14382000)},
    ("Standard_F4s_v2", "koreacentral"): {"payg": ("0.192", "2025-10-01", 14382000), "sp_1y": ("0.140045", "2025-10-01", 14382000), "sp_3y": ("0.09767", "2025-10-01", 14382000)},
    ("Standard_F4s_v2", "southeastasia"): {"payg": ("0.196", "2025-10-01", 14397500), "sp_1y": ("0.141806", "2025-10-01", 14397500), "sp_3y": ("0.092002", "2025-10-01", 14397500)},
    ("Standard_F8s_v2", "japaneast"): {"payg": ("0.428", "2025-10-01", 14845000), "sp_1y": ("0.32528", "2025-10-01", 14845000), "sp_3y": ("0.2354", "2025-10-01", 14845000)},
    ("Standard_F8s_v2", "koreacentral"): {"payg": ("0.384", "2025-10-01", 14845000), "sp_1y": ("0.28009", "2025-10-01", 14845000), "sp_3y": ("0.195341", "2025-10-01", 14845000)},
    ("Standard_F8s_v2", "southeastasia"): {"payg": ("0.392", "2025-10-01", 14845000), "sp_1y": ("0.283612", "2025-10-01", 14845000), "sp_3y": ("0.184005", "2025-10-01", 14845000)},
}


def committed(region, name, key, linux_price):
    """The file's hourly price for key ('ri_1y', 'ri_3y', 'sp_1y', 'sp_3y') of
    the Linux VM name in region, with its effectiveStartDate, or None when the
    file does not hold it. Stops when the file's pay-as-you-go price differs
    from the catalog's Linux on-demand one: the committed price would then
    belong to another price list."""
    from decimal import Decimal as D
    e = PRICES.get((name, region))
    if e is None or key not in e:
        return None
    if D(e["payg"][0]) != D(linux_price):
        raise SystemExit("%s %s: pay-as-you-go %s in the file, %s in the catalog" % (region, name, e["payg"][0], linux_price))
    return D(e[key][0]), e[key][1]


def attributes(on_demand_attrs, effective):
    """The attributes of a committed row: the on-demand row's own (an estimate
    flag on a Windows licence stays), its source kind replaced by this file's."""
    from sheets import attrs_without
    kept = attrs_without(on_demand_attrs, ("source_kind", "source_note", "price_type"))
    return kept + ";price_type=%s;effective_start=%s;%s" % ("%s", effective, KIND)


# Azure Database for PostgreSQL flexible server, General Purpose compute, per
# vCore-hour (meterName 'vCore'), from the same file: armSkuName
# 'AzureDB_PostgreSQL_Flexible_Server_General_Purpose_<series>Series_Compute'
# (Ddsv5: the '..._Compute_vCore' key), productName 'Azure Database for
# PostgreSQL Flexible Server General Purpose <series> Series Compute'. Keys and
# values as in PRICES; a Reservation's per-vCore total is hourly x hours.
PG_FLEX = {
    ("Ddsv4", "japaneast"): {"payg": ("0.122", "2021-09-01", 500000), "ri_1y": ("0.073174", "2025-07-01", 500000), "ri_3y": ("0.048782", "2025-07-01", 500000)},
    ("Ddsv4", "koreacentral"): {"payg": ("0.123", "2025-07-01", 500000), "ri_1y": ("0.073744", "2025-07-01", 500000), "ri_3y": ("0.049125", "2025-07-01", 500000)},
    ("Ddsv4", "southeastasia"): {"payg": ("0.122", "2025-07-01", 516000), "ri_1y": ("0.073174", "2025-07-01", 516000), "ri_3y": ("0.048782", "2025-07-01", 516000)},
    ("Ddsv5", "japaneast"): {"payg": ("0.122", "2024-05-01", 516000), "ri_1y": ("0.073174", "2024-05-01", 516000), "ri_3y": ("0.048782", "2024-05-01", 516000)},
    ("Ddsv5", "koreacentral"): {"payg": ("0.123", "2024-05-01", 532000), "ri_1y": ("0.073744", "2024-05-01", 532000), "ri_3y": ("0.049125", "2024-05-01", 532000)},
    ("Ddsv5", "southeastasia"): {"payg": ("0.122", "2024-05-01", 532000), "ri_1y": ("0.073174", "2024-05-01", 532000), "ri_3y": ("0.048782", "2024-05-01", 532000)},
}

# Azure Database for MySQL flexible server, General Purpose Ddsv4 compute, per
# vCore-hour (armSkuName 'AzureDB_MySQL_Flexible_Server_General_Purpose_Ddsv4_Compute',
# meterName 'vCore', productName 'Azure Database for MySQL Flexible Server
# General Purpose Series Compute'); as PG_FLEX.
MY_FLEX = {
    ("Ddsv4", "japaneast"): {"payg": ("0.1175", "2025-07-01", 184000), "ri_1y": ("0.07032", "2025-07-01", 184000), "ri_3y": ("0.046842", "2025-07-01", 184000)},
    ("Ddsv4", "koreacentral"): {"payg": ("0.118", "2025-07-01", 184000), "ri_1y": ("0.070776", "2025-07-01", 184000), "ri_3y": ("0.047184", "2025-07-01", 184000)},
    ("Ddsv4", "southeastasia"): {"payg": ("0.1175", "2025-07-01", 184000), "ri_1y": ("0.07032", "2025-07-01", 184000), "ri_3y": ("0.046842", "2025-07-01", 184000)},
}

# Azure Database for MySQL flexible server storage, meterName 'Storage Data
# Stored', USD per GB-month (armSkuName 'Storage', productName 'Azure Database
# for MySQL Flexible Server Storage'); region -> (price, effectiveStartDate,
# offset). The file holds no PostgreSQL storage row in the ranges read.
MY_STORAGE = {
    "japaneast": ("0.138", "2021-06-01", 18482400),
    "koreacentral": ("0.131", "2021-06-01", 18482400),
    "southeastasia": ("0.138", "2021-06-01", 18482400),
}

# Azure Database for PostgreSQL flexible server, Memory Optimized Edsv5 compute,
# per vCore-hour (armSkuName 'AzureDB_PostgreSQL_Flexible_Server_Memory_Optimized_Edsv5Series_Compute_vCore',
# meterName 'vCore'); as PG_FLEX.
PG_FLEX_MO = {
    ("Edsv5", "japaneast"): {"payg": ("0.15", "2024-05-01", 616000), "ri_1y": ("0.089954", "2024-05-01", 616000), "ri_3y": ("0.060008", "2024-05-01", 632000)},
    ("Edsv5", "koreacentral"): {"payg": ("0.15", "2024-05-01", 632000), "ri_1y": ("0.089954", "2024-05-01", 632000), "ri_3y": ("0.060008", "2024-05-01", 632000)},
    ("Edsv5", "southeastasia"): {"payg": ("0.15", "2024-05-01", 632000), "ri_1y": ("0.089954", "2024-05-01", 632000), "ri_3y": ("0.060008", "2024-05-01", 632000)},
}

# Azure Database for MySQL flexible server, Memory Optimized Edsv5 compute, per
# server-hour of an N-vCore size (armSkuName
# 'AzureDB_MySQL_Flexible_Server_Memory_Optimized_Edsv5Series_Compute_<N>vCore',
# meterName '<N> vCore', priceType Consumption; the file holds no reservation
# for these keys): (N, region) -> (price, effectiveStartDate, offset).
MY_FLEX_MO = {
    (2, "japaneast"): ("0.284", "2022-07-01", 312000),
    (2, "koreacentral"): ("0.284", "2022-07-01", 312000),
    (2, "southeastasia"): ("0.284", "2022-07-01", 312000),
    (4, "japaneast"): ("0.567", "2022-07-01", 344000),
    (4, "koreacentral"): ("0.567", "2022-07-01", 344000),
    (4, "southeastasia"): ("0.567", "2022-07-01", 344000),
    (8, "japaneast"): ("1.134", "2022-07-01", 360000),
    (8, "koreacentral"): ("1.134", "2022-07-01", 376000),
    (8, "southeastasia"): ("1.134", "2022-07-01", 376000),
    (16, "japaneast"): ("2.269", "2022-07-01", 296000),
    (16, "koreacentral"): ("2.269", "2022-07-01", 296000),
    (16, "southeastasia"): ("2.269", "2022-07-01", 296000),
    (20, "japaneast"): ("2.836", "2022-07-01", 296000),
    (20, "koreacentral"): ("2.836", "2022-07-01", 312000),
    (20, "southeastasia"): ("2.836", "2022-07-01", 312000),
    (32, "japaneast"): ("4.538", "2022-07-01", 328000),
    (32, "koreacentral"): ("4.538", "2022-07-01", 328000),
    (32, "southeastasia"): ("4.538", "2022-07-01", 328000),
    (48, "japaneast"): ("6.806", "2022-07-01", 328000),
    (48, "koreacentral"): ("6.806", "2022-07-01", 344000),
    (48, "southeastasia"): ("6.806", "2022-07-01", 344000),
    (64, "japaneast"): ("9.075", "2022-07-01", 360000),
    (64, "koreacentral"): ("9.075", "2022-07-01", 360000),
    (64, "southeastasia"): ("9.075", "2022-07-01", 360000),
    (96, "japaneast"): ("13.613", "2022-07-01", 376000),
    (96, "koreacentral"): ("13.613", "2022-07-01", 376000),
    (96, "southeastasia"): ("13.613", "2022-07-01", 376000),
    (104, "japaneast"): ("14.747", "2022-07-01", 280000),
    (104, "koreacentral"): ("14.747", "2022-07-01", 280000),
    (104, "southeastasia"): ("14.747", "2022-07-01", 280000),
}
