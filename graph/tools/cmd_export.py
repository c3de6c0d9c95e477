"""`ikg export`: write the built graph in another RDF format."""
from __future__ import annotations

import sys
from pathlib import Path

from ..store import load_dataset
from ..writers import FORMATS, serialize, write_atomic
from .common import OK, add_data_option, data_path

HELP = "write the graph in another RDF format"
DESCRIPTION = ("Convert the built graph to another RDF format for Protégé, GraphDB, Virtuoso or Gephi. "
               "trig, nq and jsonld keep one named graph per article.")


def add_arguments(p) -> None:
    p.add_argument("--format", "-f", choices=list(FORMATS), default="ttl", help="RDF format (default: ttl)")
    p.add_argument("--output", "-o", type=Path, help="file to write (default: standard output)")
    add_data_option(p, "read")


def run(args) -> int:
    data = serialize(load_dataset(data_path(args)), args.format)
    if args.output is None or str(args.output) == "-":
        sys.stdout.buffer.write(data)
    else:
        write_atomic(args.output, data)
    return OK
