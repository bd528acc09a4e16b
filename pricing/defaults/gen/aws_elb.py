#!/usr/bin/env python3
"""Writes ../aws_elb.csv: the Application Load Balancer hour and LCU-hour of
the AWS regions of the default catalog that paas.csv does not price yet
(us-east-1 and ap-northeast-2 are there), so an Elastic Beanstalk environment
is complete everywhere. Figures are AWS's Elastic Load Balancing pricing-page
data (b0.p.awsstatic.com meteredUnitMaps elb, publication 2025-05-20) as
captured by iann0036/aws-price-watcher. Run from pricing/defaults:
python3 gen/aws_elb.py > aws_elb.csv
"""
import csv, sys
from decimal import Decimal as D

from sheets import HDR, git_json

REPO = "/work/.mirror/iann0036+aws-price-watcher/repo"
COMMIT = "d65c44f0cbfbfc8bf647809576a504ecf1587e8d"
PATH = "raw/elb.json"
# Region code -> the location name the pricing page uses.
REGIONS = {"us-west-2": "US West (Oregon)", "eu-west-1": "EU (Ireland)", "eu-central-1": "EU (Frankfurt)",
           "ap-northeast-1": "Asia Pacific (Tokyo)", "ap-southeast-1": "Asia Pacific (Singapore)"}

d = git_json(REPO, COMMIT, PATH)
pub = d["manifest"]["hawkFilePublicationDate"][:10]
url = "https://github.com/iann0036/aws-price-watcher/blob/%s/%s" % (COMMIT, PATH)
w = csv.DictWriter(sys.stdout, HDR, lineterminator="\n")
sys.stdout.write("# Application Load Balancer per region, written by gen/aws_elb.py from AWS's Elastic Load Balancing pricing-page data.\n")
w.writeheader()
for region, loc in REGIONS.items():
    m = d["regions"][loc]
    hour, lcu = m["Application Load Balancer Hours"], m["Application Load Balancer LCU Hours"]
    h, l = D(hour["price"]).normalize(), D(lcu["price"]).normalize()
    w.writerow(dict(provider="aws", service="other", provider_service="Elastic Load Balancing", family="load_balancer",
                    region=region, sku="alb/" + region, name="Application Load Balancer", os="", vcpu="", memory_gib="",
                    term="on_demand", unit="hour", price=str(h), upfront="", currency="USD", tier_start="", tier_end="",
                    as_of=pub, source=url,
                    attributes="kind=load_balancer;lb_type=application;lcu_hour=%s;rate_code=%s;lcu_rate_code=%s;"
                               "source_kind=derived_dataset;source_note=AWS pricing-page data as captured and dated by a maintained public dataset" % (l, hour["rateCode"], lcu["rateCode"]),
                    notes="AWS ELB pricing-page data (meteredUnitMaps elb, hawkFilePublicationDate %s) for '%s': "
                          "'Application Load Balancer Hours' %s and 'Application Load Balancer LCU Hours' %s; "
                          "captured by iann0036/aws-price-watcher (commit of 2025-05-24)" % (d["manifest"]["hawkFilePublicationDate"], loc, hour["price"], lcu["price"])))
