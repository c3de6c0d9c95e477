"""`ikg train`: train the learned recogniser's CRF, or the relation model, on hand-annotated articles."""
from __future__ import annotations

from pathlib import Path

from ..data import ONTOLOGY_DIR
from ..errors import IkgError
from ..learned import CONFIG_FILE, LEARNED_DIR, MODEL_FILE, load_config, train
from ..pipeline import RELATION_MODEL_COMPONENT, Pipeline, default_disabled
from ..relation_model import CONFIG_FILE as RELATION_CONFIG, MODEL_FILE as RELATION_MODEL
from ..relation_model import load_config as load_relation_config, train as train_relations
from ..relation_training import article_candidates
from ..training import refuse_test_split, training_examples
from .common import OK

HELP = "train the learned recogniser (or, with --relations, the relation model) on gold-annotated articles"
DESCRIPTION = ("Locate every gold entity's names in its article's sentences, train a character-level CRF "
               "on them (fixed parameters from ontology/learned/learned.toml, so the same gold gives the "
               "same model) and write it to ontology/learned/model.crfsuite. With --relations, label every "
               "candidate relation (a pair of mentions of one sentence) stated or not by the gold, train "
               "the relation model on them (ontology/learned/relations.toml) and write it to "
               "ontology/learned/relations.crfsuite. A folder named 'test' (the frozen test split) is refused.")


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
    p.add_argument("--relations", action="store_true",
                   help=f"train the relation model ({RELATION_MODEL_COMPONENT}) instead of the learned recogniser")
    p.add_argument("--output", "-o", type=Path, metavar="FILE",
                   help=f"where to write the model (default: ontology/{LEARNED_DIR}/{MODEL_FILE}, "
                        f"with --relations ontology/{LEARNED_DIR}/{RELATION_MODEL})")


def run(args) -> int:
    pairs = [_pair(v) for v in args.pairs]  # a malformed pair or the test split fails before the slow load
    for gold, articles in pairs:
        refuse_test_split(gold)
        refuse_test_split(articles)
    ontology_dir = Path(args.ontology or ONTOLOGY_DIR)
    if args.relations:
        return _train_relations(pairs, ontology_dir, args.output or ontology_dir / LEARNED_DIR / RELATION_MODEL)
    config = load_config(ontology_dir / LEARNED_DIR / CONFIG_FILE)
    # features never depend on an old model
    pipeline = Pipeline.load(ontology_dir, disabled=("learned", RELATION_MODEL_COMPONENT))
    examples, articles = training_examples(pipeline, pairs, config.needs_pos)
    output = args.output or ontology_dir / LEARNED_DIR / MODEL_FILE
    sentences = train(examples, config, output)
    names = sum(label.startswith("B-") for _, labels in examples for label in labels)
    print(f"trained on {sentences} sentences of {articles} articles ({names} names); "
          f"wrote {output} ({output.stat().st_size // 1024} KiB)")
    return OK


def _train_relations(pairs: list[tuple[Path, Path]], ontology_dir: Path, output: Path) -> int:
    config = load_relation_config(ontology_dir / LEARNED_DIR / RELATION_CONFIG)
    # Candidates come from the default build's mentions; never from an old relation model
    disabled = tuple(sorted({*default_disabled(ontology_dir), RELATION_MODEL_COMPONENT}))
    articles = article_candidates(Pipeline.load(ontology_dir, disabled=disabled), pairs, config)
    examples = [e for a in articles for e in a.examples()]
    count = train_relations(examples, config, output)
    stated = sum(y for _, y in examples)
    print(f"trained on {count} candidates of {len(articles)} articles ({stated} stated); "
          f"wrote {output} ({output.stat().st_size // 1024} KiB)")
    return OK
