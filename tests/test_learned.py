"""The learned recogniser: a CRF trained here on a few sentences finds names the rules miss, the
build works without a model, `ikg train` writes a loadable model and refuses the test split."""
import json
import shutil
from dataclasses import replace

import pytest

from graph.errors import IkgError
from graph.learned import (CONFIG_FILE, LEARNED_DIR, MODEL_FILE, LearnedModel, SentenceInput, bio_labels, features,
                           load_config, spans_of, train)
from graph.pipeline import Pipeline, knowledge_fingerprint
from graph.recognise import Recogniser, learned_input
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


# -- the feature groups and options of learned.toml --------------------------------------------------

def config_with(tmp_path, extra: str):
    """A small learned.toml with ``extra`` lines before its [training] table, loaded."""
    path = tmp_path / CONFIG_FILE
    path.write_text('enabled = true\nclasses = ["Product", "Initiative", "BeneficiaryGroup"]\nmin_length = 2\n'
                    'min_confidence = 0.0\ntrigger_window = 4\ntriggers = ["惠及"]\n' + extra.split("[suffixes]")[0]
                    + '\n[training]\nc1 = 0.1\nc2 = 0.05\nmax_iterations = 50\n'
                    + ("[suffixes]" + extra.split("[suffixes]")[1] if "[suffixes]" in extra else ""), encoding="utf-8")
    return load_config(path)


def sentence(text, words):
    return SentenceInput(text, words, [], [])


def test_the_feature_groups_are_chosen_in_learned_toml(tmp_path):
    config = config_with(tmp_path, 'features = ["chars"]')
    seq = features(sentence("受灾农户", [("受灾", "v"), ("农户", "n")]), config)
    assert seq[0] == ["bias", "c=受", "c-1=<s>", "c+1=灾"]
    with pytest.raises(IkgError, match=r"learned.toml: \[features\]: unknown feature group 'nonsense'"):
        config_with(tmp_path, 'features = ["chars", "nonsense"]')


def test_head_noun_endings_are_seen_ahead_within_a_run_of_name_characters(tmp_path):
    config = config_with(tmp_path, 'features = ["suffixes", "runs", "word_shape"]\n[suffixes]\npeople = ["户", "农户"]')
    seq = features(sentence("受灾农户、渔民", [("受灾", "v"), ("农户", "n"), ("、", "x"), ("渔民", "n")]), config)
    assert "sxn=people:4" in seq[0] and "sxe=people" in seq[3] and "sx=people" in seq[2]
    assert not any(f.startswith("sxn=") for f in seq[4])  # 、 ends the run: nothing is seen across it
    assert "ro=<s>" in seq[0] and "rc=、" in seq[3] and "ro=、" in seq[5]
    assert {"wf=农", "wl=户", "wn=2"} <= set(seq[2]) and "nwl=灾" not in seq[0] and "nwl=户" in seq[1]


def test_a_model_without_pos_tags_never_runs_the_pos_tagger(pipeline, monkeypatch):
    recogniser = Recogniser(pipeline.registry, pipeline.rules, pipeline.tokenizer)
    s = segment(document(UNSEEN), pipeline.tokenizer)[0]
    view = recogniser.view(s)
    monkeypatch.setattr(pipeline.tokenizer, "pos", lambda *a, **k: pytest.fail("pos tagger run"))
    words = learned_input(recogniser, view, pos=False).words
    assert "".join(w for w, _ in words) == s.text and {t for _, t in words} == {"x"}


def test_other_label_trains_the_classes_it_does_not_speak_for_as_one(tmp_path, pipeline):
    config = replace(config_with(tmp_path, 'other_label = "Org"'), classes=frozenset({"Product", "Initiative"}))
    examples, _ = training_examples(pipeline, [write_corpus(tmp_path / "corpus")], pos=False)
    train(examples, config, tmp_path / MODEL_FILE)
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(tmp_path / MODEL_FILE))
    assert {"B-Org", "B-Initiative", "B-Product"} <= set(tagger.labels())
    assert "B-BeneficiaryGroup" not in tagger.labels()


class _FixedSpans:
    """A stand-in model that tags the same spans in every sentence."""

    def __init__(self, config, spans):
        self.config, self.spans = config, spans

    def names(self, _sentence):
        return self.spans


def test_a_name_the_model_opens_at_a_quote_it_never_closes_is_no_name(pipeline):
    """A span that opens with 《 or “ and closes none (《某省保险业助推…工作 of a document's title) is a
    piece of something else; a span that holds its closed quote (“1+N”应急体系) is kept."""
    config = replace(load_config(ROOT / "ontology" / LEARNED_DIR / CONFIG_FILE), on_word_boundaries=False)
    text = "协会发布《某省保险业助推乡村振兴工作的意见》和“1+N”应急体系。"
    piece, whole = text.index("《"), text.index("“")
    spans = [(piece, text.index("的意见"), "Initiative"), (whole, text.index("。"), "Initiative")]
    got = names(pipeline, text, _FixedSpans(config, spans))
    assert ("《某省保险业助推乡村振兴工作", "Initiative", "pattern") not in got
    assert ("“1+N”应急体系", "Initiative", "pattern") in got


def test_a_name_the_model_finds_in_a_shape_no_cover_or_programme_has_is_no_name(pipeline):
    """The model's span is held to the shapes the quoted names are: a document (…实施方案) and a bare
    kind of cover (长期护理保险) are no names; a programme beside them is kept."""
    config = replace(load_config(ROOT / "ontology" / LEARNED_DIR / CONFIG_FILE), on_word_boundaries=False)
    text = "县里印发2024年农业保险试点工作实施方案，推进长期护理保险，并启动金穗护农行动。"
    spans = [(text.index("2024"), text.index("，"), "Initiative"),
             (text.index("长期"), text.index("，并"), "Product"),
             (text.index("金穗"), text.index("。"), "Initiative")]
    got = names(pipeline, text, _FixedSpans(config, spans))
    assert ("2024年农业保险试点工作实施方案", "Initiative", "pattern") not in got
    assert ("长期护理保险", "Product", "pattern") not in got
    assert ("金穗护农行动", "Initiative", "pattern") in got


def test_the_words_a_quoted_programmes_whole_name_holds_are_no_name_the_model_may_claim(pipeline):
    """“某某 为爱加油”客户关爱计划: the words after the quote are the programme's own, its whole name; the
    model's span over them is no second programme. A span of its own elsewhere is kept."""
    config = replace(load_config(ROOT / "ontology" / LEARNED_DIR / CONFIG_FILE), on_word_boundaries=False)
    text = "太平人寿上海分公司推出“太平守沪 为爱加油”客户关爱计划，又启动金穗护农行动。"
    spans = [(text.index("客户"), text.index("，又"), "Initiative"), (text.index("金穗"), text.index("。"), "Initiative")]
    got = names(pipeline, text, _FixedSpans(config, spans))
    assert ("客户关爱计划", "Initiative", "pattern") not in got
    assert ("太平守沪 为爱加油", "Initiative", "pattern") in got
    assert ("金穗护农行动", "Initiative", "pattern") in got


def test_a_role_someone_takes_on_is_no_group_the_model_may_claim(pipeline):
    """担任楼层志愿者: one person's role, as the rules read it, not a group of people the text helps."""
    config = replace(load_config(ROOT / "ontology" / LEARNED_DIR / CONFIG_FILE), on_word_boundaries=False)
    text = "分公司团委副书记主动申请担任楼层志愿者，并为社区老人送去药品。"
    spans = [(text.index("楼层"), text.index("，并"), "BeneficiaryGroup"),
             (text.index("社区老人"), text.index("送去"), "BeneficiaryGroup")]
    got = names(pipeline, text, _FixedSpans(config, spans))
    assert not any(n == "楼层志愿者" for n, _, _ in got)
    assert ("社区老人", "BeneficiaryGroup", "pattern") in got
