"""The learned recogniser: a CRF trained here on a few sentences finds names the rules miss, the
build works without a model, `ikg train` writes a loadable model and refuses the test split."""
import json
import shutil

import pytest

from graph.learned import CONFIG_FILE, LEARNED_DIR, MODEL_FILE, LearnedModel, bio_labels, load_config, spans_of, train
from graph.pipeline import Pipeline, knowledge_fingerprint
from graph.recognise import Recogniser
from graph.segment import segment
from graph.tools.cli import main
from graph.training import training_examples

from conftest import ROOT
from stage_helpers import document

# Sentences written for these tests: initiatives, products and groups in frames no rule knows.
TRAINING = [
    ("新华保险的成长陪伴计划已惠及乡村教师。", [("Initiative", "成长陪伴计划"), ("BeneficiaryGroup", "乡村教师")]),
    ("平安产险的司机关爱计划已惠及网约车司机。", [("Initiative", "司机关爱计划"), ("BeneficiaryGroup", "网约车司机")]),
    ("阳光保险的暖心守护行动已惠及留守儿童。", [("Initiative", "暖心守护行动"), ("BeneficiaryGroup", "留守儿童")]),
    ("人保财险的春耕护航行动已惠及种粮大户。", [("Initiative", "春耕护航行动"), ("BeneficiaryGroup", "种粮大户")]),
    ("太保产险的乡村振兴计划已惠及养殖农户。", [("Initiative", "乡村振兴计划"), ("BeneficiaryGroup", "养殖农户")]),
    ("中国人寿的银发安康计划已惠及退休老人。", [("Initiative", "银发安康计划"), ("BeneficiaryGroup", "退休老人")]),
    ("众安保险的骑士无忧宝已惠及外卖骑手。", [("Product", "骑士无忧宝"), ("BeneficiaryGroup", "外卖骑手")]),
    ("泰康人寿的康宁终身宝已惠及城市白领。", [("Product", "康宁终身宝"), ("BeneficiaryGroup", "城市白领")]),
    ("大家保险的安心健康宝已惠及社区居民。", [("Product", "安心健康宝"), ("BeneficiaryGroup", "社区居民")]),
]
UNSEEN = "泰康人寿的安康守护计划已惠及环卫工人。"


def write_corpus(folder):
    """The training sentences as one article with its gold file; returns (gold folder, articles folder)."""
    gold = folder / "gold"
    gold.mkdir(parents=True)
    (folder / "tiny.txt").write_text("\n".join(s for s, _ in TRAINING), encoding="utf-8")
    entities = [{"type": t, "name": n} for _, names in TRAINING for t, n in names]
    (gold / "tiny.json").write_text(json.dumps({"article": "tiny", "entities": entities}, ensure_ascii=False),
                                    encoding="utf-8")
    return gold, folder


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory, pipeline):
    folder = tmp_path_factory.mktemp("tiny")
    config = load_config(ROOT / "ontology" / LEARNED_DIR / CONFIG_FILE)
    examples, _ = training_examples(pipeline, [write_corpus(folder)])
    train(examples, config, folder / MODEL_FILE)
    return LearnedModel(config, folder / MODEL_FILE)


def names(pipeline, text, learned, disabled=()):
    recogniser = Recogniser(pipeline.registry, pipeline.rules, pipeline.tokenizer, disabled, learned)
    return {(m.surface, m.cls, m.kind) for m in recogniser.recognise(segment(document(text), pipeline.tokenizer))}


def test_bio_labels_and_spans_round_trip():
    spans = [(0, 2, "Product"), (2, 3, "Partner"), (5, 9, "Initiative")]
    assert spans_of(bio_labels(10, spans)) == spans


def test_the_model_finds_an_initiative_the_rules_miss(pipeline, tiny_model):
    expected = ("安康守护计划", "Initiative", "pattern")
    assert expected not in names(pipeline, UNSEEN, None)
    assert expected in names(pipeline, UNSEEN, tiny_model)
    assert expected not in names(pipeline, UNSEEN, tiny_model, disabled=["learned"])


def test_the_model_speaks_only_for_its_classes_and_leaves_registry_names_to_aliases(pipeline, tiny_model):
    found = names(pipeline, UNSEEN, tiny_model)
    assert ("泰康人寿", "Insurer", "alias") in found
    assert not any(kind == "pattern" and cls not in tiny_model.config.classes for _, cls, kind in found)


def test_a_found_name_becomes_an_entity_in_the_graph(pipeline, tiny_model):
    with_model = Pipeline(pipeline.registry, pipeline.rules, pipeline.tokenizer, pipeline.ontology, learned=tiny_model)
    labels = {(lm.entity.label, lm.entity.cls) for lm in with_model.extract(document(UNSEEN)).mentions}
    assert ("安康守护计划", "Initiative") in labels


@pytest.fixture
def bare_ontology(tmp_path):
    """A copy of the project's knowledge folder without a trained model."""
    copy = tmp_path / "ontology"
    shutil.copytree(ROOT / "ontology", copy)
    (copy / LEARNED_DIR / MODEL_FILE).unlink(missing_ok=True)
    return copy


def test_the_build_works_without_a_model_file(bare_ontology):
    bare = Pipeline.load(bare_ontology)
    assert bare.learned is None
    labels = {lm.entity.label for lm in bare.extract(document(UNSEEN)).mentions}
    assert "泰康人寿" in labels


def test_the_model_file_is_part_of_the_knowledge_hash(bare_ontology, tiny_model):
    before = knowledge_fingerprint(bare_ontology)
    shutil.copy(tiny_model.model_path, bare_ontology / LEARNED_DIR / MODEL_FILE)
    assert knowledge_fingerprint(bare_ontology) != before


def test_train_command_writes_a_loadable_model(tmp_path, bare_ontology, capsys):
    gold, articles = write_corpus(tmp_path / "corpus")
    assert main(["train", f"{gold}={articles}", "--ontology", str(bare_ontology)]) == 0
    assert "trained on 9 sentences of 1 articles" in capsys.readouterr().out
    model = LearnedModel.load(bare_ontology / LEARNED_DIR)
    assert model is not None and model.model_path.stat().st_size > 0
    assert not list((bare_ontology / LEARNED_DIR).glob(".*"))  # written atomically: no temporary left
    assert Pipeline.load(bare_ontology, disabled=()).learned is not None
    assert Pipeline.load(bare_ontology).learned is not None  # learned.toml switches it on by default
    config = bare_ontology / LEARNED_DIR / CONFIG_FILE
    config.write_text(config.read_text(encoding="utf-8").replace("enabled = true", "enabled = false"), encoding="utf-8")
    assert Pipeline.load(bare_ontology).learned is None  # and `enabled = false` leaves it off


@pytest.mark.parametrize("pair", ["{t}/test/gold={t}/articles", "{t}/gold={t}/test"])
def test_train_command_refuses_the_test_split(tmp_path, pair, capsys):
    for sub in ("test/gold", "gold", "articles", "test"):
        (tmp_path / sub).mkdir(parents=True, exist_ok=True)
    output = tmp_path / "model.crfsuite"
    assert main(["train", pair.format(t=tmp_path), "--output", str(output)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("ikg: error: ") and "frozen test split" in err and err.count("\n") == 1
    assert not output.exists()


def test_train_command_wants_gold_and_articles_pairs(capsys):
    assert main(["train", "tests/gold"]) == 1
    assert "expected GOLD_DIR=ARTICLES_DIR" in capsys.readouterr().err
