"""Push: load the named graphs of a built graph file into a SPARQL 1.1 server.

Every named graph replaces the server's graph of the same name, so an article that changed is
replaced, never merged. A graph is sent with the SPARQL 1.1 Graph Store HTTP Protocol (one PUT per
graph) when a Graph Store URL is given or known for the server, else with SPARQL Update
(DROP SILENT GRAPH, then INSERT DATA in batches). A manifest beside the data file remembers a hash
of each graph pushed to an endpoint, so that unchanged graphs are not sent again.
"""
from __future__ import annotations

import hashlib
import http.client
import json
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph

from .errors import IkgError
from .store import open_store
from .writers import format_of_file, write_atomic

# The files push reads: the formats that keep named graphs apart.

# Credentials come from the environment only: a password on the command line would be visible to
# every user of the machine (ps) and kept in shell histories.
USER_ENV = "IKG_ENDPOINT_USER"
PASSWORD_ENV = "IKG_ENDPOINT_PASSWORD"

# Triples per INSERT DATA request: Virtuoso refuses requests of about 1,000 triples (SP030).
UPDATE_BATCH = 500
TIMEOUT = 60.0  # seconds to wait for one answer of the server

# Graph Store endpoints of servers that do not advertise one, by the start of their Server header:
# (path with authentication, path without).
KNOWN_GRAPH_STORES = {"Virtuoso/": ("/sparql-graph-crud-auth", "/sparql-graph-crud")}

N_TRIPLES = "application/n-triples"


@dataclass(frozen=True)
class Credentials:
    """A user name and password for the server (the password is never shown)."""

    user: str
    password: str = field(repr=False)


@dataclass(frozen=True)
class NamedGraph:
    """One named graph of the data file: its IRI, its triples and a hash of them."""

    name: str
    triples: tuple[pyoxigraph.Triple, ...]  # sorted by N-Triples line; blank nodes labelled canonically
    digest: str


@dataclass
class PushReport:
    """What a push did: graphs sent (IRI and triple count), graphs skipped as unchanged, and how."""

    method: str = ""  # "graph store <URL>" or "SPARQL Update <URL>"
    pushed: list[tuple[str, int]] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    outside: int = 0  # triples of the file's default graph, which are not pushed


# --- reading the data file -------------------------------------------------------------------

def read_graphs(path: Path) -> tuple[list[NamedGraph], int]:
    """The named graphs of a TriG or N-Quads file (or of the store `ikg build` made), sorted by IRI,
    and how many triples lie outside any named graph (those are not pushed: they have no graph to
    replace; the store's default graph is only the union of its named graphs)."""
    path = Path(path)
    if path.is_dir():
        store = open_store(path)
        graphs: dict[str, list[pyoxigraph.Quad]] = {}
        for quad in store:
            if not isinstance(quad.graph_name, pyoxigraph.DefaultGraph):
                graphs.setdefault(quad.graph_name.value, []).append(quad)
        if not graphs:
            raise IkgError(f"{path}: no named graphs to push")
        return [named_graph(name, quads) for name, quads in sorted(graphs.items())], 0
    fmt = format_of_file(path, quads=True).oxigraph  # push sends named graphs: a quads format
    if not path.is_file():
        raise IkgError(f"{path}: no such file (run 'ikg build' first?)")
    graphs: dict[str, list[pyoxigraph.Quad]] = {}
    outside = 0
    try:
        for quad in pyoxigraph.parse(path=str(path), format=fmt):
            if isinstance(quad.graph_name, pyoxigraph.DefaultGraph):
                outside += 1
            else:
                graphs.setdefault(quad.graph_name.value, []).append(quad)
    except (SyntaxError, ValueError, OSError) as exc:
        raise IkgError(f"{path}: cannot parse as {fmt.name}: {str(exc).splitlines()[0]}") from None
    if not graphs:
        raise IkgError(f"{path}: no named graphs to push")
    return [named_graph(name, quads) for name, quads in sorted(graphs.items())], outside


def named_graph(name: str, quads: list[pyoxigraph.Quad]) -> NamedGraph:
    """A :class:`NamedGraph` whose triple order and hash depend only on its content."""
    if any(isinstance(term, pyoxigraph.BlankNode) for q in quads for term in (q.subject, q.object)):
        # Blank node labels differ from build to build; canonical ones (RDFC-1.0) keep the hash of
        # an unchanged graph, such as the ontology's OWL lists, the same.
        dataset = pyoxigraph.Dataset(quads)
        dataset.canonicalize(pyoxigraph.CanonicalizationAlgorithm.RDFC_1_0)
        quads = list(dataset)
    lines = {_line(q.triple): q.triple for q in quads}
    digest = hashlib.sha256("".join(sorted(lines)).encode("utf-8")).hexdigest()
    return NamedGraph(name, tuple(lines[line] for line in sorted(lines)), digest)


def _line(triple: pyoxigraph.Triple) -> str:
    """``triple`` as one N-Triples line."""
    return f"{triple} .\n"


def ntriples(triples: Iterable[pyoxigraph.Triple]) -> bytes:
    """``triples`` as an N-Triples document."""
    return "".join(_line(t) for t in triples).encode("utf-8")


# --- credentials and HTTP --------------------------------------------------------------------

def credentials_from_env(user: str | None = None, environ: Mapping[str, str] = os.environ) -> Credentials | None:
    """The credentials to send: the user from ``user`` or $IKG_ENDPOINT_USER, the password from
    $IKG_ENDPOINT_PASSWORD; None when neither a user nor a password is set."""
    user = user or environ.get(USER_ENV)
    password = environ.get(PASSWORD_ENV)
    if not user and password is None:
        return None
    if not user:
        raise IkgError(f"{PASSWORD_ENV} is set but no user name: pass --user or set {USER_ENV}")
    if password is None:
        raise IkgError(f"no password for user {user!r}: set {PASSWORD_ENV}")
    return Credentials(user, password)


def check_url(url: str, what: str = "endpoint") -> str:
    """``url`` if it is an http(s) URL without credentials in it; a one-line error otherwise."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise IkgError(f"{url}: the {what} must be an http:// or https:// URL")
    if parts.username or parts.password:
        raise IkgError(f"the {what} URL must not hold credentials: set {USER_ENV} and {PASSWORD_ENV}")
    return url


class _DigestAuthOnce(urllib.request.HTTPDigestAuthHandler):
    """Digest authentication that answers the server's challenge once and then sends credentials
    with every later request to the same host.

    The standard handler sends each request without credentials first: a server that answers a
    large PUT with 401 and closes the connection before reading the body makes that request fail
    with a broken pipe (Virtuoso does, on about one graph in seven). Learning the challenge from a
    request without a body (:func:`authenticate`) and sending credentials up front avoids the race.
    The standard handler also tries six times, sending the whole graph each time; this one gives up
    as soon as the server rejects the credentials."""

    def __init__(self, passwords: urllib.request.HTTPPasswordMgr) -> None:
        super().__init__(passwords)
        self._challenges: dict[str, dict[str, str]] = {}  # host -> its last digest challenge

    def http_request(self, req: urllib.request.Request) -> urllib.request.Request:
        challenge = self._challenges.get(req.host)
        if challenge and not req.has_header(self.auth_header):
            authorization = self.get_authorization(req, challenge)
            if authorization:
                req.add_unredirected_header(self.auth_header, f"Digest {authorization}")
                req.preemptive_digest = True
        return req

    https_request = http_request

    def retry_http_digest_auth(self, req, auth):
        _, challenge = auth.split(" ", 1)
        self._challenges[req.host] = urllib.request.parse_keqv_list(
            filter(None, urllib.request.parse_http_list(challenge)))
        return super().retry_http_digest_auth(req, auth)

    def http_error_401(self, req, fp, code, msg, headers):
        if getattr(req, "preemptive_digest", False):  # a stale challenge: answer the new one once
            req.preemptive_digest = False
            req.remove_header(self.auth_header)
        elif req.has_header(self.auth_header):  # credentials were sent and refused
            raise urllib.error.HTTPError(req.full_url, code, msg, headers, fp)
        return super().http_error_401(req, fp, code, msg, headers)


def opener(credentials: Credentials | None, urls: Iterable[str]) -> urllib.request.OpenerDirector:
    """An HTTP client that answers digest or basic challenges from ``urls`` with ``credentials``;
    once a digest challenge was answered, it sends digest credentials up front (see
    :func:`authenticate`). Basic credentials are only sent when asked for: sent up front, they
    would reach a digest server as plain text."""
    if credentials is None:
        return urllib.request.build_opener()
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, list(urls), credentials.user, credentials.password)
    return urllib.request.build_opener(_DigestAuthOnce(passwords), urllib.request.HTTPBasicAuthHandler(passwords))


def authenticate(client: urllib.request.OpenerDirector, url: str, timeout: float = TIMEOUT) -> None:
    """Answer the server's authentication challenge for ``url`` with a request that has no body
    (HEAD), so that the requests carrying graphs send credentials at once; refused credentials
    are a one-line error here, before any graph is sent."""
    status, reason, _, body = exchange(client, "HEAD", url, timeout=timeout)
    if status in (401, 403):
        raise IkgError(_refusal(url, status, reason, body))


def request(client: urllib.request.OpenerDirector, method: str, url: str, body: bytes | None = None,
            content_type: str | None = None, accept: str | None = None,
            timeout: float = TIMEOUT) -> tuple[http.client.HTTPMessage, bytes]:
    """Send one request; (headers, body) of a 2xx answer, a one-line :class:`IkgError` otherwise."""
    status, reason, headers, data = exchange(client, method, url, body, content_type, accept, timeout)
    if not 200 <= status < 300:
        raise IkgError(_refusal(url, status, reason, data))
    return headers, data


def exchange(client: urllib.request.OpenerDirector, method: str, url: str, body: bytes | None = None,
             content_type: str | None = None, accept: str | None = None,
             timeout: float = TIMEOUT) -> tuple[int, str, http.client.HTTPMessage, bytes]:
    """(status, reason, headers, body) of the server's answer, whatever its status; a server that
    cannot be reached is a one-line :class:`IkgError`."""
    req = urllib.request.Request(url, data=body, method=method)
    if content_type:
        req.add_header("Content-Type", content_type)
    if accept:
        req.add_header("Accept", accept)
    try:
        try:
            with client.open(req, timeout=timeout) as answer:
                return answer.status, answer.reason, answer.headers, answer.read()
        except urllib.error.HTTPError as exc:
            with exc:
                return exc.code, exc.reason, exc.headers, exc.read()
    except urllib.error.URLError as exc:
        raise IkgError(f"{_shown(url)}: cannot connect: {exc.reason}") from None
    except TimeoutError:
        raise IkgError(f"{_shown(url)}: no answer within {timeout:g} s") from None
    except (http.client.HTTPException, OSError, ValueError) as exc:  # ValueError: an unknown auth scheme
        raise IkgError(f"{_shown(url)}: {type(exc).__name__}: {exc}") from None


def _shown(url: str) -> str:
    """``url`` as error messages name it: without the query string, which only repeats the graph
    or the probe query."""
    return url.split("?", 1)[0]


def _refusal(url: str, status: int, reason: str, body: bytes) -> str:
    """One line saying why the server refused a request, with the first line of its explanation."""
    if status in (401, 403):
        return f"{_shown(url)}: HTTP {status}: not authorised; check {USER_ENV} (or --user) and {PASSWORD_ENV}"
    text = body.decode("utf-8", "replace")
    detail = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return f"{_shown(url)}: HTTP {status} {reason}" + (f": {detail[:200]}" if detail else "")


# --- finding the Graph Store -----------------------------------------------------------------

def discover_graph_store(client: urllib.request.OpenerDirector, endpoint: str, authenticated: bool,
                         timeout: float = TIMEOUT) -> str | None:
    """The Graph Store URL of the server at ``endpoint`` when its software is one whose Graph Store
    is known (KNOWN_GRAPH_STORES), else None. Also fails early when the server cannot be reached,
    has nothing at ``endpoint`` or refuses the credentials."""
    probe = endpoint + ("&" if "?" in endpoint else "?") + urllib.parse.urlencode({"query": "ASK {}"})
    # An update-only endpoint may refuse the query; its Server header still names the software.
    status, reason, headers, body = exchange(client, "GET", probe, accept="application/sparql-results+json",
                                             timeout=timeout)
    if status in (401, 403, 404):
        raise IkgError(_refusal(endpoint, status, reason, body))
    server = headers.get("Server", "")
    for prefix, (with_auth, without_auth) in KNOWN_GRAPH_STORES.items():
        if server.startswith(prefix):
            return urllib.parse.urljoin(endpoint, with_auth if authenticated else without_auth)
    return None


# --- sending graphs --------------------------------------------------------------------------

def put_graph(client: urllib.request.OpenerDirector, graph_store: str, graph: NamedGraph,
              timeout: float = TIMEOUT) -> None:
    """Replace ``graph`` on the server with one Graph Store Protocol PUT, sent as N-Triples
    (Virtuoso misreads some escaped IRIs in Turtle; N-Triples has nothing to misread)."""
    url = graph_store + ("&" if "?" in graph_store else "?") + urllib.parse.urlencode({"graph": graph.name})
    request(client, "PUT", url, ntriples(graph.triples), content_type=N_TRIPLES, timeout=timeout)


def update_requests(graph: NamedGraph, batch: int = UPDATE_BATCH) -> list[str]:
    """The SPARQL Update requests that replace ``graph``: the first drops the old graph and inserts
    the first batch, the others insert one batch each."""
    iri = f"<{graph.name}>"
    inserts = [_insert(iri, part) for part in batches(graph.triples, batch)]
    return [f"DROP SILENT GRAPH {iri} ;\n{inserts[0]}"] + inserts[1:]


def _insert(iri: str, triples: list[pyoxigraph.Triple]) -> str:
    """An update that adds ``triples`` to the graph ``iri``: INSERT DATA, or, when blank nodes are
    among them, INSERT … WHERE {} (Virtuoso refuses blank nodes in INSERT DATA, SP031)."""
    body = f"GRAPH {iri} {{\n{ntriples(triples).decode('utf-8')}}}"
    if any(isinstance(t, pyoxigraph.BlankNode) for triple in triples for t in (triple.subject, triple.object)):
        return f"INSERT {{ {body} }} WHERE {{}}"
    return f"INSERT DATA {{ {body} }}"


def batches(triples: Iterable[pyoxigraph.Triple], size: int) -> list[list[pyoxigraph.Triple]]:
    """``triples`` in batches of at most ``size`` (or one larger batch for a larger blank-node
    cluster): triples that share a blank node stay together, because a blank node label names the
    same node only within one request."""
    parent: dict[pyoxigraph.BlankNode, pyoxigraph.BlankNode] = {}

    def root(node: pyoxigraph.BlankNode) -> pyoxigraph.BlankNode:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    triples = list(triples)
    blanks = [[t for t in (tr.subject, tr.object) if isinstance(t, pyoxigraph.BlankNode)] for tr in triples]
    for nodes in blanks:
        for node in nodes:
            parent[root(node)] = root(nodes[0])
    clusters: dict[object, list[pyoxigraph.Triple]] = {}
    for i, (triple, nodes) in enumerate(zip(triples, blanks)):
        clusters.setdefault(root(nodes[0]) if nodes else i, []).append(triple)
    out: list[list[pyoxigraph.Triple]] = []
    for cluster in clusters.values():
        if not out or len(out[-1]) + len(cluster) > size:
            out.append([])
        out[-1].extend(cluster)
    return out


def post_update(client: urllib.request.OpenerDirector, endpoint: str, update: str,
                timeout: float = TIMEOUT) -> None:
    """Send one SPARQL Update as an HTML form, as the SPARQL 1.1 Protocol describes."""
    body = urllib.parse.urlencode({"update": update}).encode("ascii")
    request(client, "POST", endpoint, body, content_type="application/x-www-form-urlencoded", timeout=timeout)


# --- the manifest of what was pushed ---------------------------------------------------------

def manifest_path(data: Path, endpoint: str) -> Path:
    """Where the hashes of the graphs pushed to ``endpoint`` are kept: beside the data file, named
    after the endpoint's host, port and path (``output/.push-127.0.0.1_8890_sparql.json``)."""
    parts = urllib.parse.urlsplit(endpoint)
    name = re.sub(r"[^A-Za-z0-9.-]+", "_", f"{parts.netloc}{parts.path}").strip("_")
    return Path(data).parent / f".push-{name}.json"


def load_manifest(path: Path, endpoint: str) -> dict[str, str]:
    """Graph IRI → hash of what was last pushed to ``endpoint``; empty when unknown. A missing,
    damaged or foreign manifest only costs a full push, so it is not an error."""
    try:
        manifest = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(manifest, dict) or manifest.get("endpoint") != endpoint:
        return {}
    graphs = manifest.get("graphs")
    return {k: v for k, v in graphs.items() if isinstance(v, str)} if isinstance(graphs, dict) else {}


def save_manifest(path: Path, endpoint: str, hashes: Mapping[str, str]) -> None:
    """Record ``hashes`` as what ``endpoint`` now holds."""
    manifest = {"endpoint": endpoint, "graphs": dict(sorted(hashes.items()))}
    write_atomic(Path(path), (json.dumps(manifest, indent=1) + "\n").encode("utf-8"))


# --- the whole push --------------------------------------------------------------------------

def push(data: Path, endpoint: str, graph_store: str | None = None, credentials: Credentials | None = None,
         everything: bool = False, discover: bool = True, timeout: float = TIMEOUT,
         on_push: Callable[[str, int], None] | None = None) -> PushReport:
    """Replace on the server at ``endpoint`` every named graph of ``data`` that changed since the
    last push there (every graph with ``everything``).

    Graphs go to ``graph_store`` by the Graph Store Protocol; without one, to the Graph Store the
    server is known to have (``discover``), else by SPARQL Update to ``endpoint``. ``on_push`` is
    called with each graph's IRI and triple count once the server has it. The manifest is saved
    even when the push stops half-way, so that a second run sends only what is still missing.
    """
    endpoint = check_url(endpoint)
    graphs, outside = read_graphs(data)  # a bad file fails before any network traffic
    report = PushReport(outside=outside)
    urls = [endpoint] + ([check_url(graph_store, "Graph Store")] if graph_store else [])
    client = opener(credentials, urls)
    if graph_store is None and discover:
        graph_store = discover_graph_store(client, endpoint, credentials is not None, timeout)
        if graph_store:
            client = opener(credentials, [endpoint, graph_store])
    if credentials is not None:
        authenticate(client, graph_store or endpoint, timeout)
    report.method = f"graph store {graph_store}" if graph_store else f"SPARQL Update {endpoint}"
    path = manifest_path(data, endpoint)
    hashes = load_manifest(path, endpoint)
    before = dict(hashes)
    try:
        for graph in graphs:
            if not everything and hashes.get(graph.name) == graph.digest:
                report.unchanged.append(graph.name)
                continue
            hashes.pop(graph.name, None)  # the server's copy is unknown until this push succeeds
            try:
                if graph_store:
                    put_graph(client, graph_store, graph, timeout)
                else:
                    for update in update_requests(graph):
                        post_update(client, endpoint, update, timeout)
            except IkgError as err:
                raise IkgError(f"pushing {graph.name}: {err}") from None
            hashes[graph.name] = graph.digest
            report.pushed.append((graph.name, len(graph.triples)))
            if on_push:
                on_push(graph.name, len(graph.triples))
    finally:
        if hashes != before:
            save_manifest(path, endpoint, hashes)
    return report
