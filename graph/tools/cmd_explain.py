"""`ikg explain`: every fact about one entity, with its quote and article."""
from __future__ import annotations

from ..explain import explain, render
from ..store import open_store
from .common import OK, add_data_option, data_path

HELP = "show every fact about an entity with its evidence"
DESCRIPTION = ("Print the relations, structure links, money amounts and counts the graph holds about one "
               "entity, each with the sentence it was read from and the article's title and date.")


def add_arguments(p) -> None:
    p.add_argument("name", help="a name or alias as an article writes it (any script or width), or an entity IRI; "
                   "queries/aliases.rq lists them")
    add_data_option(p, "read")


def run(args) -> int:
    print(render(explain(open_store(data_path(args)), args.name)))
    return OK
