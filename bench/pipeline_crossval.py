"""Cross-validation of the whole default build: both learned models retrained for every fold.

    python bench/pipeline_crossval.py                        # 5 folds over news train
    python bench/pipeline_crossval.py --ontology /tmp/variant  # a variant knowledge folder

bench/crossval.py and bench/relations_crossval.py each hold one model out and keep the other
trained on every article, so the relation figures there read mentions that a recogniser trained on
the very article found. Here each fold of the news train split (``sha256("fold:" + stem) mod k``) is
held out from both: the learned recogniser and then the relation model are trained, with ``ikg
train``, on the other folds plus the seeds and the dev set (always in training), into a copy of the
knowledge folder in a temporary directory (ontology/learned/ is never touched), and the held-out
fold is built as a default build and scored as ``ikg eval`` scores it. Counts are pooled over the
folds. The rules were written looking at news train, so these figures flatter them; they are for comparing variants of the models
and their settings, not for reporting quality (the frozen test split is for that). It takes about
ten minutes on the 2-core machine.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crossval import fold_of  # noqa: E402  (bench/, this script's folder)
from graph.build import BuildReport, build_dataset  # noqa: E402
from graph.data import ONTOLOGY_DIR  # noqa: E402
from graph.evaluate import Report, Score, evaluate, load_gold  # noqa: E402
from graph.pipeline import Pipeline, default_disabled  # noqa: E402
from graph.tools.cli import main as ikg  # noqa: E402

NEWS_TRAIN = ROOT / "tests" / "corpus" / "news" / "train"
ALWAYS = [f"{ROOT / 'tests' / 'gold'}={ROOT / 'seeds'}",
          f"{ROOT / 'tests' / 'corpus' / 'dev' / 'gold'}={ROOT / 'tests' / 'corpus' / 'dev'}"]
SALT = "fold:"  # its own folds: sha256(SALT + stem) mod k


def split(folds: int, k: int, into: Path) -> tuple[Path, Path]:
    """Folders of links to the train articles and gold outside fold ``k`` and inside it."""
    parts = into / "train", into / "held_out"
    for part in parts:
        (part / "gold").mkdir(parents=True)
    for gold in sorted((NEWS_TRAIN / "gold").glob("*.json")):
        article = next(p for p in NEWS_TRAIN.glob(gold.stem + ".*") if p.is_file())
        part = parts[fold_of(gold.stem, folds, SALT) == k]
        (part / article.name).symlink_to(article)
        (part / "gold" / gold.name).symlink_to(gold)
    return parts


def _train(*args: str) -> None:
    """``ikg train args`` (quietly; a failure stops the benchmark)."""
    with contextlib.redirect_stdout(io.StringIO()):
        code = ikg(["train", *args])
    if code:
        raise SystemExit(f"ikg train {' '.join(args)} exited {code}")


def held_out_report(folds: int, k: int, ontology: Path, tmp: Path) -> Report:
    """The scores of fold ``k`` by a default build, both models trained on the other folds."""
    knowledge = tmp / f"ontology{k}"
    shutil.copytree(ontology, knowledge)
    train, held_out = split(folds, k, tmp / f"fold{k}")
    pairs = [*ALWAYS, f"{train / 'gold'}={train}"]
    _train("--ontology", str(knowledge), *pairs)
    _train("--relations", "--ontology", str(knowledge), *pairs)
    pipeline = Pipeline.load(knowledge, disabled=default_disabled(knowledge))
    graph = build_dataset(held_out, pipeline, report=BuildReport())
    return evaluate(load_gold(held_out / "gold"), graph, ontology_dir=knowledge)


def pooled(reports: list[Report]) -> dict[str, dict[str, Score]]:
    """Each section's rows, their counts summed over the folds."""
    out: dict[str, dict[str, Score]] = {}
    for report in reports:
        for section, rows in report.sections().items():
            for row, score in rows.items():
                out.setdefault(section, {}).setdefault(row, Score()).add(score)
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--ontology", type=Path, default=ONTOLOGY_DIR, help="knowledge folder (default: the project's)")
    p.add_argument("--folds", type=int, default=5)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        reports = [held_out_report(args.folds, k, args.ontology, Path(tmp)) for k in range(args.folds)]
    print(f"{args.folds}-fold cross-validation over {NEWS_TRAIN.relative_to(ROOT)}, both models retrained per fold; "
          "F1 (correct/gold/found) pooled over the held-out folds\n")
    print("| section | row | F1 |\n| --- | --- | ---: |")
    for section, rows in pooled(reports).items():
        for row, s in rows.items():
            f1 = "–" if s.f1 is None else f"{s.f1:.3f}"
            print(f"| {section} | {row} | {f1} ({s.correct}/{s.gold}/{s.found}) |")


if __name__ == "__main__":
    main()
