"""The SPARQL 1.1 Protocol's answer to one query: refusals, result formats by name or Accept header.

Read-only, with the refusals of ``ikg query`` (query.classify decides): a SPARQL Update and a
SERVICE clause are refused (403), a syntax error is a 400 naming the line. SELECT and ASK answer
in SPARQL JSON, XML, CSV or TSV; CONSTRUCT and DESCRIBE in Turtle, N-Triples, RDF/XML or JSON-LD.
"""
from __future__ import annotations

import pyoxigraph
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from .errors import IkgError
from .namespaces import SPARQL_PREFIXES
from .query import classify

RF, GF = pyoxigraph.QueryResultsFormat, pyoxigraph.RdfFormat
# name (the ``format`` parameter) -> (media type, pyoxigraph format); the first of each is the default
RESULT_TYPES = {
    "json": ("application/sparql-results+json", RF.JSON), "xml": ("application/sparql-results+xml", RF.XML),
    "csv": ("text/csv", RF.CSV), "tsv": ("text/tab-separated-values", RF.TSV),
}
GRAPH_TYPES = {
    "turtle": ("text/turtle", GF.TURTLE), "ntriples": ("application/n-triples", GF.N_TRIPLES),
    "rdfxml": ("application/rdf+xml", GF.RDF_XML), "jsonld": ("application/ld+json", GF.JSON_LD),
}
# Media types clients ask for that mean one of the above.
SYNONYMS = {"application/json": "json", "application/xml": "xml", "text/xml": "xml", "text/plain": "ntriples",
            "application/x-turtle": "turtle", "text/tab-separated-values": "tsv"}

Answer = tuple[int, str, bytes]  # HTTP status, media type, body


def _text(status: int, message: str) -> Answer:
    return status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8")


def choose(types: dict, fmt: str | None, accept: str | None) -> tuple[str, object] | None:
    """The media type and format to answer in: ``fmt`` (a name or a media type) wins, then the
    client's Accept header; the first of ``types`` for no preference; None if nothing fits."""
    by_type = {media: (media, f) for media, f in types.values()}
    if fmt:
        fmt = fmt.strip().lower()
        fmt = SYNONYMS.get(fmt, fmt)
        if fmt in types:
            return types[fmt]
        return by_type.get(fmt)
    if not accept:
        return next(iter(types.values()))
    offered = list(by_type) + [s for s, name in SYNONYMS.items() if name in types]
    best = parse_accept_header(accept, MIMEAccept).best_match(offered)
    if best is None:
        return None
    return by_type.get(best) or types[SYNONYMS[best]]


def answer(store: pyoxigraph.Store, text: str, fmt: str | None = None, accept: str | None = None,
           default_graphs: list[str] = (), named_graphs: list[str] = ()) -> Answer:
    """Run the query ``text`` read-only and serialise its result for the client."""
    try:
        update, service = classify(text, "query")
    except IkgError as err:
        return _text(400, str(err))
    if update:
        return _text(403, "SPARQL Update is not allowed: ikg serve is read-only")
    if service:
        return _text(403, "SERVICE is not allowed: ikg serve does not reach the network")
    options = {}
    try:
        if default_graphs:
            options["default_graph"] = [pyoxigraph.NamedNode(g) for g in default_graphs]
        if named_graphs:
            options["named_graphs"] = [pyoxigraph.NamedNode(g) for g in named_graphs]
        result = store.query(text, prefixes=SPARQL_PREFIXES, **options)
        graph = not isinstance(result, (pyoxigraph.QuerySolutions, pyoxigraph.QueryBoolean))
        chosen = choose(GRAPH_TYPES if graph else RESULT_TYPES, fmt, accept)
        if chosen is None:
            names = ", ".join(GRAPH_TYPES if graph else RESULT_TYPES)
            return _text(406 if not fmt else 400, f"cannot answer in {fmt or accept!r}; formats: {names}")
        media, form = chosen
        body = result.serialize(format=form)
    except (SyntaxError, ValueError, OSError, RuntimeError) as exc:  # solutions come lazily: errors too
        return _text(400, f"query: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")
    charset = "" if media.endswith("+xml") or media == "application/rdf+xml" else "; charset=utf-8"
    return 200, media + charset, body
