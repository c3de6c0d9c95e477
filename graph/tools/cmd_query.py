"""`ikg query`: run a read-only SPARQL file against the built graph."""
from __future__ import annotations

from pathlib import Path

from ..query import RESULT_FORMATS, format_result, read_query, run_query
from ..store import open_store
from .common import OK, add_data_option, data_path

HELP = "run a SPARQL query file against the built graph"
DESCRIPTION = ("Run a read-only SPARQL query (SELECT or ASK) and print the answer. Updates and SERVICE "
               "are refused: a query file never writes or reaches the network.")


def add_arguments(p) -> None:
    p.add_argument("file", type=Path, help="a .rq file, e.g. queries/groups_and_members.rq")
    add_data_option(p)
    p.add_argument("--format", "-f", choices=RESULT_FORMATS, default="table", help="answer format (default: table)")


def run(args) -> int:
    text = read_query(args.file)
    store = open_store(data_path(args))
    print(format_result(run_query(store, text, str(args.file)), args.format))
    return OK
