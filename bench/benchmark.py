#!/usr/bin/env python3
"""The color-inbox benchmark: `python3 bench/benchmark.py --help` (or bench/run.sh) for what it does and its
options; the code is the package bench/colorbench (one module per concern)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from colorbench.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
