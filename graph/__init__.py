"""insurance-kg: build an RDF knowledge graph of insurers from Chinese insurance-industry news.

Library entry points::

    from graph import build, Pipeline
    report = build(Path("seeds"), Path("output"))
"""
import os as _os
import sys as _sys

try:
    from .build import BuildReport, build, build_dataset
    from .pipeline import Pipeline
except KeyboardInterrupt:
    # Ctrl-C while `ikg` is still loading (before it has done anything): stop without a traceback.
    if _sys.argv and (_sys.argv[0] == "-m" or _os.path.basename(_sys.argv[0]) == "ikg"):
        raise SystemExit(130) from None
    raise

__all__ = ["BuildReport", "Pipeline", "build", "build_dataset"]
__version__ = "0.1.0"
