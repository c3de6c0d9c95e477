"""`ikg validate`: check a built graph against the SHACL shapes."""
from __future__ import annotations

from pathlib import Path

from ..store import load_dataset
from ..validate import load_shapes, validate
from .common import FAILED, OK, add_data_option, data_path

HELP = "check the graph against the SHACL shapes"
DESCRIPTION = "Validate a built graph with pySHACL against ontology/shapes.ttl and list every violation."


def add_arguments(p) -> None:
    add_data_option(p, "validate")
    p.add_argument("--shapes", type=Path, help="SHACL shapes file (default: ontology/shapes.ttl)")


def run(args) -> int:
    report = validate(load_dataset(data_path(args)), load_shapes(args.shapes))
    if report.conforms:
        print("conforms: no violations")
        return OK
    for violation in report.violations:
        print(violation)
    print(f"{len(report.violations)} violation(s)")
    return FAILED
