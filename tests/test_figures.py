"""Every money figure in the seeds that is tied to an organisation, checked figure by figure.

Written from reading the articles: agent, value in yuan, kind, and the as-of date the sentence
gives (003 has no date and names no year, so its dates stay month-day).
"""
from decimal import Decimal

import pytest
from rdflib import Literal

from graph.namespaces import IK, RDF, SCHEMA, XSD
from graph.query import format_result, read_query, run_query
from graph.store import open_store

from conftest import QUERIES, entity

# (agent as written, value in yuan, kind, as-of or None, surface form)
MONEY = [
    ("平安产险上海分公司", "300000", "Coverage", None, "高达30万"),             # 两者累计保额高达30万
    ("平安人寿上海分公司", "812000000", "ClaimsPaid", None, "约8.12亿"),       # 理赔及生存给付…总金额约8.12亿
    ("中国人寿上海市分公司", "800000", "RentRelief", None, "超过80万元"),      # 首批减免金额已超过80万元
    ("中国人寿上海市分公司", "150000", "Coverage", None, "15万元"),            # 该产品组合包含15万元新冠保障
    ("中国人保", "10000000", "Donation", "--04-26", "1000万元"),               # 4月26日…向上海市政府捐资1000万元
    ("人保财险", "150000000000", "Coverage", None, "约1500亿元"),              # 为一线医务工作者提供约1500亿元…
    ("人保财险", "7100000000", "Coverage", None, "近71亿元"),                  # 提供近71亿元风险保障
    ("人保财险", "27000000", "Credit", "--03-18", "2700万元"),                 # 自3月18日起…获得2700万元授信
    ("中国人保上海区域工协", "220000", "Donation", None, "22万元"),            # 提供价值22万元的物资援助
    ("中国人保", "1000000", "OtherAmount", None, "100万元"),                   # 集团党委…紧急拨付100万元
    ("太保产险", "1000000", "Coverage", None, "达百万元"),                     # 免费扩展累计保额达百万元的新冠保障责任
    ("太安农险", "1400000000", "Coverage", "2022-04-06", "达14亿元"),          # 截至4月6日…总保额达14亿元
    ("太安农险", "370000000", "Coverage", "2022-04-06", "约3.7亿元"),
    ("太安农险", "3400000000", "Coverage", "2022-04-06", "逾34亿元"),
    ("太安农险", "47890000", "Coverage", "2022-04-06", "超过4789万元"),
]


def amount_facts(ds):
    for f in ds.subjects(RDF.type, IK.AmountFact):
        money = ds.value(f, IK.amount)
        yield f, ds.value(f, IK.agent), ds.value(money, SCHEMA.value), ds.value(f, IK.amountKind)


def test_no_money_figure_is_missed_or_invented(seed_graph):
    found = sorted((str(a), Decimal(str(v))) for _, a, v, _ in amount_facts(seed_graph))
    expected = sorted((str(entity(seed_graph, agent)), Decimal(value)) for agent, value, *_ in MONEY)
    assert found == expected


@pytest.mark.parametrize("agent, value, kind, as_of, surface", MONEY)
def test_money_figure(seed_graph, agent, value, kind, as_of, surface):
    node = entity(seed_graph, agent)
    (f, money), = [(f, seed_graph.value(f, IK.amount)) for f, a, v, _ in amount_facts(seed_graph)
                   if a == node and Decimal(str(v)) == Decimal(value)]
    literal = seed_graph.value(money, SCHEMA.value)
    assert literal.datatype == XSD.decimal and Decimal(str(literal)) == Decimal(value)
    assert seed_graph.value(money, SCHEMA.currency) == Literal("CNY")
    assert seed_graph.value(f, IK.amountKind) == IK[kind]
    assert str(seed_graph.value(f, IK.surfaceForm)) == surface
    got = seed_graph.value(f, IK.asOf)
    assert (str(got) if got is not None else None) == as_of
    if as_of:
        assert got.datatype == (XSD.gMonthDay if as_of.startswith("--") else XSD.date)
    quote = str(seed_graph.value(seed_graph.value(f, IK.evidence), IK.quote))
    assert surface in quote


def test_beneficiary_and_qualifiers_are_kept(seed_graph):
    donor, city = entity(seed_graph, "中国人保"), entity(seed_graph, "上海市政府")
    (f,) = [f for f, a, v, k in amount_facts(seed_graph) if a == donor and k == IK.Donation]
    assert seed_graph.value(f, IK.beneficiary) == city
    (g,) = [f for f, a, v, k in amount_facts(seed_graph) if Decimal(str(v)) == 3400000000]
    assert {str(q) for q in seed_graph.objects(g, IK.qualifier)} == {"累计", "逾"}  # 累计保额逾34亿元


@pytest.mark.parametrize("agent, count, unit, kind, as_of", [
    ("平安人寿上海分公司", "179000", "名", "People", "2022-04-20"),   # 截至4月20日，已为17.9万名上海市民添加保障
    ("平安人寿上海分公司", "180000", "件", "Claims", None),            # 理赔及生存给付总计约18万件
    ("众诚保险上海分公司", "1158", "件", "Claims", None),              # 结案1158件
    ("中国人保上海区域工协", "8000", "小时", "Hours", None),           # 累计志愿服务时长超过8000小时
    ("太安农险", "1365", "户", "Households", "2022-04-06"),            # 惠及生产主体1365户(社)
])
def test_count_figure(seed_graph, agent, count, unit, kind, as_of):
    node = entity(seed_graph, agent)
    facts = [f for f in seed_graph.subjects(IK.agent, node) if (f, RDF.type, IK.CountFact) in seed_graph
             and Decimal(str(seed_graph.value(f, IK["count"]))) == Decimal(count)]
    assert len(facts) == 1
    f = facts[0]
    assert str(seed_graph.value(f, IK.unit)) == unit and seed_graph.value(f, IK.countKind) == IK[kind]
    got = seed_graph.value(f, IK.asOf)
    assert (str(got) if got is not None else None) == as_of


@pytest.fixture(scope="module")
def store(seed_output):
    return open_store(seed_output[0] / "graph.trig")


def rows(store, name):
    import csv
    import io
    text = format_result(run_query(store, read_query(QUERIES / name)), "csv")
    return list(csv.DictReader(io.StringIO(text)))


def test_money_by_group_totals_checked_by_hand(store):
    totals = {(r["group"], r["kind"]): Decimal(r["totalYuan"]) for r in rows(store, "money_by_group.rq")}
    # 中国太保: 太保产险 百万元 + 太安农险 14亿 + 3.7亿 + 34亿 + 4789万
    assert totals[("中国太保", "Coverage")] == Decimal("5218890000")
    # 中国人保: 人保财险 1500亿 + 71亿; donations: the group's 1000万 + the 区域工协's 22万
    assert totals[("中国人保", "Coverage")] == Decimal("157100000000")
    assert totals[("中国人保", "Donation")] == Decimal("10220000")
    assert totals[("中国平安", "Coverage")] == Decimal("300000")
    assert ("中国人保", "OtherAmount") not in totals


def test_money_by_group_counts_a_repeated_figure_once_and_respects_group_totals(tmp_path, pipeline):
    from graph import build
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a", "b"):  # two articles repeat one figure
        (src / f"{name}.txt").write_text("截至4月6日，太安农险累计保额逾34亿元。", encoding="utf-8")
    (src / "c.txt").write_text("太保产险为骑手提供保额达百万元的保障。截至4月30日，中国太保累计提供风险保障逾50亿元。",
                               encoding="utf-8")
    build(src, tmp_path / "out", pipeline, check=False)
    store = open_store(tmp_path / "out" / "graph.trig")
    totals = {(r["group"], r["kind"]): Decimal(r["totalYuan"]) for r in rows(store, "money_by_group.rq")}
    # the group's own cumulative total already includes its subsidiaries' figures
    assert totals[("中国太保", "Coverage")] == Decimal("5000000000")


def test_latest_figure_per_organisation(store):
    latest = rows(store, "latest_figures.rq")
    agri = [r for r in latest if r["organisation"] == "太平洋安信农险"]
    assert {r["date"] for r in agri} == {"2022-04-06"} and len(agri) == 4
    picc = [r for r in latest if r["organisation"] == "人保财险" and r["kind"] == "Credit"]
    assert picc[0]["valueYuan"] == "27000000"


def test_quote_behind_each_figure(store):
    evidence = rows(store, "figure_evidence.rq")
    donation = next(r for r in evidence if r["organisation"] == "中国人保" and r["kind"] == "Donation")
    assert "捐资1000万元" in donation["quote"] and donation["beneficiary"] == "上海市人民政府"
