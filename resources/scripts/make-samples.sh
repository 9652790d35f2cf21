#!/usr/bin/env bash
# Rebuilds the bundled sample data from the shared real datasets (run from the repository root).
# The samples ship inside the app so that a fresh clone can train without ../shared.
set -euo pipefail
shared=${1:-../shared/datasets}
out=resources/src/main/resources/io/neuralworkbench/resources/samples
mkdir -p "$out"
# Iris is 150 rows: the whole file is the sample.
install -m 644 "$shared/iris.csv" "$out/iris.csv"
# MNIST: the first 2,000 training and 500 test digits of the shared IDX files, still in IDX format.
python3 - "$shared/mnist-digits" "$out/mnist-small" <<'PY'
import gzip, os, struct, sys
source, target = sys.argv[1], sys.argv[2]
os.makedirs(target, exist_ok=True)
for prefix, count in (("train", 2000), ("t10k", 500)):
    for kind, item_size in (("images-idx3-ubyte", 28 * 28), ("labels-idx1-ubyte", 1)):
        with gzip.open(f"{source}/{prefix}-{kind}.gz", "rb") as f:
            data = f.read()
        dims = data[3]
        header = bytearray(data[:4 + 4 * dims])
        struct.pack_into(">I", header, 4, count)
        body = data[4 + 4 * dims: 4 + 4 * dims + count * item_size]
        with gzip.GzipFile(f"{target}/{prefix}-{kind}.gz", "wb", mtime=0) as f:
            f.write(bytes(header) + body)
PY
# SMS spam: the header and the first 2,000 messages (about 13 % spam, as in the whole file).
head -n 2001 "$shared/sms-spam.tsv" > "$out/sms-spam-small.tsv"
