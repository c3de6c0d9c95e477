"""Benchmark the HTML explorer on a synthetic graph: render time, and time to draw and to search in Chromium.

    python bench/bench_explorer.py                 # 2,000 nodes
    python bench/bench_explorer.py --nodes 5000 --keep out.html
    python bench/bench_explorer.py --data /tmp/ikg-bench/out/store   # a graph ikg build made

The graph follows the output contract (classes, labels, aliases, articles, structure and relation
facts with evidence, amount facts) with names in the style of the real ones. Needs the ``playwright``
package and Debian's Chromium (/usr/bin/chromium); nothing is downloaded.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD

from graph.namespaces import ARTICLE, GRAPH, IK, IKR, ORG, RDF, SCHEMA, SKOS
from graph.render_html import render_html
from graph.store import load_dataset, memory_store, open_store
from graph.to_rdf import new_dataset

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

BRAND = "华泰安康民信平盛鑫融长城东方阳光大众合永诚天宁福德鼎和英恒前海富利百年瑞丰恒邦锦泰渤海"
REGIONS = ["上海", "北京", "广东", "江苏", "浙江", "四川", "湖北", "河南", "山东", "福建", "深圳", "宁波", "苏州",
           "杭州", "成都", "武汉", "天津", "重庆", "厦门", "青岛", "大连", "长沙", "西安", "合肥", "南京", "郑州"]
LINES = ["人寿", "财险", "健康", "养老", "农险"]
UNITS = ["分公司", "中心支公司", "支公司"]
PRODUCTS = ["安心保", "惠民保", "e生保", "百万医疗险", "意外险", "团体意外险", "雇主责任险", "停工险", "防疫险",
            "农业收入保险", "蔬菜价格指数保险", "骑手意外险"]
INITIATIVES = ["守护计划", "公益行动", "暖心工程", "助农项目", "绿色通道", "爱心义诊"]
BENEFICIARIES = ["新市民", "小微企业", "外卖骑手", "快递小哥", "老年人", "医护人员", "种植户", "货车司机", "残障人士",
                 "留守儿童", "志愿者", "社区居民", "养殖户", "个体工商户", "出租车司机", "环卫工人"]
REGULATORS = ["银保监局", "金融监管局", "地方金融监督管理局", "人民政府"]
BODIES = ["保险行业协会", "保险同业公会", "保险学会"]
PARTNERS = ["农商银行", "科技有限公司", "人民医院", "红十字会", "物流有限公司", "慈善基金会"]
# Share of the nodes per class, in the proportions a large news corpus gives.
MIX = {"InsuranceGroup": 0.015, "Insurer": 0.075, "Branch": 0.35, "Product": 0.21, "Initiative": 0.075,
       "BeneficiaryGroup": 0.06, "Regulator": 0.03, "IndustryBody": 0.02, "Partner": 0.165}


class Synthetic:
    """Builds a contract-shaped dataset of ``n`` entities, deterministically from ``seed``."""

    def __init__(self, n: int, seed: int = 7):
        self.rng = random.Random(seed)
        self.ds: Dataset = new_dataset()
        self.articles = [ARTICLE[f"bench_{i:04d}"] for i in range(max(20, n // 5))]
        self.bodies: dict[URIRef, list[str]] = {a: [] for a in self.articles}
        self.labels: dict[URIRef, str] = {}
        self.used: set[str] = set()
        self.n = n

    def name(self, make) -> str:
        """A label from ``make()`` not used yet (a number is added after a few collisions)."""
        for _ in range(20):
            label = make()
            if label not in self.used:
                break
        else:
            label = f"{label}{len(self.used)}"
        self.used.add(label)
        return label

    def brand(self) -> str:
        """Two characters for a made-up company name: 华泰, 鼎和 …"""
        return "".join(self.rng.sample(BRAND, 2))

    def graph_of(self, article: URIRef) -> Graph:
        """The named graph of ``article``, where its mentions, facts and evidence go."""
        return self.ds.graph(GRAPH[str(article).rsplit("/", 1)[-1]])

    def entity(self, cls: str, i: int, label: str, aliases: tuple[str, ...] = ()) -> URIRef:
        """An entity mentioned in a few articles (most in one, some in many), with its aliases."""
        node = IKR[f"bench-{cls.lower()}-{i}"]
        g = self.ds.graph(GRAPH["registry"])
        g.add((node, RDF.type, IK[cls]))
        g.add((node, SKOS.prefLabel, Literal(label, lang="zh")))
        for alias in aliases:
            g.add((node, SKOS.altLabel, Literal(alias, lang="zh")))
        mentions = min(len(self.articles), int(self.rng.paretovariate(1.5)))  # ≥ 1, rarely many
        for article in self.rng.sample(self.articles, mentions):
            self.graph_of(article).add((node, IK.mentionedIn, article))
        self.labels[node] = label
        return node

    def quote(self, article: URIRef, text: str) -> URIRef:
        """An evidence node quoting ``text``, which is appended to the article's body."""
        body = self.bodies[article]
        start = sum(len(s) for s in body)
        body.append(text)
        ev = IKR[f"bench-evidence-{article.rsplit('_', 1)[-1]}-{start}"]
        g = self.graph_of(article)
        g.add((ev, RDF.type, IK.Evidence))
        g.add((ev, IK.inArticle, article))
        g.add((ev, IK.quote, Literal(text)))
        g.add((ev, IK.start, Literal(start, datatype=XSD.nonNegativeInteger)))
        g.add((ev, IK.end, Literal(start + len(text), datatype=XSD.nonNegativeInteger)))
        return ev

    def fact(self, s: URIRef, p: URIRef, o: URIRef, verb: str | None) -> None:
        """The relation and its fact node; ``verb`` None makes it a registry-only link."""
        kind = IK.StructureFact if p in (ORG.subOrganizationOf, ORG.unitOf) else IK.RelationFact
        node = IKR[f"bench-fact-{len(self.ds)}"]
        article = self.rng.choice(self.articles)
        g = self.ds.graph(GRAPH["registry"]) if verb is None else self.graph_of(article)
        g.add((s, p, o))
        for triple in ((node, RDF.type, kind), (node, RDF.type, RDF.Statement), (node, RDF.subject, s),
                       (node, RDF.predicate, p), (node, RDF.object, o)):
            g.add(triple)
        if verb is None:
            g.add((node, IK.provenance, IK.FromRegistry))
            return
        g.add((node, IK.provenance, IK.FromText))
        g.add((node, IK.evidence, self.quote(article, f"{self.labels[s]}{verb}{self.labels[o]}，受到广泛关注。")))

    def amount(self, agent: URIRef, i: int) -> None:
        """An ``ik:AmountFact``: a figure in 万元 or 亿元 with its evidence."""
        article = self.rng.choice(self.articles)
        value = self.rng.choice([1000, 3400, 136120, 52, 7.5]) * 10 ** self.rng.choice([4, 4, 8])
        written = f"{value / 10 ** 8:g}亿元" if value >= 10 ** 8 else f"{value / 10 ** 4:g}万元"
        fact, money = IKR[f"bench-amount-{i}"], IKR[f"bench-money-{i}"]
        g = self.graph_of(article)
        for triple in ((fact, RDF.type, IK.AmountFact), (fact, IK.agent, agent), (fact, IK.amount, money),
                       (money, RDF.type, SCHEMA.MonetaryAmount), (money, SCHEMA.currency, Literal("CNY")),
                       (money, SCHEMA.value, Literal(str(value), datatype=XSD.decimal)),
                       (fact, IK.amountKind, IK.Coverage), (fact, IK.surfaceForm, Literal(written)),
                       (fact, IK.asOf, Literal("2022-04-06", datatype=XSD.date)),
                       (fact, IK.evidence, self.quote(article, f"截至4月6日，{self.labels[agent]}累计提供风险保障{written}。"))):
            g.add(triple)

    def build(self) -> Dataset:
        """The whole dataset: entities per class, structure, relations, amounts and the articles."""
        counts = {c: max(1, round(share * self.n)) for c, share in MIX.items()}
        counts["Branch"] += self.n - sum(counts.values())
        orgs, insurers = self.organisations(counts)
        self.relations(orgs, counts)
        for i in range(len(insurers)):
            self.amount(self.rng.choice(insurers), i)
        self.add_articles()
        return self.ds

    def organisations(self, counts: dict[str, int]) -> tuple[list[URIRef], list[URIRef]]:
        """Groups, insurers (most in a group) and branches (each of an insurer); returns (all, insurers)."""
        rng = self.rng
        groups = [self.entity("InsuranceGroup", i, self.name(lambda: self.brand() + "保险集团"))
                  for i in range(counts["InsuranceGroup"])]
        insurers, branches = [], []
        for i in range(counts["Insurer"]):
            label = self.name(lambda: self.brand() + rng.choice(LINES))
            insurers.append(self.entity("Insurer", i, label, (label + "股份有限公司",)))
            if rng.random() < 0.8:
                self.fact(insurers[-1], ORG.subOrganizationOf, rng.choice(groups), rng.choice([None, "是其旗下子公司，"]))
        for i in range(counts["Branch"]):
            insurer = rng.choice(insurers)
            label = self.name(lambda: self.labels[insurer] + rng.choice(REGIONS) + rng.choice(UNITS))
            branches.append(self.entity("Branch", i, label))
            self.fact(branches[-1], ORG.unitOf, insurer, "隶属于")
        return groups + insurers + branches, insurers

    def relations(self, orgs: list[URIRef], counts: dict[str, int]) -> None:
        """Products, initiatives, beneficiaries, regulators, bodies and partners, and the ik: relations."""
        rng = self.rng

        def entities(cls: str, make) -> list[URIRef]:
            return [self.entity(cls, i, self.name(make)) for i in range(counts[cls])]

        offers = entities("Product", lambda: self.brand() + rng.choice(PRODUCTS))
        offers += entities("Initiative", lambda: self.brand() + rng.choice(INITIATIVES))
        people = entities("BeneficiaryGroup", lambda: rng.choice(REGIONS) + rng.choice(BENEFICIARIES))
        guides = entities("Regulator", lambda: rng.choice(REGIONS) + rng.choice(REGULATORS))
        guides += entities("IndustryBody", lambda: rng.choice(REGIONS) + rng.choice(BODIES))
        partners = entities("Partner", lambda: rng.choice(REGIONS) + self.brand() + rng.choice(PARTNERS))
        for offer in offers:
            for provider in rng.sample(orgs, 1 if rng.random() < 0.8 else 2):
                self.fact(provider, IK.provides, offer, "推出")
            if rng.random() < 0.6:
                self.fact(offer, IK.targets, rng.choice(people), "面向")
        for _ in range(len(people) * 4):
            self.fact(rng.choice(orgs), IK.supports, rng.choice(people), "为其提供保障：")
        for _ in range(len(guides) * 5):
            self.fact(rng.choice(orgs), IK.guidedBy, rng.choice(guides), "在指导下，")
        for partner in partners:
            self.fact(rng.choice(orgs), IK.partnersWith, partner, "与其签署战略合作协议：")
        for _ in range(len(people)):
            self.fact(rng.choice(orgs), IK.donatesTo, rng.choice(people + partners), "捐赠物资给")

    def add_articles(self) -> None:
        """Each article's metadata and body (the quotes it was given, one after another)."""
        for i, article in enumerate(self.articles):
            g = self.graph_of(article)
            g.add((article, RDF.type, SCHEMA.NewsArticle))
            g.add((article, SCHEMA.identifier, Literal(str(article).rsplit("/", 1)[-1])))
            g.add((article, SCHEMA.headline, Literal(f"保险业多措并举助力抗疫（{i + 1}）", lang="zh")))
            date = f"2022-{1 + i % 12:02d}-{1 + i % 28:02d}"
            g.add((article, SCHEMA.datePublished, Literal(date, datatype=XSD.date)))
            g.add((article, SCHEMA.articleBody, Literal("".join(self.bodies[article]), lang="zh")))


def measure(html: Path, chromium: str) -> dict[str, float]:
    """Open ``html`` in headless Chromium and time what a person does first, in seconds."""
    with tempfile.TemporaryDirectory() as profile, sync_playwright() as p:
        browser = p.chromium.launch_persistent_context(
            profile, executable_path=chromium, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 900})
        page = browser.new_page()
        timings = {}
        started = time.perf_counter()
        page.goto(html.as_uri())
        page.wait_for_function("window.ikgReady === true", timeout=120_000)
        timings["open: goto → first draw (wall clock)"] = time.perf_counter() - started
        timings["open: first draw, since navigation start"] = page.evaluate("window.ikgTimings.drawn") / 1000
        # search for an insurer by its name, as a person would
        target, search_for = page.evaluate("""() => {
            const insurer = window.ikg.nodes.get({filter: (n) => n.cls === 'Insurer'})[0];
            return [insurer.id, insurer.label];
        }""")
        # in the page: typing, then Enter, until the focused node and its details are drawn
        timings["search: type → list of hits"], timings["search: Enter → focused, details, redrawn"] = page.evaluate(
            """async (label) => {
            const box = document.getElementById('search'), drawn = () => new Promise((done) =>
                window.ikg.network.once('afterDrawing', done));
            let t = performance.now();
            box.value = label;
            box.dispatchEvent(new Event('input'));
            const typed = performance.now() - t;
            t = performance.now();
            const frame = drawn();
            box.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'}));
            await frame;
            return [typed / 1000, (performance.now() - t) / 1000];
        }""", search_for)
        started = time.perf_counter()
        page.wait_for_function("""(id) => {
            const net = window.ikg.network, at = net.getPositions([id])[id], view = net.getViewPosition();
            return Math.hypot(at.x - view.x, at.y - view.y) < 2 && net.getSelectedNodes()[0] === id &&
                   document.querySelector('#details h2').textContent !== '';
        }""", arg=target)
        timings["search: checked from outside (playwright polling)"] = time.perf_counter() - started
        box = page.locator("#network canvas").bounding_box()
        page.evaluate("() => window.ikg.network.unselectAll()")
        started = time.perf_counter()
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_function("(id) => window.ikg.network.getSelectedNodes()[0] === id", arg=target)
        timings["click on a node → details shown"] = time.perf_counter() - started
        timings["redraw at a new zoom (mean of 10)"] = page.evaluate("""() => {
            const net = window.ikg.network, scale = net.getScale(), t = performance.now();
            for (let i = 0; i < 10; i++) { net.moveTo({scale: scale * (0.2 + i / 10)}); net.redraw(); }
            return (performance.now() - t) / 10;
        }""") / 1000
        page.evaluate("() => { window.drawn = new Promise((done) => window.ikg.network.once('afterDrawing', done)) }")
        started = time.perf_counter()
        page.locator("#class-filter input").first.uncheck()
        page.evaluate("() => window.drawn")
        timings["class filter → redrawn"] = time.perf_counter() - started
        browser.close()
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000, help="entities in the synthetic graph (default 2000)")
    parser.add_argument("--data", type=Path, help="render this store or RDF file instead (e.g. bench_build.py's)")
    parser.add_argument("--max-nodes", type=int, default=None, help="render_html's max_nodes (default: all)")
    parser.add_argument("--keep", type=Path, help="also write the page here")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = parser.parse_args()

    started = time.perf_counter()
    if args.data and args.data.is_dir():  # a store ikg build made
        store = open_store(args.data)
    else:  # a graph file or the synthetic graph, in a store with the summary graph a build keeps
        ds = load_dataset(args.data) if args.data else Synthetic(args.nodes).build()
        store = memory_store(ds.serialize(format="nquads", encoding="utf-8"))
    generated = time.perf_counter() - started
    started = time.perf_counter()
    page = render_html(store, title=f"benchmark: {args.data or args.nodes}", max_nodes=args.max_nodes)
    rendered = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        html = Path(tmp) / "bench.html"
        html.write_text(page, encoding="utf-8")
        if args.keep:
            shutil.copyfile(html, args.keep)
        timings = measure(html, args.chromium)
        size = html.stat().st_size
    data = json.loads(page.split('<script id="graph-data" type="application/json">', 1)[1].split("</script>", 1)[0])
    if "overview" in data:  # the page before the overview drew everything: nothing to say
        print(f"entities {len(data['entities'])}, relations {len(data['links'])}, articles {data['articleCount']}; "
              f"first view: {len(data['overview']['nodes'])} entities, {len(data['overview']['pairs'])} lines")
    what = f"{args.data}" if args.data else f"synthetic graph: {args.nodes} entities"
    print(f"{what}: {len(store)} quads, the union and the index graphs included "
          f"({'read' if args.data else 'generated'} in {generated:.2f} s)")
    print(f"render_html (layout included): {rendered:.2f} s, page {size / 1e6:.1f} MB")
    for name, seconds in timings.items():
        print(f"{name}: {seconds * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
