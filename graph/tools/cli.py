"""The `ikg` command line: a thin shell over the library.

Each sub-command lives in its own module (``cmd_<name>.py``) with ``HELP``, ``DESCRIPTION``,
``add_arguments(parser)`` and ``run(args) -> exit code``; this module only dispatches.
"""
from __future__ import annotations

import argparse
import importlib
import signal
import sys
import threading

from .. import __version__
from ..errors import IkgError
from .common import FAILED, OK

# Sub-commands in the order `ikg --help` lists them.
COMMANDS = ("build", "query", "explain", "stats", "path", "export", "validate", "push", "eval", "train")


def parser() -> argparse.ArgumentParser:
    """The argument parser of `ikg` and its sub-commands."""
    p = argparse.ArgumentParser(prog="ikg", description="Build and query a knowledge graph of insurers "
                                "from Chinese insurance-industry news.")
    p.add_argument("--version", action="version", version=f"ikg {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"{__package__}.cmd_{name}")
        cmd = sub.add_parser(name, help=module.HELP, description=module.DESCRIPTION)
        module.add_arguments(cmd)
        cmd.set_defaults(run=module.run)
    return p


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    """Run `ikg`; user mistakes end in one line on stderr and a non-zero exit code, never a traceback."""
    args = parser().parse_args(argv)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)  # `kill` stops a build as cleanly as Ctrl-C
    try:
        return args.run(args)
    except IkgError as err:
        print(f"ikg: error: {err}", file=sys.stderr)
        return FAILED
    except KeyboardInterrupt:
        print("ikg: interrupted; the output folder holds a complete graph (the previous one, "
              "unless this build had already finished writing)", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `ikg query … | head`
        sys.stderr.close()
        return OK


if __name__ == "__main__":
    sys.exit(main())
