"""Awkward names make valid IRIs and RDF every parser accepts, and the same IRI every time."""
import pyoxigraph
import pytest
from rdflib import Graph, URIRef

from graph import build
from graph.iri import entity_iri
from graph.registry import normalise

from stage_helpers import found, linked

ARTICLE = """\
---
title: "名称测试：AIG美亚与“中华联合财产保险（上海）”"
date: 2023-07-01
---
AIG美亚推出“安心 保 Plus”旅行险，面向留学生提供保障。
中華聯合財產保險股份有限公司上海分公司推出“暖心保😀”意外险。
某某保险（上海）有限公司与“[特惠]保”合作。
ＡＢＣ人寿推出“ＸＹＺ保”，为骑手提供保障；“双引号\\"保”与'单引号'保险也在其中。
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory, pipeline):
    src = tmp_path_factory.mktemp("names")
    (src / "名称 测试 (1).md").write_text(ARTICLE, encoding="utf-8")
    out = src / "out"
    report = build(src, out, pipeline)
    return out, report


def test_every_format_parses_strictly(built):
    out, report = built
    assert report.built and not report.skipped and report.violations == ()
    g = Graph().parse(out / "graph.ttl", format="turtle")
    nt = g.serialize(format="nt", encoding="utf-8")
    strict = pyoxigraph.Store()
    strict.load(nt, format=pyoxigraph.RdfFormat.N_TRIPLES)  # pyoxigraph's parsers are strict
    assert len(strict) == len(g)
    trig = pyoxigraph.Store()
    trig.load(path=str(out / "graph.trig"), format=pyoxigraph.RdfFormat.TRIG)
    assert len(trig) > len(g) // 2


def test_iris_are_ascii_and_labels_keep_the_names(built):
    out, _ = built
    g = Graph().parse(out / "graph.ttl", format="turtle")
    for triple in g:
        for term in triple:
            if isinstance(term, URIRef):
                assert str(term).isascii() and " " not in str(term), term
    labels = {str(o) for o in g.objects(None, URIRef("http://www.w3.org/2004/02/skos/core#altLabel"))}
    assert "暖心保😀" in labels and "AIG美亚" in labels


def test_same_entity_same_iri_whatever_the_width_or_spacing():
    assert entity_iri("Product", "ＸＹＺ保") == entity_iri("Product", "XYZ保")
    assert entity_iri("Product", "安心 保 Plus") == entity_iri("Product", "安心保Plus")
    assert entity_iri("Product", "暖心保😀") == entity_iri("Product", "暖心保😀")
    assert entity_iri("Product", "暖心保") != entity_iri("Initiative", "暖心保")
    assert normalise("中华联合财产保险（上海）") == normalise("中华联合财产保险(上海)")


def test_iris_are_stable_across_builds(built, tmp_path, pipeline):
    out, _ = built
    src = next(out.parent.glob("*.md"))
    again = tmp_path / "again"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / src.name).write_bytes(src.read_bytes())
    build(tmp_path / "in", again, pipeline, check=False)

    def iris(folder):
        g = Graph().parse(folder / "graph.ttl", format="turtle")
        return {t for triple in g for t in triple if isinstance(t, URIRef)}
    assert iris(out) == iris(again)


def test_traditional_and_full_width_names_link_like_simplified_ones(built):
    out, _ = built
    g = Graph().parse(out / "graph.ttl", format="turtle")
    skos = "http://www.w3.org/2004/02/skos/core#"

    def pref(written):
        from rdflib import Literal
        (node,) = set(g.subjects(URIRef(skos + "altLabel"), Literal(written, lang="zh")))
        return str(g.value(node, URIRef(skos + "prefLabel")))

    assert pref("中華聯合財產保險股份有限公司上海分公司") == "中华财险上海分公司"  # the registry's 中华财险
    assert pref("ＡＢＣ人寿") == "ABC人寿"
    assert pref("ＸＹＺ保") == "XYZ保"


# -- organisations the registry lacks, by the head noun that ends their name --------------------

@pytest.mark.parametrize("text,name", [
    ("该公司携手浙江大学医学院附属第一医院推出直赔服务。", "浙江大学医学院附属第一医院"),
    ("理赔团队与华中科技大学同济医学院附属同济医院合作。", "华中科技大学同济医学院附属同济医院"),
    ("该公司向青浦区朱家角镇卫生院捐赠口罩。", "青浦区朱家角镇卫生院"),
    ("该支公司向城厢镇敬老院送去慰问品。", "城厢镇敬老院"),
    ("该公司与长宁区新华街道社区卫生服务中心签约。", "长宁区新华街道社区卫生服务中心"),
])
def test_hospitals_clinics_and_homes_are_partners(pipeline, text, name):
    """A university's hospital keeps the university in its name; clinics and homes end in their kind."""
    assert (name, "Partner") in found(pipeline, text)


def test_a_bare_kind_of_clinic_is_no_name(pipeline):
    assert not any(c == "Partner" for _, c in found(pipeline, "该公司向社区卫生服务中心捐赠口罩。"))


def test_rural_credit_cooperatives_are_partners(pipeline):
    got = found(pipeline, "该公司与江山农商行、安吉县农村信用合作联社共同推出农险贷款。")
    assert {("江山农商行", "Partner"), ("安吉县农村信用合作联社", "Partner")} <= got
    assert not any(c == "Partner" for _, c in found(pipeline, "当地农村信用社提供贷款。"))


def test_intermediaries_named_by_their_trade_are_partners(pipeline):
    got = found(pipeline, "该寿险公司与明亚保险经纪、泛华保险代理签署合作协议。")
    assert {("明亚保险经纪", "Partner"), ("泛华保险代理", "Partner")} <= got
    # the trade, its people and its licences are no firm
    assert not any(c == "Partner" for _, c in found(pipeline, "开展保险代理业务的专业保险代理机构和个人保险代理人。"))
    # Taiwan's brokers are firms named with 人 and 公司
    assert ("智汇保险经纪人公司", "Partner") in found(pipeline, "智汇保险经纪人公司遭金管会罚款。")


def test_social_insurance_and_farm_services_offices_are_regulators(pipeline):
    got = found(pipeline, "青岛市社保局联合奉新县动物疫病预防控制中心和中山市农业科技推广中心开展培训。")
    assert {("青岛市社保局", "Regulator"), ("奉新县动物疫病预防控制中心", "Regulator"),
            ("中山市农业科技推广中心", "Regulator")} <= got


def test_a_provincial_or_city_hospital_keeps_its_place(pipeline):
    """省立医院 and 市立医院 are one word to jieba: the place before it is the name's start."""
    got = found(pipeline, "该公司与安徽省立医院、青岛市立医院签署直赔协议。")
    assert {("安徽省立医院", "Partner"), ("青岛市立医院", "Partner")} <= got


@pytest.mark.parametrize("text, bodies", [
    ("山西省扶贫开发办公室与该公司签约。山西省扶贫办表示将加强合作。武汉市人民政府发布通知，武汉市政府要求各区落实。",
     [{"山西省扶贫开发办公室", "山西省扶贫办"}, {"武汉市人民政府", "武汉市政府"}]),
    # the public-order committees' offices and a police department's traffic bureau
    ("杭州市社会治安综合治理委员会办公室与该公司签约。杭州市综治办表示将续保。"
     "济南市公安局交通警察局与人保财险合作，济南市交警局负责现场处置。",
     [{"杭州市社会治安综合治理委员会办公室", "杭州市综治办"}, {"济南市公安局交通警察局", "济南市交警局"}]),
])
def test_a_department_in_full_and_by_its_short_name_is_one_body(pipeline, text, bodies):
    """山西省扶贫开发办公室 then 山西省扶贫办, 武汉市人民政府 then 武汉市政府: one government body each."""
    surfaces = {}
    for lm in linked(pipeline, text):
        surfaces.setdefault(lm.entity.iri, set()).add(lm.mention.surface)
    for body in bodies:
        assert body in surfaces.values()


def test_a_local_insurance_association_of_any_place_is_an_industry_body(pipeline):
    """A county's or a city's association the region list lacks (兰陵县, 中山市): 行业 ends no stem here."""
    got = found(pipeline, "临沂市保险行业协会联合兰陵县保险行业协会和中山市保险学会开展宣传。")
    assert {("兰陵县保险行业协会", "IndustryBody"), ("中山市保险学会", "IndustryBody")} <= got
    assert not any(c == "IndustryBody" for _, c in found(pipeline, "各公司按照保险行业协会的要求执行。"))


def test_an_insurers_asset_manager_is_an_insurer(pipeline):
    """ANNOTATION.md counts insurers' asset managers as insurers, not as partners."""
    got = found(pipeline, "另一家获批的是鸿泰保险资产管理有限公司，注册资本为5亿元。")
    assert ("鸿泰保险资产管理有限公司", "Insurer") in got


def test_trading_centres_and_patent_and_local_finance_offices(pipeline):
    got = found(pipeline, "该公司与福建海峡股权交易中心签约，宁波市知识产权局和深圳市地方金融监管局到场指导。")
    assert {("福建海峡股权交易中心", "IndustryBody"), ("宁波市知识产权局", "Regulator"),
            ("深圳市地方金融监管局", "Regulator")} <= got


def test_channels_levels_and_references_are_no_firms(pipeline):
    """手机银行 is a bank's channel, 乡镇卫生院 a kind of clinic, 上述保险经纪 a reference back."""
    for text in ("客户可通过手机银行、网上银行和微信银行投保。", "当地乡镇卫生院和县级医院均可直赔。",
                 "上述保险经纪已整改完毕。"):
        assert not any(c == "Partner" for _, c in found(pipeline, text)), text


def test_a_department_by_its_usual_short_form_is_the_one_named_in_full(pipeline):
    """应急局 is the usual short form of 应急管理局, 金融办 of a government's finance office: one body each
    with the full name the text gives."""
    links = linked(pipeline, "嘉兴市应急管理局召集座谈，嘉兴市应急局要求各企业投保。"
                             "厦门市政府金融办牵头，厦门市金融办随后发文。")
    iris = {}
    for lm in links:
        iris.setdefault(lm.entity.iri, set()).add(lm.mention.surface)
    assert {"嘉兴市应急管理局", "嘉兴市应急局"} in iris.values()
    assert {"厦门市政府金融办", "厦门市金融办"} in iris.values()


def test_a_taiwan_county_or_city_government_written_short_is_the_government(pipeline):
    """Taiwan's news writes 縣府 and 市府 for a county's or city's government: 屏東縣府 is 屏東縣政府;
    a street named after one is no body."""
    links = linked(pipeline, "屏東縣府再補助兩成保費，屏東縣政府也呼籲農友投保。高雄市府農業局說明理賠進度。")
    labels = {lm.mention.surface: lm.entity.label for lm in links if lm.entity.cls == "Regulator"}
    assert labels.get("屏東縣府") == labels.get("屏東縣政府") == "屏东县政府"
    assert "高雄市府" in labels
    assert not any(c == "Regulator" for _, c in found(pipeline, "他在县府路上开了一家店。"))


def test_a_new_areas_government_after_its_city_is_one_body(pipeline):
    """A city's new area (西海岸新区, 滨海新区) is a place of its own level: its government is named whole."""
    got = found(pipeline, "据悉，烟台黄渤海新区政府近日为辖区企业购买了一份环境污染清理费用保险。")
    assert ("烟台黄渤海新区政府", "Regulator") in got


def test_a_sub_district_written_as_where_a_place_is_names_no_office(pipeline):
    """莫城街道张西塘桥边, 丽水街道陈湾村, a table's 寿安街道、鹤山街道、某镇: the area, not its office; 朝阳门街道为老人投保
    is the office."""
    assert not any(c == "Regulator" for _, c in found(pipeline, "常熟市莫城街道张西塘桥边的一处大闸蟹养殖塘受了灾。"))
    assert not any(c == "Regulator" for _, c in found(pipeline, "罗山县丽水街道陈湾村的塘口当天就完成了查勘。"))
    assert ("朝阳门街道", "Regulator") in found(pipeline, "北京朝阳门街道为辖区老人投保了意外险。")
