"""`ikg eval`: score the graph against hand annotations of its articles."""
from __future__ import annotations

import sys
from pathlib import Path

from ..baseline import baseline_dataset
from ..build import BuildReport, build_dataset
from ..evaluate import evaluate, format_json, format_table, load_gold
from ..pipeline import COMPONENTS, Pipeline, default_disabled
from ..store import load_dataset
from .common import OK, WARNINGS

HELP = "measure extraction quality against hand-annotated (gold) articles"
DESCRIPTION = ("Build the graph of --input in memory (or read --graph) and print precision, recall and F1 "
               "per entity class, per relation, for structure and for money amounts, with the misses and "
               "false positives by name. Gold files are described in tests/gold/README.md.")


def add_arguments(p) -> None:
    p.add_argument("gold_dir", metavar="GOLD_DIR", type=Path,
                   help="folder of gold files (*.json), e.g. tests/gold")
    source = p.add_mutually_exclusive_group()
    source.add_argument("--graph", "-g", type=Path, metavar="FILE",
                        help="score this built graph file instead of building one")
    source.add_argument("--baseline", action="store_true",
                        help="score the plain jieba baseline (no registry, no rules) instead of ikg")
    p.add_argument("--input", "-i", type=Path, default=Path("seeds"), metavar="ARTICLES_DIR",
                   help="folder of the annotated articles (default: seeds)")
    p.add_argument("--format", "-f", choices=("table", "json"), default="table", help="output (default: table)")
    p.add_argument("--ontology", type=Path, metavar="DIR",
                   help="knowledge folder to build and score with (registry/, patterns.toml, ikg.ttl, scoring.toml; "
                        "default: the project's)")
    names = lambda v: tuple(filter(None, v.split(",")))  # noqa: E731 (an argparse type)
    p.add_argument("--disable", metavar="NAME[,NAME…]", type=names, default=(),
                   help="switch these components off, for an ablation: " + ", ".join(COMPONENTS))
    p.add_argument("--enable", metavar="NAME[,NAME…]", type=names, default=(),
                   help="switch on components a default build leaves off (learned, learned_relations: their .toml says enabled = false)")


def run(args) -> int:
    gold = load_gold(args.gold_dir)  # a bad gold file fails before the slow build
    built = BuildReport()
    if args.graph:
        graph, system = load_dataset(args.graph), f"ikg ({args.graph})"
    elif args.baseline:
        graph, system = baseline_dataset(args.input, built), "jieba baseline"
    else:
        disabled = tuple(sorted((set(default_disabled(args.ontology)) - set(args.enable)) | set(args.disable)))
        pipeline = Pipeline.load(args.ontology, disabled=disabled)
        system = "ikg" + (f" without {', '.join(args.disable)}" if args.disable else "") + \
            (f" with {', '.join(args.enable)}" if args.enable else "")
        graph = build_dataset(args.input, pipeline, report=built)
    for err in built.skipped:
        print(f"ikg: skipped {err}", file=sys.stderr)
    report = evaluate(gold, graph, system, str(args.gold_dir), args.ontology)
    print(format_json(report) if args.format == "json" else format_table(report))
    return WARNINGS if built.skipped else OK
