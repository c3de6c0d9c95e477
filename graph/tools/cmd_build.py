"""`ikg build`: articles → graph.trig, graph.ttl, graph.html."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from ..build import HTML_NODES, build
from ..errors import shown
from ..ingest import DEFAULT_MAX_BYTES
from .common import OK, WARNINGS, positive

HELP = "build the graph from a folder of articles"
SHOWN_VIOLATIONS = 20
DESCRIPTION = ("Read every article (.txt .md .html) under --input and write graph.trig (one named graph "
               "per article), graph.ttl and graph.html to --output.")


def add_arguments(p) -> None:
    p.add_argument("--input", "-i", type=Path, default=Path("seeds"), help="folder of articles (default: seeds)")
    p.add_argument("--output", "-o", type=Path, default=Path("output"), help="output folder (default: output)")
    p.add_argument("--quiet", "-q", action="store_true", help="print only warnings and errors")
    p.add_argument("--max-size", type=float, default=DEFAULT_MAX_BYTES / 2**20, metavar="MB",
                   help="skip articles larger than this many megabytes (default: %(default)g)")
    p.add_argument("--no-validate", dest="check", action="store_false",
                   help="skip the SHACL check of newly extracted articles")
    p.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1, metavar="N",
                   help="extract with N processes (default: the machine's cores, %(default)s)")
    p.add_argument("--no-export", dest="exports", action="store_false",
                   help="update only the store (output/store), not graph.trig, graph.ttl and graph.html: "
                        "the fast way to add articles to a large graph")
    p.add_argument("--max-nodes", type=int, metavar="N", default=HTML_NODES,
                   help="include the N most mentioned entities, with their evidence, in graph.html "
                        "(default: %(default)s, what its overview draws; the time to write it grows with N; "
                        "ikg serve shows every entity)")


def run(args) -> int:
    max_size = positive(args.max_size, "--max-size")
    positive(args.max_nodes, "--max-nodes", whole=True)
    positive(args.jobs, "--jobs", whole=True)
    report = build(args.input, args.output, show_progress=not args.quiet, check=args.check,
                   max_bytes=max(1, int(max_size * 2**20)), jobs=args.jobs, exports=args.exports,
                   max_nodes=args.max_nodes, count=not args.quiet)
    for err in report.skipped:  # file names are printed escaped: a name cannot forge a line
        print(f"ikg: skipped {shown(err)}", file=sys.stderr)
    for violation in report.violations[:SHOWN_VIOLATIONS]:
        print(f"ikg: shape {shown(violation)}", file=sys.stderr)
    if len(report.violations) > SHOWN_VIOLATIONS:
        print(f"ikg: … {len(report.violations) - SHOWN_VIOLATIONS} more; run 'ikg validate'", file=sys.stderr)
    if not args.quiet:
        changes = f"{report.extracted} extracted, {len(report.built) - report.extracted} unchanged"
        if report.removed:
            changes += f", {len(report.removed)} removed"
        print(f"built {len(report.built)} article(s) ({changes}): {report.entities} entities, {report.facts} facts, "
              f"{report.figures} figures, {report.triples} triples -> {', '.join(shown(p) for p in report.written)}")
    return WARNINGS if report.skipped or report.violations else OK
