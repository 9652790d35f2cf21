#!/usr/bin/env bash
# Rebuilds the bundled sample data from the shared real datasets (run from the repository root).
# The samples ship inside the app so that a fresh clone can train without ../shared.
set -euo pipefail
shared=${1:-../shared/datasets}
out=resources/src/main/resources/io/neuralworkbench/resources/samples
mkdir -p "$out"
# Iris is 150 rows: the whole file is the sample.
install -m 644 "$shared/iris.csv" "$out/iris.csv"
