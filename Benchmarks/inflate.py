#!/usr/bin/env python3
"""zlib's side of the inflater benchmark: inflates one member of a ZIP archive with python3's
zlib (the system zlib), CRC-32 checked as kaohe does. Prints the best of RUNS: seconds and MB/s.

usage: inflate.py ARCHIVE MEMBER [RUNS]
"""
import sys, time, zipfile, zlib

archive, member = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
with zipfile.ZipFile(archive) as z:
    info = z.getinfo(member)
    raw = open(archive, "rb").read()
    # The compressed bytes: after the local header's name and extra field.
    at = info.header_offset
    start = at + 30 + int.from_bytes(raw[at + 26:at + 28], "little") + int.from_bytes(raw[at + 28:at + 30], "little")
    data = raw[start:start + info.compress_size]
best = float("inf")
for _ in range(runs):
    t = time.perf_counter()
    d = zlib.decompressobj(-15)
    crc = 0
    size = 0
    pos = 0
    # Bounded output per call, as kaohe streams a sheet (256 KiB chunks).
    while pos < len(data) or d.unconsumed_tail:
        feed = d.unconsumed_tail or data[pos:pos + (1 << 20)]
        if not d.unconsumed_tail:
            pos += len(feed)
        out = d.decompress(feed, 1 << 18)
        crc = zlib.crc32(out, crc)
        size += len(out)
        if d.eof:
            break
    best = min(best, time.perf_counter() - t)
    assert crc == info.CRC and size == info.file_size
print(f"{best:.3f} {info.file_size / best / 1e6:.0f}")
