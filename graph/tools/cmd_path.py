"""`ikg path`: the shortest chain of facts between two entities, with evidence."""
from __future__ import annotations

from ..network import entity_graph
from ..paths import render_chain, shortest_chain
from ..query import RESULT_FORMATS
from ..store import open_store
from .common import OK, add_data_option, data_path

HELP = "the shortest chain of facts linking two entities, with evidence"
DESCRIPTION = ("Find the shortest chain of facts (relations and structure links, either way) between two "
               "entities named by any name or alias, and print each step with the sentence it was read from "
               "and the article's title and date.")


def add_arguments(p) -> None:
    p.add_argument("start", help="a name or alias as the articles write it, or an entity IRI")
    p.add_argument("end", help="another entity")
    add_data_option(p, "read")
    p.add_argument("--format", "-f", choices=RESULT_FORMATS, default="table", help="answer format (default: table)")


def run(args) -> int:
    store = open_store(data_path(args))
    print(render_chain(shortest_chain(store, entity_graph(store), args.start, args.end), args.format))
    return OK
