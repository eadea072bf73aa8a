#!/usr/bin/python3
"""Train the small built-in model, resources/models/default.lstm, reproducibly.

A 2-layer, 64-unit character LSTM (one-hot input) trained with PyTorch on Debian's fortunes-min "literature"
file (quotations with their authors), exported through tools/export_pytorch.py and converted by
lstm-explorer-cli import-pytorch. Seeded and single-threaded, so the same torch build gives the same weights.
Until the project's own trainer exists (issue #3) this is how the built-in model is made; it is only the
default the CLI and the explorer start on.

    apt-get install python3-torch fortunes-min
    /usr/bin/python3 tools/train_default_model.py --cli build/release/app/lstm-explorer-cli \
        --out resources/models/default.lstm
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from export_pytorch import export_interchange  # noqa: E402

CORPUS = "/usr/share/games/fortunes/literature"


def load_fortunes(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r".\x08", "", text)                  # nroff overstrike (x BS x) → x
    text = re.sub(r"\x1b\[[0-9;]*m", "", text)         # ANSI colour escapes
    entries = [e.strip("\n") for e in re.split(r"^%\n", text, flags=re.M)]
    return "\n\n".join(e for e in entries if e) + "\n"


class CharLSTM(nn.Module):
    def __init__(self, V, H, L):
        super().__init__()
        self.V = V
        self.lstm = nn.LSTM(V, H, num_layers=L)
        self.head = nn.Linear(H, V)

    def forward(self, tokens, state=None):
        out, state = self.lstm(F.one_hot(tokens, self.V).float(), state)
        return self.head(out), state


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--cli", required=True, help="path of lstm-explorer-cli")
    p.add_argument("--out", default="resources/models/default.lstm")
    p.add_argument("--hidden", type=int, default=64)
    p.add_argument("--layers", type=int, default=2)
    p.add_argument("--seq", type=int, default=64)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--epochs", type=int, default=60)
    p.add_argument("--seed", type=int, default=2026)
    a = p.parse_args()

    torch.manual_seed(a.seed)
    torch.set_num_threads(1)
    text = load_fortunes(CORPUS)
    vocab = sorted(set(text))
    ids = torch.tensor([vocab.index(c) for c in text])
    split = int(len(ids) * 0.9)
    train, valid = ids[:split], ids[split:]
    V = len(vocab)
    model = CharLSTM(V, a.hidden, a.layers)
    opt = torch.optim.Adam(model.parameters(), lr=3e-3)

    # B parallel streams over the training text, state carried between windows (char-rnn style).
    stream_len = (len(train) - 1) // a.batch
    streams = train[: stream_len * a.batch + 1]
    windows = (stream_len - 1) // a.seq
    for epoch in range(a.epochs):
        state = None
        total = 0.0
        for w in range(windows):
            starts = torch.arange(a.batch) * stream_len + w * a.seq
            x = torch.stack([streams[s:s + a.seq] for s in starts], dim=1)
            y = torch.stack([streams[s + 1:s + a.seq + 1] for s in starts], dim=1)
            if state is not None:
                state = tuple(s.detach() for s in state)
            logits, state = model(x, state)
            loss = F.cross_entropy(logits.reshape(-1, V), y.reshape(-1))
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            total += loss.item()
        with torch.no_grad():
            logits, _ = model(valid[:-1].view(-1, 1))
            val = F.cross_entropy(logits.view(-1, V), valid[1:]).item()
        print("epoch %2d  train %.4f  valid %.4f nats" % (epoch + 1, total / windows, val), file=sys.stderr)

    description = ("Built-in demo model: 2-layer, 64-unit character LSTM trained by tools/train_default_model.py "
                   "(PyTorch, seed %d, %d epochs) on Debian's fortunes-min 'literature' quotations; "
                   "validation loss %.3f nats/char." % (a.seed, a.epochs, val))
    with tempfile.TemporaryDirectory() as tmp:
        interchange = os.path.join(tmp, "default.json")
        export_interchange(model, vocab, interchange,
                           metadata={"corpus": "fortunes-min literature", "validation_loss": round(val, 4)})
        subprocess.run([a.cli, "import-pytorch", interchange, a.out, "--description", description], check=True)


if __name__ == "__main__":
    main()
