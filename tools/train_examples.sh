#!/usr/bin/env bash
# Trains the example models of File ▸ Open example (resources/models/examples/*.lstm), each with the one command
# kept in its lesson file's "command" field (resources/examples/NN-name.lesson.json) — the same text the gallery
# shows and tests/cli/tst_examples_reproduce reruns. Same seed and thread count give the same weights on one
# machine; another CPU may pick other GEMM kernels and land within the 2 % the test allows.
# Needs fortunes-zh and fortunes-min and a release build:
#   apt-get install -y fortunes-zh fortunes-min && cmake --workflow --preset release && tools/train_examples.sh [NAME…]
# Afterwards check that each lesson's unit is still the one unit discovery ranks first (tst_example_models).
set -euo pipefail
cd "$(dirname "$0")/.."
cli=${CLI:-build/release/app/lstm-explorer-cli}
names=("$@")
[ ${#names[@]} -eq 0 ] && names=($(cd resources/examples && ls *.lesson.json | sed 's/\.lesson\.json$//'))
for name in "${names[@]}"; do
  command=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["command"])' "resources/examples/$name.lesson.json")
  echo "== $name: $command"
  eval "\"$cli\" ${command#lstm-explorer-cli }"
done
