"""to_rdf: turn extractions into an RDF dataset with one named graph per article."""
from __future__ import annotations

from collections.abc import Iterable

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD

from .iri import node_iri
from .namespaces import (ARTICLE, GRAPH, IK, ONTOLOGY_GRAPH, ORG, PREFIXES, PROV, RDF, REGISTRY_GRAPH, SCHEMA, SKOS,
                         STRUCTURE)
from .records import Document, Evidence, Extraction, Fact, Figure
from .registry import Registry

# Facts whose predicate is a structure link rather than an ik: relation.


def predicate_iri(name: str) -> URIRef:
    """The property IRI of a fact's predicate name."""
    return STRUCTURE.get(name) or IK[name]


def article_iri(doc_id: str) -> URIRef:
    """IRI of an article node."""
    return ARTICLE[doc_id]


def graph_iri(doc_id: str) -> URIRef:
    """IRI of an article's named graph."""
    return GRAPH[doc_id]


def new_dataset() -> Dataset:
    """An empty dataset whose default graph is the union of its named graphs, prefixes bound."""
    ds = Dataset(default_union=True)
    for prefix, namespace in PREFIXES.items():
        ds.bind(prefix, namespace)
    return ds


def add_reference(ds: Dataset, registry: Registry, ontology: Graph | None) -> None:
    """Put the registry (with provenance for its parent links) and the ontology in their graphs."""
    g = ds.graph(REGISTRY_GRAPH)
    for triple in registry.graph:
        g.add(triple)
    for entry in registry.entries.values():
        e = entry.entity
        if e.parent:
            predicate = ORG.unitOf if e.cls == "Branch" else ORG.subOrganizationOf
            fact = URIRef(node_iri("fact", "registry", e.iri, str(predicate), e.parent))
            g.add((fact, RDF.type, IK.StructureFact))
            g.add((fact, RDF.type, RDF.Statement))
            g.add((fact, RDF.subject, URIRef(e.iri)))
            g.add((fact, RDF.predicate, predicate))
            g.add((fact, RDF.object, URIRef(e.parent)))
            g.add((fact, IK.provenance, IK.FromRegistry))
    if ontology is not None:
        og = ds.graph(ONTOLOGY_GRAPH)
        for triple in ontology:
            og.add(triple)


def add_extraction(ds: Dataset, ex: Extraction) -> None:
    """Write one article's graph: the article, the entities it names, its facts and evidence."""
    _write_extraction(ds.graph(graph_iri(ex.document.id)), ex)


def extraction_nquads(ex: Extraction) -> bytes:
    """One article's graph as N-Quads, the lines :func:`add_extraction` and rdflib's serializer
    would give, written straight from the records: building an rdflib graph only to serialise it
    was a third of the extraction time."""
    lines = NQuadsLines(graph_iri(ex.document.id))
    _write_extraction(lines, ex)
    return lines.to_bytes()


class NQuadsLines:
    """A stand-in for an rdflib graph that only collects N-Quads lines: ``add`` takes the same
    triples of rdflib terms; a triple added twice is written once, lines keep their first order."""

    def __init__(self, graph: URIRef):
        self.graph = graph.n3()
        self.lines: dict[str, None] = {}

    def add(self, triple: tuple) -> None:
        s, p, o = triple
        # IRIs here are made by iri.py and namespaces.py, ASCII and safe: no need for n3()'s check
        obj = _quote_literal(o) if isinstance(o, Literal) else f"<{o}>"
        self.lines[f"<{s}> <{p}> {obj} {self.graph} .\n"] = None

    def to_bytes(self) -> bytes:
        # as rdflib's N-Quads serializer: a final empty line, unencodable characters replaced
        return ("".join(self.lines) + "\n").encode("utf-8", "replace")


def _quote_literal(lit: Literal) -> str:
    """A literal as N-Quads writes it (the escaping of rdflib's N-Triples serializer)."""
    text = '"%s"' % lit.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r")
    if lit.language:
        return f"{text}@{lit.language}"
    return f"{text}^^<{lit.datatype}>" if lit.datatype else text


def _write_extraction(g: Graph, ex: Extraction) -> None:
    doc = ex.document
    article = article_iri(doc.id)
    _article(g, article, doc)
    seen: set[str] = set()
    for lm in ex.mentions:
        e = lm.entity
        node = URIRef(e.iri)
        if e.iri not in seen:
            seen.add(e.iri)
            g.add((node, IK.mentionedIn, article))
            if not e.from_registry:  # registry entities are typed and labelled in the registry graph
                g.add((node, RDF.type, IK[e.cls]))
                g.add((node, SKOS.prefLabel, Literal(e.label, lang="zh")))
        if lm.mention.kind != "reference":  # 公司, 上海分公司 … are not names of the entity
            g.add((node, SKOS.altLabel, Literal(lm.mention.surface, lang="zh")))
        if lm.written:
            g.add((node, SKOS.altLabel, Literal(lm.written, lang="zh")))
    evidence: dict[Evidence, URIRef] = {}  # written once though many facts share their sentence
    for fact in ex.facts:
        _fact(g, article, fact, evidence)
    for figure in ex.figures:
        _figure(g, article, figure, evidence)


def date_literal(value: str) -> Literal:
    """An xsd:date; an xsd:gMonthDay (--MM-DD) when the year is unknown, an xsd:gYearMonth (YYYY-MM)
    or xsd:gYear (YYYY) when the day is."""
    if value.startswith("--"):
        return Literal(value, datatype=XSD.gMonthDay)
    return Literal(value, datatype={4: XSD.gYear, 7: XSD.gYearMonth}.get(len(value), XSD.date))


def _article(g: Graph, article: URIRef, doc: Document) -> None:
    g.add((article, RDF.type, SCHEMA.NewsArticle))
    g.add((article, SCHEMA.identifier, Literal(doc.id)))
    g.add((article, SCHEMA.headline, Literal(doc.title, lang="zh")))
    g.add((article, SCHEMA.articleBody, Literal(doc.text, lang="zh")))
    if doc.date:
        g.add((article, SCHEMA.datePublished, date_literal(doc.date)))
    if doc.source:
        g.add((article, SCHEMA.publisher, Literal(doc.source)))
    if doc.url:
        g.add((article, SCHEMA.url, Literal(doc.url, datatype=XSD.anyURI)))


def _fact(g: Graph, article: URIRef, fact: Fact, evidence: dict[Evidence, URIRef]) -> None:
    s, o, p = URIRef(fact.subject.iri), URIRef(fact.object.iri), predicate_iri(fact.predicate)
    ev = fact.evidence
    g.add((s, p, o))
    node = URIRef(node_iri("fact", ev.doc_id, fact.subject.iri, str(p), fact.object.iri, ev.start))
    g.add((node, RDF.type, IK.StructureFact if fact.predicate in STRUCTURE else IK.RelationFact))
    g.add((node, RDF.type, RDF.Statement))
    g.add((node, RDF.subject, s))
    g.add((node, RDF.predicate, p))
    g.add((node, RDF.object, o))
    g.add((node, IK.provenance, IK.FromText))
    g.add((node, IK.evidence, _evidence(g, article, ev, evidence)))
    g.add((node, PROV.wasDerivedFrom, article))
    if fact.as_of:
        g.add((node, IK.asOf, date_literal(fact.as_of)))


def _figure(g: Graph, article: URIRef, f: Figure, evidence: dict[Evidence, URIRef]) -> None:
    """An ik:AmountFact (value in a schema:MonetaryAmount, CNY) or an ik:CountFact."""
    q, ev = f.quantity, f.evidence
    node = URIRef(node_iri("figure", ev.doc_id, f.agent.iri, q.start, q.value))
    g.add((node, RDF.type, IK.AmountFact if f.is_money else IK.CountFact))
    g.add((node, IK.agent, URIRef(f.agent.iri)))
    if f.is_money:
        money = URIRef(node_iri("money", ev.doc_id, q.start, q.value))
        g.add((node, IK.amountKind, IK[f.kind]))
        g.add((node, IK.amount, money))
        g.add((money, RDF.type, SCHEMA.MonetaryAmount))
        g.add((money, SCHEMA.value, Literal(q.value, datatype=XSD.decimal)))
        g.add((money, SCHEMA.currency, Literal("CNY")))
    else:
        g.add((node, IK.countKind, IK[f.kind]))
        g.add((node, IK["count"], Literal(q.value, datatype=XSD.decimal)))
        g.add((node, IK.unit, Literal(q.unit)))
    g.add((node, IK.surfaceForm, Literal(q.surface)))
    for qualifier in q.qualifiers:
        g.add((node, IK.qualifier, Literal(qualifier)))
    if f.beneficiary:
        g.add((node, IK.beneficiary, URIRef(f.beneficiary.iri)))
    if f.as_of:
        g.add((node, IK.asOf, date_literal(f.as_of)))
    g.add((node, IK.provenance, IK.FromText))
    g.add((node, IK.evidence, _evidence(g, article, ev, evidence)))
    g.add((node, PROV.wasDerivedFrom, article))


def _evidence(g: Graph, article: URIRef, ev: Evidence, written: dict[Evidence, URIRef]) -> URIRef:
    """The node of ``ev``, its triples added the first time it is asked for (``written``)."""
    node = written.get(ev)
    if node is not None:
        return node
    node = written[ev] = URIRef(node_iri("evidence", ev.doc_id, ev.start, ev.end))
    g.add((node, RDF.type, IK.Evidence))
    g.add((node, IK.inArticle, article))
    g.add((node, IK.quote, Literal(ev.quote)))
    # xsd:integer, not xsd:nonNegativeInteger: pyoxigraph stores the derived type as xsd:integer,
    # and a value must read the same from the store, the exports and the cache.
    g.add((node, IK.start, Literal(ev.start, datatype=XSD.integer)))
    g.add((node, IK.end, Literal(ev.end, datatype=XSD.integer)))
    return node


def to_dataset(extractions: Iterable[Extraction], registry: Registry, ontology: Graph | None = None) -> Dataset:
    """The whole graph: registry and ontology graphs plus one named graph per article."""
    ds = new_dataset()
    add_reference(ds, registry, ontology)
    for ex in extractions:
        add_extraction(ds, ex)
    return ds
