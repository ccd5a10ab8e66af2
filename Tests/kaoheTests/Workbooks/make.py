#!/usr/bin/env python3
"""Remakes the workbooks of WorkbookGradingTests from the sample data folders.

Needs openpyxl 3.1.5 (pip install openpyxl==3.1.5) and LibreOffice Calc
(apt-get install libreoffice-calc). Run from anywhere: python3 Tests/kaoheTests/Workbooks/make.py

For each sample Samples/<name>, three data folders here, each with its assessment.json5
(the criteria path made relative to the new folder):

<name>/openpyxl/     one workbook per data file, written by openpyxl: numbers as numbers,
                     dates and times as date cells (yyyy-mm-dd, yyyy-mm-dd hh:mm)
<name>/libreoffice/  one workbook per data file: LibreOffice Calc's own import of the CSV
                     (soffice --headless --convert-to xlsx), shared strings and date cells
<name>/one-workbook/ one workbook, 考核台账.xlsx, named by `workbook` in assessment.json5: a
                     sheet per data file (Chinese names for some, file stems for the rest),
                     written by openpyxl and saved again by LibreOffice; a hidden sheet and a
                     merged title row above the units' header
"""
import csv, datetime, os, re, shutil, subprocess, sys, tempfile
import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "../../.."))
SAMPLES = ["demo-2025", "baoding-demo-2025"]
CHINESE = {"units": "单位", "checks": "检查记录", "scores": "得分", "events": "加减分", "survey": "民意调查"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$")
NUMBER = re.compile(r"^-?(0|[1-9]\d{0,11})(\.\d+)?$")


def typed(text):
    """The cell value a clerk typing `text` into Excel would get."""
    if DATE.match(text):
        return datetime.date.fromisoformat(text)
    if DATETIME.match(text):
        return datetime.datetime.strptime(text, "%Y-%m-%d %H:%M")
    if NUMBER.match(text):
        return float(text) if "." in text else int(text)
    return text if text != "" else None


def fill(sheet, path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.reader(f):
            sheet.append([typed(v) for v in row])
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, datetime.datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(cell.value, datetime.date):
                cell.number_format = "yyyy-mm-dd"


def manifest(sample, folder, workbook=None):
    text = open(os.path.join(ROOT, "Samples", sample, "assessment.json5"), encoding="utf-8").read()
    criteria = re.search(r'"criteria":\s*"([^"]*)"', text).group(1)
    target = os.path.normpath(os.path.join(ROOT, "Samples", sample, criteria))
    text = text.replace(criteria, os.path.relpath(target, folder))
    if workbook:
        text = text.replace('"criteria"', f'"workbook": "{workbook}",\n  "criteria"')
    open(os.path.join(folder, "assessment.json5"), "w", encoding="utf-8").write(text)


def soffice(source, outdir, infilter=None):
    command = ["soffice", "--headless", "--calc", "--convert-to", "xlsx", "--outdir", outdir, source]
    if infilter:
        command[3:3] = ["--infilter=" + infilter]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


for sample in SAMPLES:
    source = os.path.join(ROOT, "Samples", sample)
    files = sorted(f for f in os.listdir(source) if f.endswith(".csv"))
    for kind in ["openpyxl", "libreoffice", "one-workbook"]:
        folder = os.path.join(HERE, sample, kind)
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
    # One workbook per file, openpyxl.
    folder = os.path.join(HERE, sample, "openpyxl")
    manifest(sample, folder)
    for name in files:
        book = openpyxl.Workbook()
        book.active.title = name[:-4]
        fill(book.active, os.path.join(source, name))
        book.save(os.path.join(folder, name[:-4] + ".xlsx"))
    # One workbook per file, LibreOffice's CSV import (comma, quote, UTF-8, first line 1).
    folder = os.path.join(HERE, sample, "libreoffice")
    manifest(sample, folder)
    for name in files:
        soffice(os.path.join(source, name), folder, "CSV:44,34,76,1")
    # One workbook holding every file, saved again by LibreOffice.
    folder = os.path.join(HERE, sample, "one-workbook")
    manifest(sample, folder, "考核台账.xlsx")
    book = openpyxl.Workbook()
    book.remove(book.active)
    notes = book.create_sheet("说明")
    notes["A1"] = "本工作簿由 make.py 生成"
    notes.sheet_state = "hidden"
    for name in files:
        stem = name[:-4]
        sheet = book.create_sheet(CHINESE.get(stem, stem))
        if stem == "units":
            sheet.append(["单位名单"])
            sheet.merge_cells("A1:C1")
        fill(sheet, os.path.join(source, name))
    with tempfile.TemporaryDirectory() as scratch:
        made = os.path.join(scratch, "考核台账.xlsx")
        book.save(made)
        out = os.path.join(scratch, "out")
        soffice(made, out)
        shutil.copy(os.path.join(out, "考核台账.xlsx"), os.path.join(folder, "考核台账.xlsx"))
print("made", ", ".join(SAMPLES))
