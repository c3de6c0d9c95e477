"""Baseline: organisation names from plain jieba part-of-speech tags, typed by a crude rule.

It has no registry, no linking, no relations and no amounts: scored with `ikg eval --baseline`, it
shows what the domain knowledge adds. Its graph follows the output contract (typed entities with a
skos:prefLabel and ik:mentionedIn), so the same scorer measures it.
"""
from __future__ import annotations

import logging
from pathlib import Path

from rdflib import Dataset, Literal, URIRef

from .build import BuildReport, find_articles
from .errors import ArticleError
from .ingest import read_article
from .iri import entity_iri
from .namespaces import IK, RDF, SCHEMA, SKOS
from .to_rdf import article_iri, graph_iri, new_dataset

# jieba tags of proper names that may start an organisation's name (place, other proper noun, person,
# organisation, abbreviation).
NAME_TAGS = frozenset({"ns", "nz", "nr", "nrt", "nt", "j"})
# Words that end an organisation's name; a name is a run of proper names and these words.
COMPANY_SUFFIXES = ("保险股份有限公司", "保险有限公司", "有限公司", "保险公司", "分公司", "支公司", "公司", "保险", "人寿",
                    "财险", "产险", "寿险", "农险", "集团", "银行", "基金会")


def classify(name: str) -> str:
    """The crude class of an organisation name: a branch, an insurer, or anything else a partner."""
    if name.endswith("分公司"):
        return "Branch"
    if any(word in name for word in ("保险", "人寿", "财险")):
        return "Insurer"
    return "Partner"


def _is_suffix(word: str) -> bool:
    return word in COMPANY_SUFFIXES


def organisation_names(text: str, tagger) -> list[str]:
    """Names tagged ``nt``, and runs of proper names and company words that end in a company word
    (建信/nz 人寿/n 上海/ns 分公司/n)."""
    words = [(w.word, w.flag) for w in tagger.cut(text)]
    names = []
    i = 0
    while i < len(words):
        word, flag = words[i]
        if flag not in NAME_TAGS:
            i += 1
            continue
        j, end = i + 1, (i + 1 if flag == "nt" or word.endswith(COMPANY_SUFFIXES) else None)
        while j < len(words) and (_is_suffix(words[j][0]) or words[j][1] in NAME_TAGS):
            j += 1
            if _is_suffix(words[j - 1][0]):
                end = j
        if end is not None:
            names.append("".join(w for w, _ in words[i:end]))
            i = end
        else:
            i += 1
    return names


def plain_tagger():
    """jieba's part-of-speech tagger with its own plain dictionary, never the registry's words."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return jieba.posseg.POSTokenizer(jieba.Tokenizer())


def baseline_dataset(input_dir: Path, report: BuildReport | None = None) -> Dataset:
    """The baseline's graph of every article under ``input_dir``: organisations only."""
    paths = find_articles(Path(input_dir))
    report = report if report is not None else BuildReport()
    tagger = plain_tagger()
    ds = new_dataset()
    for path in paths:
        try:
            doc = read_article(path)
        except ArticleError as err:
            report.skipped.append(err)
            continue
        report.built.append(doc.id)
        g = ds.graph(graph_iri(doc.id))
        article = article_iri(doc.id)
        g.add((article, RDF.type, SCHEMA.NewsArticle))
        g.add((article, SCHEMA.identifier, Literal(doc.id)))
        for name in organisation_names(doc.text, tagger):
            cls = classify(name)
            node = URIRef(entity_iri(cls, name))
            g.add((node, RDF.type, IK[cls]))
            g.add((node, SKOS.prefLabel, Literal(name, lang="zh")))
            g.add((node, IK.mentionedIn, article))
    return ds
