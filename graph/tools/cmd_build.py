"""`ikg build`: articles → graph.trig, graph.ttl, graph.html."""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from ..build import HTML_NODES, NoArticles, build
from ..errors import IkgError, shown
from ..ingest import DEFAULT_MAX_BYTES
from .common import OK, WARNINGS, positive

HELP = "build the graph from a folder of articles"
SHOWN_VIOLATIONS = 20
DESCRIPTION = ("Read every article (.txt .md .html) under --input and write graph.trig (one named graph "
               "per article), graph.ttl and graph.html to --output.")


def add_arguments(p) -> None:
    p.add_argument("--input", "-i", type=Path, default=Path("seeds"),
                   help="folder of articles (default: seeds); a .ikgignore file there names files and folders "
                        "that are none (README.md, drafts/)")
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
    p.add_argument("--watch", action="store_true",
                   help="build, then keep the pipeline loaded and build again whenever a file under --input "
                        "is added, changed or removed, until Ctrl-C (adding one article then takes about "
                        "a second, not the seconds a new process needs to load the pipeline)")
    p.add_argument("--interval", type=float, default=2.0, metavar="SECONDS",
                   help="with --watch, look for changes every SECONDS (default: %(default)g; each look "
                        "stats every article file, about 0.1 s per 10,000)")
    p.add_argument("--max-nodes", type=int, metavar="N", default=HTML_NODES,
                   help="include the N most mentioned entities, with their evidence, in graph.html "
                        "(default: %(default)s, what its overview draws; the time to write it grows with N; "
                        "ikg serve shows every entity)")


def run(args) -> int:
    max_size = positive(args.max_size, "--max-size")
    positive(args.max_nodes, "--max-nodes", whole=True)
    positive(args.jobs, "--jobs", whole=True)
    options = dict(check=args.check, max_bytes=max(1, int(max_size * 2**20)), jobs=args.jobs,
                   exports=args.exports, max_nodes=args.max_nodes)
    if args.watch:
        return _watch(args, options)
    try:
        report = build(args.input, args.output, show_progress=not args.quiet, count=not args.quiet, **options)
    except NoArticles as exc:  # each file's reason first, then the one error
        _warn_skipped(exc.skipped)
        raise
    _warn(report)
    if not args.quiet:
        print(f"built {len(report.built)} article(s) ({_changes(report)}): {report.entities} entities, "
              f"{report.facts} facts, {report.figures} figures, {report.triples} triples -> "
              f"{', '.join(shown(p) for p in report.written)}")
    return WARNINGS if report.skipped or report.violations else OK


def _warn_skipped(skipped) -> None:
    for err in skipped:  # file names are printed escaped: a name cannot forge a line
        print(f"ikg: skipped {shown(err)}", file=sys.stderr)


def _warn(report) -> None:
    _warn_skipped(report.skipped)
    for violation in report.violations[:SHOWN_VIOLATIONS]:
        print(f"ikg: shape {shown(violation)}", file=sys.stderr)
    if len(report.violations) > SHOWN_VIOLATIONS:
        print(f"ikg: … {len(report.violations) - SHOWN_VIOLATIONS} more; run 'ikg validate'", file=sys.stderr)


def _changes(report) -> str:
    changes = f"{report.extracted} extracted, {len(report.built) - report.extracted} unchanged"
    if report.removed:
        changes += f", {len(report.removed)} removed"
    return changes


def _watch(args, options) -> int:
    """`ikg build --watch`: one line per build (none with --quiet); the waiting message only on a
    terminal; Ctrl-C (or SIGTERM) ends it with 130, the output holding the last whole build."""
    from ..watch import watch

    interval = positive(args.interval, "--interval")
    terminal = sys.stderr.isatty()
    shown_first = [False]

    def on_build(report, seconds: float) -> None:
        stamp = time.strftime("%H:%M:%S")
        if isinstance(report, IkgError):
            print(f"ikg: error: {shown(report)}; still watching", file=sys.stderr, flush=True)
            return
        if shown_first[0] and report.extracted == 0 and not report.removed and not report.skipped:
            return  # a file was touched, nothing in the graph changed
        shown_first[0] = True
        _warn(report)
        if not args.quiet:
            print(f"{stamp} built {len(report.built)} article(s) ({_changes(report)}) in {seconds:.2f} s",
                  flush=True)

    def on_ready() -> None:
        if terminal and not args.quiet:
            print(f"ikg: watching {shown(args.input)} (every {interval:g} s); Ctrl-C stops", file=sys.stderr,
                  flush=True)

    try:
        watch(args.input, args.output, on_build, interval=interval, on_ready=on_ready,
              show_progress=terminal and not args.quiet, count=False, **options)
    except KeyboardInterrupt:
        print("ikg: stopped watching; the output folder holds the last complete build", file=sys.stderr)
        return 130
    return OK
