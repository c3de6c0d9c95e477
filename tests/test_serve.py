"""`ikg serve` over real HTTP on loopback: the SPARQL protocol, refusals, look-ups, entities, new
generations, Ctrl-C, and the served explorer in Chromium.

Each server is a real `ikg serve` process on a free port (it prints its address on its first line).
"""
import json
import shutil
import signal
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from graph import build

from conftest import ROOT, SEEDS

EXTRA = "中原农险周口中心支公司推出“惠农保”，为种植户提供价格保险，截至6月30日累计保额约2.3亿元。"
COUNT_ARTICLES = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:NewsArticle }"


class Server:
    """A running `ikg serve`; ``stop()`` sends Ctrl-C and returns (exit code, stderr)."""

    def __init__(self, *args: str):
        self.process = subprocess.Popen([sys.executable, "-m", "graph.tools.cli", "serve", "--port", "0", *args],
                                        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        if not line:
            raise AssertionError(f"ikg serve did not start: {self.process.communicate(timeout=30)[1]}")
        self.banner = line
        self.url = line.split()[2]

    def get(self, path: str, headers: dict | None = None, data: bytes | None = None):
        """(status, content type, body) of one request; HTTP errors are answers too."""
        request = urllib.request.Request(self.url + path, data=data, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                return answer.status, answer.headers["Content-Type"], answer.read()
        except urllib.error.HTTPError as err:
            return err.code, err.headers["Content-Type"], err.read()

    def sparql(self, query: str, accept: str | None = None, method: str = "GET", **params):
        if method == "GET":
            return self.get("sparql?" + urllib.parse.urlencode({"query": query, **params}),
                            {"Accept": accept} if accept else {})
        if method == "POST-form":
            return self.get("sparql", {"Content-Type": "application/x-www-form-urlencoded", **(
                {"Accept": accept} if accept else {})}, urllib.parse.urlencode({"query": query, **params}).encode())
        return self.get("sparql" + ("?" + urllib.parse.urlencode(params) if params else ""),
                        {"Content-Type": "application/sparql-query", **({"Accept": accept} if accept else {})},
                        query.encode("utf-8"))

    def stop(self) -> tuple[int, str]:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        _, err = self.process.communicate(timeout=30)
        return self.process.returncode, err


@pytest.fixture(scope="module")
def server(seed_output):
    running = Server("--data", str(seed_output[0] / "store"))
    yield running
    running.stop()


def solutions(body: bytes) -> list[dict]:
    return json.loads(body)["results"]["bindings"]


def test_it_listens_on_loopback_by_default(server):
    assert server.url.startswith("http://127.0.0.1:") and "Ctrl-C" in server.banner


@pytest.mark.parametrize("method", ["GET", "POST-form", "POST-body"])
def test_sparql_get_and_post_answer_json(server, method):
    status, kind, body = server.sparql(COUNT_ARTICLES, "application/sparql-results+json", method)
    assert status == 200 and kind.startswith("application/sparql-results+json")
    assert solutions(body)[0]["n"]["value"] == "5"


@pytest.mark.parametrize("accept, fmt, kind, first_line", [
    ("text/csv", None, "text/csv", "label"),
    ("text/tab-separated-values", None, "text/tab-separated-values", "?label"),
    ("application/sparql-results+xml", None, "application/sparql-results+xml", "<?xml"),
    (None, "csv", "text/csv", "label"),
    ("application/sparql-results+xml", "tsv", "text/tab-separated-values", "?label"),  # format wins
    ("text/html,application/xhtml+xml,*/*;q=0.8", None, "application/sparql-results+json", "{"),
])
def test_result_formats_by_accept_header_or_format(server, accept, fmt, kind, first_line):
    query = 'SELECT ?label WHERE { ?e skos:prefLabel ?label FILTER(?label = "中国太保"@zh) }'
    status, got, body = server.sparql(query, accept, **({"format": fmt} if fmt else {}))
    assert status == 200 and got.startswith(kind), (got, body[:200])
    text = body.decode("utf-8")
    assert text.startswith(first_line) and "中国太保" in text


def test_ask_and_construct(server):
    status, _, body = server.sparql('ASK { ?e skos:prefLabel "中国太保"@zh }')
    assert status == 200 and json.loads(body)["boolean"] is True
    status, kind, body = server.sparql("CONSTRUCT { ?e a ik:InsuranceGroup } WHERE { ?e a ik:InsuranceGroup }",
                                       "text/turtle")
    assert status == 200 and kind.startswith("text/turtle") and b"InsuranceGroup" in body
    status, kind, _ = server.sparql("DESCRIBE <https://w3id.org/insurance-kg/id/cpic>", format="ntriples")
    assert status == 200 and kind.startswith("application/n-triples")


@pytest.mark.parametrize("how", ["query", "update-form", "update-body"])
def test_updates_are_refused_and_change_nothing(server, how):
    update = 'INSERT DATA { <https://example.org/x> <https://example.org/p> "x" }'
    if how == "query":
        status, _, body = server.sparql(update, method="POST-form")
    elif how == "update-form":
        status, _, body = server.get("sparql", {"Content-Type": "application/x-www-form-urlencoded"},
                                     urllib.parse.urlencode({"update": update}).encode())
    else:
        status, _, body = server.get("sparql", {"Content-Type": "application/sparql-update"}, update.encode())
    assert status == 403 and b"read-only" in body
    _, _, body = server.sparql("ASK { <https://example.org/x> ?p ?o }")
    assert json.loads(body)["boolean"] is False


def test_service_and_bad_queries_are_refused_in_one_line(server):
    status, _, body = server.sparql("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert status == 403 and b"SERVICE is not allowed" in body
    # a comment rdflib ends at the line feed, pyoxigraph at the carriage return before it
    status, _, body = server.sparql("SELECT * WHERE { # c\r SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } \n }")
    assert status == 403 and b"SERVICE is not allowed" in body
    status, _, body = server.sparql("SELECT ?x WHERE { ?x ?y }")
    assert status == 400 and b"syntax error" in body and body.count(b"\n") == 1
    status, _, body = server.get("sparql")
    assert status == 400 and b"no query" in body
    status, _, body = server.sparql(COUNT_ARTICLES, format="png")
    assert status == 400 and b"formats" in body


def test_browsers_elsewhere_may_read_the_endpoint(server):
    """YASGUI runs in a page of its own origin: the endpoint allows it (it only reads)."""
    request = urllib.request.Request(server.url + "sparql", method="OPTIONS",
                                     headers={"Origin": "https://yasgui.example", "Access-Control-Request-Method": "POST"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        assert answer.status == 204 and answer.headers["Access-Control-Allow-Origin"] == "*"
        assert "POST" in answer.headers["Access-Control-Allow-Methods"]


def test_sparqlwrapper_reads_the_endpoint(server):
    sparqlwrapper = pytest.importorskip("SPARQLWrapper")
    client = sparqlwrapper.SPARQLWrapper(server.url + "sparql")
    client.setQuery("PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
                    'SELECT ?e WHERE { ?e skos:prefLabel "中国太保"@zh }')
    for method in (sparqlwrapper.GET, sparqlwrapper.POST):
        client.setMethod(method)
        client.setReturnFormat(sparqlwrapper.JSON)
        rows = client.queryAndConvert()["results"]["bindings"]
        assert rows == [{"e": {"type": "uri", "value": "https://w3id.org/insurance-kg/id/cpic"}}]
    client.setReturnFormat(sparqlwrapper.CSV)
    assert client.queryAndConvert().decode("utf-8").splitlines() == ["e", "https://w3id.org/insurance-kg/id/cpic"]
    client.setReturnFormat(sparqlwrapper.XML)  # SPARQLWrapper's default format
    assert client.queryAndConvert().getElementsByTagName("uri")[0].firstChild.data.endswith("/cpic")


@pytest.mark.parametrize("name, label", [("太保", "中国太保"), ("中國太保", "中国太保"), ("ＣＰＩＣ", None),
                                         ("太平洋安信农业保险股份有限公司", "太平洋安信农险")])
def test_lookup_finds_entities_by_label_or_alias(server, name, label):
    status, kind, body = server.get("lookup?" + urllib.parse.urlencode({"name": name}))
    assert status == 200 and kind.startswith("application/json")
    hits = json.loads(body)["hits"]
    if label is None:  # a name nobody has: an empty answer, not an error
        assert isinstance(hits, list)
        return
    assert hits[0]["label"] == label and hits[0]["id"].startswith("https://w3id.org/insurance-kg/id/")
    assert hits[0]["cls"] in ("InsuranceGroup", "Insurer")


def test_entity_answers_facts_with_their_evidence(server):
    status, _, body = server.get("entity?" + urllib.parse.urlencode({"iri": "https://w3id.org/insurance-kg/id/cpic"}))
    assert status == 200
    found = json.loads(body)
    cpic = next(e for e in found["entities"] if e["id"].endswith("/cpic"))
    assert cpic["label"] == "中国太保" and "太保" in cpic["aliases"] and cpic["articles"]
    quoted = [f for link in found["links"] for f in link["facts"] if not f["registry"]]
    assert quoted and all(f["quote"] and str(f["article"]) in found["articles"] for f in quoted)
    assert any(a["title"] and a["date"] for a in found["articles"].values())
    assert server.get("entity?iri=https://w3id.org/insurance-kg/id/nobody")[0] == 404
    for relative in ("foo", "../../etc/passwd"):  # once a reader's traceback and a 500
        status, _, body = server.get(f"entity?iri={relative}")
        assert status == 400 and b"not an IRI" in body
    assert server.get("entity?iri=" + urllib.parse.quote("x> } DROP ALL { <y"))[0] == 400
    assert server.get("article?index=0")[0] == 200 and server.get("article?index=9999")[0] == 404


def test_a_query_past_the_timeout_is_stopped_and_the_server_goes_on(seed_output):
    slow = Server("--data", str(seed_output[0] / "store"), "--timeout", "1", "--readers", "1")
    try:
        status, _, body = slow.sparql("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
        assert status == 503 and b"stopped after 1 s" in body
        status, _, body = slow.sparql(COUNT_ARTICLES)  # a new reader took the killed one's place
        assert status == 200 and solutions(body)[0]["n"]["value"] == "5"
    finally:
        code, err = slow.stop()
    assert code == 0 and "Traceback" not in err


def test_ctrl_c_stops_it_cleanly_and_a_new_build_is_served(tmp_path, pipeline):
    src, out = tmp_path / "in", tmp_path / "out"
    shutil.copytree(SEEDS, src)
    build(src, out, pipeline, check=False)
    running = Server("--data", str(out / "store"))
    try:
        assert solutions(running.sparql(COUNT_ARTICLES)[2])[0]["n"]["value"] == "5"
        (src / "new.txt").write_text(EXTRA, encoding="utf-8")
        build(src, out, pipeline, check=False)  # publishes a new generation beside the one being read
        assert solutions(running.sparql(COUNT_ARTICLES)[2])[0]["n"]["value"] == "6"
        hits = json.loads(running.get("lookup?" + urllib.parse.urlencode({"name": "中原农险周口中心支公司"}))[2])
        assert hits["hits"], hits
    finally:
        code, err = running.stop()
    assert code == 0 and err.strip() == "ikg serve: stopped"
    generations = sorted(p.name for p in (out / "generations").iterdir() if p.name.isdigit())
    assert generations[-1] == Path(out / "current").resolve().name


def test_user_mistakes_are_one_line(tmp_path):
    def serve(*args):
        done = subprocess.run([sys.executable, "-m", "graph.tools.cli", "serve", *args], cwd=ROOT,
                              capture_output=True, text=True, timeout=120)
        return done.returncode, done.stderr

    code, err = serve("--data", str(tmp_path / "missing"))
    assert code == 1 and err.startswith("ikg: error:") and err.count("\n") == 1
    code, err = serve("--data", str(tmp_path), "--timeout", "0")
    assert code == 1 and "--timeout" in err and err.count("\n") == 1
    code, err = serve("--port", "70000")
    assert code == 1 and "--port" in err and err.count("\n") == 1


# -- the served explorer in Chromium -------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def served_browser(tmp_path_factory):
    if CHROMIUM is None:
        pytest.skip("browser tests need Chromium (Debian package 'chromium')")
    from playwright.sync_api import sync_playwright

    from test_explorer_browser import CHROMIUM_ARGS
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        # bypass_csp: Playwright's own waiting helpers evaluate strings, which the page's policy forbids;
        # the strict context checks that the page itself runs under that policy
        yield {"tests": browser.new_context(viewport={"width": 1400, "height": 900}, bypass_csp=True),
               "strict": browser.new_context()}
        browser.close()


def test_the_served_explorer_loads_neighbourhoods_from_the_server(served_browser, server):
    page = served_browser["tests"].new_page()
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto(server.url)
    page.wait_for_function("window.ikgReady === true")
    drawn = page.evaluate("window.ikg.nodes.length")
    assert 0 < drawn <= 150
    page.fill("#search", "太平洋安信农业保险股份有限公司")  # an alias: answered by /lookup
    first = page.locator("#hits button").first
    first.wait_for()
    assert "太平洋安信农险" in first.inner_text() and "别名" in first.inner_text()
    first.click()
    page.wait_for_function("() => document.querySelector('#details h2') && "
                           "document.querySelector('#details h2').textContent === '太平洋安信农险'")
    assert page.locator("#details blockquote").count() >= 1
    assert any("《" in c for c in page.locator("#details cite").all_inner_texts())
    assert page.evaluate("window.ikg.network.getSelectedNodes().length") == 1
    assert all(url.startswith(server.url) for url in requests), requests  # nothing but this server
    assert any("/lookup?" in url for url in requests) and any("/entity?" in url for url in requests)
    assert errors == []
    page.close()


def test_the_served_page_runs_under_its_content_security_policy(served_browser, server):
    """Without Playwright's bypass: the page's own script must run under the policy it is sent with."""
    page = served_browser["strict"].new_page()
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.goto(server.url)
    for _ in range(200):
        if page.evaluate("window.ikgReady === true"):
            break
        page.wait_for_timeout(100)
    assert page.evaluate("window.ikgReady === true") and errors == []
    page.close()


def test_a_burst_of_clients_queueing_for_the_readers_prints_nothing(seed_output):
    from concurrent.futures import ThreadPoolExecutor

    out, _ = seed_output
    running = Server("--data", str(out / "store"))
    try:
        with ThreadPoolExecutor(24) as pool:  # more clients than the server has threads
            answers = list(pool.map(lambda _: running.sparql(COUNT_ARTICLES)[0], range(48)))
        assert set(answers) == {200}
    finally:
        code, err = running.stop()
    assert code == 0 and err.strip() == "ikg serve: stopped", err
