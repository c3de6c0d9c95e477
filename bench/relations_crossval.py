"""Cross-validated relation figures: the relation rules alone, the relation model alone, and both.

    python bench/relations_crossval.py          # 5 folds over the seeds, the dev set and news train

The rules were written looking at every article of the pool, so their pool figures flatter them;
the model's must not. Each article falls in one of five folds by a hash of its file stem (the same
folds as bench/crossval.py); the model is trained on four folds, into a temporary file
(ontology/learned/relations.crfsuite is never touched), and scores the candidates of the fifth. The
per-relation F1 (and the precision and recall of all relations) are pooled over the five held-out
folds. The rules are the same in every fold. A folder named ``test`` (the frozen test split) is
refused, as by ``ikg train``.

Systems: **rules** (the relation model off: a default build), **model** (the model's candidates at
``threshold`` of ontology/learned/relations.toml, without the rules' relations), **rules + model
≥ t** (the rules' facts and the model's it adds at probability t or more: what a build with
``--enable learned_relations`` does at ``threshold = t``).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crossval import fold_of  # noqa: E402  (bench/, this script's folder; its folds)
from graph.data import ONTOLOGY_DIR  # noqa: E402
from graph.evaluate import PREDICATES, evaluate  # noqa: E402
from graph.learned import LEARNED_DIR  # noqa: E402
from graph.pipeline import RELATION_MODEL_COMPONENT, Pipeline, default_disabled  # noqa: E402
from graph.relation_model import CONFIG_FILE, RelationModel, added, load_config, train  # noqa: E402
from graph.relation_training import article_candidates  # noqa: E402
from graph.to_rdf import to_dataset  # noqa: E402

POOL = [(ROOT / "tests/gold", ROOT / "seeds"),
        (ROOT / "tests/corpus/dev/gold", ROOT / "tests/corpus/dev"),
        (ROOT / "tests/corpus/news/train/gold", ROOT / "tests/corpus/news/train")]
FOLDS = 5
THRESHOLDS = (0.5, 0.7, 0.9)


def held_out_probabilities(articles, config) -> list[list[float]]:
    """Each article's candidate probabilities from the model trained on the other folds."""
    probs: list[list[float]] = [[] for _ in articles]
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(FOLDS):
            path = Path(tmp) / f"fold{k}.crfsuite"
            train([e for a in articles if fold_of(a.gold.article, FOLDS) != k for e in a.examples()], config, path)
            model = RelationModel(config, path)
            for i, a in enumerate(articles):
                if fold_of(a.gold.article, FOLDS) == k:
                    probs[i] = model.probabilities(a.candidates)
    return probs


def score(articles, pipeline, facts_of) -> dict:
    """The relation scores of the pool when each article states ``facts_of(i, article)``."""
    extractions = [replace(a.extraction, facts=facts_of(i, a)) for i, a in enumerate(articles)]
    return evaluate([a.gold for a in articles], to_dataset(extractions, pipeline.registry)).relations


def row(name: str, scores: dict) -> str:
    """One line of the markdown table: F1 per relation, then all relations' F1, P and R."""
    cells = ["-" if scores[p].f1 is None else f"{scores[p].f1:.3f}" for p in PREDICATES]
    s = scores["all"]
    return f"| {name} | " + " | ".join(cells) + f" | {s.f1:.3f} | {s.precision:.3f} | {s.recall:.3f} |"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--ontology", type=Path, help="knowledge folder (default: the project's)")
    args = p.parse_args()
    ontology = Path(args.ontology or ONTOLOGY_DIR)
    config = load_config(ontology / LEARNED_DIR / CONFIG_FILE)
    disabled = tuple(sorted({*default_disabled(ontology), RELATION_MODEL_COMPONENT}))
    pipeline = Pipeline.load(ontology, disabled=disabled)  # the rules alone, with a default build's mentions
    started = time.perf_counter()
    articles = article_candidates(pipeline, POOL, config)
    labels = [y for a in articles for y in a.labels]
    print(f"{len(articles)} articles in {FOLDS} folds, {len(labels)} candidates "
          f"({sum(y is True for y in labels)} stated, {sum(y is None for y in labels)} left out); "
          f"read in {time.perf_counter() - started:.1f} s")
    probs = held_out_probabilities(articles, config)
    # Structure facts stay in every system: only the relations of PREDICATES are compared
    others = [[f for f in a.extraction.facts if f.predicate not in PREDICATES] for a in articles]
    print("\nrelation F1 pooled over the held-out folds\n")
    print("| system | " + " | ".join(PREDICATES) + " | all F1 | P | R |")
    print("|---" * (len(PREDICATES) + 4) + "|")
    print(row("rules", score(articles, pipeline, lambda i, a: a.extraction.facts)))
    print(row(f"model ≥ {config.threshold}", score(
        articles, pipeline, lambda i, a: others[i] + added(others[i], a.candidates, probs[i], config.threshold))))
    for t in THRESHOLDS:
        print(row(f"rules + model ≥ {t}", score(
            articles, pipeline, lambda i, a: a.extraction.facts + added(a.extraction.facts, a.candidates, probs[i], t))))


if __name__ == "__main__":
    main()
