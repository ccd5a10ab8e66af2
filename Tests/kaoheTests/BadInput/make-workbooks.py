#!/usr/bin/env python3
"""Writes the workbooks of the bad-input cases about workbooks (run from this folder; needs
openpyxl 3.1.5). Each case folder gets its workbook and a `change` file; `expected` is
recorded by the tests (KAOHE_RECORD=1 swift test --filter BadInputTests) and reviewed.
"""
import csv, datetime, io, os, struct, zipfile
import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))


def rows(name, extra=()):
    with open(os.path.join(HERE, "_base", name), encoding="utf-8", newline="") as f:
        return list(csv.reader(f)) + [list(r) for r in extra]


def typed(text):
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        return datetime.date.fromisoformat(text)
    return int(text) if text.isdigit() else (text or None)


def book(sheets, hidden=()):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, data in sheets:
        ws = wb.create_sheet(title)
        for row in data:
            ws.append([typed(v) if isinstance(v, str) else v for v in row])
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, datetime.date):
                    cell.number_format = "yyyy-mm-dd"
        if title in hidden:
            ws.sheet_state = "hidden"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def case(name, change, files):
    folder = os.path.join(HERE, name)
    os.makedirs(folder, exist_ok=True)
    open(os.path.join(folder, "change"), "w", encoding="utf-8").write(change)
    for file, data in files.items():
        open(os.path.join(folder, file), "wb").write(data)


checks = book([("检查记录", rows("checks.csv"))])

titled = [["2025年检查记录"]] + rows("checks.csv", [["2025-01-09", "U1", "a1", "failed", "", "", ""]])
titled[3][5] = "栏目未更新\n已通知整改"
case("workbook.title-rows", """# checks.xlsx in place of checks.csv, a merged title row above the header (a note), a note
# with a line break, and a result that is not one (located as the cell, with its value).
shown as workbook-title-rows
codes checks.bad-result
checks.csv: delete
""", {"checks.xlsx": book([("检查记录", titled)])})

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "检查记录"
for row in rows("checks.csv"):
    ws.append([typed(v) for v in row])
ws["E4"] = "=1+2"
out = io.BytesIO()
wb.save(out)
case("workbook.formula-without-value", """# A deduction written as a formula by a program, never calculated by a spreadsheet.
shown as workbook-formula-without-value
checks.csv: delete
""", {"checks.xlsx": out.getvalue()})

case("file.csv-and-workbook", """# checks.xlsx beside checks.csv: which one counts is not clear.
shown as file-csv-and-workbook
""", {"checks.xlsx": checks})

case("workbook.renamed-csv", """# A workbook saved under the name checks.csv (read, with a warning), whose sheet has an
# unknown unit.
shown as workbook-renamed-csv
codes field.unknown-unit
""", {"checks.csv": book([("Sheet1", rows("checks.csv", [["2025-01-09", "U9", "", "pass", "", "", ""]]))])})

ole2 = bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504)
case("workbook.old-xls", """# An old binary Excel file (.xls) renamed units.xlsx.
shown as workbook-old-xls
units.csv: delete
""", {"units.xlsx": ole2 + b"Workbook".ljust(64, b"\0")})
case("workbook.old-xls-2", """# units.xls (the old binary format) instead of units.csv or units.xlsx.
shown as workbook-old-xls-file
units.csv: delete
""", {"units.xls": ole2 + b"Workbook".ljust(64, b"\0")})
case("workbook.password-protected", """# A workbook saved with a password: Excel writes it as an encrypted OLE2 file.
shown as workbook-password-protected
units.csv: delete
""", {"units.xlsx": ole2 + "EncryptedPackage".encode("utf-16-le").ljust(64, b"\0")})

case("workbook.not-a-workbook", """# A text file named units.xlsx.
shown as workbook-not-a-workbook
units.csv: delete
""", {"units.xlsx": "id,name,group\nU1,青石镇,镇街\n".encode()})

good = book([("单位", rows("units.csv"))])
case("workbook.damaged", """# A workbook cut short (a copy that did not finish).
shown as workbook-damaged
units.csv: delete
""", {"units.xlsx": good[: len(good) * 2 // 3]})


def directory_entry(data, name):
    at = data.rfind(b"PK\x01\x02" + b"", 0)
    i = 0
    while True:
        i = data.index(b"PK\x01\x02", i)
        length = struct.unpack_from("<H", data, i + 28)[0]
        if data[i + 46:i + 46 + length] == name.encode():
            return i
        i += 4


crc = bytearray(good)
entry = directory_entry(good, "xl/worksheets/sheet1.xml")
crc[entry + 16] ^= 0xFF
crc[entry + 17] ^= 0xFF
local = struct.unpack_from("<I", good, entry + 42)[0]
crc[local + 14] ^= 0xFF
crc[local + 15] ^= 0xFF
case("workbook.crc-mismatch", """# A workbook whose sheet fails its CRC-32 check.
shown as workbook-crc-mismatch
units.csv: delete
""", {"units.xlsx": bytes(crc)})

zip64 = bytearray(good)
end = good.rindex(b"PK\x05\x06")
zip64[end + 16:end + 20] = b"\xff\xff\xff\xff"
case("workbook.zip64", """# A workbook written with ZIP64 records.
shown as workbook-zip64
units.csv: delete
""", {"units.xlsx": bytes(zip64)})


def handmade(parts):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            z.writestr(zipfile.ZipInfo(name, (2025, 1, 7, 0, 0, 0)), text, zipfile.ZIP_DEFLATED, 9)
    return out.getvalue()


def parts(data):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


bomb = parts(good)
bomb["xl/worksheets/sheet1.xml"] = bomb["xl/worksheets/sheet1.xml"].replace(b"<sheetData>", b"<sheetData>" + b" " * (32 << 20))
case("workbook.zip-bomb", """# A sheet that expands a thousand times (32 MiB of spaces): refused, not read.
shown as workbook-zip-bomb
units.csv: delete
""", {"units.xlsx": handmade(bomb)})

doctype = parts(good)
doctype["xl/workbook.xml"] = doctype["xl/workbook.xml"].replace(b"<workbook ", b'<!DOCTYPE lol [<!ENTITY lol "lol">]><workbook ', 1)
case("workbook.doctype", """# A workbook whose XML declares an entity (the start of a billion-laughs attack).
shown as workbook-doctype
units.csv: delete
""", {"units.xlsx": handmade(doctype)})

hidden = parts(good)
hidden["xl/workbook.xml"] = hidden["xl/workbook.xml"].replace(b'state="visible"', b'state="hidden"')
case("workbook.no-sheets", """# A workbook whose only sheet is hidden.
shown as workbook-no-sheets
units.csv: delete
""", {"units.xlsx": handmade(hidden)})

one = book([("单元", rows("units.csv")), ("checks", rows("checks.csv")), ("得分", rows("scores.csv")),
            ("events", rows("events.csv")), ("民意调查", rows("survey.csv"))])
case("workbook.sheet-missing", """# assessment.json5 names one workbook, which has no units sheet (单位 or units): the units are
# on a sheet named 单元 (a typo).
shown as workbook-sheet-missing
assessment.json5: line 1 is
| {year: 2025, title: "测试年度", criteria: "../_criteria/mini.json5", workbook: "台账.xlsx"}
units.csv: delete
checks.csv: delete
scores.csv: delete
events.csv: delete
survey.csv: delete
""", {"台账.xlsx": one})
case("workbook.missing", """# assessment.json5 names a workbook that is not in the folder.
shown as workbook-missing
assessment.json5: line 1 is
| {year: 2025, title: "测试年度", criteria: "../_criteria/mini.json5", workbook: "台账.xlsx"}
""", {})
print("made")

case("scores.missing-2", """# One workbook named by assessment.json5 whose 得分 sheet has no row for U2 (reported on the
# sheet), and a deduction in a checks cell that is not a number (reported at the cell).
shown as scores-missing-in-workbook
codes field.not-a-number
assessment.json5: line 1 is
| {year: 2025, title: "测试年度", criteria: "../_criteria/mini.json5", workbook: "台账.xlsx"}
units.csv: delete
checks.csv: delete
scores.csv: delete
events.csv: delete
survey.csv: delete
""", {"台账.xlsx": book([("单位", rows("units.csv")),
                        ("检查记录", rows("checks.csv", [["2025-01-09", "U1", "a1", "fail", "两分", "", ""]])),
                        ("得分", rows("scores.csv")[:2]), ("events", rows("events.csv")), ("民意调查", rows("survey.csv"))])})
print("made scores.missing-2")
