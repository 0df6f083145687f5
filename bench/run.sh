#!/usr/bin/env sh
# The color-inbox benchmark; all options go to bench/benchmark.py (--help lists them).
exec python3 "$(dirname "$0")/benchmark.py" "$@"
