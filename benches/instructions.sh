#!/usr/bin/env bash
# Instructions per call of each benchmark row, counted by callgrind: deterministic, so it
# compares implementations even while the machine is busy. Each row is run at two
# iteration counts; the difference divided by the difference of iterations removes the
# start-up cost.
#
#   bash benches/instructions.sh [row-filter]
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p apifault-benches --example instructions
bin=${CARGO_TARGET_DIR:-target}/release/examples/instructions
low=200
high=1200
filter=${1:-}

count() { # row case n -> instructions
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" "$2" "$3" 2>&1 \
        | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

rows=(
    status_code/apifault status_code/hand-match
    body/apifault-problem body/apifault-jsonapi body/apifault-boom
    body/hand-naive body/hand-presized body/hand-naive-jsonapi body/hand-naive-boom
    body/json-macro body/http-api-problem
    http_response/apifault-problem http_response/apifault-wrapper
    negotiated_response/apifault negotiated_response/hand-naive
    axum_response/apifault-problem axum_response/hand-naive axum_response/hand-presized
    axum_response/http-api-problem
    grpc_status/apifault grpc_status/hand-error-details
    localized_body/unlocalized localized_body/de localized_body/de-negotiated
)
printf '| row | 404 | 400x3 | 500 |\n|---|---:|---:|---:|\n'
for row in "${rows[@]}"; do
    [[ -n $filter && $row != *$filter* ]] && continue
    line="| $row |"
    for case in 404 400x3 500; do
        a=$(count "$row" "$case" $low)
        b=$(count "$row" "$case" $high)
        line+=" $(( (b - a) / (high - low) )) |"
    done
    echo "$line"
done
