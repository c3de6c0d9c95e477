"""Government bodies insurance news names that the registry knows: the State Council's committees and
their offices, Hong Kong's 2022 policy bureaux and statutory bodies, Macao's and Taiwan's offices.
A bare name a mainland body shares (教育局, 医管局, 内政部) is the market's body only in that market's news."""
import pytest

from stage_helpers import entities


def iris(pipeline, text):
    return {e.iri.rsplit("/", 1)[-1] for _, e in entities(pipeline, text)}


def test_a_state_council_committees_office_is_found_whole_not_as_the_state_council(pipeline):
    got = entities(pipeline, "中英人寿与国务院妇女儿童工作委员会办公室合作。")
    assert ("国务院妇女儿童工作委员会办公室", "Regulator") in {(e.label, e.cls) for _, e in got}
    assert "国务院" not in {e.label for _, e in got}


@pytest.mark.parametrize("text,slug", [
    ("国务院妇儿工委办公室与中国人寿合作开展儿童保障。", "ncwca-office"),
    ("国务院妇儿工委部署儿童健康工作，中国人寿参与。", "ncwca"),
    ("国务院残工委印发通知，人保财险承保残疾人意外险。", "scwcd"),
    ("国务院安委办要求推行安全生产责任保险，平安产险响应。", "scwsc-office"),
    ("全国老龄委发布倡议，太平养老参与。", "cnca"),
    ("国务院医改办与中国人寿座谈。", "healthcare-reform-office"),
    ("国务院食安办推动食品安全责任保险，人保财险承保。", "fsc-state-council-office"),
])
def test_state_council_committees_by_their_short_names(pipeline, text: str, slug: str):
    assert slug in iris(pipeline, text)


def test_the_hospital_authority_is_a_regulator_not_a_hong_kong_hospital(pipeline):
    """香港医院管理局 was read as a Partner 香港医院 and a stray word."""
    got = entities(pipeline, "宏利与香港医院管理局合作。")
    assert ("香港医院管理局", "Regulator") in {(e.label, e.cls) for _, e in got}
    assert "Partner" not in {e.cls for _, e in got}


@pytest.mark.parametrize("text,surface,slug", [
    # an article naming two Hong Kong insurers is Hong Kong news
    ("友邦香港与保诚香港宣布，教育局将与两家公司合作。", "教育局", "hk-edb"),
    # …and so is one writing 香港 more than any other place
    ("香港的保险公司近年在香港推出多款产品，发展局亦与业界合作推广建筑工程保险。", "发展局", "hk-devb"),
    ("友邦香港与保诚香港的代理涉嫌欺诈，廉政公署已介入调查。", "廉政公署", "hk-icac"),
    ("香港特区政府与香港医管局宣布，医管局将与保诚合作。", "医管局", "hk-ha"),
    # Macao's bodies of the same bare names in Macao news
    ("澳门特区政府与澳门金融管理局表示，廉署已介入调查。", "廉署", "macao-ccac"),
    ("澳门特区政府与澳门金融管理局宣布，经济局将资助中小企业投保。", "经济局", "macao-dsedt"),
    ("国泰人寿与富邦人寿指出，内政部将推动长照保险。", "内政部", "tw-moi"),
])
def test_a_bare_local_name_is_the_markets_body_in_its_news(pipeline, text: str, surface: str, slug: str):
    assert {e.iri.rsplit("/", 1)[-1] for s, e in entities(pipeline, text) if s == surface} == {slug}


@pytest.mark.parametrize("text,slug", [
    ("市教育局发布通知，人保财险承保学生平安保险。", "hk-edb"),
    ("教育局发布通知，人保财险承保学生平安保险。", "hk-edb"),
    ("北京市医管局与人保健康合作。", "hk-ha"),
    ("消委会提醒消费者，平安产险回应。", "hk-consumer-council"),
    ("法国内政部宣布新规，安盛集团回应。", "tw-moi"),
])
def test_a_bare_local_name_is_no_markets_body_in_mainland_news(pipeline, text: str, slug: str):
    assert slug not in iris(pipeline, text)


@pytest.mark.parametrize("name,slug", [
    ("民政事务局", "hk-hyab"),  # renamed 民政及青年事务局 in 2022
    ("民青局", "hk-hyab"),
    ("创新及科技局", "hk-itib"),  # renamed 创新科技及工业局 in 2022
    ("创科局", "hk-itib"),
    ("教统局", "hk-edb"),  # 教育统筹局 until 2007
    ("香港环境局", "hk-eeb"),
    ("运物局", "hk-tlb"),
    ("运输及房屋局", "hk-thb"),  # split in 2022: a former body of its own
    ("文体旅局", "hk-cstb"),
    ("商经局", "hk-cedb"),
    ("律政司", "hk-doj"),
    ("经科局", "macao-dsedt"),
    ("社文司", "macao-ssac"),
    ("澳门劳工事务局", "macao-dsal"),
    ("主计总处", "tw-dgbas"),
    ("国发会", "tw-ndc"),
    ("港府", "hksar-gov"),  # the Hong Kong government by its usual short name
    ("特区政府", "hksar-gov"),  # in Hong Kong news, its own SAR's; in Macao news, Macao's
    ("澳府", "macao-gov"),
    ("特区政府", "macao-gov"),
])
def test_hong_kong_macao_and_taiwan_bodies_by_their_short_and_former_names(pipeline, name: str, slug: str):
    """Each name in Hong Kong, Macao or Taiwan news (two of the market's bodies or insurers named)."""
    market = {"hk": "友邦香港与保诚香港表示，", "ma": "澳门特区政府与澳门金融管理局表示，", "tw": "国泰人寿与富邦人寿表示，"}
    text = market[slug[:2]] + name + "将与业界合作。"
    assert {e.iri.rsplit("/", 1)[-1] for s, e in entities(pipeline, text) if s == name} == {slug}


def test_the_split_transport_and_housing_bureau_is_replaced_by_both_its_successors(pipeline):
    from rdflib import Graph, Namespace
    from rdflib.namespace import DCTERMS

    from conftest import ROOT
    ikr = Namespace("https://w3id.org/insurance-kg/id/")
    g = Graph().parse(ROOT / "ontology" / "registry" / "hk_macao_taiwan.ttl")
    assert set(g.objects(ikr["hk-thb"], DCTERMS.isReplacedBy)) == {ikr["hk-tlb"], ikr["hk-hb"]}
