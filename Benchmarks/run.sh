#!/usr/bin/env bash
# Benchmark: grades the demo year and big generated years with the release build, and prints
# rows/s, MB/s, wall time and peak memory; compares with DuckDB computing the checks part when
# the duckdb Python package is installed (`pip install duckdb`). Each year is also graded from a
# checks.xlsx written as openpyxl writes it (Benchmarks/csv_to_xlsx.py), and the inflater is
# measured against the system zlib (python3's zlib) on that workbook's sheet. See docs/performance.md.
#
# usage: Benchmarks/run.sh [ROWS ...]        default: 1000000 10000000
#   KAOHE_BENCH_DIR   where the generated years go (default /tmp); each is kept for later runs
#   KAOHE_SCRATCH     build folder (default .build-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -d /opt/swift/usr/bin ]; then export PATH=/opt/swift/usr/bin:$PATH; fi
SCRATCH=${KAOHE_SCRATCH:-.build-bench}
DIR=${KAOHE_BENCH_DIR:-/tmp}
SIZES=("$@")
if [ ${#SIZES[@]} -eq 0 ]; then SIZES=(1000000 10000000); fi

if [ ! -x /usr/bin/time ]; then
    if [ "$(id -u)" = 0 ]; then apt-get install -y time >/dev/null; else echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; fi
fi

# The binary as shipped: the Swift libraries linked in (see README).
swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" >/dev/null
BIN=$SCRATCH/release
# The inflater alone, for the comparison with zlib.
swift build -c release -Xswiftc -enable-testing --package-path Benchmarks/Inflate --scratch-path "$SCRATCH-inflate" >/dev/null
INFLATE=$SCRATCH-inflate/release/kaohe-inflate
CRITERIA=$PWD/Criteria/weibin-2020.json5

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
echo

# Demo year, from process start: best and median of 21 runs.
times=()
for _ in $(seq 21); do
    start=$EPOCHREALTIME
    "$BIN/kaohe" grade Samples/demo-2025 >/dev/null 2>&1
    end=$EPOCHREALTIME
    times+=("$(echo "($end - $start) * 1000" | bc -l)")
done
printf 'demo-2025 grade: best %.1f ms, median %.1f ms (21 runs)\n\n' \
    "$(printf '%s\n' "${times[@]}" | sort -g | head -1)" "$(printf '%s\n' "${times[@]}" | sort -g | sed -n 11p)"

# measure COMMAND...: wall seconds and peak RSS (KiB) of one run.
measure() {
    local log
    log=$(mktemp)
    /usr/bin/time -f '%e %M' -o "$log" "$@" >/dev/null 2>&1 || true
    tail -1 "$log"
    rm -f "$log"
}

RUNS=${KAOHE_BENCH_RUNS:-5}
HAS_DUCKDB=0
if python3 -c 'import duckdb' 2>/dev/null; then HAS_DUCKDB=1; fi

# median of numbers on stdin
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "each figure: median wall time and largest peak memory of $RUNS runs; kaohe and DuckDB runs interleaved"
printf '%-10s %-6s %10s %9s %9s %9s %10s\n' rows command "wall s" "Mrows/s" "MB/s" "peak MiB" "checks MB"
for rows in "${SIZES[@]}"; do
    year=$DIR/kaohe-bench-$rows
    if [ ! -s "$year/checks.csv" ]; then
        "$BIN/kaohe-samples" demo "$year" --rows "$rows" --criteria "$CRITERIA" --quiet
    fi
    lines=$(( $(wc -l < "$year/checks.csv") - 1 ))
    bytes=$(stat -c %s "$year/checks.csv")
    cat "$year"/*.csv > /dev/null   # from the page cache, as a second run would be
    declare -A walls=() peaks=()
    for _ in $(seq "$RUNS"); do
        for command in check grade duckdb; do
            if [ "$command" = duckdb ]; then
                [ "$HAS_DUCKDB" = 1 ] || continue
                read -r wall rss < <(measure python3 Benchmarks/duckdb_periods.py "$year" "$CRITERIA" --threads 2)
            else
                read -r wall rss < <(measure "$BIN/kaohe" "$command" "$year")
            fi
            walls[$command]+="$wall "
            if [ "${peaks[$command]:-0}" -lt "$rss" ]; then peaks[$command]=$rss; fi
        done
    done
    for command in check grade duckdb; do
        [ -n "${walls[$command]:-}" ] || continue
        wall=$(echo "${walls[$command]}" | tr ' ' '\n' | grep . | median)
        note=""
        if [ "$command" = duckdb ]; then note="   (DuckDB: checks part only, 2 threads, python3 start included)"; fi
        printf '%-10s %-6s %10.2f %9.2f %9.0f %9.0f %10.0f%s\n' "$lines" "$command" "$wall" \
            "$(echo "$lines / $wall / 1000000" | bc -l)" "$(echo "$bytes / $wall / 1000000" | bc -l)" \
            "$(echo "${peaks[$command]} / 1024" | bc -l)" "$(echo "$bytes / 1000000" | bc -l)" "$note"
    done
    unset walls peaks

    # The same year with checks.xlsx in place of checks.csv.
    xlsx=$year-xlsx
    if [ ! -s "$xlsx/checks.xlsx" ]; then
        mkdir -p "$xlsx"
        cp "$year"/*.csv "$year"/*.json5 "$xlsx"/ 2>/dev/null || true
        rm -f "$xlsx/checks.csv"
        python3 Benchmarks/csv_to_xlsx.py "$year/checks.csv" "$xlsx/checks.xlsx"
    fi
    xbytes=$(stat -c %s "$xlsx/checks.xlsx")
    xwalls="" xpeak=0
    for _ in $(seq "$RUNS"); do
        read -r wall rss < <(measure "$BIN/kaohe" grade "$xlsx")
        xwalls+="$wall "
        if [ "$xpeak" -lt "$rss" ]; then xpeak=$rss; fi
    done
    wall=$(echo "$xwalls" | tr ' ' '\n' | grep . | median)
    printf '%-10s %-6s %10.2f %9.2f %9.0f %9.0f %10.0f   (checks.xlsx; MB/s of the .xlsx)\n' "$lines" "xlsx" "$wall" \
        "$(echo "$lines / $wall / 1000000" | bc -l)" "$(echo "$xbytes / $wall / 1000000" | bc -l)" \
        "$(echo "$xpeak / 1024" | bc -l)" "$(echo "$xbytes / 1000000" | bc -l)"
    read -r ks kmb < <("$INFLATE" "$xlsx/checks.xlsx" xl/worksheets/sheet1.xml 5)
    read -r zs zmb < <(python3 Benchmarks/inflate.py "$xlsx/checks.xlsx" xl/worksheets/sheet1.xml 5)
    printf '%-10s inflate the sheet: kaohe %.2f s (%s MB/s), zlib %.2f s (%s MB/s): %.0f%% of zlib'"'"'s speed\n' "$lines" \
        "$ks" "$kmb" "$zs" "$zmb" "$(echo "$zs / $ks * 100" | bc -l)"

    if [ "$HAS_DUCKDB" = 1 ]; then
        # The same numbers: DuckDB's checks part against kaohe's.
        python3 Benchmarks/duckdb_periods.py "$year" "$CRITERIA" --out "$year/duckdb-daily.csv" >/dev/null
        "$BIN/kaohe" grade "$year" --format json > "$year/grade.json"
        python3 - "$year" <<'PY'
import json, sys
from decimal import Decimal
year = sys.argv[1]
duck = {u: Decimal(d) for u, d in (line.strip().split(',') for line in open(f'{year}/duckdb-daily.csv'))}
units = json.load(open(f'{year}/grade.json'))['units']
same = sum(1 for u in units if abs(Decimal(str(u['parts']['daily'])) - duck[u['id']]) <= Decimal('0.01'))
print(f"{'':10} check  DuckDB and kaohe agree on the checks part of {same} of {len(units)} units (±0.01)")
PY
        rm -f "$year/grade.json" "$year/duckdb-daily.csv"
    fi
done
