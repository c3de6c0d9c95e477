"""insurance-kg: build an RDF knowledge graph of insurers from Chinese insurance-industry news.

Library entry points::

    from graph import build, Pipeline
    report = build(Path("seeds"), Path("output"))
"""
from .build import BuildReport, build, build_dataset
from .pipeline import Pipeline

__all__ = ["BuildReport", "Pipeline", "build", "build_dataset"]
__version__ = "0.1.0"
