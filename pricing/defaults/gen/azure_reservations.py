#!/usr/bin/env python3
"""Writes ../azure_reservations.csv: Azure Reserved VM Instances (1 and 3
years) for the compute rows of azure.csv and azure_estimates.csv.
Run from pricing/defaults: python3 gen/azure_reservations.py

Where tivec8740-lab/azure-price-my's nightly rebuild of the Retail Prices API
holds the Reservation item (gen/azure_tivec.py: D- and E-series v5 in
japaneast, koreacentral, southeastasia), the row is that price. Every other row
is an ESTIMATE, no dated capture holding a Reservation item for it: the
on-demand Linux price times the ratio of the one sourced reservation, the
eastus Standard_D2als_v7 capture of the Retail Prices API (effective
2025-11-01): pay-as-you-go 0.0804 USD/h, reservation 416 USD for 1 year and
803 USD for 3 years (Reservation items price the whole term). Azure sells a
reservation paid upfront or monthly at the same total, so each term is written
twice: all upfront (upfront = the term's price, nothing hourly) and no upfront
(the same total spread over the term's hours). A reservation discounts compute
only: a Windows row adds the licence at its pay-as-you-go price by the hour.
A row a sourced sheet already holds (region, name, os, term) is not written.
"""
import sys
from decimal import Decimal as D
from sheets import rows, q, compute, write
import azure_tivec

SRC = ("https://github.com/rshade/finfocus-plugin-azure-public/blob/0d26960af6f8714ed01577b2b89e1a75a19d8f5e/"
       "internal/pricing/testdata/retail/savingsplan/eastus_standard_d2als_v7_pricetype_consumption_or_reservation_preview.json")
OD = D("0.0804")
TERMS = {"1y": (D(416), 8760), "3y": (D(803), 26280)}


have, az = compute(rows("azure.csv") + rows("azure_estimates.csv") + rows("azure_windows.csv"))
out = []
for region, name, os_, r, lin, lp, lic in az:
    for yrs, (term_price, hours) in TERMS.items():
        hit = azure_tivec.committed(region, name, "ri_" + yrs, lp)
        if hit:
            hourly, effective = hit
            total = (hourly * hours).quantize(D("0.01"))
            base = ("Retail Prices API Reservation item (%s, %s, %s) as rebuilt by tivec8740-lab/azure-price-my (meta.generatedAt "
                    "2026-09-29): the file keeps the term's total / %d h = %s/h (6 places), so the total is %s USD to within 0.02"
                    % (name, region, yrs, hours, hourly, total))
            if os_ == "windows":
                base += "; plus the Windows licence at its pay-as-you-go %s/h (reservations do not cover it)" % q(lic, "0.00000001")
            at = azure_tivec.attributes(r["attributes"], effective) % "Reservation"
            for term, price, up, how in (
                    ("reserved_%s_all_upfront" % yrs, lic, str(total), "paid upfront"),
                    ("reserved_%s_no_upfront" % yrs, hourly + lic, "", "paid monthly: the same total spread over %d h" % hours)):
                if (region, name, os_, term) not in have:
                    out.append(dict(r, term=term, price=q(price, "0.00000001"), upfront=up, as_of=azure_tivec.AS_OF,
                                    source=azure_tivec.URL, attributes=at, notes=base + "; " + how))
            continue
        upfront = lp * term_price / OD
        ratio = term_price / (OD * hours)
        base = ("ESTIMATE: %s on-demand Linux %s x the Standard_D2als_v7 eastus %s reservation ratio %s/(0.0804 x %d h) "
                "(the only Reservation item in the captured Retail Prices API pages); ratio source %s" % (name, lin["price"], yrs, term_price, hours, SRC))
        if os_ == "windows":
            base += "; plus the Windows licence at its pay-as-you-go %s/h (reservations do not cover it)" % q(lic, "0.00000001")
        at = r["attributes"] + ";estimate=true;basis=azure_ri_d2als_v7;ratio=" + q(ratio, "0.0001")
        for term, price, up, how in (
                ("reserved_%s_all_upfront" % yrs, lic, q(upfront, "0.01"), "paid upfront"),
                ("reserved_%s_no_upfront" % yrs, upfront / hours + lic, "", "paid monthly: the same total spread over %d h" % hours)):
            if (region, name, os_, term) in have:
                continue
            out.append(dict(r, term=term, price=q(price, "0.00000001"), upfront=up, attributes=at, notes=base + "; " + how))

write(sys.stdout, "# Azure Reserved VM Instances for the compute rows of azure.csv and azure_estimates.csv, written by gen/azure_reservations.py.\n"
      "# ESTIMATES (estimate=true, basis azure_ri_d2als_v7) except the rows from tivec8740-lab/azure-price-my (gen/azure_tivec.py).\n", out)
