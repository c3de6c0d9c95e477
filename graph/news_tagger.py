"""News tagger: a general Chinese named-entity tagger (FoolNLTK's BiLSTM-CRF, run in numpy).

It was trained on general news, not on this project's articles, so it knows organisations, places
and people no list or gold file of ours has; the recogniser's "tagged" component reads its
organisations (names.tagged in ontology/patterns.toml). The weights are FoolNLTK's (Apache-2.0),
converted once by graph/tools/import_tagger.py into ``ontology/learned/news_tagger.npz``; nothing
is downloaded.
"""
from __future__ import annotations

import functools
from pathlib import Path

import numpy as np

def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * x))  # the logistic function, without exp's overflow for large -x


class NewsTagger:
    """Tags each character B/M/E/S_{location, org, company, person, time, job} or O."""

    def __init__(self, path: Path):
        arrays = np.load(path)
        self._w = {name: arrays[name] for name in arrays.files if name not in ("chars", "tags")}
        self._ids = {ch: i for i, ch in enumerate(arrays["chars"].tolist())}
        self._oov = self._ids["<OOV>"]
        self.tags = arrays["tags"].tolist()

    def _lstm(self, x: np.ndarray, kernel: np.ndarray, bias: np.ndarray) -> np.ndarray:
        """One direction of TensorFlow's BasicLSTMCell (gates i, j, f, o; forget bias 1) over x: (steps, width)."""
        size = kernel.shape[1] // 4
        # The input's share of every step at once. einsum, not @: OpenBLAS would start threads for
        # this small product, and they spin on the other core a parallel build's second worker needs.
        gates_in = np.einsum("ij,jk->ik", x, kernel[:x.shape[1]]) + bias
        gates_in[:, 2 * size:3 * size] += 1.0
        h_kernel = kernel[x.shape[1]:]
        h = np.zeros(size, np.float32)
        c = np.zeros(size, np.float32)
        out = np.empty((x.shape[0], size), np.float32)
        for t in range(x.shape[0]):
            gates = gates_in[t] + h.dot(h_kernel)
            sig = _sigmoid(gates)  # i, f and o need it; j's share is not read
            c = c * sig[2 * size:3 * size] + sig[:size] * np.tanh(gates[size:2 * size])
            h = np.tanh(c) * sig[3 * size:]
            out[t] = h
        return out

    def tag(self, text: str) -> list[str]:
        """One tag per character of ``text``."""
        if not text:
            return []
        w = self._w
        x = w["embedding"][[self._ids.get(ch, self._oov) for ch in text]]
        forward = self._lstm(x, w["fw_kernel"], w["fw_bias"])
        backward = self._lstm(x[::-1], w["bw_kernel"], w["bw_bias"])[::-1]
        both = np.concatenate([forward, backward], axis=1)
        hidden = np.tanh(np.einsum("ij,jk->ik", both, w["hidden_w"]) + w["hidden_b"])
        scores = np.einsum("ij,jk->ik", hidden, w["out_w"]) + w["out_b"]
        return [self.tags[i] for i in _viterbi(scores, w["transitions"])]

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, kind) of every name the tags mark: B_kind, M_kind …, E_kind, or one S_kind."""
        out, start, current = [], None, ""
        for i, tag in enumerate(self.tag(text)):
            place, _, kind = tag.partition("_")
            if place in ("B", "S"):
                start, current = i, kind
            elif not (place in ("M", "E") and start is not None and kind == current):
                start = None
                continue
            if place in ("E", "S"):
                out.append((start, i + 1, kind))
                start = None
        return out


def _viterbi(scores: np.ndarray, transitions: np.ndarray) -> list[int]:
    """The best tag path; the transitions' last row is the start state (FoolNLTK's decoding)."""
    best = transitions[-1, :-1] + scores[0]
    back = []
    moves = transitions[:-1, :-1]
    for row in scores[1:]:
        total = best[:, None] + moves
        back.append(total.argmax(axis=0))
        best = total.max(axis=0) + row
    path = [int(best.argmax())]
    for pointers in reversed(back):
        path.append(int(pointers[path[-1]]))
    return path[::-1]


@functools.cache
def load(path: Path) -> NewsTagger:
    """The tagger at ``path``, read once per process."""
    return NewsTagger(path)
