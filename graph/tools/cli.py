"""The `ikg` command line: a thin shell over the library (graph.build, graph.query, graph.writers)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import __version__
from ..build import build
from ..errors import IkgError
from ..query import RESULT_FORMATS, format_result, read_query, run_query
from ..store import load_dataset, open_store
from ..writers import FORMATS, serialize, write_atomic

# Exit codes (documented in the README).
OK, FAILED, USAGE, WARNINGS = 0, 1, 2, 3
DEFAULT_DATA = Path("output") / "graph.trig"


def _build(args) -> int:
    report = build(args.input, args.output, show_progress=not args.quiet)
    for err in report.skipped:
        print(f"ikg: skipped {err}", file=sys.stderr)
    if not args.quiet:
        print(f"built {len(report.built)} article(s): {report.entities} entities, {report.facts} facts, "
              f"{report.triples} triples -> {', '.join(str(p) for p in report.written)}")
    return WARNINGS if report.skipped else OK


def _data_path(args) -> Path:
    if args.data:
        return args.data
    return DEFAULT_DATA if DEFAULT_DATA.exists() else Path("output") / "graph.ttl"


def _query(args) -> int:
    text = read_query(args.file)
    store = open_store(_data_path(args))
    print(format_result(run_query(store, text, str(args.file)), args.format))
    return OK


def _export(args) -> int:
    data = serialize(load_dataset(_data_path(args)), args.format)
    if args.output is None or str(args.output) == "-":
        sys.stdout.buffer.write(data)
    else:
        write_atomic(args.output, data)
    return OK


def parser() -> argparse.ArgumentParser:
    """The argument parser of `ikg` and its sub-commands."""
    p = argparse.ArgumentParser(prog="ikg", description="Build and query a knowledge graph of insurers "
                                "from Chinese insurance-industry news.")
    p.add_argument("--version", action="version", version=f"ikg {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    b = sub.add_parser("build", help="build the graph from a folder of articles",
                       description="Read every article (.txt .md .html) under --input and write "
                       "graph.trig (one named graph per article), graph.ttl and graph.html to --output.")
    b.add_argument("--input", "-i", type=Path, default=Path("seeds"), help="folder of articles (default: seeds)")
    b.add_argument("--output", "-o", type=Path, default=Path("output"), help="output folder (default: output)")
    b.add_argument("--quiet", "-q", action="store_true", help="print only warnings and errors")
    b.set_defaults(run=_build)

    q = sub.add_parser("query", help="run a SPARQL query file against the built graph",
                       description="Run a read-only SPARQL query (SELECT or ASK) and print the answer.")
    q.add_argument("file", type=Path, help="a .rq file, e.g. queries/groups_and_members.rq")
    q.add_argument("--data", "-d", type=Path, help="RDF file to query (default: output/graph.trig)")
    q.add_argument("--format", "-f", choices=RESULT_FORMATS, default="table", help="answer format (default: table)")
    q.set_defaults(run=_query)

    e = sub.add_parser("export", help="write the graph in another RDF format",
                       description="Convert the built graph to another RDF format for Protégé, GraphDB, "
                       "Virtuoso or Gephi. trig, nq and jsonld keep one named graph per article.")
    e.add_argument("--format", "-f", choices=list(FORMATS), default="ttl", help="RDF format (default: ttl)")
    e.add_argument("--output", "-o", type=Path, help="file to write (default: standard output)")
    e.add_argument("--data", "-d", type=Path, help="RDF file to read (default: output/graph.trig)")
    e.set_defaults(run=_export)
    return p


def main(argv: list[str] | None = None) -> int:
    """Run `ikg`; user mistakes end in one line on stderr and a non-zero exit code, never a traceback."""
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except IkgError as err:
        print(f"ikg: error: {err}", file=sys.stderr)
        return FAILED
    except KeyboardInterrupt:
        print("ikg: interrupted; previous output left unchanged", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `ikg query … | head`
        sys.stderr.close()
        return OK


if __name__ == "__main__":
    sys.exit(main())
