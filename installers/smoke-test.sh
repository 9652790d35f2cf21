#!/usr/bin/env bash
# Smoke test of a packaged launcher (app image or installed package): it starts, prints info,
# and trains the bundled iris sample headless. Any failure exits non-zero, which fails the build.
set -euo pipefail
launcher="${1:?usage: smoke-test.sh PATH/TO/bin/NeuralWorkbench}"
if [ ! -x "$launcher" ]; then
  echo "No launcher at $launcher: build the image first with mvn -Pinstallers package." >&2
  exit 2
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== $launcher info"
"$launcher" info | tee "$work/info.txt"
grep -q "ND4J backend" "$work/info.txt" || { echo "info did not report the ND4J backend" >&2; exit 1; }

echo "== $launcher train --sample iris"
"$launcher" train --sample iris --epochs 30 --out "$work/iris-model.zip" | tee "$work/train.txt"
[ -s "$work/iris-model.zip" ] || { echo "training wrote no model bundle" >&2; exit 1; }
echo "== smoke test passed"
