"""`ikg explain`: every fact about one entity, with its quote and article."""
from __future__ import annotations

from ..explain import DEFAULT_LIMIT, explain, render
from ..store import open_store
from .common import OK, add_data_option, data_path, positive

HELP = "show every fact about an entity with its evidence"
DESCRIPTION = ("Print the relations, structure links, money amounts and counts the graph holds about one "
               "entity, each with the sentence it was read from and the article's title and date: the "
               f"{DEFAULT_LIMIT} best backed per relation and per kind of figure, and how many more there are.")


def add_arguments(p) -> None:
    p.add_argument("name", help="a name or alias as an article writes it (any script or width), or an entity IRI; "
                   "queries/aliases.rq lists them")
    shown = p.add_mutually_exclusive_group()
    shown.add_argument("--limit", type=int, default=DEFAULT_LIMIT, metavar="N",
                       help="show at most N statements per relation and per kind of figure (default: %(default)s); "
                            "the related entities with most evidence first")
    shown.add_argument("--all", action="store_true", help="show every statement (thousands for a hub entity)")
    add_data_option(p, "read")


def run(args) -> int:
    limit = None if args.all else positive(args.limit, "--limit", whole=True)
    print(render(explain(open_store(data_path(args)), args.name, limit)))
    return OK
