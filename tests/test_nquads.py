"""Each article's N-Quads are written straight from its records, as rdflib would serialise them:
the same lines (quotes, newlines and backslashes escaped alike), each once."""
from pathlib import Path

import pytest

from graph.ingest import article_from_bytes
from graph.to_rdf import add_extraction, extraction_nquads, new_dataset

from conftest import ROOT, SEEDS

ARTICLES = sorted(SEEDS.glob("*.txt")) + sorted(p for p in (ROOT / "tests" / "corpus" / "dev").iterdir() if p.is_file())


@pytest.mark.parametrize("path", ARTICLES[:12], ids=lambda p: p.name)
def test_direct_nquads_are_the_lines_rdflib_writes(pipeline, path: Path):
    ex = pipeline.extract(article_from_bytes(path, path.read_bytes()))
    ds = new_dataset()
    add_extraction(ds, ex)
    via_rdflib = ds.serialize(format="nquads", encoding="utf-8")
    direct = extraction_nquads(ex)
    assert sorted(direct.splitlines()) == sorted(via_rdflib.splitlines())


def test_text_with_quotes_backslashes_and_newlines_round_trips(pipeline):
    import pyoxigraph

    text = '标题\n\n中国人寿"说"：\\n 不是换行\r\n太平洋安信农险推出“惠农保”。'
    ex = pipeline.extract(article_from_bytes(Path("odd.txt"), text.encode("utf-8")))
    bodies = [q.object.value for q in pyoxigraph.parse(extraction_nquads(ex), format=pyoxigraph.RdfFormat.N_QUADS)
              if q.predicate.value == "https://schema.org/articleBody"]
    assert bodies == [ex.document.text]
