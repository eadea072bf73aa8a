#!/usr/bin/python3
"""Measure lstm-explorer-cli bench and PyTorch on the same workloads, in one run, and print a Markdown table.

Workloads (the issue's speed goals): training a character LSTM on random tokens -- one-hot input of V = 65,
nn.LSTM, Linear head, cross-entropy over every step, Adam lr 2e-3, gradient clipping at norm 5, hidden state
carried between windows (truncated BPTT) -- for
    h128   V65 H128 L1 T64  B32
    h256x2 V65 H256 L2 T64  B32
    h512   V65 H512 L1 T128 B16
and batch-1 stepping with softmax (V65 H256 L2). Each measurement: warm-up, then --repeats timed windows of
about --target-s seconds; the median window is reported, for PyTorch and for us alike.

PyTorch runs in a child process per thread count with OMP_NUM_THREADS / OPENBLAS_NUM_THREADS set before torch
(and the BLAS it links) is loaded. Debian's torch calls the system libblas.so.3: install libopenblas0-pthread so
that is OpenBLAS (the reference BLAS is ~20x slower). The BLAS actually mapped is reported.

    /usr/bin/python3 tools/bench_vs_pytorch.py --cli build/release/app/lstm-explorer-cli [--threads 1,2]
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time

CONFIGS = [("h128", 65, 128, 1, 64, 32), ("h256x2", 65, 256, 2, 64, 32), ("h512", 65, 512, 1, 128, 16)]
STEP = ("step", 65, 256, 2)


def torch_child(args):
    """Runs inside the child: one PyTorch thread setting, all workloads, one JSON line each."""
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
    torch.set_num_threads(args.child_threads)
    torch.mm(torch.ones(4, 4), torch.ones(4, 4))  # map the BLAS before looking for it
    blas = sorted({line.split()[-1] for line in open("/proc/self/maps") if "blas" in line.split()[-1]})

    class Net(nn.Module):
        def __init__(self, V, H, L):
            super().__init__()
            self.V = V
            self.lstm = nn.LSTM(V, H, num_layers=L)
            self.head = nn.Linear(H, V)

        def forward(self, tokens, state):
            out, state = self.lstm(F.one_hot(tokens, self.V).float(), state)
            return self.head(out), state

    def timed(fn, unit_count):
        start = time.perf_counter()
        n = 0
        while n < 3 and time.perf_counter() - start < 1.5:  # warm-up
            fn()
            n += 1
        per = (time.perf_counter() - start) / n
        iters = max(1, min(1000, round(args.target_s / per)))
        windows = []
        for _ in range(args.repeats):
            t0 = time.perf_counter()
            for _ in range(iters):
                fn()
            windows.append((time.perf_counter() - t0) / iters)
        return statistics.median(windows), iters

    for name, V, H, L, T, B in CONFIGS:
        torch.manual_seed(1234)
        net = Net(V, H, L)
        opt = torch.optim.Adam(net.parameters(), lr=2e-3)
        data = torch.randint(0, V, (16, T + 1, B))
        state = [(torch.zeros(L, B, H), torch.zeros(L, B, H)), 0, 0.0]

        def iteration():
            window = data[state[1] % 16]
            state[1] += 1
            h, c = state[0]
            opt.zero_grad(set_to_none=True)
            logits, (h, c) = net(window[:-1], (h.detach(), c.detach()))
            loss = F.cross_entropy(logits.reshape(-1, V), window[1:].reshape(-1))
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            state[0] = (h, c)
            state[2] = loss.item()

        seconds, iters = timed(iteration, T * B)
        print(json.dumps({"engine": "pytorch", "workload": name, "threads": args.child_threads,
                          "tokens_per_s": T * B / seconds, "ms_per_iter": seconds * 1e3, "iters": iters,
                          "final_loss": state[2], "torch": torch.__version__, "blas": blas}), flush=True)

    name, V, H, L = STEP
    torch.manual_seed(1234)
    net = Net(V, H, L).eval()
    tokens = [torch.randint(0, V, (1, 1)) for _ in range(args.steps)]
    with torch.inference_mode():
        carried = [(torch.zeros(L, 1, H), torch.zeros(L, 1, H))]

        def thousand_steps():
            s = carried[0]
            for x in tokens:
                logits, s = net(x, s)
                probabilities = torch.softmax(logits[0, 0], dim=-1)
            carried[0] = s
            return probabilities

        seconds, _ = timed(thousand_steps, args.steps)
    print(json.dumps({"engine": "pytorch", "workload": name, "threads": args.child_threads,
                      "us_per_step": seconds / args.steps * 1e6, "torch": torch.__version__, "blas": blas}),
          flush=True)


def run_torch(args, threads):
    env = dict(os.environ, OMP_NUM_THREADS=str(threads), OPENBLAS_NUM_THREADS=str(threads),
               MKL_NUM_THREADS=str(threads))
    cmd = [sys.executable, os.path.abspath(__file__), "--child-threads", str(threads),
           "--repeats", str(args.repeats), "--target-s", str(args.target_s), "--steps", str(args.steps)]
    out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def run_ours(args, threads):
    records = []
    for name, V, H, L, T, B in CONFIGS:
        out = subprocess.run([args.cli, "bench", "--vocab", str(V), "--hidden", str(H), "--layers", str(L),
                              "--seq", str(T), "--batch", str(B), "--threads", str(threads),
                              "--repeats", str(args.repeats), "--json"], check=True, capture_output=True,
                             text=True).stdout
        rec = json.loads(out)
        rec.update(engine="ours", workload=name)
        records.append(rec)
    name, V, H, L = STEP
    out = subprocess.run([args.cli, "bench", "--step", "--vocab", str(V), "--hidden", str(H), "--layers", str(L),
                          "--steps", str(args.steps), "--repeats", str(args.repeats), "--json"],
                         check=True, capture_output=True, text=True).stdout
    rec = json.loads(out)
    rec.update(engine="ours", workload=name, threads=1)
    records.append(rec)
    return records


def machine():
    model = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    flags = next((l.split(":", 1)[1].split() for l in open("/proc/cpuinfo") if l.startswith("flags")), [])
    simd = "AVX-512" if "avx512f" in flags else "AVX2" if "avx2" in flags else "SSE"
    return "%s, %d cores, %s, %s" % (model, os.cpu_count(), simd, platform.platform())


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--cli", default="build/release/app/lstm-explorer-cli")
    p.add_argument("--threads", default="1,2", help="thread counts for both engines (default 1,2)")
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--target-s", type=float, default=1.5)
    p.add_argument("--steps", type=int, default=1000)
    p.add_argument("--json-out", help="also write every record to this file")
    p.add_argument("--child-threads", type=int, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.child_threads:
        torch_child(args)
        return
    threads = [int(t) for t in args.threads.split(",")]
    records = []
    for t in threads:  # alternate engines so drift affects both
        print("pytorch, %d thread(s) ..." % t, file=sys.stderr)
        records += run_torch(args, t)
        print("ours, %d thread(s) ..." % t, file=sys.stderr)
        records += run_ours(args, t)
    if args.json_out:
        with open(args.json_out, "w") as f:
            json.dump(records, f, indent=1)

    def get(engine, workload, t):
        return next((r for r in records if r["engine"] == engine and r["workload"] == workload
                     and r.get("threads") == t), None)

    torch_rec = next(r for r in records if r["engine"] == "pytorch")
    print("Machine: %s" % machine())
    print("PyTorch %s, BLAS: %s" % (torch_rec["torch"], ", ".join(torch_rec["blas"]) or "none mapped"))
    print()
    best_torch = {}
    for name, *_ in CONFIGS:
        best_torch[name] = max(get("pytorch", name, t)["tokens_per_s"] for t in threads)
    header = "| workload | " + " | ".join("PyTorch %dT" % t for t in threads) + " | " + \
             " | ".join("ours %dT" % t for t in threads) + " | " + \
             " | ".join("ours %dT / best PyTorch" % t for t in threads) + " |"
    print(header)
    print("|" + "---|" * (1 + 3 * len(threads)))
    for name, V, H, L, T, B in CONFIGS:
        row = ["%s (V%d H%d L%d T%d B%d), tokens/s" % (name, V, H, L, T, B)]
        row += ["%.0f" % get("pytorch", name, t)["tokens_per_s"] for t in threads]
        row += ["%.0f" % get("ours", name, t)["tokens_per_s"] for t in threads]
        row += ["**%.2f×**" % (get("ours", name, t)["tokens_per_s"] / best_torch[name]) for t in threads]
        print("| " + " | ".join(row) + " |")
    torch_step = min(get("pytorch", "step", t)["us_per_step"] for t in threads)
    ours_step = get("ours", "step", 1)["us_per_step"]
    row = ["step (V65 H256 L2, batch 1, softmax), µs/step"]
    row += ["%.1f" % get("pytorch", "step", t)["us_per_step"] for t in threads]
    row += ["%.1f" % ours_step] + ["(1 thread)"] * (len(threads) - 1)
    row += ["**%.1f× faster**" % (torch_step / ours_step)] + [""] * (len(threads) - 1)
    print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
