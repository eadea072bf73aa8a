#!/usr/bin/python3
"""Train the same character LSTM with lstm-explorer-cli and with PyTorch for the same wall-clock time, on the same
normalised text, and report validation loss, bits per character, baselines and samples (docs/QUALITY.md).

Both engines use the same recipe: the text as `lstm-explorer-cli corpus --write-text` normalises it (fortune
separators and colour escapes removed), vocabulary = distinct code points in ascending order, the last 10 % held
out; B parallel streams over the training text, windows of T characters, LSTM state carried between windows and
reset at each epoch (char-rnn); Adam, gradient norm clipped to 5; validation on (up to 1 M characters of) the
held-out text cut into up to B streams, state carried; the best validation loss is kept. Each engine runs for
--minutes of wall-clock time at its best thread setting on this machine (ours: --threads, PyTorch: --torch-threads).

    apt-get install python3-torch libopenblas0-pthread fortunes-zh fortunes-min
    /usr/bin/python3 tools/quality_vs_pytorch.py --cli build/release/app/lstm-explorer-cli --minutes 10 \
        --out /tmp/quality
"""
import argparse
import json
import math
import os
import subprocess
import sys
import time

RUNS = {
    # name: corpus file, model and window settings shared by both engines
    "tang300": ("/usr/share/games/fortunes/tang300", dict(embed=64, hidden=128, layers=1, seq=32, batch=16, lr=2e-3)),
    "literature": ("/usr/share/games/fortunes/literature", dict(embed=0, hidden=256, layers=2, seq=64, batch=32, lr=2e-3)),
}
PRIMERS = {"tang300": "《", "literature": "The "}
TEMPERATURES = (0.5, 0.8, 1.0)


def run_ours(args, name, corpus_file, hp, workdir):
    model, best = os.path.join(workdir, name + ".lstm"), os.path.join(workdir, name + ".best.lstm")
    cmd = [args.cli, "train", "--corpus", corpus_file, "--hidden", str(hp["hidden"]), "--layers", str(hp["layers"]),
           "--embed", str(hp["embed"]), "--seq", str(hp["seq"]), "--batch", str(hp["batch"]), "--lr", str(hp["lr"]),
           "--clip", "5", "--epochs", "1000000", "--time-limit", str(args.minutes * 60), "--eval-every",
           str(args.eval_every), "--threads", str(args.threads), "--seed", "1", "--out", model, "--save-best", best,
           "--json-progress"]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.splitlines()
    records = [json.loads(line) for line in out if line.startswith("{")]
    done = records[-1]
    progress = [r for r in records[:-1] if r.get("evaluated")]
    samples = {}
    for t in TEMPERATURES:
        samples[t] = subprocess.run([args.cli, "sample", best, "--primer", PRIMERS[name], "--length",
                                     str(args.sample_length), "--temperature", str(t), "--seed", "1"],
                                    check=True, capture_output=True, text=True).stdout
    return {"iterations": done["iterations"], "best_val_loss": done["best_val_loss"],
            "best_iteration": done["best_iteration"], "tokens_per_s": records[-2]["tokens_per_s"],
            "curve": [(r["elapsed_s"], r["iter"], r["val_loss"]) for r in progress], "samples": samples}


def run_torch(args, name, text, hp):
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
    torch.manual_seed(1)
    torch.set_num_threads(args.torch_threads)
    vocab = sorted(set(text))
    index = {c: i for i, c in enumerate(vocab)}
    ids = torch.tensor([index[c] for c in text])
    n = len(ids)
    train_size = n - round(n * 0.1)
    train, valid = ids[:train_size], ids[train_size:train_size + (1 << 20)]
    V, H, L, T, B = len(vocab), hp["hidden"], hp["layers"], hp["seq"], hp["batch"]

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.embedding = nn.Embedding(V, hp["embed"]) if hp["embed"] else None
            self.lstm = nn.LSTM(hp["embed"] or V, H, num_layers=L)
            self.head = nn.Linear(H, V)

        def forward(self, x, state):
            x = self.embedding(x) if self.embedding is not None else F.one_hot(x, V).float()
            out, state = self.lstm(x, state)
            return self.head(out), state

    net = Net()
    opt = torch.optim.Adam(net.parameters(), lr=hp["lr"])
    stream = (train_size - 1) // B
    windows = stream // T

    def window(data, w, streams, length):
        # Stream b is the b-th slice of `length` characters; window w is its characters [w·T, (w+1)·T).
        idx = (torch.arange(streams) * length)[:, None] + w * T + torch.arange(T)[None, :]
        return data[idx].T, data[idx + 1].T  # (T, streams) inputs and targets

    def evaluate():
        m = len(valid)
        vb = max(1, min(B, (m - 1) // T))
        vstream = (m - 1) // vb
        total, state = 0.0, None
        with torch.no_grad():
            for w in range(vstream // T):
                x, y = window(valid, w, vb, vstream)
                logits, state = net(x, state)
                total += F.cross_entropy(logits.reshape(-1, V), y.reshape(-1)).item()
        return total / (vstream // T)

    best, best_state, best_iter, curve = math.inf, None, 0, []
    it, state, start = 0, None, time.perf_counter()
    while time.perf_counter() - start < args.minutes * 60:
        w = it % windows
        if w == 0:
            state = None
        x, y = window(train, w, B, stream)
        if state is not None:
            state = tuple(s.detach() for s in state)
        logits, state = net(x, state)
        loss = F.cross_entropy(logits.reshape(-1, V), y.reshape(-1))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        nn.utils.clip_grad_norm_(net.parameters(), 5.0)
        opt.step()
        it += 1
        if it % args.eval_every == 0:
            v = evaluate()
            curve.append((time.perf_counter() - start, it, v))
            if v < best:
                best, best_iter = v, it
                best_state = {k: t.clone() for k, t in net.state_dict().items()}
    elapsed = time.perf_counter() - start
    v = evaluate()
    curve.append((time.perf_counter() - start, it, v))
    if v < best:
        best, best_iter, best_state = v, it, {k: t.clone() for k, t in net.state_dict().items()}
    net.load_state_dict(best_state)

    samples = {}
    for t in TEMPERATURES:
        g = torch.Generator().manual_seed(1)
        out, state = list(PRIMERS[name]), None
        with torch.no_grad():
            x = torch.tensor([[index[c]] for c in PRIMERS[name]])
            logits, state = net(x, state)
            for _ in range(args.sample_length):
                p = torch.softmax(logits[-1, 0] / t, dim=-1)
                c = int(torch.multinomial(p, 1, generator=g))
                out.append(vocab[c])
                logits, state = net(torch.tensor([[c]]), state)
        samples[t] = "".join(out)
    return {"iterations": it, "best_val_loss": best, "best_iteration": best_iter,
            "tokens_per_s": it * T * B / elapsed, "curve": curve, "samples": samples,
            "torch": torch.__version__}


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--cli", default="build/release/app/lstm-explorer-cli")
    p.add_argument("--minutes", type=float, default=10.0)
    p.add_argument("--threads", type=int, default=2, help="lstm-explorer threads (default 2)")
    p.add_argument("--torch-threads", type=int, default=1, help="PyTorch threads (default 1, its fastest here)")
    p.add_argument("--eval-every", type=int, default=50)
    p.add_argument("--sample-length", type=int, default=300)
    p.add_argument("--runs", default=",".join(RUNS))
    p.add_argument("--out", default="/tmp/quality")
    a = p.parse_args()
    os.makedirs(a.out, exist_ok=True)
    results = {}
    for name in a.runs.split(","):
        corpus_file, hp = RUNS[name]
        text_file = os.path.join(a.out, name + ".txt")
        stats = json.loads(subprocess.run([a.cli, "corpus", corpus_file, "--write-text", text_file, "--json"],
                                          check=True, capture_output=True, text=True).stdout)
        with open(text_file, encoding="utf-8") as f:
            text = f.read()
        print("%s: ours ..." % name, file=sys.stderr)
        ours = run_ours(a, name, corpus_file, hp, a.out)
        print("%s: pytorch ..." % name, file=sys.stderr)
        theirs = run_torch(a, name, text, hp)
        results[name] = {"corpus": stats, "settings": hp, "ours": ours, "pytorch": theirs}
        with open(os.path.join(a.out, "quality.json"), "w", encoding="utf-8") as f:
            json.dump(results, f, ensure_ascii=False, indent=1)
        for engine in ("ours", "pytorch"):
            r = results[name][engine]
            by = lambda minutes: min([v for (s, _, v) in r["curve"] if s <= minutes * 60] or [float("nan")])
            print("%-10s %-8s iterations %6d  best val %.4f nats (%.3f bits/char) at %d  %.0f chars/s  best by "
                  "1/2/5 min: %.3f %.3f %.3f" %
                  (name, engine, r["iterations"], r["best_val_loss"], r["best_val_loss"] / math.log(2),
                   r["best_iteration"], r["tokens_per_s"], by(1), by(2), by(5)))


if __name__ == "__main__":
    main()
