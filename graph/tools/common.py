"""What every `ikg` sub-command shares: exit codes and the default data file."""
from __future__ import annotations

import argparse
from pathlib import Path

# Exit codes (documented in the README).
OK, FAILED, WARNINGS = 0, 1, 3  # 2 is argparse's usage error

OUTPUT = Path("output")


def add_data_option(p: argparse.ArgumentParser, verb: str = "query", store: bool = True) -> None:
    """The --data option of commands that read a built graph."""
    default = "output/store, else output/graph.trig" if store else "output/graph.trig"
    kinds = "RDF file or store folder" if store else "RDF file"
    p.add_argument("--data", "-d", type=Path, help=f"{kinds} to {verb} (default: {default})")


def data_path(args: argparse.Namespace, store: bool = True) -> Path:
    """The graph a command reads: --data, else the build's store (when the command can read one),
    else output/graph.trig, else output/graph.ttl."""
    if args.data:
        return args.data
    for candidate in ((OUTPUT / "store",) if store else ()) + (OUTPUT / "graph.trig",):
        if candidate.exists():
            return candidate
    return OUTPUT / "graph.ttl"
