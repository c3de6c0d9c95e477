"""`ikg export`: write the built graph in another RDF format, or its entity graph for graph tools."""
from __future__ import annotations

import sys
from pathlib import Path

from ..errors import IkgError
from ..store import load_dataset, open_store
from ..writers import FORMATS, format_for, format_named_by, serialize, write_atomic, write_files
from .common import OK, add_data_option, data_path

HELP = "write the graph in another RDF format, or for Gephi, Cytoscape or Neo4j"
DESCRIPTION = ("Convert the built graph for Protégé, GraphDB, Virtuoso, Gephi, Cytoscape or Neo4j. Formats: "
               + "; ".join(f"{name}: {fmt.purpose}" for name, fmt in FORMATS.items())
               + ". The entity graph has one node per entity (class, Chinese label, aliases, number of articles) "
               "and one edge per relation (number of evidence sentences, first and last article date).")


def add_arguments(p) -> None:
    p.add_argument("--format", "-f", choices=list(FORMATS),
                   help="output format (default: the one -o's file ending names, else ttl)")
    p.add_argument("--output", "-o", type=Path,
                   help="file to write (default: standard output); for neo4j, the folder that gets nodes.csv "
                        "and relationships.csv")
    add_data_option(p, "read")


def _render(source: Path, name: str) -> dict[str, bytes]:
    """The files format ``name`` makes of the graph at ``source``: {file name, or "" for one file: bytes}."""
    fmt = format_for(name)
    if not fmt.network:
        return {"": serialize(load_dataset(source), name)}
    from ..network import entity_graph  # networkx is loaded only for graph-tool formats
    from ..network_formats import render

    return render(entity_graph(open_store(source)), fmt.plugin)


def run(args) -> int:
    to_stdout = args.output is None or str(args.output) == "-"
    named = None if to_stdout else format_named_by(args.output)
    if args.format and named and named != args.format:  # -f ttl -o graph.jsonld: a file that lies
        raise IkgError(f"{args.output}: its ending is that of {named}, not of --format {args.format}; "
                       "rename the file or change --format")
    name = args.format or named or "ttl"
    fmt = format_for(name)
    if fmt.files and to_stdout:
        raise IkgError(f"--format {name} writes {' and '.join(fmt.files)}: name a folder for them with -o")
    files = _render(data_path(args), name)
    if fmt.files:
        write_files({args.output / name: data for name, data in files.items()})  # all of them or none
    elif to_stdout:
        sys.stdout.buffer.write(files[""])
    else:
        write_atomic(args.output, files[""])
    return OK
