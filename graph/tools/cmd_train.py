"""`ikg train`: train the learned recogniser's CRF on hand-annotated articles."""
from __future__ import annotations

from pathlib import Path

from ..data import ONTOLOGY_DIR
from ..errors import IkgError
from ..learned import CONFIG_FILE, LEARNED_DIR, MODEL_FILE, load_config, train
from ..pipeline import Pipeline
from ..training import refuse_test_split, training_examples
from .common import OK

HELP = "train the learned recogniser on gold-annotated articles"
DESCRIPTION = ("Locate every gold entity's names in its article's sentences, train a character-level CRF "
               "on them (fixed parameters from ontology/learned/learned.toml, so the same gold gives the "
               "same model) and write it to ontology/learned/model.crfsuite. A folder named 'test' (the "
               "frozen test split) is refused.")


def _pair(value: str) -> tuple[Path, Path]:
    gold, sep, articles = value.partition("=")
    if not sep or not gold or not articles:
        raise IkgError(f"{value!r}: expected GOLD_DIR=ARTICLES_DIR, e.g. tests/gold=seeds")
    return Path(gold), Path(articles)


def add_arguments(p) -> None:
    p.add_argument("pairs", metavar="GOLD_DIR=ARTICLES_DIR", nargs="+",
                   help="a folder of gold files and the folder of the articles they annotate, "
                        "e.g. tests/gold=seeds tests/corpus/dev/gold=tests/corpus/dev")
    p.add_argument("--ontology", type=Path, metavar="DIR",
                   help="knowledge folder (registry for alias features, learned/learned.toml; default: the project's)")
    p.add_argument("--output", "-o", type=Path, metavar="FILE",
                   help=f"where to write the model (default: ontology/{LEARNED_DIR}/{MODEL_FILE})")


def run(args) -> int:
    pairs = [_pair(v) for v in args.pairs]  # a malformed pair or the test split fails before the slow load
    for gold, articles in pairs:
        refuse_test_split(gold)
        refuse_test_split(articles)
    ontology_dir = Path(args.ontology or ONTOLOGY_DIR)
    config = load_config(ontology_dir / LEARNED_DIR / CONFIG_FILE)
    pipeline = Pipeline.load(ontology_dir, disabled=("learned",))  # features never depend on an old model
    examples, articles = training_examples(pipeline, pairs, config.needs_pos)
    output = args.output or ontology_dir / LEARNED_DIR / MODEL_FILE
    sentences = train(examples, config, output)
    names = sum(label.startswith("B-") for _, labels in examples for label in labels)
    print(f"trained on {sentences} sentences of {articles} articles ({names} names); "
          f"wrote {output} ({output.stat().st_size // 1024} KiB)")
    return OK
