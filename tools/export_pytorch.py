#!/usr/bin/python3
"""Write the LSTM Explorer PyTorch interchange file (docs/pytorch-interchange.md) from a PyTorch module.

The module must have the submodules
  embedding  nn.Embedding(V, E)   -- optional; without it the input is one-hot (X = V)
  lstm       nn.LSTM(X, H, num_layers=L)   (unidirectional, no proj_size)
  head       nn.Linear(H, V)
and a vocabulary: a list of V one-character strings, index = token id.

As a library:
    from export_pytorch import export_interchange, interchange_dict
    export_interchange(model, vocab, "model.json")

From the command line, for a state_dict saved with torch.save(model.state_dict(), "m.pt"):
    /usr/bin/python3 tools/export_pytorch.py --state-dict m.pt --vocab-file vocab.txt OUT.json
where vocab.txt is UTF-8 text whose characters, in order, are the vocabulary (a newline counts as a character
only if --vocab-newline is given). Then: lstm-explorer-cli import-pytorch OUT.json model.lstm
"""
import argparse
import json
import sys

FORMAT = "lstm-explorer/pytorch-lstm-v1"


def _check_vocab(vocab):
    if not vocab:
        raise ValueError("the vocabulary is empty")
    for i, s in enumerate(vocab):
        if not isinstance(s, str) or len(s) != 1:
            raise ValueError("vocab entry %d (%r) is not exactly one Unicode character" % (i, s))
    if len(set(vocab)) != len(vocab):
        raise ValueError("the vocabulary has repeated characters")


def interchange_dict(state_dict, vocab, metadata=None):
    """The interchange file's content as a Python dict, from a state_dict of embedding/lstm/head."""
    _check_vocab(vocab)
    allowed_prefixes = ("embedding.weight", "lstm.weight_ih_l", "lstm.weight_hh_l", "lstm.bias_ih_l",
                        "lstm.bias_hh_l", "head.weight", "head.bias")
    out = {}
    for name, tensor in state_dict.items():
        if not name.startswith(allowed_prefixes) or name.endswith("_reverse") or "proj" in name:
            raise ValueError("unsupported tensor %r (only embedding, a unidirectional nn.LSTM and a Linear head)"
                             % name)
        out[name] = tensor.detach().to("cpu").float().tolist()
    if len(out["head.weight"]) != len(vocab):
        raise ValueError("head.weight has %d rows but the vocabulary has %d characters"
                         % (len(out["head.weight"]), len(vocab)))
    result = {"format": FORMAT, "vocab": list(vocab), "state_dict": out}
    if metadata:
        result["metadata"] = metadata
    return result


def export_interchange(model, vocab, path, metadata=None):
    """Write the interchange file for `model` (an nn.Module with embedding?/lstm/head) to `path`."""
    lstm = model.lstm
    if getattr(lstm, "bidirectional", False) or getattr(lstm, "proj_size", 0):
        raise ValueError("bidirectional LSTMs and projections are not supported")
    if getattr(lstm, "batch_first", False):
        pass  # batch_first changes only how inputs are laid out, not the weights
    data = interchange_dict(model.state_dict(), vocab, metadata)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--state-dict", required=True, help="file written by torch.save(model.state_dict(), ...)")
    p.add_argument("--vocab-file", required=True, help="UTF-8 text: its characters, in order, are the vocabulary")
    p.add_argument("--vocab-newline", action="store_true", help="keep newline characters of --vocab-file")
    p.add_argument("out", help="interchange JSON to write")
    a = p.parse_args(argv)
    import torch
    state_dict = torch.load(a.state_dict, map_location="cpu")
    with open(a.vocab_file, encoding="utf-8") as f:
        text = f.read()
    vocab = [c for c in text if a.vocab_newline or c != "\n"]
    data = interchange_dict(state_dict, vocab)
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)
    print("wrote %s (%d characters, %d tensors)" % (a.out, len(vocab), len(data["state_dict"])), file=sys.stderr)


if __name__ == "__main__":
    main()
