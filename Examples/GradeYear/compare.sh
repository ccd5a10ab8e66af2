#!/usr/bin/env bash
# Checks that GradeYear prints what the command line prints: `kaohe grade --unit`,
# `kaohe rank --quarter 2` and `kaohe simulate --veto`, as JSON and as text, for both samples,
# with the year read from the folder and from in-memory tables. Run from the repository root
# after `swift build` and `swift build --package-path Examples/GradeYear --scratch-path .build-example`.
set -euo pipefail
kaohe="$(swift build --show-bin-path)/kaohe"
example="$(swift build --package-path Examples/GradeYear --scratch-path .build-example --show-bin-path)/GradeYear"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for sample in "Samples/demo-2025 T06 T04" "Samples/baoding-demo-2025 C01 C02"; do
    read -r folder unit vetoed <<<"$sample"
    for format in json text; do
        {
            "$kaohe" grade "$folder" --unit "$unit" --format "$format"
            "$kaohe" rank "$folder" --quarter 2 --format "$format"
            "$kaohe" simulate "$folder" --veto "$vetoed" --format "$format"
        } >"$work/cli" 2>/dev/null
        for tables in "" --tables; do
            "$example" "$folder" "$unit" "$vetoed" --format "$format" $tables >"$work/example" 2>/dev/null
            if ! cmp -s "$work/cli" "$work/example"; then
                echo "GradeYear $folder $unit $vetoed --format $format $tables differs from kaohe:"
                diff "$work/cli" "$work/example" | head -20
                status=1
            fi
        done
    done
done
exit $status
