"""`ikg push`: load the graph into a SPARQL 1.1 server, one named graph per article."""
from __future__ import annotations

import sys
from pathlib import Path

from ..push import PASSWORD_ENV, TIMEOUT, USER_ENV, credentials_from_env, push
from .common import OK, OUTPUT, positive

HELP = "load the graph into a SPARQL 1.1 server (Virtuoso, Fuseki, GraphDB …)"
DESCRIPTION = (
    "Load every named graph of the data file (one per article, plus the registry and the ontology) "
    "into a SPARQL 1.1 server, replacing the server's graph of the same name. Graphs go by the Graph "
    "Store HTTP Protocol when --graph-store is given or the server is known to have one (Virtuoso), "
    "else by SPARQL Update. Graphs unchanged since the last push to the same endpoint are skipped "
    f"unless --all. The user name comes from --user or ${USER_ENV}, the password only from ${PASSWORD_ENV}.")


def add_arguments(p) -> None:
    p.add_argument("--endpoint", required=True, metavar="URL",
                   help="the server's SPARQL endpoint, e.g. http://127.0.0.1:8890/sparql")
    p.add_argument("--data", "-d", type=Path, metavar="FILE",
                   help="the store folder, or a TriG or N-Quads file, to push (default: output/store, "
                        "else output/graph.trig)")
    p.add_argument("--graph-store", metavar="URL",
                   help="the server's Graph Store Protocol endpoint (default: found for Virtuoso, else none)")
    p.add_argument("--user", metavar="NAME", help=f"user name (default: ${USER_ENV}); the password is read "
                   f"from ${PASSWORD_ENV}, never from the command line")
    p.add_argument("--all", action="store_true", help="push every graph, also those unchanged since the last push")
    p.add_argument("--timeout", type=float, default=TIMEOUT, metavar="SECONDS",
                   help=f"give up when the server takes longer than this to answer (default: {TIMEOUT:g})")


def _pushed(name: str, triples: int) -> None:
    print(f"pushed {name} ({triples} triples)", flush=True)


def run(args) -> int:
    positive(args.timeout, "--timeout")
    data = args.data or next((p for p in (OUTPUT / "store", OUTPUT / "graph.trig") if p.exists()),
                             OUTPUT / "graph.trig")
    try:
        report = push(data, args.endpoint, args.graph_store, credentials_from_env(args.user), args.all,
                      timeout=args.timeout, on_push=_pushed)
    except KeyboardInterrupt:
        print("ikg: interrupted; the graphs reported as pushed are on the server; run the same "
              "command again to push the rest", file=sys.stderr)
        return 130
    if report.outside:
        print(f"ikg: warning: {data}: {report.outside} triples outside any named graph were not pushed",
              file=sys.stderr)
    unchanged = len(report.unchanged)
    skipped = f", {unchanged} unchanged since the last push (--all sends them too)" if unchanged else ""
    print(f"{len(report.pushed)} graph(s) pushed{skipped}, by {report.method}")
    return OK
