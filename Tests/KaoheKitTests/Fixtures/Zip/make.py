#!/usr/bin/env python3
"""Writes the ZIP fixtures of ZipArchiveTests with python3's zipfile (run from this folder).

small.zip  "stored.txt" stored and "deflated.txt" deflated (the same ~40 KB of text)
bomb.zip   "zeros.bin": 16 MiB of zero bytes deflated (a ratio of about 1000)
"""
import zipfile

text = "".join(f"第{i}行,row {i},{i * i}\n" for i in range(2000)).encode()
with zipfile.ZipFile("small.zip", "w") as z:
    z.writestr(zipfile.ZipInfo("stored.txt", (2025, 1, 7, 0, 0, 0)), text, zipfile.ZIP_STORED)
    z.writestr(zipfile.ZipInfo("deflated.txt", (2025, 1, 7, 0, 0, 0)), text, zipfile.ZIP_DEFLATED)
with zipfile.ZipFile("bomb.zip", "w") as z:
    z.writestr(zipfile.ZipInfo("zeros.bin", (2025, 1, 7, 0, 0, 0)), bytes(16 << 20), zipfile.ZIP_DEFLATED, 9)
open("text.txt", "wb").write(text)
