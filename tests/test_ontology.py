"""The OWL ontology (ontology/ikg.ttl) is well formed, complete, self-contained and consistent."""

from pathlib import Path

import owlrl
import rdflib.term
import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology" / "ikg.ttl"
IK = Namespace("https://w3id.org/insurance-kg/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
ERR = Namespace("http://www.daml.org/2002/03/agents/agent-ont#")  # owlrl's error vocabulary

CLASSES = [
    "Organisation", "InsuranceGroup", "Insurer", "Branch", "Regulator", "GovernmentBody",
    "IndustryBody", "Partner", "Product", "KindOfCover", "Initiative", "BeneficiaryGroup", "Fact",
    "RelationFact", "StructureFact", "AmountFact", "CountFact", "Evidence", "ProvenanceKind",
    "AmountKind", "LineOfBusiness",
]
OBJECT_PROPERTIES = [
    "provides", "targets", "supports", "guidedBy", "partnersWith", "donatesTo", "mentionedIn",
    "line", "branchInsurer", "evidence", "provenance", "inArticle", "agent", "amountKind",
    "amount", "beneficiary",
]
DATATYPE_PROPERTIES = [
    "quote", "start", "end", "asOf", "surfaceForm", "qualifier", "count", "unit",
]
ANNOTATION_PROPERTIES = ["genericName", "market", "localName"]
INDIVIDUALS = {
    "ProvenanceKind": ["FromText", "FromRegistry"],
    "AmountKind": ["Coverage", "Donation", "ClaimsPaid", "Credit", "RentRelief", "OtherAmount"],
}
LINES = [
    "PropertyCasualty", "Life", "Health", "Pension", "Agricultural", "Reinsurance",
    "AssetManagement", "InvestmentHolding", "CreditInsurance", "Fund",
]

# external terms the builder's output uses, with the OWL kind they must be declared as
EXTERNAL = {
    OWL.ObjectProperty: [
        ORG.subOrganizationOf, ORG.unitOf, RDF.subject, RDF.predicate, RDF.object,
        DCTERMS.isReplacedBy, PROV.wasDerivedFrom,
    ],
    OWL.DatatypeProperty: [
        SCHEMA.headline, SCHEMA.datePublished, SCHEMA.publisher, SCHEMA.url,
        SCHEMA.articleBody, SCHEMA.identifier, SCHEMA.value, SCHEMA.currency,
    ],
    OWL.AnnotationProperty: [
        SKOS.prefLabel, SKOS.altLabel, SKOS.definition, SKOS.closeMatch,
    ],
    OWL.Class: [
        SCHEMA.MonetaryAmount, SCHEMA.NewsArticle, ORG.Organization, ORG.OrganizationalUnit,
        SCHEMA.Organization, SCHEMA.Product, SCHEMA.Audience, PROV.Entity, RDF.Statement,
        SKOS.Concept,
    ],
}

KINDS = [OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty]


@pytest.fixture(scope="module")
def onto() -> Graph:
    g = Graph()
    g.parse(ONTOLOGY, format="turtle")
    return g


def _langs(g: Graph, s: URIRef, p: URIRef) -> set[str]:
    return {o.language for o in g.objects(s, p) if isinstance(o, Literal)}


def test_parses_and_has_header_without_imports(onto):
    ontologies = list(onto.subjects(RDF.type, OWL.Ontology))
    assert ontologies == [URIRef("https://w3id.org/insurance-kg/ontology")]
    header = ontologies[0]
    assert not list(onto.triples((None, OWL.imports, None)))
    assert {"zh", "en"} <= _langs(onto, header, DCTERMS.title)
    assert onto.value(header, DCTERMS.description) is not None
    assert onto.value(header, OWL.versionInfo) == Literal("0.1.0")
    assert onto.value(header, DCTERMS.license) is not None


@pytest.mark.parametrize(
    "name,kind",
    [(n, OWL.Class) for n in CLASSES]
    + [(n, OWL.ObjectProperty) for n in OBJECT_PROPERTIES]
    + [(n, OWL.DatatypeProperty) for n in DATATYPE_PROPERTIES]
    + [(n, OWL.AnnotationProperty) for n in ANNOTATION_PROPERTIES],
)
def test_term_declared_labelled_defined(onto, name, kind):
    term = IK[name]
    assert (term, RDF.type, kind) in onto, f"ik:{name} is not declared as {kind}"
    assert {"zh", "en"} <= _langs(onto, term, RDFS.label), f"ik:{name} lacks a zh or en label"
    assert "en" in _langs(onto, term, SKOS.definition), f"ik:{name} lacks an English definition"


@pytest.mark.parametrize("cls,names", INDIVIDUALS.items())
def test_controlled_values(onto, cls, names):
    for name in names:
        ind = IK[name]
        assert (ind, RDF.type, IK[cls]) in onto
        assert (ind, RDF.type, OWL.NamedIndividual) in onto
        assert {"zh", "en"} <= _langs(onto, ind, RDFS.label), f"ik:{name} lacks a zh or en label"
        assert "en" in _langs(onto, ind, SKOS.definition)


def test_lines_of_business_are_only_declared(onto):
    # the concepts themselves (labels, generic names) belong to registry/lines.ttl
    for name in LINES:
        assert (IK[name], RDF.type, IK.LineOfBusiness) in onto
        assert onto.value(IK[name], SKOS.prefLabel) is None
        assert onto.value(IK[name], IK.genericName) is None


def test_symmetric_partnership(onto):
    assert (IK.partnersWith, RDF.type, OWL.SymmetricProperty) in onto


def test_external_terms_declared(onto):
    for kind, terms in EXTERNAL.items():
        for term in terms:
            assert (term, RDF.type, kind) in onto, f"{term} must be declared as {kind}"


def test_no_punning_between_entity_kinds(onto):
    for s in set(onto.subjects(RDF.type, None)):
        kinds = [k for k in KINDS if (s, RDF.type, k) in onto]
        assert len(kinds) <= 1, f"{s} is typed as {kinds}"


def test_schema_org_uses_https(onto):
    http_schema = "http://schema.org/"
    for t in onto:
        for x in t:
            assert not (isinstance(x, URIRef) and str(x).startswith(http_schema)), t


def _named_class_targets(g: Graph):
    """Named classes reached from rdfs:domain/range/subClassOf, looking inside owl:unionOf."""
    for p in (RDFS.domain, RDFS.range, RDFS.subClassOf):
        for o in g.objects(None, p):
            if isinstance(o, BNode):
                for members in g.objects(o, OWL.unionOf):
                    yield p, from_collection(g, members)
            else:
                yield p, [o]


def from_collection(g: Graph, head):
    from rdflib.collection import Collection

    return list(Collection(g, head))


def test_every_referenced_ik_term_is_declared(onto):
    declared = {s for k in KINDS for s in onto.subjects(RDF.type, k)}
    for p, targets in _named_class_targets(onto):
        for t in targets:
            if str(t).startswith(str(IK)):
                assert t in declared, f"ik: term {t} used with {p} is not declared"
    # and any ik: IRI anywhere in the file is declared (as a class, property or individual)
    declared |= set(onto.subjects(RDF.type, OWL.NamedIndividual))
    for t in onto:
        for x in t:
            if isinstance(x, URIRef) and str(x).startswith(str(IK)):
                assert x in declared, f"ik: term {x} is used but never declared"


def test_every_used_property_is_declared(onto):
    builtin = {RDF.type, RDFS.label, RDFS.comment, RDFS.subClassOf, RDFS.subPropertyOf,
               RDFS.domain, RDFS.range, RDF.first, RDF.rest}
    declared = {s for k in KINDS[1:] for s in onto.subjects(RDF.type, k)}
    for p in set(onto.predicates()):
        if p in builtin or str(p).startswith(str(OWL)):
            continue
        assert p in declared, f"{p} is used as a predicate but not declared"


def _closure(g: Graph) -> Graph:
    closed = Graph()
    for t in g:
        closed.add(t)
    saved = dict(rdflib.term._toPythonMapping)
    try:
        owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(closed)
    finally:
        # owlrl swaps rdflib's literal parsers process-wide and does not put all back; its
        # gMonthDay parser then rejects --04-20 in every later test.
        rdflib.term._toPythonMapping.clear()
        rdflib.term._toPythonMapping.update(saved)
    return closed


def _assert_consistent(closed: Graph):
    errors = [str(m) for m in closed.objects(None, ERR.error)]
    assert not errors, errors
    assert not list(closed.subjects(RDF.type, OWL.Nothing))


def test_owl_rl_closure_is_consistent(onto):
    closed = _closure(onto)
    _assert_consistent(closed)
    # sanity: the alignments do what they say
    assert (IK.Branch, RDFS.subClassOf, ORG.Organization) in closed
    assert (IK.GovernmentBody, RDFS.subClassOf, IK.Organisation) in closed


CONTRACT_SAMPLE = """
@prefix ik: <https://w3id.org/insurance-kg/ontology#> .
@prefix ikr: <https://w3id.org/insurance-kg/id/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix art: <https://w3id.org/insurance-kg/article/> .

art:000_x a schema:NewsArticle ;
    schema:identifier "000_x" ; schema:headline "标题"@zh ;
    schema:datePublished "2022-03-29"^^xsd:date ; schema:publisher "财联社" ;
    schema:url "http://example.com/a"^^xsd:anyURI ; schema:articleBody "此外，平安产险推出附加险。"@zh .

ikr:grp a ik:InsuranceGroup ; skos:prefLabel "集团"@zh ; ik:branchInsurer ikr:pc .
ikr:pc a ik:Insurer ; skos:prefLabel "产险"@zh ; org:subOrganizationOf ikr:grp ;
    ik:line ik:PropertyCasualty ; ik:mentionedIn art:000_x .
ikr:br a ik:Branch ; skos:prefLabel "产险上海分公司"@zh ; org:unitOf ikr:pc .
ikr:prod a ik:Product ; skos:prefLabel "附加险"@zh .
ikr:grp2 a ik:Partner ; skos:prefLabel "银行"@zh .
ikr:nfra a ik:Regulator ; skos:prefLabel "国家金融监督管理总局"@zh .
ikr:cbirc a ik:Regulator ; skos:prefLabel "银保监会"@zh ; <http://purl.org/dc/terms/isReplacedBy> ikr:nfra .
ikr:farmers a ik:BeneficiaryGroup ; skos:prefLabel "农户"@zh .

ikr:pc ik:provides ikr:prod ; ik:guidedBy ikr:nfra ; ik:partnersWith ikr:grp2 ; ik:supports ikr:farmers .
ikr:prod ik:targets ikr:farmers .

ikr:fact-1 a ik:RelationFact , rdf:Statement ;
    rdf:subject ikr:pc ; rdf:predicate ik:provides ; rdf:object ikr:prod ;
    ik:provenance ik:FromText ; ik:evidence ikr:evidence-1 .
ikr:evidence-1 a ik:Evidence ; ik:inArticle art:000_x ;
    ik:quote "此外，平安产险推出附加险。" ; ik:start 0 ; ik:end 13 .
ikr:fact-2 a ik:StructureFact ;
    rdf:subject ikr:pc ; rdf:predicate org:subOrganizationOf ; rdf:object ikr:grp ;
    ik:provenance ik:FromRegistry .
ikr:fact-3 a ik:AmountFact ; ik:agent ikr:pc ; ik:amountKind ik:Donation ; ik:beneficiary ikr:farmers ;
    ik:amount [ a schema:MonetaryAmount ; schema:value 13612000000.0 ; schema:currency "CNY" ] ;
    ik:asOf "--03-29"^^xsd:gMonthDay ; ik:surfaceForm "约136.12亿元" ; ik:qualifier "约" ;
    ik:provenance ik:FromText ; ik:evidence ikr:evidence-1 .
ikr:fact-4 a ik:CountFact ; ik:agent ikr:br ; ik:count 12000 ; ik:unit "人" ;
    ik:asOf "2022-03-29"^^xsd:date ; ik:provenance ik:FromText ; ik:evidence ikr:evidence-1 .
"""


def test_output_contract_sample_is_consistent(onto):
    g = Graph()
    for t in onto:
        g.add(t)
    g.parse(data=CONTRACT_SAMPLE, format="turtle")
    closed = _closure(g)
    _assert_consistent(closed)
    ikr = Namespace("https://w3id.org/insurance-kg/id/")
    # the alignments reach the external vocabularies
    assert (ikr.br, ORG.subOrganizationOf, ikr.pc) in closed
    assert (ikr.grp, ORG.hasSubOrganization, ikr.pc) in closed
    assert (ikr.grp2, IK.partnersWith, ikr.pc) in closed
    assert (ikr["fact-1"], PROV.wasDerivedFrom, ikr["evidence-1"]) in closed
    assert (ikr.pc, RDF.type, SCHEMA.Organization) in closed


def test_disjointness_catches_a_misclassified_node(onto):
    g = Graph()
    for t in onto:
        g.add(t)
    x = URIRef("https://w3id.org/insurance-kg/id/x")
    g.add((x, RDF.type, IK.Insurer))
    g.add((x, RDF.type, IK.Product))
    closed = _closure(g)
    assert list(closed.objects(None, ERR.error)), "an insurer that is also a product must clash"
