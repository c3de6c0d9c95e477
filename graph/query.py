"""Query: run read-only SPARQL files against a built graph; answers as a table, CSV or JSON."""
from __future__ import annotations

import csv
import io
import math
import multiprocessing
import os
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from typing import BinaryIO

import pyoxigraph
from pyparsing import ParseException
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parser import parseUpdate

from .errors import IkgError
from .namespaces import PREFIXES, SPARQL_PREFIXES
from .tables import display_width, pad
from .workers import die_with_parent

RESULT_FORMATS = ("table", "csv", "json")
TABLE_CELL_WIDTH = 60  # terminal columns; CSV and JSON always carry the whole value
# The rows a streamed table sets its column widths by; a later, wider cell overflows its column.
TABLE_SAMPLE_ROWS = 1000


# Far more than any query a person writes; a file larger is a mistake (ikg query /dev/zero).
MAX_QUERY_BYTES = 1 << 20


def read_query(path: Path) -> str:
    """The text of a query file; a missing, unreadable or huge file is a one-line error."""
    path = Path(path)
    try:
        with open(path, "rb") as file:
            data = file.read(MAX_QUERY_BYTES + 1)
        if len(data) > MAX_QUERY_BYTES:
            raise IkgError(f"{path}: larger than {MAX_QUERY_BYTES >> 20} MB: not a query file")
        # editors on Windows start files with a BOM; lines end as Python's text files end them
        return data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except FileNotFoundError:
        raise IkgError(f"{path}: no such query file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise IkgError(f"{path}: cannot read: {exc}") from None


# SPARQL reads \u and \U escapes before anything else (SPARQL 1.1, 19.2): \u0053ERVICE is SERVICE.
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# An IRI as written in SPARQL (no spaces, quotes, braces or angle brackets inside): the one place the
# word may stand without being the keyword, and no keyword can hide in one, since SERVICE must be
# followed by its endpoint and a { before any >.
_IRI = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
# The word, but as a variable's name or a prefixed name's local part (?service, ik:serviceArea): the
# parser may read a keyword glued to what comes before or after it (1SERVICE, SERVICEex:x).
_SERVICE_WORD = re.compile(r"(?<![:?$])service", re.I)


def _mentions_service(text: str) -> bool:
    """Whether the word SERVICE stands anywhere in ``text`` but inside an IRI or starting a variable's
    or a prefixed name's name: in a comment or a string too. The engine that runs the query
    (pyoxigraph) is not the one that classifies it (rdflib), and the two read escapes and comments
    differently, so that a SERVICE one parser sees inside a string the other may run; the word
    itself cannot be hidden from both."""
    decoded = _CODEPOINT.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)
    return bool(_SERVICE_WORD.search(_IRI.sub(" ", decoded)))


def classify(text: str, name: str = "<query>") -> tuple[bool, bool]:
    """(is it an update, may it call SERVICE) for a SPARQL text; syntax errors name file:line:col."""
    try:
        query = prepareQuery(text, initNs=PREFIXES)
    except ParseException as exc:
        try:
            update = parseUpdate(text)
        except ParseException:
            lines = text.splitlines()
            line = lines[exc.lineno - 1].strip() if 0 < exc.lineno <= len(lines) else ""
            raise IkgError(f"{name}:{exc.lineno}:{exc.col}: SPARQL syntax error near {line[:60]!r}") from None
        if "request" not in update:  # an empty update: nothing but comments and prefixes
            raise IkgError(f"{name}: no query in it (only comments or PREFIX lines)")
        return True, _mentions_service(text)
    return False, _uses_service(query.algebra) or _mentions_service(text)


def check_query(text: str, name: str = "<query>", allow_update: bool = False, allow_service: bool = False) -> bool:
    """Refuse what a query file must not do unless the user asked for it: updates (writes) and
    SERVICE (network). Returns whether ``text`` is an update."""
    update, service = classify(text, name)
    if update and not allow_update:
        raise IkgError(f"{name}: SPARQL Update is not allowed; pass --allow-update to change the data file")
    if service and not allow_service:
        raise IkgError(f"{name}: SERVICE is not allowed; pass --allow-service to let the query reach the network")
    return update


def _uses_service(node) -> bool:
    if getattr(node, "name", None) == "ServiceGraphPattern":
        return True
    if isinstance(node, dict):
        return any(_uses_service(v) for v in node.values())
    if isinstance(node, (list, tuple)):
        return any(_uses_service(v) for v in node)
    return False


def run_query(store: pyoxigraph.Store, text: str, name: str = "<query>", allow_service: bool = False):
    """Answer a read-only query; the default graph is the union of the store's graphs (see open_store)."""
    check_query(text, name, allow_service=allow_service)
    try:
        return store.query(text, prefixes=SPARQL_PREFIXES)
    except (SyntaxError, ValueError, OSError, RuntimeError) as exc:
        raise IkgError(f"{name}: {str(exc).splitlines()[0]}") from None


def run_update(store: pyoxigraph.Store, text: str, name: str = "<update>", allow_service: bool = False) -> None:
    """Apply a SPARQL Update to ``store`` (the caller asked for it explicitly)."""
    check_query(text, name, allow_update=True, allow_service=allow_service)
    try:
        store.update(text, prefixes=SPARQL_PREFIXES)
    except (SyntaxError, ValueError, OSError, RuntimeError) as exc:
        raise IkgError(f"{name}: {str(exc).splitlines()[0]}") from None


@contextmanager
def _told(name: str):
    """Errors raised while the solutions are read, as one line naming the query file."""
    try:
        yield
    except IkgError as exc:
        raise IkgError(f"{name}: {exc}") from None
    except BrokenPipeError:  # the reader left (ikg query … | head): not the query's fault
        raise
    except (SyntaxError, ValueError, OSError, RuntimeError) as exc:
        raise IkgError(f"{name}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None


def stream_answer(store: pyoxigraph.Store, text: str, name: str, fmt: str, out: BinaryIO,
                  allow_service: bool = False, timeout: float | None = None) -> None:
    """Write the answer to ``out`` as the solutions come (a table aligned by its first
    :data:`TABLE_SAMPLE_ROWS` rows): the first rows of a large answer arrive at once and the rows are
    never all held in memory. With ``timeout`` (seconds, positive), a query still running after that
    long is stopped (it runs in a child process, which is killed); what it wrote stays written."""
    _check_format(fmt)
    check_query(text, name, allow_service=allow_service)

    def write() -> None:
        _stream(store, text, name, fmt, out, allow_service)
        out.flush()

    if timeout is None:
        write()
    else:
        _in_child(write, timeout, name)


def _stream(store: pyoxigraph.Store, text: str, name: str, fmt: str, out: BinaryIO, allow_service: bool) -> None:
    result = run_query(store, text, name, allow_service)
    with _told(name):
        if fmt == "json" and isinstance(result, (pyoxigraph.QuerySolutions, pyoxigraph.QueryBoolean)):
            result.serialize(out, format=pyoxigraph.QueryResultsFormat.JSON)
            out.write(b"\n")
            return
        if not isinstance(result, pyoxigraph.QuerySolutions):  # a boolean, or a CONSTRUCT's message
            out.write(format_result(result, fmt).encode("utf-8") + b"\n")
            return
        names = [v.value for v in result.variables]
        rows = ([_cell(solution[n]) for n in names] for solution in result)
        text_out = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
        try:
            if fmt == "csv":
                writer = csv.writer(text_out, lineterminator="\n")
                writer.writerow(names)
                writer.writerows(rows)
            else:
                for line in table_lines(names, rows, TABLE_SAMPLE_ROWS):
                    text_out.write(line + "\n")
        finally:
            text_out.detach()  # ``out`` stays open, a failed query's too: it is the caller's


def _in_child(work: Callable[[], None], timeout: float, name: str) -> None:
    """Run ``work`` in a forked child that is killed after ``timeout`` seconds; its error, a one-line
    :class:`IkgError`, is raised here."""
    if not (math.isfinite(timeout) and timeout > 0):
        raise IkgError(f"--timeout must be a positive number of seconds, not {timeout}")
    context = multiprocessing.get_context("fork")  # the child shares the loaded store
    receive, send = context.Pipe(duplex=False)
    parent = os.getpid()

    def child() -> None:
        die_with_parent(parent)  # a killed `ikg query` leaves no query running
        try:
            work()
            send.send(("ok", ""))
        except IkgError as err:
            send.send(("error", str(err)))
        except BrokenPipeError:  # the reader of what it wrote left (| head)
            send.send(("pipe", ""))

    process = context.Process(target=child, daemon=True)
    process.start()
    send.close()
    try:
        if not receive.poll(timeout):
            raise IkgError(f"{name}: stopped after {timeout:g} s (--timeout)")
        status, value = receive.recv()
    except EOFError:
        raise IkgError(f"{name}: the query process ended without an answer") from None
    finally:
        process.kill()
        process.join()
    if status == "pipe":
        raise BrokenPipeError
    if status == "error":
        raise IkgError(value)


def _cell(term) -> str:
    if term is None:
        return ""
    if isinstance(term, pyoxigraph.NamedNode):
        for prefix, ns in SPARQL_PREFIXES.items():
            if term.value.startswith(ns) and term.value != ns:
                return f"{prefix}:{term.value[len(ns):]}"
        return term.value
    if isinstance(term, pyoxigraph.BlankNode):
        return f"_:{term.value}"
    return term.value


def _cut(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` terminal columns with an ellipsis."""
    text = " ".join(text.split())
    if display_width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        used += display_width(ch)
        if used > width - 1:
            break
        out.append(ch)
    return "".join(out) + "…"


def format_result(result, fmt: str) -> str:
    """The answer as an aligned table, CSV or SPARQL JSON results."""
    _check_format(fmt)
    if isinstance(result, pyoxigraph.QueryBoolean):
        if fmt == "json":
            return result.serialize(format=pyoxigraph.QueryResultsFormat.JSON).decode("utf-8")
        return "true" if bool(result) else "false"
    if not isinstance(result, pyoxigraph.QuerySolutions):
        raise IkgError("only SELECT and ASK queries can be shown as a table, CSV or JSON; "
                       "a CONSTRUCT or DESCRIBE gives a graph: write it as SELECT ?s ?p ?o")
    if fmt == "json":
        return result.serialize(format=pyoxigraph.QueryResultsFormat.JSON).decode("utf-8")
    names = [v.value for v in result.variables]
    rows = [[_cell(solution[name]) for name in names] for solution in result]
    return rows_as_csv(names, rows) if fmt == "csv" else rows_as_table(names, rows)


def _check_format(fmt: str) -> None:
    if fmt not in RESULT_FORMATS:
        raise IkgError(f"unknown result format {fmt!r}; choose one of: {', '.join(RESULT_FORMATS)}")


def rows_as_csv(names: list[str], rows: list[list]) -> str:
    """A header and rows as CSV (no trailing newline)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(names)
    writer.writerows(rows)
    return out.getvalue().rstrip("\n")


def rows_as_table(names: list[str], rows: list[list]) -> str:
    """A header and rows as an aligned table for the terminal (CJK-aware widths, long cells cut)."""
    return "\n".join(table_lines(names, rows))


def table_lines(names: list[str], rows: Iterable[list], sample: int | None = None) -> Iterator[str]:
    """The lines of :func:`rows_as_table`, made as ``rows`` come: the columns are as wide as the
    widest of the first ``sample`` rows (all when None); a later, wider cell overflows its column."""
    rows = ([_cut(str(c), TABLE_CELL_WIDTH) for c in r] for r in rows)
    head = list(islice(rows, sample))
    widths = [max([display_width(n)] + [display_width(r[i]) for r in head]) for i, n in enumerate(names)]

    def line(cells):
        return "  ".join(pad(c, w) for c, w in zip(cells, widths)).rstrip()

    yield line(names)
    yield line(["-" * w for w in widths])
    yield from (line(r) for r in head)
    count = len(head)
    for r in rows:
        count += 1
        yield line(r)
    yield f"({count} row{'s' if count != 1 else ''})"
