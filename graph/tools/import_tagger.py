"""Convert FoolNLTK's named-entity model (a TensorFlow graph) into the numpy arrays graph/news_tagger.py reads.

    python -m graph.tools.import_tagger foolnltk-0.1.7.tar.gz [ontology/learned/news_tagger.npz]

The sdist on PyPI (``pip download --no-deps foolnltk==0.1.7``) holds ``data/ner.pb``, a frozen
TensorFlow GraphDef of a character BiLSTM-CRF trained on Chinese news, and ``data/map.zip``, its
character and tag maps. TensorFlow is not needed: the GraphDef's protobuf wire format is read here
and only the constant tensors (the weights) are kept. FoolNLTK is Apache-2.0 licensed, its models
included (github.com/rockyzhengwu/FoolNLTK/issues/3); the licence travels beside the arrays.
"""
from __future__ import annotations

import io
import json
import struct
import sys
import tarfile
import zipfile
from pathlib import Path

import numpy as np

_DT_FLOAT = 1  # TensorFlow's DataType of every weight the tagger reads
# The graph's constant names and the names the tagger reads them by.
_WEIGHTS = {
    "Const_1": "padding",
    "char_embeding": "embedding",
    "char_bilstm/bidirectional_rnn/fw/basic_lstm_cell/kernel": "fw_kernel",
    "char_bilstm/bidirectional_rnn/fw/basic_lstm_cell/bias": "fw_bias",
    "char_bilstm/bidirectional_rnn/bw/basic_lstm_cell/kernel": "bw_kernel",
    "char_bilstm/bidirectional_rnn/bw/basic_lstm_cell/bias": "bw_bias",
    "project/hidden/w_tanh": "hidden_w",
    "project/hidden/b_tanh": "hidden_b",
    "project/output/w_out": "out_w",
    "project/output/b_out": "out_b",
    "crf_loss/transitions": "transitions",
}


def _varint(buf: bytes, pos: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        byte = buf[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if byte < 0x80:
            return result, pos
        shift += 7


def _fields(buf: bytes):
    """(field number, value) of a protobuf message: ints for varints, bytes for the rest."""
    pos = 0
    while pos < len(buf):
        key, pos = _varint(buf, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = _varint(buf, pos)
        elif wire == 1:
            value, pos = buf[pos:pos + 8], pos + 8
        elif wire == 2:
            size, pos = _varint(buf, pos)
            value, pos = buf[pos:pos + size], pos + size
        elif wire == 5:
            value, pos = buf[pos:pos + 4], pos + 4
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")
        yield number, value


def _tensor(buf: bytes) -> np.ndarray:
    """A float TensorProto (dtype 1, shape 2, tensor_content 4 or float_val 5) as an array. float_val may be
    written short, as TensorFlow does for a constant fill (the graph's padding row): its last value fills the rest."""
    dtype, shape, content, values = None, [], b"", []
    for number, value in _fields(buf):
        if number == 1:
            dtype = value
        elif number == 2:
            shape = [dict(_fields(dim)).get(1, 0) for n, dim in _fields(value) if n == 2]
        elif number == 4:
            content = value
        elif number == 5:  # packed, or one value: little-endian floats either way
            values.extend(struct.unpack(f"<{len(value) // 4}f", value))
    if dtype != _DT_FLOAT:
        raise ValueError(f"a constant of TensorFlow dtype {dtype}, not float")
    if content:
        return np.frombuffer(content, dtype="<f4").reshape(shape).copy()
    array = np.full(shape, values[-1] if values else 0.0, dtype=np.float32)
    array.flat[:len(values)] = values
    return array


def graph_constants(graph_def: bytes) -> dict[str, np.ndarray]:
    """The Const nodes of a GraphDef the tagger reads, by name (node 1; NodeDef name 1, op 2, attr 5 → 'value' →
    tensor 8)."""
    constants = {}
    for number, node in _fields(graph_def):
        if number != 1:
            continue
        fields = list(_fields(node))
        name = next(v for n, v in fields if n == 1).decode()
        op = next(v for n, v in fields if n == 2).decode()
        if op != "Const" or name not in _WEIGHTS:
            continue
        for n, entry in fields:
            if n == 5:
                entry = dict(_fields(entry))
                if entry[1] == b"value":
                    constants[name] = _tensor(dict(_fields(entry[2]))[8])
    return constants


def convert(sdist: Path, target: Path) -> None:
    """Write the tagger's arrays, its character list and tag names from FoolNLTK's sdist to ``target``."""
    try:
        with tarfile.open(sdist) as tar:
            members = {Path(m.name).name: m for m in tar.getmembers() if m.isfile()}
            missing = [name for name in ("ner.pb", "map.zip") if name not in members]
            if missing:
                raise SystemExit(f"{sdist}: no {missing[0]} in it (is it FoolNLTK's sdist?)")
            graph_def = tar.extractfile(members["ner.pb"]).read()
            maps = json.loads(zipfile.ZipFile(io.BytesIO(tar.extractfile(members["map.zip"]).read()))
                              .read("all_map.json").decode("utf-8"))
    except (OSError, tarfile.TarError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise SystemExit(f"{sdist}: {exc}") from None
    try:
        constants = graph_constants(graph_def)
    except (ValueError, KeyError, IndexError, StopIteration) as exc:
        raise SystemExit(f"{sdist}: ner.pb is no GraphDef the tagger can read: {exc}") from None
    missing = sorted(set(_WEIGHTS) - set(constants))
    if missing:
        raise SystemExit(f"{sdist}: ner.pb has no constant {missing[0]}")
    arrays = {_WEIGHTS[name]: value for name, value in constants.items()}
    # The graph looks ids up in its padding row followed by the character table, as one table.
    embedding = np.concatenate([arrays.pop("padding"), arrays.pop("embedding")])
    chars = sorted(maps["char_map"], key=maps["char_map"].get)  # id 0 is <PAD>, 1 is <OOV>
    if [maps["char_map"][c] for c in chars] != list(range(len(chars))):
        raise SystemExit(f"{sdist}: the character ids are not 0..{len(chars) - 1}")
    tags = [maps["ner_map"][str(i)] for i in range(len(maps["ner_map"]))]
    target.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(target, embedding=embedding, chars=np.array(chars), tags=np.array(tags), **arrays)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        raise SystemExit(__doc__.split("\n\n")[1])
    convert(Path(sys.argv[1]), Path(sys.argv[2] if len(sys.argv) == 3 else "ontology/learned/news_tagger.npz"))
