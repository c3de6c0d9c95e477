"""The README's table of current quality figures, measured, as Markdown.

    python bench/quality_table.py            # test split, train split, dev set, seeds
    python bench/quality_table.py --test-only

F1 (precision / recall) per entity class, per relation, for the roll-up (structure) and money
amounts, on each annotated set, beside the rules alone (the learned recogniser and relation model
off) and the plain jieba baseline on the frozen test split. Each column is what `ikg eval GOLD
--input ARTICLES [--disable learned,learned_relations | --baseline]` prints; "core" pools the
groups, insurers, branches, regulators and industry bodies. Evaluation only: nothing here trains
or tunes.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.baseline import baseline_dataset  # noqa: E402
from graph.build import BuildReport, build_dataset  # noqa: E402
from graph.evaluate import PREDICATES, Report, Score, evaluate, load_gold  # noqa: E402
from graph.pipeline import RELATION_MODEL_COMPONENT, Pipeline  # noqa: E402

NEWS = ROOT / "tests" / "corpus" / "news"
SETS = {  # column name: (gold folder, articles folder)
    "test": (NEWS / "test" / "gold", NEWS / "test"),
    "train": (NEWS / "train" / "gold", NEWS / "train"),
    "dev": (ROOT / "tests" / "corpus" / "dev" / "gold", ROOT / "tests" / "corpus" / "dev"),
    "seeds": (ROOT / "tests" / "gold", ROOT / "seeds"),
}
CORE = ("InsuranceGroup", "Insurer", "Branch", "Regulator", "IndustryBody")
CLASSES = (*CORE, "Partner", "Product", "Initiative", "BeneficiaryGroup")


def measure(names: list[str]) -> dict[str, Report]:
    """ikg on each named set, then the rules alone and the baseline on the test split."""
    reports = {}
    pipeline = Pipeline.load(None)
    for name in names:
        gold, articles = SETS[name]
        graph = build_dataset(articles, pipeline, report=BuildReport())
        reports[name] = evaluate(load_gold(gold), graph, "ikg", str(gold))
    gold, articles = SETS["test"]
    rules = Pipeline.load(None, disabled=("learned", RELATION_MODEL_COMPONENT))
    graph = build_dataset(articles, rules, report=BuildReport())
    reports["test: rules alone"] = evaluate(load_gold(gold), graph, "rules", str(gold))
    graph = baseline_dataset(articles, BuildReport())
    reports["test: jieba baseline"] = evaluate(load_gold(gold), graph, "jieba baseline", str(gold))
    return reports


def _core(report: Report) -> Score:
    pooled = Score()
    for cls in CORE:
        pooled.add(report.entities[cls])
    return pooled


def _cell(score: Score) -> str:
    if score.f1 is None:
        return "–"
    p = "–" if score.precision is None else f"{score.precision:.2f}"
    r = "–" if score.recall is None else f"{score.recall:.2f}"
    return f"{score.f1:.3f} ({p} / {r})"


def table(reports: dict[str, Report]) -> str:
    """One row per measure, one column per report."""
    rows = [("**entities, typed**", lambda r: r.entities["all"]),
            ("entities, any type", lambda r: r.entities["any type"]),
            ("**core organisations**", _core),
            *((f"· {c}", lambda r, c=c: r.entities[c]) for c in CLASSES),
            ("**relations**", lambda r: r.relations["all"]),
            *((f"· {p}", lambda r, p=p: r.relations[p]) for p in PREDICATES),
            ("**roll-up** (unitOf, subOrganizationOf)", lambda r: r.structure["all"]),
            ("**money amounts**", lambda r: r.amounts)]
    names = list(reports)
    counts = [f"{n} ({len(reports[n].articles)})" for n in names]
    out = ["| F1 (P / R) | " + " | ".join(counts) + " |", "| --- |" + " --- |" * len(names)]
    for label, pick in rows:
        out.append(f"| {label} | " + " | ".join(_cell(pick(reports[n])) for n in names) + " |")
    return "\n".join(out)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--test-only", action="store_true", help="only the test split (and its ablations)")
    args = p.parse_args()
    print(table(measure(["test"] if args.test_only else list(SETS))))


if __name__ == "__main__":
    main()
