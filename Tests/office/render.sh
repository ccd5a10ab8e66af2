#!/usr/bin/env bash
# Renders kaohe's workbooks and Word documents the way a reader sees them: LibreOffice
# (headless) converts each to PDF (and each workbook's first sheet to CSV), and pdftoppm draws
# every PDF page as a PNG, for a person to look at (docs/office-formats.md).
#
#   Tests/office/render.sh [KAOHE] [OUTDIR]     (defaults: .build/debug/kaohe, /tmp/kaohe-office)
#
# Needs: apt-get install -y libreoffice-calc libreoffice-writer poppler-utils fonts-noto-cjk
# The office fonts (仿宋_GB2312, 方正小标宋简体, …) fall back to Noto CJK through fonts.conf.
set -euo pipefail
cd "$(dirname "$0")/../.."
kaohe=${1:-.build/debug/kaohe}
out=${2:-/tmp/kaohe-office}
rm -rf "$out/pdf" "$out/png"
mkdir -p "$out/pdf" "$out/csv" "$out/png"
export FONTCONFIG_FILE="$PWD/Tests/office/fonts.conf"

run() { local name=$1; shift; "$kaohe" "$@" --output "$out/$name" 2>/dev/null || test $? -eq 1; }
run bulletin-m3.docx bulletin Samples/demo-2025 --month 3 --format docx
run bulletin-m6-en.docx bulletin Samples/baoding-demo-2025 --month 6 --format docx --lang en
run grade.docx grade Samples/demo-2025 --format docx
run grade-explain.docx grade Samples/demo-2025 --unit T08 --explain --format docx
run report.docx report Samples/demo-2025 --format docx
run grade.xlsx grade Samples/demo-2025 --format xlsx
run rank-q2.xlsx rank Samples/demo-2025 --quarter 2 --format xlsx
run bulletin-m3.xlsx bulletin Samples/demo-2025 --month 3 --format xlsx
run report.xlsx report Samples/demo-2025 --format xlsx

for kind in docx xlsx; do
    mkdir -p "$out/pdf/$kind"
    for file in "$out"/*.$kind; do
        soffice --headless --convert-to pdf --outdir "$out/pdf/$kind" "$file" >/dev/null 2>&1
    done
    for pdf in "$out"/pdf/$kind/*.pdf; do
        # The first pages tell the layout; a long report would give hundreds.
        pdftoppm -png -r 70 -l 6 "$pdf" "$out/png/$(basename "$pdf" .pdf)-$kind"
    done
done
for file in "$out"/*.xlsx; do
    # UTF-8 (76), comma-separated, cells as shown (so 97.00 stays 97.00).
    soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true' --outdir "$out/csv" "$file" >/dev/null 2>&1
done
# The workbook as LibreOffice reads it gives the same table rows as kaohe's own CSV.
"$kaohe" grade Samples/demo-2025 --format csv 2>/dev/null | tr -d '\r' | sed '1s/^\xEF\xBB\xBF//; /^$/,$d' > "$out/csv/grade-kaohe.csv"
if tail -n +2 "$out/csv/grade.csv" | head -n "$(wc -l < "$out/csv/grade-kaohe.csv")" | cmp -s - "$out/csv/grade-kaohe.csv"; then
    echo "grade.xlsx read back by LibreOffice: the same rows as --format csv"
else
    echo "grade.xlsx read back by LibreOffice differs from --format csv" >&2
    exit 1
fi
ls "$out/png"
