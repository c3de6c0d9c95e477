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
from ..errors import IkgError, bug, debugging, shown
from .common import FAILED, INTERNAL, OK

# Sub-commands in the order `ikg --help` lists them.
COMMANDS = ("build", "query", "explain", "stats", "path", "export", "validate", "push", "serve", "eval", "train")


def parser(commands: tuple[str, ...] = COMMANDS) -> argparse.ArgumentParser:
    """The argument parser of `ikg` and its sub-commands (``commands``: the ones to load)."""
    p = argparse.ArgumentParser(prog="ikg", description="Build and query a knowledge graph of insurers "
                                "from Chinese insurance-industry news.")
    p.add_argument("--version", action="version", version=f"ikg {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in commands:
        module = importlib.import_module(f"{__package__}.cmd_{name}")
        cmd = sub.add_parser(name, help=module.HELP, description=module.DESCRIPTION)
        module.add_arguments(cmd)
        cmd.set_defaults(run=module.run)
    return p


def _named(argv: list[str]) -> tuple[str, ...]:
    """The command ``argv`` names, alone: each command imports only what it needs (`ikg explain`
    starts in a fraction of the time all commands' libraries take); all of them for `ikg --help`."""
    first = next((a for a in argv if not a.startswith("-")), None)
    return (first,) if first in COMMANDS else COMMANDS


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    """Run `ikg`; user mistakes end in one line on stderr and a non-zero exit code, never a traceback."""
    main_thread = threading.current_thread() is threading.main_thread()
    try:
        if argv is None and main_thread:  # the program: Ctrl-C while loading ended it quietly (graph/__init__.py);
            signal.signal(signal.SIGINT, signal.default_int_handler)  # from here it is handled below
        if main_thread:
            signal.signal(signal.SIGTERM, _interrupt)  # `kill` stops a build as cleanly as Ctrl-C
        args = parser(_named(sys.argv[1:] if argv is None else argv)).parse_args(argv)
    except KeyboardInterrupt:
        print("ikg: interrupted", file=sys.stderr)
        return 130
    try:
        return _run(args)
    finally:
        if argv is None and main_thread:  # a program that has finished: Ctrl-C now would only
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # interrupt Python's shutdown, with a traceback
            signal.signal(signal.SIGTERM, signal.SIG_IGN)


def _run(args) -> int:
    """Run the command; every way it can fail ends in one line on stderr and an exit code."""
    try:
        return args.run(args)
    except IkgError as err:
        print(f"ikg: error: {shown(err)}", file=sys.stderr)
        return FAILED
    except BrokenPipeError:  # e.g. `ikg query … | head`
        sys.stderr.close()
        return OK
    except OSError as exc:  # the machine's limits (a full disk, a vanished folder) are not bugs
        where = f"{shown(exc.filename)}: " if exc.filename else ""
        print(f"ikg: error: {where}{shown(exc.strerror or exc)}", file=sys.stderr)
        return FAILED
    except KeyboardInterrupt:
        if args.command == "build":  # the one command that writes the output folder
            print("ikg: interrupted; the output folder holds a complete graph (the previous one, "
                  "unless this build had already finished writing)", file=sys.stderr)
        else:
            print("ikg: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: still one line; IKG_DEBUG=1 shows the traceback
        if debugging():
            raise
        print(f"ikg: {shown(bug(exc))}", file=sys.stderr)
        return INTERNAL


if __name__ == "__main__":
    sys.exit(main())
