"""The HTML explorer in a real browser: headless Debian Chromium driven by Playwright, offline.

Skipped (with the reason) on a machine without Chromium. Nothing is downloaded: Playwright drives
/usr/bin/chromium. Set IKG_UPDATE_SCREENSHOT=1 to rewrite docs/explorer.png from the seeds.
"""
import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from graph import build_dataset
from graph.render_html import render_html

from conftest import FIXTURES, ROOT, entity, store_of
from test_render_html import amount_dataset

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOT = ROOT / "docs" / "explorer.png"

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="browser tests need Chromium (Debian package 'chromium')")


class Page:
    """An explorer page opened from disk, with every request, failure and script error it caused."""

    def __init__(self, context, path: Path):
        self.page = context.new_page()
        self.requests, self.failed, self.errors, self.dialogs = [], [], [], []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("requestfailed", lambda r: self.failed.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(path.as_uri())
        self.page.wait_for_function("window.ikgReady === true")

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def search(self, text: str) -> None:
        """Type into the search box and press Enter, as a person would."""
        self.page.fill("#search", text)
        self.page.press("#search", "Enter")

    def settle(self) -> None:
        """Wait until the view stops moving (回到概览 animates the zoom for 400 ms): a point picked on the
        canvas while it moves is somewhere else by the time the mouse clicks it."""
        self.page.wait_for_function("""() => {
            const net = window.ikg.network, view = JSON.stringify([net.getViewPosition(), net.getScale()]);
            const still = window.__lastView === view;
            window.__lastView = view;
            return still;
        }""", polling=150)

    def click_node(self, node_id: str) -> None:
        """Zoom onto a node and click it with the mouse."""
        x, y = self.js("""(id) => {
            const net = window.ikg.network, at = net.getPositions([id])[id];
            net.moveTo({position: at, scale: 2});
            const dom = net.canvasToDOM(at);
            return net.getNodeAt(dom) === id ? [dom.x, dom.y] : null;  // nothing else on top of it
        }""", node_id)
        box = self.page.locator("#network canvas").bounding_box()
        self.page.mouse.click(box["x"] + x, box["y"] + y)

    def details(self) -> str:
        return self.page.inner_text("#details")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """One offline Chromium with a fresh profile for the whole module."""
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            tmp_path_factory.mktemp("chromium-profile"), executable_path=CHROMIUM, headless=True,
            args=CHROMIUM_ARGS, viewport={"width": 1400, "height": 900})
        context.set_offline(True)  # as on a train: the page must not need the network
        yield context
        context.close()


def write(html: str, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "graph.html"
    path.write_text(html, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def seed_page(browser, seed_output):
    return Page(browser, seed_output[0] / "graph.html")


@pytest.fixture(scope="module")
def hostile_path(pipeline, tmp_path_factory):
    return write(render_html(store_of(build_dataset(FIXTURES / "hostile", pipeline))), tmp_path_factory.mktemp("hostile"))


def test_the_page_opens_from_disk_without_any_network_request(seed_page):
    assert seed_page.requests
    assert all(url.startswith(("file:", "data:")) for url in seed_page.requests), seed_page.requests
    assert seed_page.failed == [] and seed_page.errors == []
    assert seed_page.js("document.styleSheets.length") >= 2 and seed_page.js("typeof vis.Network") == "function"


def test_the_network_is_drawn(seed_page):
    """Sample the canvas: many painted pixels, in the classes' colours, not a blank or one-colour area."""
    painted, colours = seed_page.js("""() => {
        const canvas = document.querySelector('#network canvas');
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let painted = 0; const colours = new Set();
        for (let i = 0; i < pixels.length; i += 4) {
            if (pixels[i + 3] > 200 && pixels[i] + pixels[i + 1] + pixels[i + 2] < 600) {
                painted += 1; colours.add(pixels[i] + ',' + pixels[i + 1] + ',' + pixels[i + 2]);
            }
        }
        return [painted / (pixels.length / 4), Array.from(colours)];
    }""")
    assert painted > 0.005, painted
    assert len(colours) > 20
    assert "183,28,28" in colours or "46,125,50" in colours  # a group's red or a product's green


def test_chinese_glyphs_render(seed_page):
    """Two different characters draw differently (with no CJK font both would be the same empty box)."""
    different = seed_page.js("""() => {
        const draw = (ch) => { const c = document.createElement('canvas'); c.width = c.height = 40;
            const ctx = c.getContext('2d'); ctx.font = '32px ' + getComputedStyle(document.body).fontFamily;
            ctx.fillText(ch, 2, 34); return Array.from(ctx.getImageData(0, 0, 40, 40).data).join(); };
        return draw('中') !== draw('国') && draw('中') !== draw('\\u{10FFFF}');
    }""")
    assert different


def test_search_finds_cpic_and_focuses_it(seed_page, seed_graph):
    cpic = str(entity(seed_graph, "中国太保"))
    seed_page.search("中国太保")
    seed_page.page.wait_for_function("(id) => window.ikg.network.getSelectedNodes()[0] === id", arg=cpic)
    seed_page.page.wait_for_function("""(id) => {  // the view ends centred on the node
        const net = window.ikg.network, at = net.getPositions([id])[id], view = net.getViewPosition();
        return Math.hypot(at.x - view.x, at.y - view.y) < 2;
    }""", arg=cpic)
    assert seed_page.page.inner_text("#details h2") == "中国太保"
    assert "别名" in seed_page.details() and "太保" in seed_page.details()


def test_search_matches_aliases(seed_page, seed_graph):
    seed_page.page.fill("#search", "太平洋安信农业保险股份有限公司")  # a legal name, an alias only
    first = seed_page.page.locator("#hits button").first
    assert "太平洋安信农险" in first.inner_text() and "别名" in first.inner_text()
    first.click()
    agri = str(entity(seed_graph, "太平洋安信农险"))
    seed_page.page.wait_for_function("(id) => window.ikg.network.getSelectedNodes()[0] === id", arg=agri)


@pytest.mark.parametrize("typed", ["中國人壽", "中国 人寿", "“中国人寿”", "中國太保"])
def test_search_folds_script_spaces_and_quotes_as_serve_does(seed_page, typed):
    """What `ikg serve`'s look-up finds, the page opened from disk finds too: a name typed in
    traditional script, with a space or in quotes."""
    seed_page.page.fill("#search", typed)
    hits = seed_page.page.locator("#hits button").all_inner_texts()
    wanted = typed.replace("國", "国").replace("壽", "寿").strip("“” ").replace(" ", "")
    assert any(wanted in hit for hit in hits), hits


def test_clicking_a_node_shows_its_facts_with_the_quoted_evidence(seed_page, seed_graph):
    seed_page.click_node(str(entity(seed_graph, "太平洋安信农险")))
    assert seed_page.page.inner_text("#details h2") == "太平洋安信农险"
    quotes = seed_page.page.locator("#details blockquote").all_inner_texts()
    assert quotes and all(q.strip() for q in quotes)
    assert any("太平洋安信农险" in q or "太安农险" in q or "安信农险" in q for q in quotes)
    citations = seed_page.page.locator("#details cite").all_inner_texts()
    assert any("《" in c and "2022-0" in c for c in citations)  # the article's title and its date


def test_clicking_an_edge_shows_its_evidence(seed_page):
    """Click the middle of a relation backed by text, where no node and no other edge is in the way."""
    point = seed_page.js("""() => {
        const net = window.ikg.network;
        for (const e of window.ikg.edges.get({filter: (e) => !e.dashes && !e.smooth})) {
            const at = net.getPositions([e.from, e.to]);
            const middle = {x: (at[e.from].x + at[e.to].x) / 2, y: (at[e.from].y + at[e.to].y) / 2};
            net.moveTo({position: middle, scale: 2});
            const dom = net.canvasToDOM(middle);
            // Alone within a few pixels too: a click lands on whole pixels, and an edge crossing
            // nearby would take it.
            const near = [-2, 0, 2].flatMap((dx) => [-2, 0, 2].map((dy) => ({x: dom.x + dx, y: dom.y + dy})));
            if (net.getEdgeAt(dom) === e.id && near.every((p) => net.getNodeAt(p) === undefined
                    && [e.id, undefined].includes(net.getEdgeAt(p)))) return [e.id, dom.x, dom.y];
        }
        return null;
    }""")
    assert point, "no edge can be clicked on its own"
    box = seed_page.page.locator("#network canvas").bounding_box()
    seed_page.page.mouse.click(box["x"] + point[1], box["y"] + point[2])
    assert seed_page.js("window.ikg.network.getSelectedEdges()") == [point[0]]
    assert seed_page.page.locator("#details blockquote").count() >= 1, seed_page.details()
    assert "《" in seed_page.page.inner_text("#details cite")


def test_filters_by_class_relation_and_article(seed_page):
    def shown(kind):
        return seed_page.js(f"window.ikg.{kind}.get({{filter: (x) => !x.hidden}}).length")

    nodes, edges = shown("nodes"), shown("edges")
    stars = seed_page.js("window.ikg.nodes.get({filter: (n) => n.cls === 'BeneficiaryGroup'}).length")
    seed_page.page.locator("#class-filter input[value=BeneficiaryGroup]").uncheck()
    assert shown("nodes") == nodes - stars and shown("edges") < edges
    assert seed_page.page.inner_text("#stats").startswith(f"{nodes - stars} 个实体")
    seed_page.page.locator("#relation-filter input[value='ik:provides']").uncheck()
    assert seed_page.js("window.ikg.edges.get({filter: (e) => !e.hidden && e.rel === 'ik:provides'}).length") == 0
    seed_page.page.get_by_role("button", name="显示全部").click()
    assert (shown("nodes"), shown("edges")) == (nodes, edges)

    seed_page.page.select_option("#article-filter", index=1)
    article = seed_page.js("document.getElementById('article-filter').value")
    outside = seed_page.js("""(a) => {
        const structure = ['org:subOrganizationOf', 'org:unitOf'];
        const parents = new Set(window.ikg.edges.get({filter: (e) => !e.hidden && structure.includes(e.rel)})
                                                .map((e) => e.to));
        return window.ikg.nodes.get({filter: (n) => !n.hidden && !n.articles.includes(Number(a)) && !parents.has(n.id)})
                               .length;
    }""", article)
    assert 0 < shown("nodes") < nodes and outside == 0  # only its entities, and the parents that place them
    seed_page.page.select_option("#article-filter", value="")
    assert shown("nodes") == nodes


def test_untrusted_article_text_executes_nothing(browser, hostile_path):
    page = Page(browser, hostile_path)
    payload_node = "<img src=x onerror=pwn=4>安心保"
    page.search("安心保")
    page.page.wait_for_function("() => window.ikg.network.getSelectedNodes().length === 1")
    assert page.page.inner_text("#details h2") == payload_node  # shown as text, not as an image
    for label in ("<script>pwn=5</script>关爱计划", "<svg onload=pwn=7>惠农保"):
        page.search(label)
        page.page.wait_for_function("(l) => document.querySelector('#details h2').textContent === l", arg=label)
    page.page.locator("#article-filter").select_option(index=1)
    assert "<script>" in page.page.locator("#article-filter option").nth(1).inner_text()
    page.search("太保产险上海分公司")
    page.page.wait_for_function("() => document.querySelector('#details blockquote')")
    assert "<img src=x onerror=pwn=4>" in page.details()
    page.page.wait_for_timeout(300)
    assert page.js("[typeof window.pwn, typeof window.ikgPwned, document.title]") == ["undefined", "undefined",
                                                                                     "insurance-kg"]
    assert page.js("document.querySelectorAll('#details img, #details script, #details svg:not(.symbol), "
                   "a[href^=javascript], #hits img').length") == 0
    assert page.dialogs == [] and page.errors == []
    assert page.requests == [hostile_path.as_uri()]  # <img src=x> would have asked for a file called x
    page.page.close()


def test_money_is_shown_for_people(browser, tmp_path):
    page = Page(browser, write(render_html(store_of(amount_dataset())), tmp_path))
    page.search("示例财险")
    page.page.wait_for_function("() => document.querySelector('#details .amount')")
    amounts = page.page.locator("#details .amount").all_inner_texts()
    assert sorted(amounts) == ["1000万元", "136.12亿元"]
    text = page.details()
    assert "约136.12亿元" in text and "截至 2022-04-06" in text and "《保险业助力抗疫》 · 2022-04-28" in text
    page.page.close()


def test_the_page_says_how_many_nodes_were_left_out(browser, seed_store, tmp_path):
    page = Page(browser, write(render_html(seed_store, max_nodes=25), tmp_path))
    note = page.page.locator("#left-out")
    assert note.is_visible() and "25" in note.inner_text() and "未显示" in note.inner_text()
    assert page.js("window.ikg.nodes.length") == 25
    assert "全部实体" not in page.details()  # the guide must not call the 25 all there are
    page.page.fill("#search", "上海市人民政府")  # named in the seeds, but not among the 25 most mentioned
    shown = page.js("window.ikg.nodes.get().map((n) => n.label).join()")
    assert "上海市政府" not in shown and "只收录" in page.page.locator("#hits").inner_text()
    page.page.close()


def test_screenshot_of_the_seeds(seed_page, seed_graph, tmp_path):
    """The picture the README shows: 太平洋安信农险 clicked, its cluster and evidence in view."""
    seed_page.page.get_by_role("button", name="显示全部").click()
    group, insurer = (str(entity(seed_graph, name)) for name in ("中国太保", "太平洋安信农险"))
    seed_page.search("太平洋安信农险")
    seed_page.page.wait_for_timeout(700)
    seed_page.js("""([a, b]) => {
        const at = window.ikg.network.getPositions([a, b]);
        window.ikg.network.moveTo({position: {x: (at[a].x + at[b].x) / 2, y: (at[a].y + at[b].y) / 2}, scale: 0.8});
    }""", [group, insurer])
    path = SCREENSHOT if os.environ.get("IKG_UPDATE_SCREENSHOT") == "1" else tmp_path / "explorer.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    seed_page.page.screenshot(path=path)
    assert 30_000 < path.stat().st_size < 1_500_000


# -- the overview: a small first picture, details opened on demand --------------------------------


@pytest.fixture(scope="module")
def overview_page(browser, seed_store, tmp_path_factory):
    """The seeds with an overview of 12 entities (the real default is 150, more than the seeds have)."""
    return Page(browser, write(render_html(seed_store, overview_nodes=12), tmp_path_factory.mktemp("overview")))


def test_the_overview_draws_the_most_mentioned_with_one_line_per_pair(overview_page):
    assert overview_page.js("window.ikg.nodes.length") == 12
    kinds = overview_page.js("window.ikg.edges.get().map((e) => [e.kind, e.label])")
    assert kinds and all(kind == "pair" for kind, _ in kinds)
    assert any(label.isdigit() and int(label) > 1 for _, label in kinds)  # the count of facts on the line
    total = overview_page.js("Object.keys(JSON.parse(document.getElementById('graph-data').textContent).entities).length")
    assert f"12 个实体（共 {total} 个）" in overview_page.details() and total > 100


def test_search_opens_an_entity_outside_the_overview_with_its_evidence(overview_page):
    target, label = overview_page.js("""() => {  // an entity left out of the overview, with a quoted fact
        const data = JSON.parse(document.getElementById('graph-data').textContent);
        const quoted = data.links.filter((l) => l.facts.some((f) => !f.registry)).flatMap((l) => [l.from, l.to]);
        const id = quoted.find((id) => !window.ikg.nodes.get(id));
        return [id, data.entities[id].label];
    }""")
    overview_page.search(label)
    overview_page.page.wait_for_function("(id) => window.ikg.network.getSelectedNodes()[0] === id", arg=target)
    assert overview_page.page.inner_text("#details h2") == label
    assert overview_page.page.locator("#details blockquote").count() >= 1
    assert overview_page.js("window.ikg.nodes.length") > 12  # it came, with its neighbours
    assert overview_page.js("(id) => window.ikg.edges.get({filter: (e) => e.kind === 'link' && "
                            "(e.from === id || e.to === id)}).length", target) > 0


def test_clicking_a_pair_line_shows_each_fact_behind_it(overview_page):
    overview_page.page.get_by_role("button", name="回到概览").click()
    overview_page.settle()
    assert overview_page.js("window.ikg.nodes.length") == 12
    point = overview_page.js("""() => {
        const net = window.ikg.network;
        for (const e of window.ikg.edges.get({filter: (e) => e.kind === 'pair' && !e.dashes})) {
            const at = net.getPositions([e.from, e.to]);
            const middle = {x: (at[e.from].x + at[e.to].x) / 2, y: (at[e.from].y + at[e.to].y) / 2};
            net.moveTo({position: middle, scale: 2});
            const dom = net.canvasToDOM(middle);
            if (net.getEdgeAt(dom) === e.id && net.getNodeAt(dom) === undefined) return [e.id, dom.x, dom.y];
        }
        return null;
    }""")
    assert point, "no line between two overview entities can be clicked on its own"
    box = overview_page.page.locator("#network canvas").bounding_box()
    overview_page.page.mouse.click(box["x"] + point[1], box["y"] + point[2])
    overview_page.page.wait_for_function("() => document.querySelector('#details blockquote')")
    assert "《" in overview_page.page.inner_text("#details cite")
    assert overview_page.page.locator("#details .rel").count() >= 1


def test_choosing_an_article_opens_its_entities_and_clearing_it_restores_the_overview(overview_page):
    overview_page.page.get_by_role("button", name="回到概览").click()
    overview_page.page.select_option("#article-filter", index=1)
    index = int(overview_page.js("document.getElementById('article-filter').value"))
    outside = overview_page.js("""(a) => {
        const structure = ['org:subOrganizationOf', 'org:unitOf'];
        const parents = new Set(window.ikg.edges.get({filter: (e) => !e.hidden && structure.includes(e.rel)})
                                                .map((e) => e.to));
        return window.ikg.nodes.get({filter: (n) => !n.hidden && !n.articles.includes(a) && !parents.has(n.id)}).length;
    }""", index)
    shown = overview_page.js("window.ikg.nodes.get({filter: (n) => !n.hidden}).length")
    mentioned = overview_page.js("(a) => window.ikg.nodes.get({filter: (n) => n.articles.includes(a)}).length", index)
    assert outside == 0 and shown >= mentioned > 0
    overview_page.page.select_option("#article-filter", value="")
    assert overview_page.js("window.ikg.nodes.get({filter: (n) => !n.hidden}).length") == 12
    assert overview_page.page.inner_text("#stats").startswith("12 个实体")
