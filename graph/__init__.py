"""insurance-kg: build an RDF knowledge graph of insurers from Chinese insurance-industry news.

Library entry points::

    from graph import build, Pipeline
    report = build(Path("seeds"), Path("output"))
"""
import os as _os
import _signal  # not `signal`: loading that module's enums takes as long as the window this closes
import sys as _sys


def _stop_quietly(signum, frame):
    """Ctrl-C while `ikg` is still loading: nothing has started, so end at once without a traceback."""
    _os.write(2, b"ikg: interrupted\n")
    _os._exit(130)


# Loading the libraries below takes a good part of a second; when this package is being loaded as
# the `ikg` program (`ikg …` or `python -m graph.tools.cli …`, whose package is imported while
# argv[0] is still "-m"), a Ctrl-C in that time ends it quietly, until ikg's main() takes over.
if _sys.argv and (_sys.argv[0] == "-m" or _os.path.basename(_sys.argv[0]) == "ikg") \
        and _signal.getsignal(_signal.SIGINT) is _signal.default_int_handler:
    _signal.signal(_signal.SIGINT, _stop_quietly)

from .build import BuildReport, build, build_dataset  # noqa: E402
from .pipeline import Pipeline  # noqa: E402

__all__ = ["BuildReport", "Pipeline", "build", "build_dataset"]
__version__ = "0.1.0"
