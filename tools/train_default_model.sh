#!/usr/bin/env bash
# Trains the explorer's built-in model, resources/models/default.lstm, with our own CLI.
# Reproducible: same seed and thread count give the same weights. Needs Debian's fortunes-min and a release build:
#   apt-get install -y fortunes-min && cmake --workflow --preset release && tools/train_default_model.sh
# English quotations, one-hot characters, 2 × 128 LSTM; the best validation point is kept.
set -euo pipefail
cd "$(dirname "$0")/.."
cli=${CLI:-build/release/app/lstm-explorer-cli}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$cli" train --corpus /usr/share/games/fortunes/literature --hidden 128 --layers 2 --seq 64 --batch 32 \
  --lr 0.002 --clip 5 --iters 1500 --eval-every 50 --seed 1 --threads 2 --forget-bias 1 \
  --out "$work/last.lstm" --save-best resources/models/default.lstm
"$cli" info resources/models/default.lstm
