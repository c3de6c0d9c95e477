"""What every `ikg` sub-command shares: exit codes and the default data file."""
from __future__ import annotations

import argparse
import math
from pathlib import Path

from ..errors import IkgError
from ..generations import CURRENT

# Exit codes (documented in the README).
OK, FAILED, WARNINGS = 0, 1, 3  # 2 is argparse's usage error
INTERNAL = 70  # a bug in ikg (sysexits' EX_SOFTWARE); the message says how to see the traceback

OUTPUT = Path("output")


def add_data_option(p: argparse.ArgumentParser, verb: str = "query") -> None:
    """The --data option of commands that read a built graph."""
    p.add_argument("--data", "-d", type=Path,
                   help=f"RDF file or store folder to {verb} (default: output/store, else output/graph.trig)")


def positive(value: float | None, option: str, whole: bool = False) -> float | None:
    """``value`` of ``option`` if it is a positive (finite, and with ``whole`` integral) number;
    a one-line error otherwise. None (the option not given) passes."""
    if value is None:
        return None
    if not (math.isfinite(value) and value > 0) or (whole and value != int(value)):
        kind = "a positive whole number" if whole else "a positive number"
        raise IkgError(f"{option} must be {kind}, not {value:g}")
    return value


def data_path(args: argparse.Namespace) -> Path:
    """The graph a command reads: --data, else the build's store, else output/graph.trig, else
    output/graph.ttl. A --data that names a build's output folder
    means the graph in it, chosen the same way."""
    folder = args.data if args.data and (args.data / CURRENT).is_dir() else None
    if args.data and folder is None:
        return args.data
    folder = folder or OUTPUT
    for candidate in (folder / "store", folder / "graph.trig"):
        if candidate.exists():
            return candidate
    return folder / "graph.ttl"
