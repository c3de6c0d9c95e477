"""`ikg query`: run a read-only SPARQL file against the built graph."""
from __future__ import annotations

import sys
from pathlib import Path

from ..data import query_file
from ..errors import IkgError
from ..generations import generation_of
from ..query import RESULT_FORMATS, classify, read_query, run_update, stream_answer
from ..store import open_store, save_store
from .common import OK, add_data_option, data_path, positive

HELP = "run a SPARQL query file against the built graph"
DESCRIPTION = ("Run a read-only SPARQL query (SELECT or ASK) and print the answer. Updates and SERVICE "
               "are refused: a query file never writes or reaches the network.")


def add_arguments(p) -> None:
    p.add_argument("file", type=Path, help="a .rq file, e.g. queries/groups_and_members.rq; a file ikg comes "
                   "with is found by its name from any directory (groups_and_members)")
    add_data_option(p)
    p.add_argument("--format", "-f", choices=RESULT_FORMATS, default="table", help="answer format (default: table)")
    p.add_argument("--timeout", type=float, metavar="SECONDS", help="stop a query that runs longer than this")
    p.add_argument("--allow-update", action="store_true",
                   help="let a SPARQL Update change the data file (it is rewritten in place)")
    p.add_argument("--allow-service", action="store_true",
                   help="let SERVICE clauses send requests to other SPARQL endpoints over the network")


def run(args) -> int:
    timeout = positive(args.timeout, "--timeout")
    file = query_file(args.file)
    text = read_query(file)
    name = str(file)
    update, _ = classify(text, name)
    if update and args.allow_update:
        path = data_path(args)
        if path.is_dir() or generation_of(path.resolve()):  # a published build never changes: others read it
            raise IkgError(f"{path}: what 'ikg build' made is read-only; update a copy of the graph "
                           "instead (ikg export --format trig -o copy.trig)")
        store = open_store(path, union=False)  # write back exactly the graphs the file has
        run_update(store, text, name, allow_service=args.allow_service)
        save_store(store, path)
        print(f"updated {path}")
        return OK
    store = open_store(data_path(args))
    sys.stdout.flush()  # rows as they come: `| head` answers at once
    stream_answer(store, text, name, args.format, sys.stdout.buffer, allow_service=args.allow_service,
                  timeout=timeout)
    return OK
