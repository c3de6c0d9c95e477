"""``ikg serve``'s web application: a SPARQL endpoint, look-ups and the explorer over the store.

Endpoints (all read-only; every answer comes from a reader process, see readers.py):

- ``/sparql``: the SPARQL 1.1 Protocol, GET and POST (``query`` parameter, form body or an
  ``application/sparql-query`` body), results by ``format`` or the Accept header (sparql.py);
- ``/lookup?name=…``: entities by label or alias, as JSON;
- ``/entity?iri=…``: an entity's facts with their evidence, and its neighbours, as JSON;
- ``/article?index=…``: one article's entities and relations, as JSON;
- ``/``: the explorer (the same page as graph.html) opening on the overview and fetching the rest.

Flask routes the requests and waitress serves them (cmd_serve.py). Nothing here writes.
"""
from __future__ import annotations

import json
from pathlib import Path

from flask import Flask, Response, request

from .errors import IkgError
from .readers import Readers, Timeout
from .render_html import page

# The page runs its own inline script and may talk only to this server; it loads nothing else.
PAGE_POLICY = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
               "img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'")
MAX_QUERY_BYTES = 1 << 20  # a query longer than 1 MiB is a mistake, not a question
SPARQL_METHODS = "GET, POST, OPTIONS"


def create_app(readers: Readers, data: Path, title: str = "insurance-kg") -> Flask:
    """The application over ``data`` (output/store, followed to each new generation)."""
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = MAX_QUERY_BYTES
    pages: dict[str, str] = {}  # generation's real path -> the explorer page (a generation never changes)

    def ask(job: tuple) -> Response:
        try:
            status, media, body = readers.ask(job)
        except Timeout as exc:
            return _plain(503, f"ikg serve: {exc} (--timeout)")
        except IkgError as err:
            return _plain(500, f"ikg serve: {err}")
        return Response(body, status=status, content_type=media)

    @app.after_request
    def headers(response: Response) -> Response:
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    @app.route("/")
    def explorer():
        generation = str(Path(data).resolve())
        if generation not in pages:
            answer = ask(("overview",))
            if answer.status_code != 200:
                return answer
            pages.clear()  # only the current generation's page is kept
            pages[generation] = page(json.loads(answer.get_data()), title)
        response = Response(pages[generation], content_type="text/html; charset=utf-8")
        response.headers["Content-Security-Policy"] = PAGE_POLICY
        return response

    @app.route("/favicon.ico")
    def favicon():  # browsers ask for one; "no content" keeps their consoles free of 404s
        return Response(status=204)

    @app.route("/sparql", methods=["GET", "POST", "OPTIONS"])
    def sparql():
        if request.method == "OPTIONS":  # a browser asking whether a page elsewhere (YASGUI) may query
            return _cors(Response(status=204))
        text, error = _query_text()
        if error:
            return _cors(error)
        values = request.values  # the URL's parameters, and a form body's
        job = ("sparql", text, values.get("format"), request.headers.get("Accept"),
               values.getlist("default-graph-uri"), values.getlist("named-graph-uri"))
        return _cors(ask(job))

    @app.route("/lookup")
    def lookup():
        name = request.args.get("name", "").strip()
        if not name:
            return _json_error(400, "give a name: /lookup?name=…")
        try:
            limit = min(max(int(request.args.get("limit", 20)), 1), 200)
        except ValueError:
            return _json_error(400, "limit must be a whole number")
        return ask(("lookup", name, limit))

    @app.route("/entity")
    def entity():
        iri = request.args.get("iri", "").strip()
        if not iri:
            return _json_error(400, "give an entity's IRI: /entity?iri=https://w3id.org/insurance-kg/id/…")
        return ask(("entity", iri))

    @app.route("/article")
    def article():
        try:
            number = int(request.args.get("index", ""))
        except ValueError:
            return _json_error(400, "give an article's number: /article?index=0")
        return ask(("article", number))

    return app


def _query_text() -> tuple[str, Response | None]:
    """The query of a protocol request, or the error to answer with (updates are refused here too)."""
    if request.method == "GET":
        if "update" in request.args:
            return "", _plain(403, "SPARQL Update is not allowed: ikg serve is read-only")
        text = request.args.get("query")
    else:
        kind = request.mimetype
        if kind == "application/sparql-update" or "update" in request.form:
            return "", _plain(403, "SPARQL Update is not allowed: ikg serve is read-only")
        if kind == "application/sparql-query":
            text = request.get_data(as_text=True)
        elif kind == "application/x-www-form-urlencoded":
            text = request.form.get("query")
        else:
            return "", _plain(415, "send the query as a 'query' form field or as application/sparql-query")
    if not text or not text.strip():
        return "", _plain(400, "no query: give one as ?query=… (GET) or in the body (POST)")
    return text, None


def _plain(status: int, message: str) -> Response:
    return Response(message + "\n", status=status, content_type="text/plain; charset=utf-8")


def _json_error(status: int, message: str) -> Response:
    return Response(json.dumps({"error": message}, ensure_ascii=False), status=status,
                    content_type="application/json")


def _cors(response: Response) -> Response:
    """Let query editors served from elsewhere (YASGUI) read the endpoint's answers: it only reads,
    and it listens on this machine only unless --host says otherwise."""
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Allow-Methods"] = SPARQL_METHODS
    response.headers["Access-Control-Allow-Headers"] = "Content-Type, Accept"
    return response
