"""`ikg stats`: counts, the most connected organisations, groups by reach, connected components."""
from __future__ import annotations

from ..network import entity_graph
from ..query import RESULT_FORMATS
from ..stats import SECTIONS, network_stats, render_stats
from ..store import open_store
from .common import OK, add_data_option, data_path, positive

HELP = "network statistics: counts, most connected organisations, groups by reach, components"
DESCRIPTION = ("Statistics of the entity graph: entities per class and edges per relation; the most connected "
               "organisations by degree and betweenness; insurance groups ranked by the beneficiary groups they "
               "reach, themselves or through their insurers, branches, products and initiatives; connected "
               "components. CSV has one block per section; --section picks one.")


def add_arguments(p) -> None:
    add_data_option(p, "read")
    p.add_argument("--format", "-f", choices=RESULT_FORMATS, default="table", help="answer format (default: table)")
    p.add_argument("--section", "-s", choices=SECTIONS, action="append",
                   help="show only this section (repeatable; default: all)")
    p.add_argument("--top", type=int, default=10, metavar="N", help="rows per ranking (default: 10)")


def run(args) -> int:
    top = int(positive(args.top, "--top", whole=True))  # --top 0 printed headings over empty tables
    sections = network_stats(entity_graph(open_store(data_path(args))), top=top)
    wanted = set(args.section or SECTIONS)
    print(render_stats([s for s in sections if s.name in wanted], args.format))
    return OK
