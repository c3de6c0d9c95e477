"""Segment: sentence offsets slice the article text exactly; registry names stay whole."""
from graph.ingest import read_article
from graph.segment import segment

from conftest import SEEDS


def test_sentence_offsets_slice_the_text(pipeline):
    for path in sorted(SEEDS.iterdir()):
        doc = read_article(path)
        sentences = segment(doc, pipeline.tokenizer)
        assert sentences, path
        for s in sentences:
            assert doc.text[s.start:s.end] == s.text
            assert len(s.norm) == len(s.text)
            assert all(s.norm[t.start - s.start:t.end - s.start] == t.text for t in s.tokens)
        # Together the sentences cover every non-blank character.
        covered = sum(s.end - s.start for s in sentences)
        assert covered >= len(doc.text.replace("\n", "")) - 10 * len(doc.text.split("\n"))


def test_sentences_end_at_chinese_terminators_with_closing_quotes(pipeline):
    doc = read_article(next(SEEDS.glob("001*")))
    texts = [s.text for s in segment(doc)]
    assert any(t.endswith("原保险责任不变。”") for t in texts)
    assert texts[0] == "上海正处于疫情防控的关键阶段。"


def test_registry_names_are_never_cut_apart(pipeline):
    words = [t.text for t in pipeline.tokenizer.tokenize("中国太保旗下太平洋安信农险和太安农险为种植户提供保障")]
    assert "太平洋安信农险" in words and "太安农险" in words and "中国太保" in words
