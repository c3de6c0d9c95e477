"""Cross-validation of the whole default build: both learned models retrained for every fold.

    python bench/pipeline_crossval.py                        # 5 folds over news train
    python bench/pipeline_crossval.py --ontology /tmp/variant  # a variant knowledge folder

bench/crossval.py and bench/relations_crossval.py each hold one model out and keep the other
trained on every article, so the relation figures there read mentions that a recogniser trained on
the very article found. Here each fold of the news train split (``sha256("fold:" + stem) mod k``) is
held out from both: the learned recogniser and then the relation model are trained, with ``ikg
train``, on the other folds plus the seeds and the dev set (always in training), into a copy of the
knowledge folder in a temporary directory (ontology/learned/ is never touched), and the held-out
fold is built and scored by ``ikg eval``. Counts are pooled over the folds. The rules were written
looking at news train, so these figures flatter them; they are for comparing variants of the models
and their settings, not for reporting quality (the frozen test split is for that). It takes about
ten minutes on the 2-core machine.
"""
from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.data import ONTOLOGY_DIR  # noqa: E402
from graph.tools.cli import main as ikg  # noqa: E402

NEWS_TRAIN = ROOT / "tests" / "corpus" / "news" / "train"
ALWAYS = [f"{ROOT / 'tests' / 'gold'}={ROOT / 'seeds'}",
          f"{ROOT / 'tests' / 'corpus' / 'dev' / 'gold'}={ROOT / 'tests' / 'corpus' / 'dev'}"]
SALT = "fold:"


def fold_of(stem: str, folds: int) -> int:
    """The fold an article is held out in: fixed by its file stem."""
    return int(hashlib.sha256((SALT + stem).encode("utf-8")).hexdigest(), 16) % folds


def split(folds: int, k: int, into: Path) -> tuple[Path, Path]:
    """Folders of links to the train articles and gold outside fold ``k`` and inside it."""
    parts = into / "train", into / "held_out"
    for part in parts:
        (part / "gold").mkdir(parents=True)
    for gold in sorted((NEWS_TRAIN / "gold").glob("*.json")):
        article = next(p for p in NEWS_TRAIN.glob(gold.stem + ".*") if p.is_file())
        part = parts[fold_of(gold.stem, folds) == k]
        (part / article.name).symlink_to(article)
        (part / "gold" / gold.name).symlink_to(gold)
    return parts


def _run(*args: str) -> str:
    """``ikg args``, its standard output returned (a failure stops the benchmark)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = ikg(list(args))
    if code not in (0, None):
        raise SystemExit(f"ikg {' '.join(args)} exited {code}")
    return out.getvalue()


def held_out_report(folds: int, k: int, ontology: Path, tmp: Path) -> dict:
    """``ikg eval``'s JSON for fold ``k``, both models trained on the others."""
    knowledge = tmp / f"ontology{k}"
    shutil.copytree(ontology, knowledge)
    train, held_out = split(folds, k, tmp / f"fold{k}")
    pairs = [*ALWAYS, f"{train / 'gold'}={train}"]
    _run("train", "--ontology", str(knowledge), *pairs)
    _run("train", "--relations", "--ontology", str(knowledge), *pairs)
    return json.loads(_run("eval", str(held_out / "gold"), "--input", str(held_out), "--ontology", str(knowledge),
                           "--format", "json"))


def pooled(reports: list[dict]) -> dict[str, dict[str, list[int]]]:
    """Gold, found and correct counts per section and row, summed over the folds."""
    out: dict[str, dict[str, list[int]]] = {}
    for report in reports:
        for section in ("entities", "relations", "structure"):
            for row, s in report[section].items():
                counts = out.setdefault(section, {}).setdefault(row, [0, 0, 0])
                for i, key in enumerate(("gold", "found", "correct")):
                    counts[i] += s[key]
        counts = out.setdefault("amounts", {}).setdefault("all", [0, 0, 0])
        for i, key in enumerate(("gold", "found", "correct")):
            counts[i] += report["amounts"][key]
    return out


def f1(gold: int, found: int, correct: int) -> float:
    return 2 * correct / (gold + found) if gold + found else 0.0


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--ontology", type=Path, default=ONTOLOGY_DIR, help="knowledge folder (default: the project's)")
    p.add_argument("--folds", type=int, default=5)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        reports = [held_out_report(args.folds, k, args.ontology, Path(tmp)) for k in range(args.folds)]
    counts = pooled(reports)
    print(f"{args.folds}-fold cross-validation over {NEWS_TRAIN.relative_to(ROOT)}, both models retrained per fold; "
          "F1 (correct/gold/found) pooled over the held-out folds\n")
    print("| section | row | F1 |\n| --- | --- | ---: |")
    for section, rows in counts.items():
        for row, (gold, found, correct) in rows.items():
            print(f"| {section} | {row} | {f1(gold, found, correct):.3f} ({correct}/{gold}/{found}) |")


if __name__ == "__main__":
    main()
