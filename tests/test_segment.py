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


def test_a_run_with_no_end_marks_is_cut_into_sentences_of_bounded_length():
    """A page with no 。 was one sentence, and stages that compare a sentence's names pairwise took
    hours on 2 MB of it (an audit's find). A run over the limit is cut after a clause mark."""
    from graph.records import Document
    from graph.segment import MAX_SENTENCE, split_sentences

    for unit in ("中国人寿上海市分公司为老人提供保险，", "中国人寿上海市分公司为老人提供保险"):
        text = "标题\n" + unit * (5 * MAX_SENTENCE // len(unit)) + "。"
        spans = split_sentences(Document("x", "x.txt", "x", text))
        assert len(spans) > 5 and all(end - start <= MAX_SENTENCE for start, end, _ in spans)
        assert "".join(text[s:e] for s, e, _ in spans) == text.replace("\n", "")  # nothing lost or doubled
        if "，" in unit:
            assert all(text[e - 1] in "，。" for _, e, _ in spans[1:])
