"""The relation model: a classifier trained here on a few sentences adds a relation the rules miss,
with its sentence as evidence; relations.toml switches it on in a default build; it obeys the rules' limits on subjects and
the families switched off, and `ikg train --relations` writes a loadable model."""
import json
import re
import shutil
from dataclasses import replace

import pytest

from graph.learned import LEARNED_DIR
from graph.pipeline import RELATION_MODEL_COMPONENT, Pipeline, default_disabled, knowledge_fingerprint
from graph.records import Entity, Fact, Sentence
from graph.relate import evidence_of
from graph.relation_model import CONFIG_FILE, MODEL_FILE, Candidate, RelationModel, added, load_config, train
from graph.relation_training import article_candidates
from graph.tools.cli import main

from conftest import ROOT
from stage_helpers import document

# Sentences written for these tests: 心系 states supports, a frame no rule reads; the others state nothing.
STATED = [("新华保险", "乡村教师"), ("众安保险", "外卖骑手"), ("人保财险", "养殖户"), ("平安产险", "留守儿童")]
UNSTATED = [("新华保险", "外卖骑手"), ("众安保险", "养殖户"), ("人保财险", "留守儿童"), ("平安产险", "乡村教师")]
UNSEEN = "泰康人寿心系环卫工人。"


def write_corpus(folder):
    """The training sentences as one article with its gold file; returns (gold folder, articles folder)."""
    sentences = [f"{a}心系{b}。" for a, b in STATED] + [f"{a}召开年会，{b}代表未能出席。" for a, b in UNSTATED]
    gold = folder / "gold"
    gold.mkdir(parents=True)
    (folder / "tiny.txt").write_text("\n".join(sentences), encoding="utf-8")
    entities = [{"type": "Insurer", "name": a} for a, _ in STATED] + [
        {"type": "BeneficiaryGroup", "name": b} for _, b in STATED]
    relations = [{"subject": a, "predicate": "supports", "object": b, "evidence": s}
                 for (a, b), s in zip(STATED, sentences)]
    (gold / "tiny.json").write_text(json.dumps({"article": "tiny", "entities": entities, "relations": relations},
                                               ensure_ascii=False), encoding="utf-8")
    return gold, folder


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory, pipeline):
    folder = tmp_path_factory.mktemp("tiny")
    config = load_config(ROOT / "ontology" / LEARNED_DIR / CONFIG_FILE)
    articles = article_candidates(pipeline, [write_corpus(folder)], config)
    stated = {(c.subject.label, c.predicate, c.object.label) for c, y in zip(articles[0].candidates, articles[0].labels) if y}
    assert stated == {(a, "supports", b) for a, b in STATED}
    train([e for a in articles for e in a.examples()], config, folder / MODEL_FILE)
    return RelationModel(config, folder / MODEL_FILE)


def facts(pipeline, model, text, disabled=()):
    with_model = Pipeline(pipeline.registry, pipeline.rules, pipeline.tokenizer, pipeline.ontology,
                          disabled=disabled, relation_model=model)
    return {(f.subject.label, f.predicate, f.object.label): f for f in with_model.extract(document(text)).facts}


def test_the_model_adds_a_relation_the_rules_miss_with_its_sentence_as_evidence(pipeline, tiny_model):
    expected = ("泰康人寿", "supports", "环卫工人")
    assert expected not in facts(pipeline, None, UNSEEN)
    fact = facts(pipeline, tiny_model, UNSEEN)[expected]
    assert (fact.evidence.quote, fact.evidence.start, fact.evidence.end) == (UNSEEN, 0, len(UNSEEN))


def test_a_family_switched_off_gets_no_fact_from_the_model(pipeline, tiny_model):
    assert ("泰康人寿", "supports", "环卫工人") not in facts(pipeline, tiny_model, UNSEEN, disabled=("supports",))


def test_nothing_is_added_below_the_threshold(pipeline, tiny_model):
    strict = RelationModel(replace(tiny_model.config, threshold=1.01), tiny_model.model_path)
    assert facts(pipeline, strict, UNSEEN) == facts(pipeline, None, UNSEEN)


def test_the_model_gives_no_second_provider_to_a_product_a_rule_gave_one_in_that_sentence():
    """平安产险推出“无害化处理附加险”；众安保险上线“灵活工作保”: the model read the words between and
    added 众安保险 provides 无害化处理附加险; the rule read the clauses."""
    text = "平安产险推出“无害化处理附加险”；众安保险上线“灵活工作保”。"
    s = Sentence("t", 0, 0, len(text), text, 0)
    pingan, zhongan = Entity("ikr:pingan-pc", "Insurer", "平安产险"), Entity("ikr:zhongan", "Insurer", "众安保险")
    rider, flexible = Entity("p:1", "Product", "无害化处理附加险"), Entity("p:2", "Product", "灵活工作保")
    known = [Fact(pingan, "provides", rider, evidence_of(s)), Fact(zhongan, "provides", flexible, evidence_of(s))]
    crossed = [Candidate(s, zhongan, "provides", rider, ()), Candidate(s, pingan, "provides", flexible, ())]
    assert added(known, crossed, [0.9, 0.9], 0.5) == []
    partners = [Candidate(s, zhongan, "partnersWith", Entity("ikr:alipay", "Partner", "支付宝"), ())]
    assert len(added(known, partners, [0.9], 0.5)) == 1  # other relations of the sentence still count


def test_its_subjects_are_those_the_rules_state_facts_for(pipeline):
    """ANNOTATION.md relates only insurers, branches and groups: the model adds no partner's fact."""
    config = load_config(ROOT / "ontology" / LEARNED_DIR / CONFIG_FILE)
    for predicate, classes in config.subjects.items():
        stated = set().union(*(r.stated_for for r in pipeline.rules.relations if r.predicate == predicate))
        assert classes <= stated, predicate


@pytest.fixture
def ontology_copy(tmp_path):
    copy = tmp_path / "ontology"
    shutil.copytree(ROOT / "ontology", copy)
    return copy


def test_relations_toml_says_whether_a_default_build_runs_the_model(ontology_copy):
    # on: it raised relation F1 on the frozen test split (README, "The learned relation model")
    assert RELATION_MODEL_COMPONENT not in default_disabled()
    assert Pipeline.load().relation_model is not None  # the committed model
    assert Pipeline.load(disabled=(RELATION_MODEL_COMPONENT,)).relation_model is None
    settings = ontology_copy / "learned" / "relations.toml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("enabled = true", "enabled = false"), encoding="utf-8")
    assert RELATION_MODEL_COMPONENT in default_disabled(ontology_copy)


def test_the_model_and_its_settings_are_part_of_the_knowledge_hash(ontology_copy):
    before = knowledge_fingerprint(ontology_copy)
    (ontology_copy / LEARNED_DIR / MODEL_FILE).unlink()
    without_model = knowledge_fingerprint(ontology_copy)
    config = ontology_copy / LEARNED_DIR / CONFIG_FILE
    config.write_text(re.sub(r"(?m)^threshold = .*$", "threshold = 0.9", config.read_text(encoding="utf-8")),
                      encoding="utf-8")
    assert len({before, without_model, knowledge_fingerprint(ontology_copy)}) == 3


def test_train_relations_writes_a_loadable_model(tmp_path, ontology_copy, capsys):
    (ontology_copy / LEARNED_DIR / MODEL_FILE).unlink()
    gold, articles = write_corpus(tmp_path / "corpus")
    assert main(["train", "--relations", f"{gold}={articles}", "--ontology", str(ontology_copy)]) == 0
    assert "trained on 16 candidates of 1 articles (4 stated)" in capsys.readouterr().out
    assert RelationModel.load(ontology_copy / LEARNED_DIR) is not None
    assert not list((ontology_copy / LEARNED_DIR).glob(".*"))  # written atomically: no temporary left


def test_train_relations_refuses_the_test_split(tmp_path, capsys):
    for sub in ("test/gold", "articles"):
        (tmp_path / sub).mkdir(parents=True)
    output = tmp_path / MODEL_FILE
    assert main(["train", "--relations", f"{tmp_path}/test/gold={tmp_path}/articles", "--output", str(output)]) == 1
    assert "frozen test split" in capsys.readouterr().err
    assert not output.exists()
