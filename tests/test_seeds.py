"""What a careful reader finds in each seed article, and what the built graph must therefore hold.

The expectations were written by reading the articles, sentence by sentence; they are not the
builder's output copied back.
"""
import pytest
from rdflib import Literal, URIRef

from graph.namespaces import ARTICLE, IK, ORG, RDF, SKOS

from conftest import entity

# article id prefix -> (name, class) pairs a reader finds in it
ENTITIES = {
    "000": [("平安产险上海分公司", "Branch"), ("平安产险", "Insurer"), ("平安人寿上海分公司", "Branch"),
            ("中国人寿上海市分公司", "Branch"), ("众诚保险上海分公司", "Branch"), ("安诚保险上海分公司", "Branch"),
            ("复星保德信人寿", "Insurer"), ("上海复星公益基金会", "Partner"), ("新华保险上海分公司", "Branch"),
            ("中国出口信用保险公司上海分公司", "Branch"), ("美亚保险", "Insurer"), ("饿了么", "Partner"),
            ("上海市民政局", "Regulator"), ("无害化处理附加险", "Product"), ("虎年如意宝保险产品组合", "Product"),
            ("停运无忧保", "Product"), ("疫情专项健康福利包", "Product"), ("守沪伴你行", "Initiative"),
            ("平安客户关爱计划", "Initiative"), ("社区驰援", "Initiative"), ("蓝骑士", "BeneficiaryGroup"),
            ("医护人员", "BeneficiaryGroup"), ("网约车平台驾驶员", "BeneficiaryGroup")],
    "001": [("太平人寿", "Insurer"), ("太保寿险", "Insurer"), ("建信人寿上海分公司", "Branch"), ("众安保险", "Insurer"),
            ("中国人寿财险上海市分公司", "Branch"), ("人保财险上海市分公司", "Branch"),
            ("中国出口信用保险公司上海分公司", "Branch"), ("平安养老险", "Insurer"), ("平安养老险上海分公司", "Branch"),
            ("上海保险交易所", "IndustryBody"), ("太平人寿上海分公司", "Branch"), ("市商务委", "Regulator"),
            ("太平福禄御禧终身重大疾病保险", "Product"), ("守护者", "Product"), ("安疫保", "Product"),
            ("信保绿色通道", "Initiative"), ("新冠肺炎患者", "BeneficiaryGroup")],
    "002": [("太平人寿上海分公司", "Branch"), ("平安人寿上海分公司", "Branch"), ("中国太保", "InsuranceGroup"),
            ("太平洋安信农险", "Insurer"), ("太平洋安信农险上海分公司", "Branch"), ("上海市农委", "Regulator"),
            ("平安健康保险", "Insurer"), ("太平洋健康险", "Insurer"), ("太医管家", "Initiative"),
            ("太平守沪 为爱加油", "Initiative"), ("疫情期间客户关爱计划", "Initiative"), ("免费义诊", "Initiative"),
            ("种植户", "BeneficiaryGroup")],
    "003": [("中国人民保险集团股份有限公司", "InsuranceGroup"), ("中国人保", "InsuranceGroup"),
            ("中国人保上海区域工协", "Branch"), ("上海市政府", "Regulator"), ("上海银保监局", "Regulator"),
            ("上海保险同业公会", "IndustryBody"), ("上海市医疗急救中心", "Partner"), ("企惠保", "Product"),
            ("抗疫·微光", "Initiative"), ("一线医务工作者", "BeneficiaryGroup"), ("车队司机", "BeneficiaryGroup"),
            ("中小微经营户", "BeneficiaryGroup")],
    "004": [("中国太保", "InsuranceGroup"), ("太保产险", "Insurer"), ("太保寿险", "Insurer"), ("太安农险", "Insurer"),
            ("太平洋健康险", "Insurer"), ("长江养老", "Insurer"), ("太保资本", "Insurer"), ("国联安基金", "Insurer"),
            ("饿了么", "Partner"), ("上海市农委", "Regulator"), ("市国资委", "Regulator"), ("云门店", "Initiative"),
            ("守护者", "Product"), ("沪惠保", "Product"), ("太医管家", "Initiative"),
            ("15天免费无限次线上问诊", "Initiative"), ("骑手", "BeneficiaryGroup"), ("种植户", "BeneficiaryGroup")],
}

# (subject, relation, object) stated plainly in one sentence of the article
RELATIONS = {
    "000": [("平安产险", "provides", "无害化处理附加险"), ("平安产险上海分公司", "provides", "疫情专项健康福利包"),
            ("疫情专项健康福利包", "targets", "蓝骑士"), ("中国人寿上海市分公司", "provides", "虎年如意宝保险产品组合"),
            ("虎年如意宝保险产品组合", "targets", "广大市民"), ("中国人寿上海市分公司", "donatesTo", "医护人员"),
            ("众诚保险上海分公司", "provides", "停运无忧保"), ("停运无忧保", "targets", "网约车平台驾驶员"),
            ("众诚保险上海分公司", "donatesTo", "防控一线职工"), ("平安产险", "supports", "交通运输企业")],
    "001": [("太平人寿", "provides", "太平福禄御禧终身重大疾病保险"), ("太保寿险", "provides", "守护者"),
            ("建信人寿上海分公司", "provides", "安疫保"), ("安疫保", "targets", "广大市民"),
            ("中国出口信用保险公司上海分公司", "partnersWith", "市商务委")],
    "002": [("太平人寿上海分公司", "provides", "太平守沪 为爱加油"), ("平安人寿上海分公司", "provides", "疫情期间客户关爱计划"),
            ("太平洋安信农险上海分公司", "guidedBy", "市农委"), ("太平洋安信农险", "supports", "种植户"),
            ("中国太保", "provides", "太医管家"), ("中国太保", "provides", "免费义诊")],
    "003": [("中国人保", "donatesTo", "上海市政府"), ("人保财险", "guidedBy", "上海银保监局"),
            ("人保财险", "guidedBy", "上海保险同业公会"), ("人保财险", "supports", "一线医务工作者"),
            ("人保健康", "guidedBy", "上海银保监局"), ("人保健康", "donatesTo", "车队司机"),
            ("中国人保上海区域工协", "provides", "企惠保"), ("企惠保", "targets", "中小微经营户"),
            ("人保寿险", "provides", "抗疫·微光"), ("中国人保上海区域工协", "guidedBy", "上海银保监局")],
    "004": [("中国太保", "provides", "云门店"), ("太保产险", "partnersWith", "饿了么"), ("太保产险", "supports", "骑手"),
            ("太保寿险", "provides", "守护者"), ("太安农险", "supports", "种植户"), ("太安农险", "partnersWith", "上海市农委"),
            ("中国太保", "provides", "15天免费无限次线上问诊"), ("中国太保", "guidedBy", "市国资委")],
}


def article(ds, prefix: str) -> URIRef:
    (node,) = [a for a in ds.subjects(RDF.type, URIRef("https://schema.org/NewsArticle"))
               if str(a).startswith(str(ARTICLE[prefix]))]
    return node


@pytest.mark.parametrize("prefix", sorted(ENTITIES))
def test_article_entities_are_found_with_their_class(seed_graph, prefix):
    a = article(seed_graph, prefix)
    missing = []
    for name, cls in ENTITIES[prefix]:
        node = entity(seed_graph, name)
        if (node, RDF.type, IK[cls]) not in seed_graph or (node, IK.mentionedIn, a) not in seed_graph:
            missing.append((name, cls))
    assert not missing


@pytest.mark.parametrize("prefix", sorted(RELATIONS))
def test_article_relations_are_found_with_evidence(seed_graph, prefix):
    a = article(seed_graph, prefix)
    body = str(seed_graph.value(a, URIRef("https://schema.org/articleBody")))
    missing = []
    for s_name, p, o_name in RELATIONS[prefix]:
        s, o = entity(seed_graph, s_name), entity(seed_graph, o_name)
        quotes = [seed_graph.value(ev, IK.quote)
                  for fact in seed_graph.subjects(RDF.subject, s)
                  if (fact, RDF.predicate, IK[p]) in seed_graph and (fact, RDF.object, o) in seed_graph
                  for ev in seed_graph.objects(fact, IK.evidence)
                  if (ev, IK.inArticle, a) in seed_graph]
        if (s, IK[p], o) not in seed_graph or not quotes:
            missing.append((s_name, p, o_name))
        for quote in quotes:
            assert str(quote) in body
    assert not missing


@pytest.mark.parametrize("a, b", [("太安农险", "太平洋安信农险"), ("太保", "中国太保"), ("人保", "中国人保"),
                                  ("太平洋产险", "太保产险"), ("中国人民保险集团股份有限公司", "中国人保"),
                                  ("中国出口信用保险公司上海分公司", "中国信保上海分公司"),
                                  ("一线医务工作者", "医护人员"), ("蓝骑士", "骑手")])
def test_aliases_merge_into_one_entity(seed_graph, a, b):
    assert entity(seed_graph, a) == entity(seed_graph, b)


def test_one_entity_per_thing_across_articles(seed_graph):
    # 太平人寿上海分公司 is in 001 and 002, 中国信保's Shanghai branch in 000 and 001.
    for name, prefixes in [("太平人寿上海分公司", ("001", "002")), ("中国出口信用保险公司上海分公司", ("000", "001")),
                           ("太平洋安信农险", ("002", "004")), ("饿了么", ("000", "004"))]:
        node = entity(seed_graph, name)
        for prefix in prefixes:
            assert (node, IK.mentionedIn, article(seed_graph, prefix)) in seed_graph


def test_every_entity_has_exactly_one_chinese_preferred_label(seed_graph):
    for node in set(seed_graph.subjects(IK.mentionedIn, None)):
        labels = [l for l in seed_graph.objects(node, SKOS.prefLabel) if l.language == "zh"]
        assert len(labels) == 1, (node, labels)


def group_of(ds, node):
    """Follow unitOf / subOrganizationOf up to an InsuranceGroup."""
    seen = set()
    while node not in seen:
        seen.add(node)
        if (node, RDF.type, IK.InsuranceGroup) in ds:
            return node
        parent = ds.value(node, ORG.unitOf) or ds.value(node, ORG.subOrganizationOf)
        if parent is None:
            return None
        node = parent
    return None


@pytest.mark.parametrize("member, group", [
    ("平安产险上海分公司", "中国平安"), ("平安养老险上海分公司", "中国平安"), ("太平洋安信农险上海分公司", "中国太保"),
    ("中国人寿上海市分公司", "中国人寿"), ("人保财险上海市分公司", "中国人保"), ("太平人寿上海分公司", "中国太平"),
    ("中国人保上海区域工协", "中国人保"), ("国联安基金", "中国太保"),
])
def test_branches_roll_up_to_their_groups(seed_graph, member, group):
    assert group_of(seed_graph, entity(seed_graph, member)) == entity(seed_graph, group)


def test_branch_links_from_text_and_from_registry_say_so(seed_graph):
    branch, insurer = entity(seed_graph, "平安产险上海分公司"), entity(seed_graph, "平安产险")
    facts = [f for f in seed_graph.subjects(RDF.subject, branch) if (f, RDF.predicate, ORG.unitOf) in seed_graph]
    assert facts and all((f, IK.provenance, IK.FromText) in seed_graph and seed_graph.value(f, IK.evidence)
                         for f in facts)
    assert (branch, ORG.unitOf, insurer) in seed_graph
    group = entity(seed_graph, "中国平安")
    registry_facts = [f for f in seed_graph.subjects(RDF.subject, insurer)
                      if (f, RDF.object, group) in seed_graph and (f, IK.provenance, IK.FromRegistry) in seed_graph]
    assert registry_facts and seed_graph.value(registry_facts[0], IK.evidence) is None


def test_surface_forms_are_kept_as_alt_labels(seed_graph):
    node = entity(seed_graph, "中国人寿上海市分公司")
    assert (node, SKOS.altLabel, Literal("中国人寿上海市分公司", lang="zh")) in seed_graph
    # references such as 公司 or a bare 上海分公司 are not names
    assert not list(seed_graph.subjects(SKOS.altLabel, Literal("公司", lang="zh")))
