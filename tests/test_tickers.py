"""Stock codes (ontology/registry/tickers.ttl): cited, well formed, about known entities, in the built graph."""
import re
import shutil
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF

from graph.registry import load_registry
from graph.writers import union_graph

from conftest import entity

REGISTRY = Path(__file__).resolve().parent.parent / "ontology" / "registry"
TICKERS = REGISTRY / "tickers.ttl"
IK = Namespace("https://w3id.org/insurance-kg/ontology#")
SCHEMA = Namespace("https://schema.org/")
CODE = re.compile(r"\d{6}\.S[HZ]|\d{4}\.HK")


@pytest.fixture(scope="module")
def tickers() -> Graph:
    return Graph().parse(TICKERS, format="turtle")


@pytest.fixture(scope="module")
def others() -> Graph:
    g = Graph()
    for path in sorted(REGISTRY.glob("*.ttl")):
        if path != TICKERS:
            g.parse(path, format="turtle")
    return g


def test_only_ticker_symbols_about_listed_groups_and_insurers(tickers, others):
    assert len(tickers) >= 10
    for s, p, o in tickers:
        assert p == SCHEMA.tickerSymbol, (s, p)
        kinds = set(others.objects(s, RDF.type))
        assert kinds & {IK.InsuranceGroup, IK.Insurer}, f"{s} is not a group or insurer of the registry"
        assert isinstance(o, Literal) and CODE.fullmatch(str(o)), f"{s}: {o!r} is not a stock code"


def test_every_code_belongs_to_one_company(tickers):
    codes = [str(o) for o in tickers.objects(None, SCHEMA.tickerSymbol)]
    assert len(codes) == len(set(codes))


def test_every_entity_cites_where_its_codes_come_from():
    blocks = [b for b in TICKERS.read_text(encoding="utf-8").split("\n\n") if "schema:tickerSymbol" in b]
    for block in blocks:
        assert "https://" in block or " above" in block, block.splitlines()[0]


def test_registry_loader_takes_a_file_of_extra_triples(tmp_path):
    """The loader reads tickers.ttl like any registry file: it adds triples, not entities or aliases."""
    without = tmp_path / "registry"
    shutil.copytree(REGISTRY, without, ignore=shutil.ignore_patterns("tickers.ttl"))
    full, bare = load_registry(REGISTRY), load_registry(without)
    assert set(full.entries) == set(bare.entries) and full.aliases == bare.aliases
    pingan = URIRef("https://w3id.org/insurance-kg/id/pingan")
    assert Literal("601318.SH") in set(full.graph.objects(pingan, SCHEMA.tickerSymbol))


@pytest.mark.parametrize("name, codes", [("中国平安", {"601318.SH", "2318.HK"}),
                                         ("中国太保", {"601601.SH", "2601.HK"}),
                                         ("人保财险", {"2328.HK"})])
def test_tickers_reach_the_built_graph(seed_graph, name, codes):
    g = union_graph(seed_graph)
    assert {str(o) for o in g.objects(entity(seed_graph, name), SCHEMA.tickerSymbol)} == codes
