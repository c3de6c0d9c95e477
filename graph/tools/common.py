"""What every `ikg` sub-command shares: exit codes and the default data file."""
from __future__ import annotations

import argparse
from pathlib import Path

# Exit codes (documented in the README).
OK, FAILED, USAGE, WARNINGS = 0, 1, 2, 3

OUTPUT = Path("output")


def add_data_option(p: argparse.ArgumentParser, verb: str = "query") -> None:
    """The --data option of commands that read a built graph."""
    p.add_argument("--data", "-d", type=Path, help=f"RDF file to {verb} (default: output/graph.trig)")


def data_path(args: argparse.Namespace) -> Path:
    """The graph file a command reads: --data, else output/graph.trig, else output/graph.ttl."""
    if args.data:
        return args.data
    trig = OUTPUT / "graph.trig"
    return trig if trig.exists() else OUTPUT / "graph.ttl"
