"""Cross-validation of the learned recogniser: how well it does on articles it was not trained on.

    python bench/crossval.py                       # 5 folds over the seeds, the dev set and news train
    python bench/crossval.py --folds 3 --config /tmp/variant.toml --json /tmp/variant.json

The CRF's figures on the articles it was trained on say nothing about unseen news (on news train it
scores 0.79-0.92 on the open classes, on the frozen test split 0.49-0.67). This is the yardstick to
tune it by instead. The training pool (every gold article of the seeds, the dev set and news train;
a folder named ``test`` is refused, as by ``ikg train``) is cut into k folds by a hash of each
article's file stem (fixed, so every run and every variant sees the same folds; salted, so that it
does not repeat the rule that split news into train and test). For each fold a CRF is trained on the
other folds' articles, into a temporary file (ontology/learned/model.crfsuite is never touched), and
the held-out articles are extracted with it; the rules alone extract every article once. All
held-out extractions make one graph, scored by ``ikg eval``'s scorer, so the counts are pooled over
the folds. The table gives P/R/F1 per entity class for the rules alone and for rules + CRF, then
the totals, relations, structure and money amounts, and the extraction time of each.

Only the CRF is cross-validated: the rules were written looking at all of these articles, so the
"rules" column flatters them as much as before; the difference between the columns is what the CRF
adds on articles it has not seen.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.data import ONTOLOGY_DIR  # noqa: E402
from graph.errors import ArticleError  # noqa: E402
from graph.evaluate import Report, evaluate  # noqa: E402
from graph.ingest import read_article  # noqa: E402
from graph.learned import CONFIG_FILE, LEARNED_DIR, LearnedModel, load_config, train  # noqa: E402
from graph.pipeline import RELATION_MODEL_COMPONENT, Pipeline  # noqa: E402
from graph.recognise import Recogniser  # noqa: E402
from graph.to_rdf import to_dataset  # noqa: E402
from graph.training import article_examples, gold_pairs  # noqa: E402

POOL = ["tests/gold=seeds", "tests/corpus/dev/gold=tests/corpus/dev",
        "tests/corpus/news/train/gold=tests/corpus/news/train"]
SALT = "crossval:"  # a fold is sha256(SALT + stem) mod k


def fold_of(stem: str, folds: int, salt: str = SALT) -> int:
    """The fold an article is held out in: fixed by its file stem (and the benchmark's ``salt``)."""
    return int(hashlib.sha256((salt + stem).encode("utf-8")).hexdigest(), 16) % folds


def _pair(value: str) -> tuple[Path, Path]:
    gold, _, articles = value.partition("=")
    return ROOT / gold, ROOT / articles


def run(pairs: list[str], folds: int, ontology: Path, config_path: Path) -> dict:
    """The pooled reports of the rules alone and of rules + CRF, and the extraction seconds of each."""
    config = load_config(config_path)
    base = Pipeline.load(ontology, disabled=("learned", RELATION_MODEL_COMPONENT))  # relations: the rules alone
    articles = gold_pairs([_pair(p) for p in pairs])
    recogniser = Recogniser(base.registry, base.rules, base.tokenizer)
    docs, examples, fold = {}, {}, {}
    for gold, path in articles:
        try:
            docs[gold.article] = read_article(path)
        except ArticleError as exc:
            raise SystemExit(f"crossval: {exc}") from None
        examples[gold.article] = list(article_examples(recogniser, base.rules.punctuation, docs[gold.article], gold,
                                                         config.needs_pos))
        fold[gold.article] = fold_of(path.stem, folds)
    golds = [g for g, _ in articles]

    seconds = {"rules": 0.0, "crf": 0.0, "train": 0.0}
    for g in golds[:10]:  # warm up (jieba's dictionary, regex caches) before timing
        base.extract(docs[g.article])
    start = time.perf_counter()
    rules_out = [base.extract(docs[g.article]) for g in golds]
    seconds["rules"] = time.perf_counter() - start

    crf_out = []
    with tempfile.TemporaryDirectory(prefix="ikg-crossval-") as tmp:
        for k in range(folds):
            held = [g for g in golds if fold[g.article] == k]
            if not held:
                continue
            model_path = Path(tmp) / f"fold{k}.crfsuite"
            start = time.perf_counter()
            train((ex for g in golds if fold[g.article] != k for ex in examples[g.article]), config, model_path)
            seconds["train"] += time.perf_counter() - start
            pipeline = replace(base, disabled=(), learned=LearnedModel(config, model_path))
            start = time.perf_counter()
            crf_out += [pipeline.extract(docs[g.article]) for g in held]
            seconds["crf"] += time.perf_counter() - start

    reports = {name: evaluate(golds, to_dataset(out, base.registry, base.ontology), name)
               for name, out in (("rules", rules_out), ("crf", crf_out))}
    return {"reports": reports, "seconds": seconds, "articles": len(golds),
            "fold_sizes": [sum(f == k for f in fold.values()) for k in range(folds)]}


def _prf(score) -> str:
    cells = [score.precision, score.recall, score.f1]
    return " | ".join("-" if x is None else f"{x:.3f}" for x in cells)


def rows(reports: dict[str, Report]) -> list[tuple[str, dict]]:
    """(label, {system: Score}) for every row of the table."""
    first = next(iter(reports.values()))
    out = [(f"· {cls}", {n: r.entities[cls] for n, r in reports.items()})
           for cls in first.entities if cls not in ("all", "any type")]
    out += [("entities, all types", {n: r.entities["all"] for n, r in reports.items()}),
            ("entities, any type", {n: r.entities["any type"] for n, r in reports.items()}),
            ("relations", {n: r.relations["all"] for n, r in reports.items()}),
            ("structure", {n: r.structure["all"] for n, r in reports.items()}),
            ("amounts", {n: r.amounts for n, r in reports.items()})]
    return out


def table(reports: dict[str, Report]) -> str:
    out = ["| pooled over folds | rules P | R | F1 | rules+CRF P | R | F1 | counts rules → +CRF (correct/gold/found) |",
           "| --- |" + " ---: |" * 7]
    for label, scores in rows(reports):
        r, c = scores["rules"], scores["crf"]
        out.append(f"| {label} | {_prf(r)} | {_prf(c)} | {r.correct}/{r.gold}/{r.found} → {c.correct}/{c.gold}/{c.found} |")
    return "\n".join(out)


def as_json(result: dict) -> dict:
    return {"articles": result["articles"], "seconds": result["seconds"],
            "rows": {label: {n: {"correct": s.correct, "gold": s.gold, "found": s.found, "f1": s.f1}
                             for n, s in scores.items()} for label, scores in rows(result["reports"])}}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("pairs", nargs="*", default=POOL, metavar="GOLD_DIR=ARTICLES_DIR",
                   help="the training pool (default: the seeds, the dev set and news train)")
    p.add_argument("--folds", "-k", type=int, default=5)
    p.add_argument("--ontology", type=Path, default=ONTOLOGY_DIR, help="knowledge folder (default: the project's)")
    p.add_argument("--config", type=Path, help="the learned.toml to train and tag with (default: the ontology's)")
    p.add_argument("--json", type=Path, help="also write the pooled counts here")
    args = p.parse_args()
    if args.folds < 2:
        p.error("--folds must be at least 2")
    result = run(args.pairs, args.folds, args.ontology, args.config or args.ontology / LEARNED_DIR / CONFIG_FILE)
    s = result["seconds"]
    print(f"{args.folds}-fold cross-validation over {result['articles']} articles "
          f"(fold sizes {result['fold_sizes']}); extraction {s['rules']:.2f} s rules alone, "
          f"{s['crf']:.2f} s rules+CRF; training {s['train']:.1f} s\n")
    print(table(result["reports"]))
    if args.json:
        args.json.write_text(json.dumps(as_json(result), indent=1, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
