"""Ablation of the learned recogniser: rules alone, the model alone, and both, as a Markdown table.

    python bench/ablation.py tests/corpus/dev/gold --input tests/corpus/dev
    python bench/ablation.py tests/corpus/news/test/gold --input tests/corpus/news/test

Three systems, each built in memory from the articles and scored by `ikg eval`'s scorer:

- **rules**: every component but `learned` (what `--disable learned` builds);
- **model**: registry names (`aliases`) and `learned` only, every other recogniser switched off.
  The model is not trained to stand in for the registry (it speaks only for the classes
  ontology/learned/learned.toml names), so "model alone" means registry names plus the model;
- **both**: every component, the learned one included.

Relation families are on in all three, so the relations row shows what each set of names lets
them find. Evaluation only: nothing here trains or tunes.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.build import BuildReport, build_dataset  # noqa: E402
from graph.data import ONTOLOGY_DIR  # noqa: E402
from graph.evaluate import Report, evaluate, load_gold  # noqa: E402
from graph.learned import CONFIG_FILE, LEARNED_DIR, load_config  # noqa: E402
from graph.pipeline import RELATION_MODEL_COMPONENT, Pipeline  # noqa: E402
from graph.recognise import RECOGNISERS  # noqa: E402

# The entity recognisers compared; the relation model stays off in all three (bench/relations_crossval.py)
SYSTEMS = {
    "rules": ("learned", RELATION_MODEL_COMPONENT),
    "model": (*(r for r in RECOGNISERS if r not in ("aliases", "learned")), RELATION_MODEL_COMPONENT),
    "both": (RELATION_MODEL_COMPONENT,),
}


def run(gold_dir: Path, articles: Path, ontology: Path | None) -> dict[str, Report]:
    """Each system's report on the gold of ``gold_dir``."""
    gold = load_gold(gold_dir)
    reports = {}
    for name, disabled in SYSTEMS.items():
        pipeline = Pipeline.load(ontology, disabled=disabled)
        if name != "rules" and pipeline.learned is None:
            raise SystemExit("ablation: no model in ontology/learned/; run `ikg train` first")
        graph = build_dataset(articles, pipeline, report=BuildReport())
        reports[name] = evaluate(gold, graph, name, str(gold_dir))
    return reports


def _f1(score) -> str:
    return "-" if score.f1 is None else f"{score.f1:.3f}"


def table(reports: dict[str, Report], classes: list[str]) -> str:
    """F1 per system: entities (all types, typed), the classes the model is for, relations."""
    rows = [("entities, all types", lambda r: r.entities["all"]),
            ("entities, any type", lambda r: r.entities["any type"]),
            *((f"  {c}", lambda r, c=c: r.entities[c]) for c in classes),
            ("relations", lambda r: r.relations["all"])]
    names = list(reports)
    out = ["| F1 | " + " | ".join(names) + " |", "| --- |" + " ---: |" * len(names)]
    for label, pick in rows:
        cells = []
        for n in names:
            s = pick(reports[n])
            cells.append(f"{_f1(s)} ({s.correct}/{s.gold}/{s.found})")
        out.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("gold_dir", type=Path)
    p.add_argument("--input", "-i", type=Path, required=True, help="the folder of the annotated articles")
    p.add_argument("--ontology", type=Path, help="knowledge folder (default: the project's)")
    args = p.parse_args()
    reports = run(args.gold_dir, args.input, args.ontology)
    print(f"{args.gold_dir} ({len(next(iter(reports.values())).articles)} articles); "
          "cells: F1 (correct/gold/found)\n")
    config = load_config((args.ontology or ONTOLOGY_DIR) / LEARNED_DIR / CONFIG_FILE)
    print(table(reports, sorted(config.classes)))


if __name__ == "__main__":
    main()
