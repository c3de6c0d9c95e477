"""The real-news corpus (tests/corpus/news): its frozen split, its gold and its sources."""
import hashlib
import re

import pytest

from graph.build import find_articles
from graph.evaluate import load_gold

from conftest import ROOT, gold_quote_problems

NEWS = ROOT / "tests" / "corpus" / "news"


def split_of(stem: str) -> str:
    """The fixed rule written in the README: test when sha256(stem) mod 5 < 2, else train."""
    return "test" if int(hashlib.sha256(stem.encode()).hexdigest(), 16) % 5 < 2 else "train"


def test_every_article_is_in_the_split_its_name_gives():
    for split in ("train", "test"):
        for path in find_articles(NEWS / split):
            assert split_of(path.stem) == split, path


def test_the_test_split_is_at_least_a_third_and_the_corpus_sixty_articles():
    test, train = (len(find_articles(NEWS / s)) for s in ("test", "train"))
    assert test + train >= 60 and test * 3 >= test + train


def test_every_article_has_gold_and_a_source():
    sources = (NEWS / "SOURCES.md").read_text(encoding="utf-8")
    for split in ("train", "test"):
        stems = {p.stem for p in find_articles(NEWS / split)}
        assert stems == {g.article for g in load_gold(NEWS / split / "gold")}
        for stem in stems:
            assert re.search(rf"^\| {re.escape(stem)} \| ", sources, re.M), stem


def test_the_corpus_spans_the_years_and_page_forms_asked_for():
    paths = [p for s in ("train", "test") for p in find_articles(NEWS / s)]
    years = {int(p.stem.split("_")[1]) for p in paths}
    assert set(range(2016, 2026)) <= years
    assert {p.suffix for p in paths} >= {".txt", ".md", ".html"}


@pytest.mark.parametrize("split", ["train", "test"])
def test_gold_names_and_quotes_are_in_their_articles(split):
    """Every gold name occurs in its article and every evidence quote is copied exactly from it, so
    an article rewritten without its gold re-quoted fails here."""
    assert gold_quote_problems(NEWS / split / "gold", NEWS / split) == []


def _source_pages() -> dict[str, set[str]]:
    """Each source address in SOURCES.md and the stems whose rows name it."""
    pages: dict[str, set[str]] = {}
    for row in re.finditer(r"^\| (p\d+_\S+) \| ([^|]*)\|", (NEWS / "SOURCES.md").read_text(encoding="utf-8"), re.M):
        for url in re.findall(r"https?://[^\s;,()（）]+", row.group(2)):
            pages.setdefault(url.rstrip("/."), set()).add(row.group(1))
    return pages


def test_no_source_page_feeds_both_splits():
    """A train article written from a test article's page would teach the rules that article's facts."""
    shared = {url: sorted(stems) for url, stems in _source_pages().items()
              if {split_of(s) for s in stems} == {"train", "test"}}
    assert shared == {}
