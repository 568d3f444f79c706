#!/usr/bin/env python3
"""Per-request figures of a Gatling run (its HTML report): count (and how many failed), rate over the run, p50, p95,
p99, max in ms.

Usage: gatling-requests.py <report dir> [request name ...]
"""
import glob
import html
import os
import re
import sys

run = sys.argv[1]
wanted = set(sys.argv[2:])
for page in sorted(glob.glob(os.path.join(run, "req_*.html"))):
    text = open(page, encoding="utf-8").read()
    name = html.unescape(re.search(r"<title>Gatling Stats - ([^<]+)</title>", text).group(1))
    if wanted and name not in wanted:
        continue
    cells = dict((t.strip(), v) for t, v in re.findall(
        r'<td class="title">([^<]+)(?:</abbr>)?</td>\s*<td class="total">([^<]+)</td>', text))
    failed = re.search(r'<td class="title">Total count</td>\s*<td class="total">[^<]+</td>\s*<td class="ok">[^<]+</td>'
                       r'\s*<td class="ko">([^<]+)</td>', text)
    print(f"{name}: {cells.get('Total count')} requests ({failed.group(1).strip() if failed else '?'} failed),"
          f" {cells.get('Mean count/s')}/s, p50 {cells.get('50th percentile')} ms,"
          f" p95 {cells.get('95th percentile')} ms, p99 {cells.get('99th percentile')} ms, max {cells.get('Max')} ms")
