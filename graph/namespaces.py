"""The project's namespaces and the classes of the output contract."""
from rdflib import Namespace
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD  # noqa: F401 (re-exported)

IK = Namespace("https://w3id.org/insurance-kg/ontology#")
IKR = Namespace("https://w3id.org/insurance-kg/id/")
ARTICLE = Namespace("https://w3id.org/insurance-kg/article/")
GRAPH = Namespace("https://w3id.org/insurance-kg/graph/")
SCHEMA = Namespace("https://schema.org/")

REGISTRY_GRAPH = GRAPH["registry"]
ONTOLOGY_GRAPH = GRAPH["ontology"]

# The contract's entity classes, in the order a type is picked when a node has several.
ENTITY_CLASSES = ("Branch", "Insurer", "InsuranceGroup", "Regulator", "IndustryBody", "Partner",
                  "Product", "Initiative", "BeneficiaryGroup")
ORGANISATION_CLASSES = frozenset({"InsuranceGroup", "Insurer", "Branch", "Regulator", "IndustryBody",
                                  "Partner"})
# The insurance side of the organisations, and the public bodies (authorities, associations).
INSURER_CLASSES = frozenset({"InsuranceGroup", "Insurer", "Branch"})
PUBLIC_CLASSES = frozenset({"Regulator", "IndustryBody"})
# Relations that hold both ways (owl:SymmetricProperty in ikg.ttl): A partnersWith B is B partnersWith A.
SYMMETRIC = frozenset({"partnersWith"})

PREFIXES = {"rdf": RDF, "ik": IK, "ikr": IKR, "skos": SKOS, "org": ORG, "schema": SCHEMA, "prov": PROV,
            "dcterms": DCTERMS, "owl": OWL, "xsd": XSD, "rdfs": RDFS}
# The same, as SPARQL engines take them (pyoxigraph's ``prefixes=``).
SPARQL_PREFIXES = {prefix: str(ns) for prefix, ns in PREFIXES.items()}

# The parent links (insurer → group, branch → insurer), by local name, in the order reports list them.
STRUCTURE = {"unitOf": ORG.unitOf, "subOrganizationOf": ORG.subOrganizationOf}
