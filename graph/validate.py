"""Validate: check a graph against the SHACL shapes in ontology/shapes.ttl (with pySHACL)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import SH

from .data import ONTOLOGY_DIR
from .errors import IkgError, parse_problem
from .namespaces import IK, RDF, SCHEMA, SKOS
from .writers import union_graph


@dataclass(frozen=True)
class Violation:
    """One way the graph breaks a shape, said for people."""

    focus: str  # IRI of the offending node
    label: str  # its Chinese label or article id, when it has one
    path: str  # the property concerned, prefixed
    message: str
    severity: str

    def __str__(self) -> str:
        name = f"{self.label} <{self.focus}>" if self.label else f"<{self.focus}>"
        where = f" {self.path}:" if self.path else ":"
        return f"{self.severity}: {name}{where} {self.message}"


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of :func:`validate`."""

    conforms: bool
    violations: tuple[Violation, ...]


def load_shapes(path: Path | None = None) -> Graph:
    """The SHACL shapes graph (default: the project's ontology/shapes.ttl)."""
    path = Path(path or ONTOLOGY_DIR / "shapes.ttl")
    try:
        data = path.read_bytes()
    except OSError as exc:  # read here: rdflib turns a relative path into a URL and names another file
        raise IkgError(f"{path}: cannot read the shapes: {exc.strerror or exc}") from None
    try:
        return Graph().parse(data=data, format="turtle", publicID=path.resolve().as_uri())
    except Exception as exc:  # rdflib raises several unrelated types for bad Turtle
        raise IkgError(f"{path}: cannot read the shapes: {parse_problem(exc)}") from None


def validate(data: Graph | Dataset, shapes: Graph | None = None) -> ValidationReport:
    """Check ``data`` (all its graphs together) against ``shapes``."""
    import pyshacl  # slow to import; most commands never validate

    graph = union_graph(data) if isinstance(data, Dataset) else data
    conforms, results, _ = pyshacl.validate(graph, shacl_graph=shapes if shapes is not None else load_shapes(),
                                            inference="none", abort_on_first=False, allow_warnings=True)
    violations = {_violation(graph, results, r) for r in results.subjects(SH.resultSeverity, None)}
    violations |= set(quote_violations(graph))
    ordered = sorted(violations, key=lambda v: (v.severity, v.label, v.focus, v.path))
    return ValidationReport(bool(conforms) and not violations, tuple(ordered))


def quote_violations(graph: Graph):
    """Evidence whose quote is not the article text between its offsets."""
    for ev in graph.subjects(RDF.type, IK.Evidence):
        article = graph.value(ev, IK.inArticle)
        body, quote = graph.value(article, SCHEMA.articleBody), graph.value(ev, IK.quote)
        start, end = graph.value(ev, IK.start), graph.value(ev, IK.end)
        if None in (body, quote, start, end):
            continue  # missing parts are the shapes' business
        if str(body)[int(start):int(end)] != str(quote):
            yield Violation(str(ev), str(graph.value(article, SCHEMA.identifier) or ""), "ik:quote",
                            "the quote is not the article text between its offsets", "Violation")


def _violation(data: Graph, results: Graph, result) -> Violation:
    focus = results.value(result, SH.focusNode)
    path = results.value(result, SH.resultPath)
    message = results.value(result, SH.resultMessage)
    severity = results.value(result, SH.resultSeverity)
    label = data.value(focus, SKOS.prefLabel) or data.value(focus, SCHEMA.identifier) or ""
    return Violation(
        focus=str(focus),
        label=str(label),
        path=data.namespace_manager.normalizeUri(path) if isinstance(path, URIRef) else "",
        message=str(message or "does not conform"),
        severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
    )
