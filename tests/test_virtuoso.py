"""`ikg push`: the parts that need no server, then pushes to a real Virtuoso on loopback.

The tests marked ``virtuoso`` share one Virtuoso (Debian's virtuoso-opensource-7-bin) that the
session starts with a new database in a temporary folder, on free ports bound to 127.0.0.1, and
stops at the end; each test leaves it holding the seeds' graphs. Without virtuoso-t they are
skipped, unless IKG_REQUIRE_VIRTUOSO=1 (for CI), which makes them fail instead.
"""
from __future__ import annotations

import http.server
import json
import os
import re
import secrets
import shutil
import socket
import struct
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph
import pytest

from graph.errors import IkgError
from graph.namespaces import PREFIXES
from graph.push import (Credentials, batches, check_url, credentials_from_env, load_manifest, manifest_path,
                        named_graph, push, read_graphs, save_manifest, update_requests)
from graph.query import read_query, run_query
from graph.store import open_store
from graph.tools.cli import main

from conftest import QUERIES

VIRTUOSO = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt")
REQUIRED = os.environ.get("IKG_REQUIRE_VIRTUOSO") == "1"
START_TIMEOUT = 60  # seconds; a fresh database answers in about 5
STOP_TIMEOUT = 30

XSD = "http://www.w3.org/2001/XMLSchema#"
NUMERIC = {XSD + t for t in ("integer", "decimal", "double", "float", "int", "long", "short",
                             "nonNegativeInteger", "positiveInteger")}
ARTICLE = "https://w3id.org/insurance-kg/graph/001_bf52da6889761ee3"
SCHEMA = "https://schema.org/"
NEW_HEADLINE = "已改写的标题"

INI = """\
[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa

[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
DirsAllowed = .
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {db}

[SPARQL]
; Virtuoso cuts answers at 10,000 rows by default; a cut answer must not pass as a different one.
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
"""


@dataclass(frozen=True)
class Virtuoso:
    """A running Virtuoso: its URLs on loopback and the dba credentials."""

    http: int
    credentials: Credentials

    @property
    def sparql(self) -> str:
        return f"http://127.0.0.1:{self.http}/sparql"

    @property
    def sparql_auth(self) -> str:  # the SPARQL endpoint that takes updates from an authenticated user
        return f"http://127.0.0.1:{self.http}/sparql-auth"

    def select(self, query: str, default_graphs: list[str] = ()) -> tuple[list[str], list[dict]]:
        """(variables, bindings) of a SELECT sent to /sparql, with ``default_graphs`` as the
        protocol's default-graph-uri (the same as FROM clauses)."""
        form = [("query", query)] + [("default-graph-uri", g) for g in default_graphs]
        req = urllib.request.Request(self.sparql, data=urllib.parse.urlencode(form).encode("ascii"),
                                     headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(req, timeout=120) as answer:
            result = json.load(answer)
        return result["head"]["vars"], result["results"]["bindings"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "?" + urllib.parse.urlencode({"query": "ASK {}"}), timeout=2):
            return True
    except (urllib.error.URLError, OSError):
        return False


def _start(db: Path) -> tuple[subprocess.Popen, Virtuoso]:
    """Start Virtuoso on a new database in ``db``; wait until its SPARQL endpoint answers and give
    dba a new random password."""
    sql, http = _free_port(), _free_port()
    (db / "virtuoso.ini").write_text(INI.format(db=db, sql=sql, http=http), encoding="utf-8")
    log = open(db / "console.log", "wb")
    process = subprocess.Popen([VIRTUOSO, "+foreground", "+configfile", str(db / "virtuoso.ini")],
                               cwd=db, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    log.close()
    server = Virtuoso(http, Credentials("dba", secrets.token_hex(8)))
    deadline = time.monotonic() + START_TIMEOUT
    while not _answers(server.sparql):
        if process.poll() is not None or time.monotonic() > deadline:
            _stop(process)
            pytest.fail(f"Virtuoso did not start:\n{(db / 'console.log').read_text(errors='replace')[-2000:]}")
        time.sleep(0.2)
    # A new database has dba/dba; the password goes on standard input, not on a command line.
    done = subprocess.run([ISQL, f"127.0.0.1:{sql}", "dba", "dba"], capture_output=True, timeout=30,
                          input=f"USER_SET_PASSWORD('dba', '{server.credentials.password}');\n".encode())
    if done.returncode != 0 or b"Error" in done.stdout + done.stderr:
        _stop(process)
        pytest.fail(f"isql-vt could not set the dba password: {(done.stdout + done.stderr).decode(errors='replace')}")
    return process, server


def _stop(process: subprocess.Popen) -> None:
    """Stop Virtuoso (SIGTERM makes it shut down cleanly in about 2 s), killing it if it hangs."""
    process.terminate()
    try:
        process.wait(STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(STOP_TIMEOUT)


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory, loopback_environment):
    if not (VIRTUOSO and ISQL):
        missing = "virtuoso-t/isql-vt not installed (apt-get install virtuoso-opensource-7-bin)"
        if REQUIRED:
            pytest.fail(f"IKG_REQUIRE_VIRTUOSO=1 but {missing}")
        pytest.skip(missing)
    process, server = _start(tmp_path_factory.mktemp("virtuoso"))
    try:
        yield server
    finally:
        _stop(process)


@pytest.fixture(scope="session")
def loopback_environment():
    """No credentials from the environment pytest runs in (tests set those they need), and no
    proxy that the environment may name between the tests and the server on loopback."""
    with pytest.MonkeyPatch.context() as env:
        env.delenv("IKG_ENDPOINT_USER", raising=False)
        env.delenv("IKG_ENDPOINT_PASSWORD", raising=False)
        for name in ("no_proxy", "NO_PROXY"):
            env.setenv(name, "127.0.0.1")
        yield


@pytest.fixture(autouse=True)
def _in_loopback_environment(loopback_environment):
    """Every test of this module runs in that environment."""


@pytest.fixture(scope="session")
def seeds_trig(seed_output, tmp_path_factory) -> Path:
    """A copy of the seeds' graph.trig in a folder of its own (push writes its manifest beside it)."""
    out, _ = seed_output
    copy = tmp_path_factory.mktemp("push") / "graph.trig"
    shutil.copyfile(out / "graph.trig", copy)
    return copy


@pytest.fixture(scope="session")
def pushed(virtuoso, seeds_trig):
    """The push of the seeds' graph to the server (by the Graph Store, which is found for Virtuoso)."""
    return push(seeds_trig, virtuoso.sparql, credentials=virtuoso.credentials, everything=True)


@pytest.fixture
def article_changed(virtuoso, seeds_trig, pushed, tmp_path):
    """The seeds' graph as N-Quads, with the manifest of the last push, in which one article has a
    new headline and no publisher; the server gets the seeds' graph back afterwards."""
    changed = tmp_path / "graph.nq"
    shutil.copyfile(manifest_path(seeds_trig, virtuoso.sparql), manifest_path(changed, virtuoso.sparql))
    quads = []
    for quad in pyoxigraph.parse(path=str(seeds_trig), format=pyoxigraph.RdfFormat.TRIG):
        if quad.graph_name.value == ARTICLE and quad.predicate.value == SCHEMA + "publisher":
            continue
        if quad.graph_name.value == ARTICLE and quad.predicate.value == SCHEMA + "headline":
            quad = pyoxigraph.Quad(quad.subject, quad.predicate, pyoxigraph.Literal(NEW_HEADLINE, language="zh"),
                                   quad.graph_name)
        quads.append(quad)
    changed.write_bytes(pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.N_QUADS))
    yield changed
    push(seeds_trig, virtuoso.sparql, credentials=virtuoso.credentials, everything=True)


def _values(server: Virtuoso, graph: str, predicate: str) -> list[str]:
    """The objects of ``predicate`` in ``graph`` on the server."""
    _, rows = server.select(f"SELECT ?o WHERE {{ GRAPH <{graph}> {{ ?s <{predicate}> ?o }} }}")
    return [row["o"]["value"] for row in rows]


# --- what the server holds -------------------------------------------------------------------

def _remote_term(binding: dict):
    """A pyoxigraph term for one value of SPARQL JSON results (Virtuoso also says 'typed-literal')."""
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return pyoxigraph.NamedNode(value)
    if kind == "bnode":
        return pyoxigraph.BlankNode(re.sub(r"\W", "", value))
    if "xml:lang" in binding:
        return pyoxigraph.Literal(value, language=binding["xml:lang"])
    return pyoxigraph.Literal(value, datatype=pyoxigraph.NamedNode(binding.get("datatype", XSD + "string")))


def _canonical_literal(term):
    """``term`` with a numeric literal written as a canonical decimal and a boolean in its canonical
    form: Virtuoso keeps "1000000"^^xsd:decimal as "1000000"^^xsd:integer, the same number, and
    "true"^^xsd:boolean as "1"^^xsd:boolean, the same truth value."""
    if isinstance(term, pyoxigraph.Literal) and term.datatype.value in NUMERIC:
        return pyoxigraph.Literal(format(Decimal(term.value).normalize(), "f"),
                                  datatype=pyoxigraph.NamedNode(XSD + "decimal"))
    if isinstance(term, pyoxigraph.Literal) and term.datatype.value == XSD + "boolean":
        return pyoxigraph.Literal(term.value in ("true", "1"))
    return term


def _comparable(name: str, triples) -> str:
    """A hash of a graph's content, blank nodes canonicalised and numbers and booleans written one way."""
    graph = pyoxigraph.NamedNode(name)
    return named_graph(name, [pyoxigraph.Quad(_canonical_literal(t.subject), t.predicate,
                                              _canonical_literal(t.object), graph) for t in triples]).digest


def _server_graph(server: Virtuoso, name: str) -> list[pyoxigraph.Triple]:
    _, rows = server.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")
    return [pyoxigraph.Triple(*(_remote_term(r[v]) for v in "spo")) for r in rows]


def _assert_server_holds(server: Virtuoso, data: Path) -> None:
    for graph in read_graphs(data)[0]:
        held = _server_graph(server, graph.name)
        assert len(held) == len(graph.triples), graph.name
        assert _comparable(graph.name, held) == _comparable(graph.name, graph.triples), graph.name


# --- tests -----------------------------------------------------------------------------------

@pytest.mark.virtuoso
def test_push_uses_the_graph_store_and_loads_every_graph(virtuoso, seeds_trig, pushed):
    graphs, _ = read_graphs(seeds_trig)
    assert pushed.method == f"graph store http://127.0.0.1:{virtuoso.http}/sparql-graph-crud-auth"
    assert [name for name, _ in pushed.pushed] == [g.name for g in graphs]
    assert {"https://w3id.org/insurance-kg/graph/registry", "https://w3id.org/insurance-kg/graph/ontology",
            ARTICLE} <= {g.name for g in graphs}
    _assert_server_holds(virtuoso, seeds_trig)


@pytest.mark.virtuoso
def test_push_by_sparql_update_loads_the_same_graphs(virtuoso, seeds_trig, pushed, tmp_path):
    """The Update path: DROP + INSERT DATA in batches (the registry needs several); the ontology's
    blank nodes (OWL lists) stay connected across them."""
    data = tmp_path / "graph.trig"
    shutil.copyfile(seeds_trig, data)
    report = push(data, virtuoso.sparql_auth, credentials=virtuoso.credentials, discover=False)
    assert report.method == f"SPARQL Update {virtuoso.sparql_auth}"
    assert len(report.pushed) == len(read_graphs(data)[0])
    _assert_server_holds(virtuoso, seeds_trig)


@pytest.mark.virtuoso
@pytest.mark.parametrize("query", sorted(QUERIES.glob("*.rq")), ids=lambda p: p.name)
def test_query_answers_match_the_embedded_store(virtuoso, seeds_trig, pushed, query):
    """Every query file gives Virtuoso the same answer as `ikg query`, compared as sets of rows."""
    text = read_query(query)
    store = open_store(seeds_trig)
    local = run_query(store, text, query.name)
    names = [v.value for v in local.variables]
    separators = _group_concat_separators(text)
    expected = {tuple(_local_cell(s[n], separators.get(n)) for n in names) for s in local}
    # The local default graph is the union of the named graphs, so Virtuoso's is made the same:
    # the data file's graphs as default-graph-uri (Virtuoso's own default is the union of all its
    # graphs, system graphs too, and on it latest_figures.rq fails with an internal error, SP031).
    graphs = [g.value for g in store.named_graphs()]
    variables, rows = virtuoso.select(_with_prefixes(text), graphs)
    assert variables == names
    answered = {tuple(_remote_cell(r.get(n), separators.get(n)) for n in names) for r in rows}
    assert answered == expected


def _with_prefixes(text: str) -> str:
    """``text`` with the prefixes `ikg query` predeclares and the query does not declare (Virtuoso
    predeclares some of its own, e.g. schema: as http://schema.org/, not https)."""
    declared = set(re.findall(r"PREFIX\s+(\w*):", text, re.IGNORECASE))
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items() if p not in declared) + text


def _group_concat_separators(text: str) -> dict[str, str]:
    """Result variable → separator of each GROUP_CONCAT, whose order of values SPARQL leaves open."""
    found = re.findall(r'GROUP_CONCAT\s*\((?:[^()]|\([^()]*\))*?separator\s*=\s*"([^"]*)"\s*\)\s*AS\s+\?(\w+)',
                       text, re.IGNORECASE | re.DOTALL)
    return {variable: separator for separator, variable in found}


def _local_cell(term, separator: str | None):
    if term is None:
        return None
    if isinstance(term, pyoxigraph.Literal):
        return _literal(term.value, term.datatype.value, term.language, separator)
    return (type(term).__name__, term.value if isinstance(term, pyoxigraph.NamedNode) else "")


def _remote_cell(binding: dict | None, separator: str | None):
    if binding is None:
        return None
    term = _remote_term(binding)
    if isinstance(term, pyoxigraph.Literal):
        # Virtuoso 7.2 writes a non-ASCII GROUP_CONCAT separator (、) as "?".
        separator = separator and (separator if separator.isascii() else "?")
        return _literal(term.value, term.datatype.value, term.language, separator)
    return (type(term).__name__, term.value if isinstance(term, pyoxigraph.NamedNode) else "")


def _literal(value: str, datatype: str, language: str | None, separator: str | None):
    """A literal as compared: GROUP_CONCAT values as a sorted list, numbers by value, other literals
    by text, language and datatype (a plain literal is an xsd:string)."""
    if separator is not None:
        return ("concat", tuple(sorted(value.split(separator))))
    if datatype in NUMERIC:
        try:
            return ("number", Decimal(value))
        except InvalidOperation:
            pass
    return ("literal", value, (language or "").lower(), "" if language else datatype)


@pytest.mark.virtuoso
def test_changed_article_replaces_its_graph(virtuoso, article_changed):
    """Re-pushing after an article changed sends only its graph, and its old triples are gone."""
    report = push(article_changed, virtuoso.sparql, credentials=virtuoso.credentials)
    changed = next(g for g in read_graphs(article_changed)[0] if g.name == ARTICLE)
    assert report.pushed == [(ARTICLE, len(changed.triples))]
    assert len(report.unchanged) == len(read_graphs(article_changed)[0]) - 1
    assert _values(virtuoso, ARTICLE, SCHEMA + "headline") == [NEW_HEADLINE]
    assert _values(virtuoso, ARTICLE, SCHEMA + "publisher") == []
    _assert_server_holds(virtuoso, article_changed)


@pytest.mark.virtuoso
def test_cli_pushes_changed_graphs_only(virtuoso, seeds_trig, pushed, tmp_path, monkeypatch, capsys):
    data = tmp_path / "graph.trig"
    shutil.copyfile(seeds_trig, data)
    monkeypatch.setenv("IKG_ENDPOINT_USER", virtuoso.credentials.user)
    monkeypatch.setenv("IKG_ENDPOINT_PASSWORD", virtuoso.credentials.password)
    command = ["push", "--endpoint", virtuoso.sparql, "--data", str(data)]
    graphs = [g.name for g in read_graphs(data)[0]]

    assert main(command) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:-1] == [f"pushed {g} ({len(t.triples)} triples)" for g, t in zip(graphs, read_graphs(data)[0])]
    assert lines[-1].startswith(f"{len(graphs)} graph(s) pushed, by graph store ")
    assert json.loads(manifest_path(data, virtuoso.sparql).read_text())["endpoint"] == virtuoso.sparql

    assert main(command) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"0 graph(s) pushed, {len(graphs)} unchanged since the last push (--all sends them too), "
        f"by graph store http://127.0.0.1:{virtuoso.http}/sparql-graph-crud-auth"]

    assert main(command + ["--all"]) == 0
    assert sum(line.startswith("pushed ") for line in capsys.readouterr().out.splitlines()) == len(graphs)


@pytest.mark.virtuoso
@pytest.mark.parametrize("endpoint", ["sparql", "sparql-auth"])
def test_wrong_password_is_a_one_line_error(virtuoso, seeds_trig, tmp_path, monkeypatch, capsys, endpoint):
    data = tmp_path / "graph.trig"
    shutil.copyfile(seeds_trig, data)
    monkeypatch.setenv("IKG_ENDPOINT_USER", "dba")
    wrong = virtuoso.credentials.password + "-wrong"
    monkeypatch.setenv("IKG_ENDPOINT_PASSWORD", wrong)
    assert main(["push", "--endpoint", f"http://127.0.0.1:{virtuoso.http}/{endpoint}", "--data", str(data)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("ikg: error: ")
    assert "HTTP 401: not authorised; check IKG_ENDPOINT_USER" in err
    assert wrong not in err


@pytest.mark.virtuoso
def test_push_without_credentials_is_refused(virtuoso, seeds_trig, tmp_path, capsys):
    data = tmp_path / "graph.trig"
    shutil.copyfile(seeds_trig, data)
    assert main(["push", "--endpoint", virtuoso.sparql, "--data", str(data)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "/sparql-graph-crud: HTTP 403: not authorised" in err
    assert not manifest_path(data, virtuoso.sparql).exists()


# --- without a server ------------------------------------------------------------------------

def test_credentials_come_from_the_environment_only():
    env = {"IKG_ENDPOINT_USER": "dba", "IKG_ENDPOINT_PASSWORD": "secret"}
    assert credentials_from_env(None, {}) is None
    assert credentials_from_env(None, env) == Credentials("dba", "secret")
    assert credentials_from_env("other", env) == Credentials("other", "secret")
    assert "secret" not in repr(credentials_from_env(None, env))
    with pytest.raises(IkgError, match="set IKG_ENDPOINT_PASSWORD"):
        credentials_from_env("dba", {})
    with pytest.raises(IkgError, match="no user name"):
        credentials_from_env(None, {"IKG_ENDPOINT_PASSWORD": "secret"})
    with pytest.raises(SystemExit) as usage:
        main(["push", "--endpoint", "http://127.0.0.1:1/sparql", "--password", "secret"])
    assert usage.value.code == 2


@pytest.mark.parametrize("endpoint, problem", [
    ("file:///etc/passwd", "must be an http:// or https:// URL"),
    ("http://dba:secret@127.0.0.1:1/sparql", "must not hold credentials"),
])
def test_bad_endpoints_are_refused(endpoint, problem):
    with pytest.raises(IkgError, match=problem):
        check_url(endpoint)


def test_unreachable_server_is_a_one_line_error(seeds_trig, tmp_path, capsys):
    data = tmp_path / "graph.trig"
    shutil.copyfile(seeds_trig, data)
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        assert main(["push", "--endpoint", f"http://127.0.0.1:{port}/sparql", "--data", str(data)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot connect" in err


def test_files_without_named_graphs_are_refused(tmp_path):
    for name, text in {"g.ttl": "", "g.nq": "<http://e/s> <http://e/p> <http://e/o> .\n"}.items():
        (tmp_path / name).write_text(text)
        with pytest.raises(IkgError, match="named graphs"):
            read_graphs(tmp_path / name)


def test_hash_ignores_blank_node_labels_and_order(seeds_trig, tmp_path):
    relabelled = tmp_path / "graph.nq"
    quads = list(pyoxigraph.parse(path=str(seeds_trig), format=pyoxigraph.RdfFormat.TRIG))
    assert any(isinstance(q.subject, pyoxigraph.BlankNode) for q in quads)  # the ontology's OWL lists
    relabelled.write_bytes(pyoxigraph.serialize(reversed(quads), format=pyoxigraph.RdfFormat.N_QUADS)
                           .replace(b"_:", b"_:other"))
    assert [g.digest for g in read_graphs(relabelled)[0]] == [g.digest for g in read_graphs(seeds_trig)[0]]


def test_update_batches_keep_blank_nodes_together():
    e = pyoxigraph.NamedNode
    a, b, c = pyoxigraph.BlankNode("a"), pyoxigraph.BlankNode("b"), pyoxigraph.BlankNode("c")
    triples = [pyoxigraph.Triple(e("http://e/s"), e("http://e/p"), a), pyoxigraph.Triple(a, e("http://e/p"), b),
               pyoxigraph.Triple(e("http://e/x"), e("http://e/p"), pyoxigraph.Literal("1")),
               pyoxigraph.Triple(b, e("http://e/p"), pyoxigraph.Literal("2")),
               pyoxigraph.Triple(c, e("http://e/p"), pyoxigraph.Literal("3"))]
    parts = batches(triples, 2)
    assert sorted(map(len, parts)) == [2, 3]
    chain = next(p for p in parts if len(p) == 3)
    assert {t.object for t in chain} >= {a, b} and triples[2] not in chain
    graph = named_graph("http://e/g", [pyoxigraph.Quad(*t, e("http://e/g")) for t in triples])
    requests = update_requests(graph, 2)
    assert requests[0].startswith("DROP SILENT GRAPH <http://e/g> ;\n")
    assert sum("INSERT {" in r and "WHERE {}" in r for r in requests) == 2  # the batches with blank nodes
    assert sum("INSERT DATA" in r for r in requests) == len(requests) - 2


def test_manifest_is_named_after_the_endpoint(tmp_path):
    path = manifest_path(tmp_path / "graph.trig", "http://127.0.0.1:8890/sparql")
    assert path == tmp_path / ".push-127.0.0.1_8890_sparql.json"
    save_manifest(path, "http://127.0.0.1:8890/sparql", {"g": "h"})
    assert load_manifest(path, "http://127.0.0.1:8890/sparql") == {"g": "h"}
    assert load_manifest(path, "http://127.0.0.1:8890/other") == {}
    path.write_text("{broken")
    assert load_manifest(path, "http://127.0.0.1:8890/sparql") == {}


@pytest.mark.virtuoso
def test_cli_takes_a_graph_store_and_a_user(virtuoso, seeds_trig, tmp_path, monkeypatch, capsys):
    data = tmp_path / "graph.trig"
    shutil.copyfile(seeds_trig, data)
    monkeypatch.setenv("IKG_ENDPOINT_PASSWORD", virtuoso.credentials.password)
    store = f"http://127.0.0.1:{virtuoso.http}/sparql-graph-crud-auth"
    assert main(["push", "--endpoint", virtuoso.sparql_auth, "--graph-store", store, "--user", "dba",
                 "--data", str(data)]) == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith(f"pushed, by graph store {store}")
    _assert_server_holds(virtuoso, seeds_trig)


@pytest.mark.virtuoso
def test_wrong_endpoint_path_is_a_one_line_error(virtuoso, seeds_trig, tmp_path, capsys):
    data = tmp_path / "graph.trig"
    shutil.copyfile(seeds_trig, data)
    assert main(["push", "--endpoint", f"http://127.0.0.1:{virtuoso.http}/no-such-path", "--data", str(data)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "/no-such-path: HTTP 404" in err


class _ChallengeAndHangUp(http.server.BaseHTTPRequestHandler):
    """A Graph Store that behaves as Virtuoso's does: a request without credentials gets 401 and
    the connection is closed before its body is read; one with digest credentials is read whole."""

    received: list[tuple[str, int]]  # (method, body length) of every request answered with 2xx

    def _answer(self) -> None:
        if not self.headers.get("Authorization", "").startswith("Digest "):
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Digest realm="test", nonce="n1", qop="auth"')
            self.send_header("Content-Length", "0")
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            if int(self.headers.get("Content-Length") or 0):  # hang up, body unread: a reset
                self.wfile.flush()
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                self.connection.close()
            return
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self.received.append((self.command, length))
        self.send_response(201 if length else 200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_HEAD = do_PUT = _answer

    def log_message(self, *args) -> None:
        pass


def test_large_graphs_are_sent_with_credentials_up_front(tmp_path):
    """A server that hangs up on an unauthenticated PUT must not make a push fail with a broken
    pipe (CI saw this on Virtuoso's registry graph): credentials go with every graph."""
    _ChallengeAndHangUp.received = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _ChallengeAndHangUp)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    quads = "".join(f'<http://e/{i}> <http://p> "{"長文" * 2000}{i}" <http://g/{i % 3}> .\n' for i in range(3000))
    data = tmp_path / "big.nq"
    data.write_text(quads, encoding="utf-8")
    store = f"http://127.0.0.1:{server.server_address[1]}/graph-store"
    try:
        report = push(data, store.replace("graph-store", "sparql"), graph_store=store,
                      credentials=Credentials("u", "p"), everything=True)
    finally:
        server.shutdown()
        server.server_close()
    assert [count for _, count in report.pushed] == [1000, 1000, 1000]
    puts = [length for method, length in _ChallengeAndHangUp.received if method == "PUT"]
    assert len(puts) == 3 and min(puts) > 10_000_000  # each graph sent once, whole
