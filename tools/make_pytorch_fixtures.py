#!/usr/bin/python3
"""Generate the PyTorch reference fixtures in tests/fixtures/.

Needs Debian's python3-torch (apt-get install python3-torch); run with /usr/bin/python3 from the project root:
    /usr/bin/python3 tools/make_pytorch_fixtures.py [--out tests/fixtures]

Every fixture is a float32 PyTorch run of the interchange module (embedding?/lstm/head) with fixed seeds:
weights (as an interchange file), inputs, targets, initial state, the per-step i f g o c h of every layer
(computed with the LSTM equations and checked against nn.LSTM's own output), logits, mean cross-entropy
loss, every gradient, and the weights after one Adam step. optimizers.json holds several steps of SGD,
RMSprop and Adam on fixed gradients, and clip_grad_norm_ results. CI never runs this: the JSON is committed.
"""
import argparse
import json
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from export_pytorch import interchange_dict  # noqa: E402

POEM = "春眠不覺曉，處處聞啼鳥。\n夜來風雨聲，花落知多少。"


class CharLSTM(nn.Module):
    def __init__(self, V, H, L, E=None):
        super().__init__()
        self.V = V
        self.embedding = nn.Embedding(V, E) if E else None
        self.lstm = nn.LSTM(E or V, H, num_layers=L)
        self.head = nn.Linear(H, V)

    def inputs(self, tokens):
        if self.embedding is None:
            return F.one_hot(tokens, self.V).float()
        return self.embedding(tokens)


def tolist(t):
    return t.detach().float().tolist()


def manual_lstm(model, x, h0, c0):
    """Per-step gates, c and h of every layer from the nn.LSTM equations (gate rows i, f, g, o)."""
    T = x.shape[0]
    L = model.lstm.num_layers
    out = {q: [[None] * L for _ in range(T)] for q in "ifgoch"}
    layer_input = x
    for l in range(L):
        w_ih = getattr(model.lstm, "weight_ih_l%d" % l)
        w_hh = getattr(model.lstm, "weight_hh_l%d" % l)
        b_ih = getattr(model.lstm, "bias_ih_l%d" % l)
        b_hh = getattr(model.lstm, "bias_hh_l%d" % l)
        h, c = h0[l], c0[l]
        hs = []
        for t in range(T):
            a = layer_input[t] @ w_ih.T + b_ih + h @ w_hh.T + b_hh
            ai, af, ag, ao = a.chunk(4, dim=1)
            i, f, g, o = torch.sigmoid(ai), torch.sigmoid(af), torch.tanh(ag), torch.sigmoid(ao)
            c = f * c + i * g
            h = o * torch.tanh(c)
            for q, v in zip("ifgoch", (i, f, g, o, c, h)):
                out[q][t][l] = tolist(v)
            hs.append(h)
        layer_input = torch.stack(hs)
    return out, layer_input


def make_fixture(name, V, H, L, T, B, E=None, seed=0, nonzero_state=False, text=None, vocab=None):
    torch.manual_seed(seed)
    model = CharLSTM(V, H, L, E)
    with torch.no_grad():  # widen the default init so gates leave their linear range
        for p in model.parameters():
            p.mul_(2.0)
    if text is not None:
        ids = [vocab.index(ch) for ch in text]
        tokens = torch.tensor(ids[:-1]).view(T, 1)
        targets = torch.tensor(ids[1:]).view(T, 1)
    else:
        vocab = [chr(ord("a") + k) for k in range(V)]
        tokens = torch.randint(0, V, (T, B))
        targets = torch.randint(0, V, (T, B))
    if nonzero_state:
        h0 = torch.empty(L, B, H).uniform_(-0.9, 0.9)
        c0 = torch.empty(L, B, H).uniform_(-2.0, 2.0)
    else:
        h0 = torch.zeros(L, B, H)
        c0 = torch.zeros(L, B, H)

    x = model.inputs(tokens)
    output, (hT, cT) = model.lstm(x, (h0, c0))
    logits = model.head(output)
    loss = F.cross_entropy(logits.reshape(-1, V), targets.reshape(-1))
    model.zero_grad()
    loss.backward()

    with torch.no_grad():
        steps, manual_out = manual_lstm(model, model.inputs(tokens), h0, c0)
        gap = (manual_out - output).abs().max().item()
        assert gap < 1e-5, "manual LSTM differs from nn.LSTM by %g" % gap

    grads = {n: tolist(p.grad) for n, p in model.named_parameters()}
    state_before = interchange_dict(model.state_dict(), vocab)
    adam = {"lr": 0.01, "betas": [0.9, 0.999], "eps": 1e-8}
    opt = torch.optim.Adam(model.parameters(), lr=adam["lr"], betas=tuple(adam["betas"]), eps=adam["eps"])
    opt.step()
    adam["state_dict_after"] = {n: tolist(p) for n, p in model.state_dict().items()}

    return {
        "name": name,
        "generator": "tools/make_pytorch_fixtures.py, torch %s" % torch.__version__,
        "interchange": state_before,
        "steps": T, "batch": B,
        "text": text,
        "tokens": tokens.tolist(), "targets": targets.tolist(),
        "h0": tolist(h0), "c0": tolist(c0),
        "final_h": tolist(hT), "final_c": tolist(cT),
        "trace": steps,                    # quantity -> [T][L][B][H]
        "logits": tolist(logits),          # [T][B][V]
        "loss": loss.item(),
        "grads": grads,
        "adam_step": adam,
    }


def make_optimizer_fixture(seed=5):
    torch.manual_seed(seed)
    p0 = torch.randn(12)
    grads = [torch.randn(12) * s for s in (1.0, 0.5, 2.0, 1.5)]
    cases = {
        "sgd_plain": (torch.optim.SGD, dict(lr=0.05)),
        "sgd_momentum": (torch.optim.SGD, dict(lr=0.1, momentum=0.9, dampening=0.1)),
        "sgd_nesterov": (torch.optim.SGD, dict(lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.01)),
        "rmsprop": (torch.optim.RMSprop, dict(lr=0.01, alpha=0.9, eps=1e-8)),
        "rmsprop_centered_momentum": (torch.optim.RMSprop,
                                      dict(lr=0.01, alpha=0.95, centered=True, momentum=0.5, weight_decay=0.1)),
        "adam": (torch.optim.Adam, dict(lr=0.01)),
        "adam_weight_decay": (torch.optim.Adam, dict(lr=0.003, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.05)),
    }
    out = {"p0": tolist(p0), "grads": [tolist(g) for g in grads], "cases": {}}
    for name, (cls, kwargs) in cases.items():
        p = p0.clone().requires_grad_(True)
        opt = cls([p], **kwargs)
        history = []
        for g in grads:
            p.grad = g.clone()
            opt.step()
            history.append(tolist(p))
        settings = {k: (list(v) if isinstance(v, tuple) else v) for k, v in kwargs.items()}
        out["cases"][name] = {"optimizer": cls.__name__, "settings": settings, "after_each_step": history}
    clips = []
    for max_norm in (0.5, 100.0):
        g = [grads[2][:5].clone(), grads[3][5:].clone()]
        params = [torch.zeros(5, requires_grad=True), torch.zeros(7, requires_grad=True)]
        for p, gi in zip(params, g):
            p.grad = gi
        total = torch.nn.utils.clip_grad_norm_(params, max_norm)
        clips.append({"max_norm": max_norm, "grads": tolist(torch.cat([grads[2][:5], grads[3][5:]])),
                      "total_norm": total.item(), "clipped": tolist(torch.cat([p.grad for p in params]))})
    out["clip"] = clips
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests",
                                                  "fixtures"))
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    poem_vocab = sorted(set(POEM))
    fixtures = [
        make_fixture("onehot_l1", V=7, H=5, L=1, T=6, B=2, seed=1),
        make_fixture("embedding_l2", V=6, H=5, L=2, T=5, B=3, E=4, seed=2, nonzero_state=True),
        make_fixture("onehot_l2_poem", V=len(poem_vocab), H=6, L=2, T=len(POEM) - 1, B=1, seed=3,
                     text=POEM, vocab=poem_vocab),
        make_fixture("embedding_l3", V=9, H=4, L=3, T=4, B=2, E=3, seed=4, nonzero_state=True),
    ]
    for fx in fixtures:
        path = os.path.join(a.out, "pytorch_%s.json" % fx["name"])
        with open(path, "w", encoding="utf-8") as f:
            json.dump(fx, f, ensure_ascii=False)
        # The interchange part alone, as a user would export it: the CLI tests import it.
        with open(os.path.join(a.out, "interchange_%s.json" % fx["name"]), "w", encoding="utf-8") as f:
            json.dump(fx["interchange"], f, ensure_ascii=False)
        print("wrote", path, "loss %.6f" % fx["loss"], file=sys.stderr)
    with open(os.path.join(a.out, "pytorch_optimizers.json"), "w") as f:
        json.dump(make_optimizer_fixture(), f)
    print("wrote optimizers fixture", file=sys.stderr)


if __name__ == "__main__":
    main()
