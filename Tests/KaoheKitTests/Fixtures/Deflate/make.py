#!/usr/bin/env python3
"""Writes the DEFLATE fixtures of InflaterTests with python3's zlib (run from this folder).

input.bin      ~100 KB: CSV-like text, Chinese text, and pseudo-random bytes (seeded)
level<N>.deflate  input.bin as raw DEFLATE (no zlib header) at level N, 0..9
fixed.deflate  input.bin with fixed-Huffman blocks only (Z_FIXED)
long.deflate   ~3 MB of generated log text at level 9; long.txt holds its size and CRC-32
"""
import random, zlib

rng = random.Random(20250107)
parts = []
units = ["青石镇", "白沙乡", "T01", "T02", "Office of records", "水务局"]
for i in range(1500):
    parts.append(f"2025-{1 + i % 12:02d}-{1 + i % 28:02d},{rng.choice(units)},a{rng.randint(1, 40)},"
                 f"{rng.choice(['pass', 'fail', '合格', '不合格'])},{rng.randint(0, 5)}.{rng.randint(0, 9)}\n")
    if i % 100 == 7:
        parts.append(bytes(rng.getrandbits(8) for _ in range(700)).decode("latin-1"))
text = "".join(parts).encode("utf-8", "surrogatepass")
open("input.bin", "wb").write(text)


def raw(data, level, strategy=zlib.Z_DEFAULT_STRATEGY):
    c = zlib.compressobj(level, zlib.DEFLATED, -15, 9, strategy)
    return c.compress(data) + c.flush()


for level in range(10):
    open(f"level{level}.deflate", "wb").write(raw(text, level))
open("fixed.deflate", "wb").write(raw(text, 9, zlib.Z_FIXED))

long = "".join(f"{20250101 + i % 365},unit{i % 97},item{i % 41},{'pass' if i % 13 else 'fail'},{(i * 7919) % 1000}\n"
               for i in (j % 600 + (j // 7000) for j in range(100000))).encode()
open("long.deflate", "wb").write(raw(long, 9))
open("long.txt", "w").write(f"{len(long)} {zlib.crc32(long)}\n")
