#!/usr/bin/env python3
"""Opens every workbook and Word document kaohe writes with real readers (openpyxl 3.1.5,
python-docx 1.1.2) and checks them against kaohe's JSON output: values, number formats,
frozen panes, merged title rows, print titles, sheet names, fonts, masthead and page margins.

Usage: Tests/office/verify.py KAOHE OUTDIR
  KAOHE   the kaohe executable (e.g. .build/debug/kaohe)
  OUTDIR  a folder for the files made (created; left for inspection)
Run from the package root. Exit 0 when every check passes; the failures are listed otherwise.
See docs/office-formats.md.
"""
import datetime
import json
import os
import shutil
import subprocess
import sys
import zipfile
from decimal import Decimal

import docx
import openpyxl
from docx.oxml.ns import qn
from docx.shared import Mm

KAOHE, OUT = sys.argv[1], sys.argv[2]
DEMO, BAODING = "Samples/demo-2025", "Samples/baoding-demo-2025"
failures = []
checks = 0


def check(condition, message):
    global checks
    checks += 1
    if not condition:
        failures.append(message)


def run(*args, expect=0):
    result = subprocess.run([KAOHE, *args], capture_output=True, text=True)
    if result.returncode != expect:
        failures.append(f"kaohe {' '.join(args)} exited {result.returncode}: {result.stderr.strip()[:300]}")
    return result


def json_of(*args):
    return json.loads(run(*args, "--format", "json").stdout)


def make(name, *args, expect=0):
    path = os.path.join(OUT, name)
    run(*args, "--output", path, expect=expect)
    # zlib inflates every entry and checks its CRC-32.
    with zipfile.ZipFile(path) as archive:
        check(archive.testzip() is None, f"{name}: an entry fails its CRC-32")
        check(any(i.compress_type == zipfile.ZIP_DEFLATED for i in archive.infolist()), f"{name}: nothing deflated")
    return path


def number(value):
    return Decimal(str(value)).quantize(Decimal("0.01"))


# MARK: workbooks

FORBIDDEN = set('[]:*?/\\')


def common_sheet_checks(path, ws):
    where = f"{os.path.basename(path)}!{ws.title}"
    check(len(ws.title) <= 31 and not (set(ws.title) & FORBIDDEN), f"{where}: sheet name breaks Excel's rules")
    check(ws.freeze_panes == "A3", f"{where}: header row not frozen ({ws.freeze_panes})")
    if ws.max_column > 1:
        merged = [str(r) for r in ws.merged_cells.ranges]
        check(merged and merged[0].startswith("A1:") and merged[0].endswith("1"), f"{where}: title row not merged ({merged})")
    check(ws["A1"].font.b and ws["A1"].value, f"{where}: no bold title in A1")
    check(all(c.font.b for c in ws[2] if c.value is not None), f"{where}: header row not bold")
    check(ws.print_title_rows in ("$2:$2", "2:2"), f"{where}: header row not repeated on printed pages ({ws.print_title_rows})")
    check(ws.page_setup.paperSize in (9, "9"), f"{where}: paper is not A4")
    check(all(ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width >= 6 for i in range(1, ws.max_column + 1)),
          f"{where}: a column has no width")
    for row in ws.iter_rows(min_row=3):
        for cell in row:
            check(cell.data_type != "f", f"{where}!{cell.coordinate}: a formula")
            if isinstance(cell.value, float) or (isinstance(cell.value, int) and not isinstance(cell.value, bool)):
                check(cell.number_format in ("0", "0.0", "0.00", "0.000", "0.0000"), f"{where}!{cell.coordinate}: number format {cell.number_format}")


def open_workbook(path):
    wb = openpyxl.load_workbook(path)
    names = [n.lower() for n in wb.sheetnames]
    check(len(names) == len(set(names)), f"{path}: sheet names repeat")
    for ws in wb.worksheets:
        common_sheet_checks(path, ws)
    return wb


def rows(ws):
    """The data rows below the header, as dicts by header."""
    headers = [c.value for c in ws[2]]
    return [dict(zip(headers, [c.value for c in row])) for row in ws.iter_rows(min_row=3)]


def cells(ws, header):
    headers = [c.value for c in ws[2]]
    index = headers.index(header) + 1
    return [ws.cell(row=r, column=index) for r in range(3, ws.max_row + 1)]


def verify_grade():
    grade = json_of("grade", DEMO)
    wb = open_workbook(make("grade.xlsx", "grade", DEMO, "--format", "xlsx"))
    ws = wb["年度结果"]
    table = {r["编号"]: r for r in rows(ws)}
    check(len(table) == len(grade["units"]), "grade.xlsx: not one row per unit")
    for unit in grade["units"]:
        row = table.get(unit["id"], {})
        check(isinstance(row.get("总分"), (int, float)) and number(row["总分"]) == number(unit["total"]),
              f"grade.xlsx: {unit['id']} total {row.get('总分')} ≠ {unit['total']}")
        check(row.get("单位") == unit["name"], f"grade.xlsx: {unit['id']} name")
        if unit["rank"] is not None:
            check(row.get("排名") == unit["rank"], f"grade.xlsx: {unit['id']} rank")
    for cell in cells(ws, "总分"):
        check(cell.number_format == "0.00", f"grade.xlsx: total {cell.coordinate} format {cell.number_format}")
    check(ws.max_column == len([c for c in ws[2] if c.value]), "grade.xlsx: title merge wider than the table")
    check(ws.merged_cells.ranges and str(list(ws.merged_cells.ranges)[0]) == f"A1:{openpyxl.utils.get_column_letter(ws.max_column)}1",
          "grade.xlsx: title not merged over the table's width")
    # CJK text gets twice the width of Latin text.
    check(ws.column_dimensions["B"].width >= 2 * max(len(u["name"]) for u in grade["units"]), "grade.xlsx: unit column narrower than the names")

    en = open_workbook(make("grade-en.xlsx", "grade", DEMO, "--format", "xlsx", "--lang", "en"))
    check(en.sheetnames[0] == "Results", f"grade-en.xlsx: sheets {en.sheetnames}")
    check([c.value for c in en["Results"][2]][:3] == ["ID", "Unit", "Group"], "grade-en.xlsx: English headers")


def verify_rank():
    ranking = json_of("rank", DEMO, "--quarter", "2")
    wb = open_workbook(make("rank-q2.xlsx", "rank", DEMO, "--quarter", "2", "--format", "xlsx"))
    for group in ranking["groups"]:
        check(group["group"] in wb.sheetnames, f"rank-q2.xlsx: no sheet for {group['group']}")
        if group["group"] not in wb.sheetnames:
            continue
        table = rows(wb[group["group"]])
        check([r["编号"] for r in table] == [r["unit"] for r in group["rows"]], f"rank-q2.xlsx: {group['group']} order")
        for got, want in zip(table, group["rows"]):
            check(number(got["得分"]) == number(want["score"]), f"rank-q2.xlsx: {want['unit']} score")
            check(got["名次"] == want["rank"], f"rank-q2.xlsx: {want['unit']} rank")


def verify_bulletin_workbook():
    bulletin = json_of("bulletin", DEMO, "--month", "3")
    wb = open_workbook(make("bulletin-m3.xlsx", "bulletin", DEMO, "--month", "3", "--format", "xlsx"))
    table = {r["编号"]: r for r in rows(wb["3月通报"])}
    for unit in bulletin["units"]:
        row = table.get(unit["unit"], {})
        check(row.get("状态") == ("合格" if unit["status"] == "pass" else "不合格"), f"bulletin-m3.xlsx: {unit['unit']} status")
        check(row.get("不合格项") == unit["failed"], f"bulletin-m3.xlsx: {unit['unit']} failed")
    findings = rows(wb["检查发现的问题"])
    want = [(f["date"], f["deduction"]) for u in bulletin["units"] for f in u["findings"]]
    check(len(findings) == len(want), "bulletin-m3.xlsx: findings count")
    for got, (date, deduction) in zip(findings, want):
        check(isinstance(got["日期"], datetime.datetime) and got["日期"].date().isoformat() == date,
              f"bulletin-m3.xlsx: date {got['日期']} ≠ {date}")
        check(Decimal(str(got["扣分"])) == Decimal(str(deduction)), "bulletin-m3.xlsx: deduction")
    for cell in cells(wb["检查发现的问题"], "日期"):
        check(cell.number_format == "yyyy-mm-dd", f"bulletin-m3.xlsx: date format {cell.number_format}")


def verify_report_workbook():
    grade = json_of("report", DEMO)
    wb = open_workbook(make("report.xlsx", "report", DEMO, "--format", "xlsx"))
    expected = ["年度结果"] + [f"2025-Q{q} 排名" for q in range(1, 5)] + [f"{m}月通报" for m in range(1, 13)] + ["扣分明细", "责任追究", "数据质量"]
    check(wb.sheetnames == expected, f"report.xlsx: sheets {wb.sheetnames}")
    results = {r["编号"]: r for r in rows(wb["年度结果"])}
    for unit in grade["units"]:
        check(number(results.get(unit["id"], {}).get("总分", -1)) == number(unit["total"]), f"report.xlsx: {unit['id']} total")
    consequences = sum(len(u["consequences"]) for u in grade["units"])
    check(len(rows(wb["责任追究"])) == consequences, f"report.xlsx: {len(rows(wb['责任追究']))} consequences ≠ {consequences}")
    for month in range(1, 13):
        bulletin = json_of("bulletin", DEMO, "--month", str(month))
        failing = sum(1 for u in bulletin["units"] if u["status"] == "fail")
        got = sum(1 for r in rows(wb[f"{month}月通报"]) if r["状态"] == "不合格")
        check(got == failing, f"report.xlsx: month {month} fails {got} ≠ {failing}")
    deductions = rows(wb["扣分明细"])
    check(deductions and all(isinstance(r["日期"], datetime.datetime) and ":" in r["来源"] for r in deductions),
          "report.xlsx: deductions without date or source line")
    quality = json_of("check", DEMO)["quality"]["files"]
    got = [(r["文件"], r["读取行"], r["使用"], r["拒绝"]) for r in rows(wb["数据质量"])]
    check(got == [(f["file"], f["read"], f["used"], f["rejected"]) for f in quality], "report.xlsx: data quality")

    en = open_workbook(make("report-en.xlsx", "report", BAODING, "--format", "xlsx", "--lang", "en"))
    check(en.sheetnames[0] == "Results" and "Deductions" in en.sheetnames and "Data quality" in en.sheetnames,
          f"report-en.xlsx: sheets {en.sheetnames}")


def verify_other_workbooks():
    simulate = json_of("simulate", DEMO, "--veto", "T04")
    wb = open_workbook(make("simulate.xlsx", "simulate", DEMO, "--veto", "T04", "--format", "xlsx"))
    table = rows(wb["假设分析"])
    check([r["编号"] for r in table] == [c["unit"] for c in simulate["changes"]], "simulate.xlsx: changed units")
    open_workbook(make("margins.xlsx", "simulate", DEMO, "--margins", "--format", "xlsx"))
    wb = open_workbook(make("check.xlsx", "check", DEMO, "--format", "xlsx"))
    check("数据质量" in wb.sheetnames and "说明" in wb.sheetnames, f"check.xlsx: sheets {wb.sheetnames}")
    # A workbook needs a file.
    result = run("grade", DEMO, "--format", "xlsx", expect=2)
    check("--output" in result.stderr, "xlsx without --output: no clear message")


# MARK: documents

FANGSONG, XIAOBIAOSONG = "仿宋_GB2312", "方正小标宋简体"


def east_asia(element):
    fonts = element.find(qn("w:rPr") + "/" + qn("w:rFonts")) if element is not None else None
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


def page_checks(path, d):
    name = os.path.basename(path)
    section = d.sections[0]
    for what, got, want in [("width", section.page_width, Mm(210)), ("height", section.page_height, Mm(297)),
                            ("top", section.top_margin, Mm(37)), ("bottom", section.bottom_margin, Mm(35)),
                            ("left", section.left_margin, Mm(28)), ("right", section.right_margin, Mm(26))]:
        check(abs(got - want) < Mm(0.1), f"{name}: page {what} {got.mm:.1f} mm ≠ {want.mm:.0f} mm")
    defaults = d.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
    check(rpr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == FANGSONG, f"{name}: body font is not {FANGSONG}")
    check(rpr.find(qn("w:sz")).get(qn("w:val")) == "32", f"{name}: body is not 3号 (16 pt)")
    spacing = defaults.find(qn("w:pPrDefault") + "/" + qn("w:pPr") + "/" + qn("w:spacing"))
    line = int(spacing.get(qn("w:line")))
    text_height = int(225 / 25.4 * 1440)
    check(spacing.get(qn("w:lineRule")) == "exact" and 22 * line <= text_height < 23 * line, f"{name}: not 22 lines a page ({line})")
    title = d.styles["Title"].element.find(qn("w:rPr"))
    check(title.find(qn("w:rFonts")).get(qn("w:eastAsia")) == XIAOBIAOSONG and title.find(qn("w:sz")).get(qn("w:val")) == "44",
          f"{name}: title is not 2号 小标宋")
    footer = section.footer
    xml = footer._element.xml
    check("PAGE" in xml and "— " in xml and " —" in xml, f"{name}: no — page — number")
    check(section.even_page_footer._element is not None and "PAGE" in section.even_page_footer._element.xml, f"{name}: no even-page number")
    check(d.settings.odd_and_even_pages_header_footer, f"{name}: odd and even page numbers not set apart")
    for table in d.tables:
        header = table.rows[0]._tr
        check(header.find(qn("w:trPr") + "/" + qn("w:tblHeader")) is not None, f"{name}: table header row not repeated")


def verify_bulletin_document():
    bulletin = json_of("bulletin", DEMO, "--month", "3")
    path = make("bulletin-m3.docx", "bulletin", DEMO, "--month", "3", "--format", "docx")
    d = docx.Document(path)
    page_checks(path, d)
    paragraphs = d.paragraphs
    mast = paragraphs[0]
    check(mast.text == "政务公开工作领导小组办公室", f"bulletin-m3.docx: masthead {mast.text!r}")
    check(mast.runs and mast.runs[0].font.color.rgb == docx.shared.RGBColor(0xFF, 0, 0), "bulletin-m3.docx: masthead not red")
    check(east_asia(mast.runs[0]._r) == XIAOBIAOSONG, "bulletin-m3.docx: masthead font")
    number_line = paragraphs[1]
    border = number_line._p.find(qn("w:pPr") + "/" + qn("w:pBdr") + "/" + qn("w:bottom"))
    check(number_line.text == "2025年第3期" and border is not None and border.get(qn("w:color")) == "FF0000",
          "bulletin-m3.docx: no number with the red separator line")
    titles = [p for p in paragraphs if p.style.name == "Title"]
    check([p.text for p in titles] == ["2025年3月政务公开工作通报"], f"bulletin-m3.docx: title {[p.text for p in titles]}")
    total = len(bulletin["units"])
    failing = sum(1 for u in bulletin["units"] if u["status"] == "fail")
    text = "\n".join(p.text for p in paragraphs)
    check(f"本月检查 {total} 个单位，合格 {total - failing} 个，不合格 {failing} 个" in text, "bulletin-m3.docx: overall sentence")
    check("整改要求" in text, "bulletin-m3.docx: no 整改要求")
    for unit in bulletin["units"]:
        if unit["findings"]:
            check(any(unit["name"] in p.text and p.style.name.startswith("heading") or unit["name"] in p.text and "Heading" in p.style.style_id
                      for p in paragraphs), f"bulletin-m3.docx: {unit['name']} not named")
    table = d.tables[0]
    check(len(table.rows) == total + 1, "bulletin-m3.docx: status table rows")
    for row, unit in zip(table.rows[1:], bulletin["units"]):
        check(row.cells[0].text == unit["unit"] and row.cells[3].text == ("合格" if unit["status"] == "pass" else "不合格"),
              f"bulletin-m3.docx: row {unit['unit']}")
    signature = [p for p in paragraphs if p.style.name == "Signature"]
    check([p.text for p in signature] == ["政务公开工作领导小组办公室", "2025年3月"], "bulletin-m3.docx: 落款")

    # The office and number from assessment.json5.
    folder = os.path.join(OUT, "office-data")
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(DEMO, folder)
    criteria = os.path.abspath("Criteria/weibin-2020.json5")
    with open(os.path.join(folder, "assessment.json5"), "w", encoding="utf-8") as f:
        f.write('{year: 2025, title: "测试", criteria: "%s", office: "渭滨区人民政府办公室", docNumber: "渭政公办〔{year}〕{month}号"}' % criteria)
    path = make("bulletin-office.docx", "bulletin", folder, "--month", "5", "--format", "docx")
    d = docx.Document(path)
    check(d.paragraphs[0].text == "渭滨区人民政府办公室", f"bulletin-office.docx: masthead {d.paragraphs[0].text!r}")
    check(d.paragraphs[1].text == "渭政公办〔2025〕5号", f"bulletin-office.docx: number {d.paragraphs[1].text!r}")

    en = make("bulletin-en.docx", "bulletin", BAODING, "--month", "6", "--format", "docx", "--lang", "en")
    page_checks(en, docx.Document(en))


def verify_other_documents():
    grade = json_of("grade", DEMO)
    path = make("grade.docx", "grade", DEMO, "--format", "docx")
    d = docx.Document(path)
    page_checks(path, d)
    table = d.tables[0]
    headers = [c.text for c in table.rows[0].cells]
    for row, unit in zip(table.rows[1:], grade["units"]):
        check(row.cells[0].text == unit["id"] and row.cells[headers.index("总分")].text == f"{number(unit['total'])}",
              f"grade.docx: {unit['id']} total")
    for args, name in [(("grade", DEMO, "--unit", "T08"), "grade-unit.docx"),
                       (("grade", DEMO, "--unit", "T08", "--explain"), "grade-explain.docx"),
                       (("report", DEMO), "report.docx")]:
        path = make(name, *args, "--format", "docx")
        page_checks(path, docx.Document(path))
    result = run("rank", DEMO, "--annual", "--format", "docx", "--output", os.path.join(OUT, "rank.docx"), expect=2)
    check("docx" in result.stderr, "rank --format docx: no clear message")


def main():
    os.makedirs(OUT, exist_ok=True)
    for step in [verify_grade, verify_rank, verify_bulletin_workbook, verify_report_workbook, verify_other_workbooks,
                 verify_bulletin_document, verify_other_documents]:
        try:
            step()
        except Exception as error:  # a reader that cannot open a file is a failure, not a crash
            failures.append(f"{step.__name__}: {type(error).__name__}: {error}")
    for failure in failures:
        print("FAIL", failure)
    print(f"office formats: {checks - len(failures)} of {checks} checks passed"
          + ("" if not failures else f", {len(failures)} failed"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
