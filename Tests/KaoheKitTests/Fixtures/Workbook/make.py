#!/usr/bin/env python3
"""Writes the workbook fixtures of WorkbookTests (run from this folder; needs openpyxl 3.1.5).

cells.xlsx     openpyxl: every kind of cell on sheet "数据", a hidden sheet, a formula sheet
cells1904.xlsx openpyxl: the same dates in the 1904 date system
handmade.xlsx  written part by part: inline and rich-text strings, phonetic runs, references,
               cells without references, a row gap, a line break in a cell, prefixed names
doctype.xlsx   handmade.xlsx with a DOCTYPE and an entity in its shared strings
"""
import datetime, zipfile
import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904


def cells(path, epoch=None):
    wb = openpyxl.Workbook()
    if epoch:
        wb.epoch = epoch
    ws = wb.active
    ws.title = "数据"
    ws["A1"] = "标题"
    ws.merge_cells("A1:D1")
    ws.append(["text", "number", "date", "other"])
    ws.append(["青石镇", 2, datetime.date(2025, 1, 7), True])
    ws.append(["a,b \"q\"", 0.1 + 0.2, datetime.datetime(2025, 1, 7, 9, 30), False])
    ws.append([None, 1.5e-2, datetime.date(1900, 3, 1), -3])
    ws["C5"].number_format = 'yyyy"年"m"月"d"日"'
    ws.append(["x", 123456789012, 45663, None])
    hidden = wb.create_sheet("隐藏")
    hidden["A1"] = "hidden"
    hidden.sheet_state = "hidden"
    formulas = wb.create_sheet("公式")
    formulas["A1"] = 1
    formulas["B1"] = "=A1+1"
    wb.save(path)


cells("cells.xlsx")
cells("cells1904.xlsx", CALENDAR_MAC_1904)

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""
WORKBOOK = """<?xml version="1.0" encoding="UTF-8"?>
<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="Sheet &amp; 1" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"""
STRINGS = """<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t xml:space="preserve"> plain &lt;text&gt; </t></si><si><r><rPr><b/></rPr><t>rich</t></r><r><t xml:space="preserve"> 文本</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si></sst>"""
SHEET = """<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1:C6"/><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="s"><x:v>1</x:v></x:c></x:row><x:row><x:c t="inlineStr"><x:is><x:r><x:t>in</x:t></x:r><x:r><x:t>line&#x4E00;&#20108;</x:t></x:r></x:is></x:c><x:c><x:v>7</x:v></x:c><x:c t="str"><x:f>"a"&amp;"b"</x:f><x:v>ab</x:v></x:c></x:row><!-- a comment --><x:row r="5"><x:c r="B5" t="inlineStr"><x:is><x:t>two
lines</x:t></x:is></x:c><x:c r="C5" t="b"><x:v>1</x:v></x:c></x:row><x:row r="6"><x:c r="A6" t="e"><x:v>#N/A</x:v></x:c><x:c r="B6"><![CDATA[]]></x:c></x:row></x:sheetData></x:worksheet>"""


def handmade(path, strings):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS), ("xl/workbook.xml", WORKBOOK),
                           ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS), ("xl/sharedStrings.xml", strings),
                           ("xl/worksheets/sheet1.xml", SHEET)]:
            z.writestr(zipfile.ZipInfo(name, (2025, 1, 7, 0, 0, 0)), text.encode(), zipfile.ZIP_DEFLATED)


handmade("handmade.xlsx", STRINGS)
handmade("doctype.xlsx", STRINGS.replace('<sst ', '<!DOCTYPE sst [<!ENTITY x "xxxxxxxx">]><sst ').replace("plain", "&x;"))
