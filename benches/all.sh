#!/usr/bin/env bash
# Every benchmark of BENCHMARKS.md, in one run (about 15 minutes on 2 cores; keep the
# machine otherwise idle):
#
#   bash benches/all.sh
#
# 1. criterion timings of status()/code(), body, http::Response and axum Response against
#    the hand-written baselines and http-api-problem (tables of medians and ratios);
# 2. instructions per call of the same rows, counted by callgrind (deterministic; needs
#    valgrind);
# 3. the compile-time cost of the derive for N = 50, 200, 1000 variants.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "## Run time (criterion)"
cargo bench -p apifault-benches --bench render 2>&1 | sed -n '/^### /,$p'

echo
echo "## Instructions per call (callgrind)"
if command -v valgrind >/dev/null; then
    bash benches/instructions.sh
elif [ "${APIFAULT_NO_SKIP:-}" = 1 ]; then
    # As in the tests: APIFAULT_NO_SKIP=1 turns a skip into a failure.
    echo "valgrind is not installed (apt-get install valgrind); APIFAULT_NO_SKIP=1 forbids skipping" >&2
    exit 1
else
    echo "skipped: valgrind is not installed (apt-get install valgrind)"
fi

echo
echo "## Compile time"
bash benches/compile/run.sh | sed -n '/^Medians/,$p'
