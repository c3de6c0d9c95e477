"""`ikg serve`: a local SPARQL endpoint, look-ups and the explorer over the built graph."""
from __future__ import annotations

import logging
import sys

from ..errors import IkgError
from .common import OK, add_data_option, data_path, positive

HELP = "serve the graph: a SPARQL endpoint, look-ups and the explorer"
DESCRIPTION = ("Serve the built graph over HTTP until Ctrl-C: a read-only SPARQL 1.1 endpoint at /sparql, "
               "name look-ups at /lookup, an entity's facts at /entity and the explorer at /. Follows new "
               "builds of the output folder. Listens on 127.0.0.1 unless --host says otherwise.")


def add_arguments(p) -> None:
    add_data_option(p, "serve")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 opens it to the network)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000; 0 picks a free one)")
    p.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS",
                   help="stop a request that runs longer than this (default: 10)")
    p.add_argument("--readers", type=int, default=2, metavar="N",
                   help="processes answering requests at once (default: 2)")
    p.add_argument("--title", default="insurance-kg", help="the explorer's title")


def run(args) -> int:
    timeout = positive(args.timeout, "--timeout")
    readers_count = int(positive(args.readers, "--readers", whole=True))
    if not 0 <= args.port <= 65535:
        raise IkgError(f"--port must be between 0 and 65535, not {args.port}")
    data = data_path(args)
    if not data.exists():
        raise IkgError(f"{data}: no such store or file (run 'ikg build' first?)")
    # imported here: Flask and waitress are needed by this command only
    import waitress

    # Requests waiting for a free thread are the server working as designed (the readers answer
    # one at a time), not something to tell the user about on every burst.
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)

    from ..readers import Readers
    from ..serve import create_app

    readers = Readers(data, size=readers_count, timeout=timeout)
    try:
        readers.ask(("lookup", "", 1), timeout=max(timeout, 60))  # opens the store: a bad one fails here, in one line
        try:
            server = waitress.create_server(create_app(readers, data, args.title), host=args.host,
                                            port=args.port, threads=max(4, 2 * readers_count), ident="ikg")
        except (OSError, ValueError) as exc:  # ValueError: a host that is no address (999.1.1.1)
            reason = getattr(exc, "strerror", None) or exc
            raise IkgError(f"cannot listen on {args.host}:{args.port}: {reason}") from None
        host = f"[{args.host}]" if ":" in args.host else args.host
        print(f"ikg serve: http://{host}:{server.effective_port}/ (SPARQL at /sparql); Ctrl-C stops it", flush=True)
        server.run()  # returns on Ctrl-C or SIGTERM (waitress takes the KeyboardInterrupt)
        server.close()
    finally:
        readers.close()
    print("ikg serve: stopped", file=sys.stderr)
    return OK
