"""The general news tagger: FoolNLTK's weights, converted once into numpy, tag organisations no list
of ours has, the converter reads a TensorFlow graph without TensorFlow, and the learned recogniser
reads the tags as features only when learned.toml asks for them."""
import io
import json
import shutil
import tarfile
import zipfile

import numpy as np
import pytest

from graph import news_tagger
from graph.data import ONTOLOGY_DIR
from graph.errors import IkgError
from graph.learned import LEARNED_DIR
from graph.news_tagger import NewsTagger, load
from graph.pipeline import knowledge_fingerprint
from graph.recognise import Recogniser, tagged_names
from graph.rules import load_rules
from graph.segment import segment
from graph.tools.import_tagger import convert

from stage_helpers import document

SHIPPED = ONTOLOGY_DIR / LEARNED_DIR / "news_tagger.npz"


def spans(text, tags):
    """(name, kind) of every B…E or S run of ``tags``."""
    out, start = [], None
    for i, tag in enumerate(tags):
        place, _, kind = tag.partition("_")
        if place in ("B", "S"):
            start = i
        if place in ("E", "S") and start is not None:
            out.append((text[start:i + 1], kind))
            start = None
    return out


def test_the_shipped_tagger_finds_organisations_no_registry_names():
    tagger = load(SHIPPED)
    text = "绵竹市应急管理局与成都市锦江区红十字会一道走访了受灾村民。"
    found = spans(text, tagger.tag(text))
    assert ("绵竹市应急管理局", "org") in found and ("成都市锦江区红十字会", "org") in found
    assert tagger.tag("") == []


# --- the converter, on a GraphDef written here byte by byte ----------------------------------------

def _key(number, wire):
    return _varint(number << 3 | wire)


def _varint(value):
    out = bytearray()
    while True:
        out.append(value & 0x7F | (0x80 if value > 0x7F else 0))
        value >>= 7
        if not value:
            return bytes(out)


def _field(number, payload):
    return _key(number, 2) + _varint(len(payload)) + payload


def _const(name, array):
    """A NodeDef of op Const whose 'value' attribute holds ``array`` (float32): as tensor_content, or, when all
    its values are one, as that single float_val, the way TensorFlow writes a constant fill."""
    shape = b"".join(_field(2, _key(1, 0) + _varint(size)) for size in array.shape)
    values = (_field(5, np.float32(array.flat[0]).astype("<f4").tobytes()) if (array == array.flat[0]).all()
              else _field(4, array.astype("<f4").tobytes()))
    tensor = _key(1, 0) + _varint(1) + _field(2, shape) + values
    attr = _field(1, b"value") + _field(2, _field(8, tensor))
    return _field(1, _field(1, name.encode()) + _field(2, b"Const") + _field(5, attr))


def _sdist(folder, graph, maps):
    """A FoolNLTK-like sdist in ``folder``: ``graph`` as data/ner.pb, ``maps`` as data/map.zip's all_map.json."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("all_map.json", json.dumps(maps))
    sdist = folder / "foolnltk-0.1.7.tar.gz"
    with tarfile.open(sdist, "w:gz") as tar:
        for name, data in (("foolnltk-0.1.7/data/ner.pb", graph), ("foolnltk-0.1.7/data/map.zip", buffer.getvalue())):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return sdist


def test_the_converter_reads_the_weights_of_a_graph_without_tensorflow(tmp_path):
    rng = np.random.default_rng(0)
    chars, tags, width, size = ["<PAD>", "<OOV>", "保", "险"], ["O", "S_org"], 3, 2
    weights = {
        "Const_1": np.full((1, width), 0.25), "char_embeding": rng.normal(size=(len(chars), width)),
        "char_bilstm/bidirectional_rnn/fw/basic_lstm_cell/kernel": rng.normal(size=(width + size, 4 * size)),
        "char_bilstm/bidirectional_rnn/fw/basic_lstm_cell/bias": rng.normal(size=4 * size),
        "char_bilstm/bidirectional_rnn/bw/basic_lstm_cell/kernel": rng.normal(size=(width + size, 4 * size)),
        "char_bilstm/bidirectional_rnn/bw/basic_lstm_cell/bias": rng.normal(size=4 * size),
        "project/hidden/w_tanh": rng.normal(size=(2 * size, 2)), "project/hidden/b_tanh": rng.normal(size=2),
        "project/output/w_out": rng.normal(size=(2, len(tags))), "project/output/b_out": np.array([0.0, 5.0]),
        "crf_loss/transitions": np.zeros((len(tags) + 1, len(tags) + 1)),
    }
    graph = b"".join(_const(name, array) for name, array in weights.items())
    maps = {"char_map": {c: i for i, c in enumerate(chars)}, "ner_map": {str(i): t for i, t in enumerate(tags)}}
    convert(_sdist(tmp_path, graph, maps), tmp_path / "tagger.npz")
    arrays = np.load(tmp_path / "tagger.npz")
    assert np.allclose(arrays["embedding"], np.concatenate([weights["Const_1"], weights["char_embeding"]]))
    assert np.allclose(arrays["fw_kernel"], weights["char_bilstm/bidirectional_rnn/fw/basic_lstm_cell/kernel"])
    assert arrays["chars"].tolist() == chars and arrays["tags"].tolist() == tags
    # The output bias favours S_org at every character, and no transition says otherwise.
    assert NewsTagger(tmp_path / "tagger.npz").tag("保险") == ["S_org", "S_org"]


def test_a_graph_whose_weights_are_not_floats_is_one_clear_error(tmp_path):
    tensor = _key(1, 0) + _varint(3) + _field(2, _field(2, _key(1, 0) + _varint(1))) + _field(4, b"\0\0\0\0")
    node = _field(1, _field(1, b"Const_1") + _field(2, b"Const")
                  + _field(5, _field(1, b"value") + _field(2, _field(8, tensor))))
    with pytest.raises(SystemExit, match="ner.pb is no GraphDef the tagger can read: .*dtype 3, not float"):
        convert(_sdist(tmp_path, node, {"char_map": {}, "ner_map": {}}), tmp_path / "tagger.npz")


def test_a_sdist_without_the_model_is_refused(tmp_path):
    sdist = tmp_path / "other.tar.gz"
    with tarfile.open(sdist, "w:gz"):
        pass
    with pytest.raises(SystemExit, match="no ner.pb"):
        convert(sdist, tmp_path / "tagger.npz")

# --- the build cache -------------------------------------------------------------------------------

def test_the_tagger_file_is_part_of_the_knowledge_hash(tmp_path):
    """A build's cache must not keep graphs extracted with other tagger weights."""
    copy = tmp_path / "ontology"
    shutil.copytree(ONTOLOGY_DIR, copy)
    before = knowledge_fingerprint(copy)
    arrays = dict(np.load(SHIPPED))
    arrays["out_b"] = arrays["out_b"] + 1
    np.savez_compressed(copy / LEARNED_DIR / "news_tagger.npz", **arrays)
    assert knowledge_fingerprint(copy) != before

# --- the recogniser's "tagged" component --------------------------------------------------------------

def test_a_tagger_file_patterns_toml_names_and_lacks_is_one_clear_error(tmp_path):
    rules = tmp_path / "patterns.toml"
    rules.write_text((ONTOLOGY_DIR / "patterns.toml").read_text(encoding="utf-8").replace(
        'tagger = "learned/news_tagger.npz"', 'tagger = "learned/missing.npz"'), encoding="utf-8")
    shutil.copytree(ONTOLOGY_DIR / "places", tmp_path / "places")
    with pytest.raises(IkgError, match=r"patterns.toml: \[names.tagged.tagger\]: no such file: .*missing.npz"):
        load_rules(rules)


# A name the tagger alone finds in a whole article: FAMILIES["tagged"] in tests/test_recognise.py.


class FixedTagger:
    """A stand-in for the news tagger that marks the given names as organisations."""

    def __init__(self, *names):
        self.names = names

    def spans(self, text):
        return [(text.index(n), text.index(n) + len(n), "org") for n in self.names if n in text]


def tagged_in(pipeline, monkeypatch, text, tagger):
    monkeypatch.setattr(news_tagger, "load", lambda path: tagger)
    rec = Recogniser(pipeline.registry, pipeline.rules, pipeline.tokenizer)
    sentence = segment(document(text), pipeline.tokenizer)[0]
    return {(m.surface, m.cls) for m in tagged_names(rec, rec.view(sentence))}


def test_a_tagged_name_takes_the_class_of_the_suffix_rule_that_ends_it(pipeline, monkeypatch):
    text = "科右中旗政府与察右中旗双丰种植专业合作社一道推动肉牛保险。"
    assert tagged_in(pipeline, monkeypatch, text, FixedTagger("科右中旗政府", "察右中旗双丰种植专业合作社")) == {
        ("科右中旗政府", "Regulator"), ("察右中旗双丰种植专业合作社", "Partner")}
    # no suffix rule ends it: the tagger's word alone types nothing
    assert tagged_in(pipeline, monkeypatch, "马铃薯由双丰种植户供应，政府推动。", FixedTagger("双丰种植户")) == set()


def test_a_tagged_kind_of_body_or_a_clause_before_a_suffix_is_no_name(pipeline, monkeypatch):
    text = "专家来自三甲医院，市里还兴建康复医院，3月区总工会也来了。"
    assert tagged_in(pipeline, monkeypatch, text, FixedTagger("三甲医院", "兴建康复医院", "3月区总工会")) == set()


def test_the_tagger_reads_only_sentences_with_an_ending_its_classes_have(pipeline, monkeypatch):
    class Refusing:
        def spans(self, text):
            raise AssertionError(f"tagged {text}")
    assert tagged_in(pipeline, monkeypatch, "平安人寿今年推出了一款新的重疾险。", Refusing()) == set()
