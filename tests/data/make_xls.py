"""How the .xls files beside this script were made (old Excel workbooks, BIFF8).

kpi reads .xls through xlrd but has no reason to write one, so the files are
kept here as data.  To make them again, put xlwt (1.3) on the path and run
``python tests/data/make_xls.py`` from the project's root.
"""

from __future__ import annotations

import xlwt  # type: ignore[import-not-found]

import kpi
from kpi.io.results import template_records

seed = kpi.load_table("seeds/handan-hrss-2018-budget.txt")

# The seed's first duty as people lay it out: a title merged across, a blank row, a heading of two
# rows (评价标准 merged over 优/良/中/差), cells of continued rows left empty, and a 合计 row.
book = xlwt.Workbook(encoding="utf-8")
sheet = book.add_sheet("绩效目标表")
sheet.write_merge(0, 0, 0, 8, "部门职责-工作活动绩效目标")
for column, heading in enumerate(["职责活动", "年度预算数", "内容描述", "绩效目标", "绩效指标"]):
    sheet.write_merge(2, 3, column, column, heading)
sheet.write_merge(2, 2, 5, 8, "评价标准")
for column, band in enumerate("优良中差"):
    sheet.write(3, 5 + column, band)
previous = None
for number, row in enumerate(seed.rows[:13], 4):
    continued = previous is not None and row.tiers and row.activity == previous.activity and not row.description
    if not continued:
        sheet.write(number, 0, "\u3000\u3000" * (len(row.activity) - 1) + row.activity[-1])
        if row.budget is not None:
            sheet.write(number, 1, float(row.budget))
        sheet.write(number, 2, row.description)
        sheet.write(number, 3, row.goal)
    sheet.write(number, 4, row.indicator.text)
    for column, tier in enumerate(row.tiers):
        sheet.write(number, 5 + column, tier)
    previous = row
sheet.write(18, 0, "合计")
sheet.write(18, 1, 1159.72)
book.save("tests/data/handan-first-duty.xls")

# Its results: completion rates typed as numbers and shown as percentages (0.962 as 96.2%).
header, records = template_records(seed)
results = xlwt.Workbook(encoding="utf-8")
sheet = results.add_sheet("结果")
percent = xlwt.easyxf(num_format_str="0.0%")
for column, heading in enumerate(header[:6]):
    sheet.write(0, column, heading)
for number, record in enumerate(records[:12], 1):
    for column, value in enumerate(record[:5]):
        sheet.write(number, column, value)
    if record[4].startswith("完成率"):
        sheet.write(number, 5, 0.962, percent)
results.save("tests/data/handan-first-duty-results.xls")
