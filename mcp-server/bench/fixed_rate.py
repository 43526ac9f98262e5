#!/usr/bin/env python3
"""Prints the line for autocannon's --json report (on stdin) of a fixed-rate run at RATE req/s."""
import json
import sys

report = json.load(sys.stdin)
latency = report["latency"]
print(f"list_invoices at a fixed {sys.argv[1]} req/s (half the maximum): p50 {latency['p50']} ms, "
      f"p99 {latency['p99']} ms, {report['non2xx']} non-2xx of {report['requests']['total']}")
