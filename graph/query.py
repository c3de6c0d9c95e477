"""Query: run SPARQL files against a built graph and format the answers as a table, CSV or JSON."""
from __future__ import annotations

import csv
import io
import json
import unicodedata
from pathlib import Path

from pyparsing import ParseException
from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parser import parseUpdate
from rdflib.query import Result

from .errors import IkgError
from .namespaces import PREFIXES
from .to_rdf import new_dataset

RESULT_FORMATS = ("table", "csv", "json")
# Extensions of the RDF files a query can read, and rdflib's parser for each.
DATA_FORMATS = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld",
                ".rdf": "xml", ".owl": "xml"}


def load_data(path: Path) -> Dataset:
    """Read an RDF file (named graphs kept where the format has them) into a dataset."""
    path = Path(path)
    fmt = DATA_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise IkgError(f"{path}: unknown RDF file type; use one of {', '.join(DATA_FORMATS)}")
    if not path.is_file():
        raise IkgError(f"{path}: no such file (run 'ikg build' first?)")
    ds = new_dataset()
    try:
        if fmt in ("trig", "nquads", "json-ld"):
            ds.parse(path, format=fmt)
        else:
            ds.default_context.parse(path, format=fmt)
    except Exception as exc:  # rdflib's parsers raise many unrelated exception types
        raise IkgError(f"{path}: cannot parse as {fmt}: {str(exc).splitlines()[0]}") from None
    return ds


def read_query(path: Path) -> str:
    """The text of a query file; a missing or unreadable file is a one-line error."""
    path = Path(path)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise IkgError(f"{path}: no such query file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise IkgError(f"{path}: cannot read: {exc}") from None


def _syntax_error(name: str, text: str, exc: ParseException) -> IkgError:
    line = text.splitlines()[exc.lineno - 1] if 0 < exc.lineno <= len(text.splitlines()) else ""
    return IkgError(f"{name}:{exc.lineno}:{exc.col}: SPARQL syntax error near {line.strip()[:60]!r}")


def prepare(text: str, name: str = "<query>"):
    """Parse a read-only SPARQL query. Updates and SERVICE calls are refused: a query file never
    writes or reaches the network."""
    try:
        query = prepareQuery(text, initNs=PREFIXES)
    except ParseException as exc:
        try:
            parseUpdate(text)
        except ParseException:
            raise _syntax_error(name, text, exc) from None
        raise IkgError(f"{name}: SPARQL Update is not allowed; 'ikg query' only reads") from None
    if _uses_service(query.algebra):
        raise IkgError(f"{name}: SERVICE is not allowed; 'ikg query' never reaches the network")
    return query


def _uses_service(node) -> bool:
    if getattr(node, "name", None) == "ServiceGraphPattern":
        return True
    if isinstance(node, dict):
        return any(_uses_service(v) for v in node.values())
    if isinstance(node, (list, tuple)):
        return any(_uses_service(v) for v in node)
    return False


def run_query(ds: Dataset, text: str, name: str = "<query>") -> Result:
    """Answer a read-only query over the union of the dataset's graphs."""
    query = prepare(text, name)
    return ds.query(query)


def _cell(value, ds: Dataset) -> str:
    if value is None:
        return ""
    if isinstance(value, URIRef):
        return ds.namespace_manager.normalizeUri(value)
    if isinstance(value, BNode):
        return f"_:{value}"
    if isinstance(value, Literal):
        return str(value)
    return str(value)


def _width(text: str) -> int:
    """Columns a string takes on a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def format_result(result: Result, fmt: str, ds: Dataset) -> str:
    """The answer as an aligned table, CSV or SPARQL JSON results."""
    if fmt not in RESULT_FORMATS:
        raise IkgError(f"unknown result format {fmt!r}; choose one of: {', '.join(RESULT_FORMATS)}")
    if result.type == "ASK":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(result.askAnswer)})
        return "true" if result.askAnswer else "false"
    if result.type != "SELECT":
        raise IkgError("only SELECT and ASK queries can be shown as a table, CSV or JSON")
    names = [str(v) for v in result.vars]
    if fmt == "json":
        return result.serialize(format="json").decode("utf-8")
    rows = [[_cell(row[v], ds) for v in result.vars] for row in result]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        return out.getvalue().rstrip("\n")
    widths = [max([_width(n)] + [_width(r[i]) for r in rows]) for i, n in enumerate(names)]

    def line(cells):
        return "  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths)).rstrip()

    body = [line(names), line(["-" * w for w in widths])] + [line(r) for r in rows]
    body.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(body)
