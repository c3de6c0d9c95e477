"""Incremental and parallel builds: only what changed is extracted, and the graph always equals
a clean rebuild; --jobs does not change a byte of the output."""
import os
import shutil

import pyoxigraph
import pytest

from graph import build
from graph.store import INDEX_GRAPHS
from graph.to_rdf import graph_iri
from graph.tools.cli import main

from conftest import QUERIES, SEEDS
from test_render_html import page_data

EXTRA = "中原农险周口中心支公司推出“惠农保”，为种植户提供价格保险，截至6月30日累计保额约2.3亿元。"


def quads(folder):
    """The output as a set of N-Quads lines (order-free)."""
    return set((folder / "graph.trig").read_bytes().splitlines()), (folder / "graph.ttl").read_bytes()


def clean_build(src, tmp_path, pipeline, name):
    out = tmp_path / name
    build(src, out, pipeline, check=False)
    return out


@pytest.fixture
def corpus(tmp_path):
    src = tmp_path / "in"
    shutil.copytree(SEEDS, src)
    return src


def test_adding_editing_and_deleting_articles_equals_a_clean_rebuild(corpus, tmp_path, pipeline):
    out = tmp_path / "live"
    first = build(corpus, out, pipeline, check=False)
    assert first.extracted == 5

    (corpus / "new.txt").write_text(EXTRA, encoding="utf-8")  # add
    added = build(corpus, out, pipeline, check=False)
    assert (added.extracted, len(added.built)) == (1, 6)
    assert (out / "graph.trig").read_bytes() == (clean_build(corpus, tmp_path, pipeline, "c1") / "graph.trig").read_bytes()

    seed = corpus / "004_89203e62b05a25ab.txt"  # edit
    seed.write_text(seed.read_text(encoding="utf-8").replace("太安农险", "太平洋安信农险"), encoding="utf-8")
    edited = build(corpus, out, pipeline, check=False)
    assert edited.extracted == 1
    assert (out / "graph.trig").read_bytes() == (clean_build(corpus, tmp_path, pipeline, "c2") / "graph.trig").read_bytes()

    (corpus / "003_b654cfa59472666d.txt").unlink()  # delete
    deleted = build(corpus, out, pipeline, check=False)
    assert deleted.extracted == 0 and deleted.removed == ["003_b654cfa59472666d"]
    clean = clean_build(corpus, tmp_path, pipeline, "c3")
    assert (out / "graph.trig").read_bytes() == (clean / "graph.trig").read_bytes()
    assert (out / "graph.ttl").read_bytes() == (clean / "graph.ttl").read_bytes()
    assert b"003_b654cfa59472666d" not in (out / "graph.trig").read_bytes()



def test_exports_are_copied_from_the_last_ones_only_when_their_index_matches(corpus, tmp_path, pipeline, monkeypatch):
    """A build copies unchanged articles' pieces out of the previous exports (by exports.json);
    an index that does not describe the file (here: the file changed since) means a whole assembly.
    Either way the bytes are a clean build's."""
    from graph import exports

    out = tmp_path / "live"
    build(corpus, out, pipeline, check=False)
    assert (out / "current" / exports.INDEX).is_file()
    read = []
    real = exports._assemble

    def counting(target, keys, piece, source):
        read.append(source is not None)
        return real(target, keys, lambda key: read.append(key) or piece(key), source)

    monkeypatch.setattr(exports, "_assemble", counting)
    (corpus / "new.txt").write_text(EXTRA, encoding="utf-8")
    build(corpus, out, pipeline, check=False)
    assert read.count(True) == 2 and len(read) == 2 + 2  # both from the old file, one new piece each
    clean = clean_build(corpus, tmp_path, pipeline, "c1")
    for name in ("graph.trig", "graph.ttl"):
        assert (out / name).read_bytes() == (clean / name).read_bytes()

    trig = (out / "graph.trig").resolve()  # an edit the index does not know of
    trig.chmod(0o644)
    trig.write_bytes(trig.read_bytes().replace(b"<", b"<", 1) + b"\n")
    read.clear()
    (corpus / "003_b654cfa59472666d.txt").unlink()
    build(corpus, out, pipeline, check=False)
    assert read[0] is False  # graph.trig: assembled whole
    clean = clean_build(corpus, tmp_path, pipeline, "c2")
    for name in ("graph.trig", "graph.ttl"):
        assert (out / name).read_bytes() == (clean / name).read_bytes()

def test_exports_after_a_store_only_build_and_one_more_article_hold_what_the_store_holds(corpus, tmp_path, pipeline):
    """graph.trig and graph.ttl are assembled from each article's cached pieces, not dumped from
    the store: after --no-export builds and an added article they must still say what the store
    says, and be the bytes a clean build writes."""
    out = tmp_path / "live"
    build(corpus, out, pipeline, check=False, exports=False)
    (corpus / "new.txt").write_text(EXTRA, encoding="utf-8")
    build(corpus, out, pipeline, check=False)
    clean = clean_build(corpus, tmp_path, pipeline, "clean")
    for name in ("graph.trig", "graph.ttl"):
        assert (out / name).read_bytes() == (clean / name).read_bytes()

    def triples(quads):  # blank nodes (the ontology's lists) get new names on every parse
        return {(q.subject, q.predicate, q.object, q.graph_name) for q in quads
                if not any(isinstance(t, pyoxigraph.BlankNode) for t in (q.subject, q.object))}

    store = pyoxigraph.Store.read_only(str(out / "store"))
    named = triples(q for q in store if q.graph_name != pyoxigraph.DefaultGraph()
                    and q.graph_name.value not in INDEX_GRAPHS)
    trig = pyoxigraph.parse(path=str(out / "graph.trig"), format=pyoxigraph.RdfFormat.TRIG)
    assert triples(trig) == named and any(g.value == str(graph_iri("new")) for *_, g in named)
    ttl = pyoxigraph.parse(path=str(out / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    default = pyoxigraph.DefaultGraph()
    assert triples(ttl) == {(s, p, o, default) for s, p, o, _ in named}


def test_the_explorer_shows_an_added_article_as_a_clean_build_would(corpus, tmp_path, pipeline):
    out = tmp_path / "live"
    build(corpus, out, pipeline, check=False)
    labels = {e["label"] for e in page_data((out / "graph.html").read_text(encoding="utf-8"))["entities"].values()}
    assert "惠农保" not in labels

    (corpus / "new.txt").write_text(EXTRA, encoding="utf-8")
    build(corpus, out, pipeline, check=False)
    html = (out / "graph.html").read_text(encoding="utf-8")
    data = page_data(html)
    product = next(e for e in data["entities"].values() if e["label"] == "惠农保")
    assert product["mentions"] == 1 and len(product["articles"]) == 1
    quotes = [f["quote"] for link in data["links"] if product["id"] in (link["from"], link["to"]) for f in link["facts"]]
    assert quotes and all("惠农保" in q for q in quotes)  # the new article's sentence is its evidence
    assert html == (clean_build(corpus, tmp_path, pipeline, "clean") / "graph.html").read_text(encoding="utf-8")


def test_the_page_lists_the_latest_articles_after_edits_and_deletions_as_a_clean_build_would(
        corpus, tmp_path, pipeline, monkeypatch):
    """The summary graph's latest articles per entity (what graph.html lists) are kept by
    difference; with one listed per entity, deleting a listed article makes the next one unknown
    and the entity's mentions are read again. After each build the page equals a clean build's."""
    from graph import entity_index

    monkeypatch.setattr(entity_index, "LISTED_MENTIONS", 1)
    reread = []
    monkeypatch.setattr(entity_index, "_mentions", lambda *a, _real=entity_index._mentions: reread.append(1) or _real(*a))
    out = tmp_path / "live"
    build(corpus, out, pipeline, check=False)
    listed = {r["a"].value for r in pyoxigraph.Store.read_only(str((out / "store").resolve())).query(
        f"SELECT ?a WHERE {{ GRAPH <{entity_index.SUMMARY_GRAPH}> {{ ?e <{entity_index.IK.mentionedIn}> ?a }} }}")}
    seed = corpus / "004_89203e62b05a25ab.txt"
    steps = [lambda: (corpus / "new.txt").write_text(EXTRA, encoding="utf-8"),
             lambda: seed.write_text(seed.read_text(encoding="utf-8").replace("太安农险", "太平洋安信农险"), encoding="utf-8"),
             lambda: (corpus / f"{max(listed).rsplit('/', 1)[1]}.txt").unlink()]  # an article some entity lists
    for n, step in enumerate(steps):
        step()
        build(corpus, out, pipeline, check=False)
        clean = clean_build(corpus, tmp_path, pipeline, f"clean{n}")
        assert (out / "graph.html").read_bytes() == (clean / "graph.html").read_bytes(), n
    assert reread

def test_what_the_ignore_file_names_is_no_article_and_leaves_the_graph_when_named(corpus, tmp_path, pipeline):
    """A folder of news often holds its own README or list of sources: .ikgignore leaves them out,
    by name at any depth, by path from the folder, or a whole folder; naming one later removes its
    facts as deleting it would."""
    (corpus / "README.md").write_text("# 说明\n\n中国平安向红十字会捐赠1000万元。", encoding="utf-8")
    (corpus / "drafts" / "old").mkdir(parents=True)
    (corpus / "drafts" / "old" / "draft.txt").write_text(EXTRA, encoding="utf-8")
    (corpus / "sub").mkdir()
    (corpus / "sub" / "old.bak.txt").write_text(EXTRA, encoding="utf-8")
    (corpus / "sub" / "kept.txt").write_text(EXTRA, encoding="utf-8")
    out = tmp_path / "live"
    assert len(build(corpus, out, pipeline, check=False).built) == 9
    (corpus / ".ikgignore").write_text("# not news\nREADME.md\n\ndrafts/\n/003_*.txt\n*.bak.txt\n", encoding="utf-8")
    report = build(corpus, out, pipeline, check=False)
    assert sorted(report.removed) == ["003_b654cfa59472666d", "README", "draft", "old.bak"]
    assert sorted(report.built) == ["000_22cda59efe90915f", "001_bf52da6889761ee3", "002_4490f46f4f8b8fae",
                                    "004_89203e62b05a25ab", "kept"]
    for path in ("README.md", "drafts/old/draft.txt", "sub/old.bak.txt", "003_b654cfa59472666d.txt"):
        (corpus / path).unlink()
    clean = clean_build(corpus, tmp_path, pipeline, "clean")
    assert (out / "graph.trig").read_bytes() == (clean / "graph.trig").read_bytes()


def test_an_unreadable_ignore_file_is_one_line_naming_it(corpus, tmp_path, capsys):
    (corpus / ".ikgignore").write_bytes(b"\xff\xfe\x00bad")
    assert main(["build", "--input", str(corpus), "--output", str(tmp_path / "out"), "--quiet"]) != 0
    err = capsys.readouterr().err.strip()
    assert ".ikgignore" in err and "Traceback" not in err and len(err.splitlines()) == 1


def test_export_after_a_store_only_build_reads_the_store(corpus, tmp_path, pipeline, monkeypatch, capsys):
    """After `ikg build --no-export` there is no graph.trig, but the README promises that `ikg export`
    keeps working: it reads the store, and holds the article the store-only build added."""
    monkeypatch.chdir(tmp_path)
    build(corpus, tmp_path / "output", pipeline, check=False, exports=False)
    assert not (tmp_path / "output" / "graph.trig").exists()
    assert main(["export", "-o", "g.nq"]) == 0, capsys.readouterr().err
    assert str(graph_iri("004_89203e62b05a25ab")).encode() in (tmp_path / "g.nq").read_bytes()
    assert main(["export", "-o", "g.gexf"]) == 0 and b"<gexf" in (tmp_path / "g.gexf").read_bytes()


def test_a_mirror_with_an_index_html_per_article_builds_every_article(tmp_path, pipeline):
    src = tmp_path / "mirror"
    for n, text in enumerate([EXTRA, "中国平安向武汉市红十字会捐赠1000万元。", "人保财险为种植户提供价格保险。"]):
        page = src / "news" / f"2023042{n}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(f"<html><body><p>{text}</p></body></html>", encoding="utf-8")
    report = build(src, tmp_path / "out", pipeline, check=False)
    assert not report.skipped and sorted(report.built) == [f"2023042{n}-index" for n in range(3)]


def test_shared_entities_stay_single_when_one_article_goes(corpus, tmp_path, pipeline, capsys):
    out = tmp_path / "live"
    build(corpus, out, pipeline, check=False)
    (corpus / "002_4490f46f4f8b8fae.txt").unlink()  # 太平洋安信农险 is also named in 004
    build(corpus, out, pipeline, check=False)
    assert main(["query", str(QUERIES / "multi_article_organisations.rq"), "--data", str(out / "store"),
                 "--format", "csv"]) == 0
    assert "太平洋安信农险" not in capsys.readouterr().out  # now named in one article only
    assert main(["explain", "太安农险", "--data", str(out / "store")]) == 0
    assert capsys.readouterr().out.count("太平洋安信农险 (Insurer)") == 1


def test_jobs_do_not_change_the_output(tmp_path, capsys):
    for jobs in ("1", "2"):
        assert main(["build", "--output", str(tmp_path / jobs), "--jobs", jobs, "--quiet"]) == 0
    for name in ("graph.trig", "graph.ttl"):
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes()


def test_what_a_dead_build_left_is_removed_by_the_next(corpus, tmp_path, pipeline):
    out = tmp_path / "live"
    build(corpus, out, pipeline, check=False)
    before = (out / "graph.trig").read_bytes()
    # as if builds had died: one while copying the store, one while switching the link
    (out / "generations" / "7" / "store").mkdir(parents=True)
    (out / "generations" / "7" / "store" / "000012.sst").write_bytes(b"half")
    (out / ".current.4242.tmp").symlink_to("generations/7")
    (out / "cache" / "objects" / ".x1y2.tmp").write_bytes(b"half an entry")
    again = build(corpus, out, pipeline, check=False)
    assert again.extracted == 0
    assert [p.name for p in (out / "generations").iterdir()] == [os.readlink(out / "current").split("/")[-1]]
    assert not list(out.glob(".*.tmp")) and not list((out / "cache" / "objects").glob(".*"))
    assert (out / "graph.trig").read_bytes() == before


def test_changing_the_registry_reextracts_everything(corpus, tmp_path, pipeline):
    out = tmp_path / "live"
    build(corpus, out, pipeline, check=False)
    from dataclasses import replace
    changed = replace(pipeline, fingerprint=pipeline.fingerprint + "-new-registry")
    assert build(corpus, out, changed, check=False).extracted == 5


def test_queries_read_the_store_by_default(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").symlink_to(SEEDS, target_is_directory=True)
    assert main(["build", "--quiet", "--no-export"]) == 0
    assert not (tmp_path / "output" / "graph.trig").exists() and (tmp_path / "output" / "store").is_dir()
    assert main(["query", str(QUERIES / "money_by_group.rq")]) == 0
    assert "中国太保" in capsys.readouterr().out


def test_an_output_folder_from_before_generations_is_converted(corpus, tmp_path, pipeline):
    built = tmp_path / "built"
    build(corpus, built, pipeline, check=False)
    old = tmp_path / "old"  # the layout earlier versions wrote: real files, the store updated in place
    old.mkdir()
    shutil.copytree(built / "current" / "store", old / "store")
    for name in ("graph.trig", "graph.ttl", "graph.html"):
        (old / name).write_bytes((built / name).read_bytes())
    (old / "cache" / "articles").mkdir(parents=True)
    (old / "cache" / "manifest.json").write_text("{}")
    build(corpus, old, pipeline, check=False)
    for name in ("store", "graph.trig", "graph.ttl", "graph.html"):
        assert (old / name).is_symlink()
    assert (old / "graph.trig").read_bytes() == (built / "graph.trig").read_bytes()
    assert not (old / "cache" / "articles").exists() and not (old / "cache" / "manifest.json").exists()
    build(corpus, old, pipeline, check=False)
    assert [p.name for p in (old / "generations").iterdir()] == ["2"]  # the old store is gone too


def test_a_new_version_of_the_extractor_reextracts(tmp_path, monkeypatch):
    """Cached extractions are keyed by the package's code too: an upgrade that changes how
    articles are read must not serve extractions made by the old code."""
    import graph.pipeline
    package = tmp_path / "graph"
    shutil.copytree(os.path.dirname(graph.pipeline.__file__), package,
                    ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(graph.pipeline, "__file__", str(package / "pipeline.py"))
    before = graph.pipeline.knowledge_fingerprint()
    with open(package / "relate.py", "a", encoding="utf-8") as f:
        f.write("\n# a changed rule\n")
    assert graph.pipeline.knowledge_fingerprint() != before


def _settled_at_once(monkeypatch):
    """Trust files' signatures however recent (a build keeps them only for files seconds old, so
    that an edit in the same tick of the clock is never missed) and count the files read."""
    import sys
    module = sys.modules["graph.build"]
    monkeypatch.setattr(module, "SETTLED_NS", 0)
    read = []
    real = module.read_bytes_and_stat
    monkeypatch.setattr(module, "read_bytes_and_stat", lambda path, *a: read.append(path.name) or real(path, *a))
    return read


def _same_size_edit(path):
    """Change one character for another of the same size in UTF-8, keeping the file's length."""
    text = path.read_text(encoding="utf-8")
    assert "太安农险" in text
    path.write_text(text.replace("太安农险", "太安财险", 1), encoding="utf-8")
    assert len(path.read_bytes()) == len(text.encode("utf-8"))


def test_unchanged_files_are_not_read_and_same_size_edits_are_reextracted(corpus, tmp_path, pipeline, monkeypatch):
    """A build knows an unchanged file by its size, times and inode, without reading it; an
    edit in place that keeps the size is re-extracted, whether or not its time was set back."""
    read = _settled_at_once(monkeypatch)
    out = tmp_path / "live"
    assert build(corpus, out, pipeline, check=False).extracted == 5
    assert len(read) == 5
    read.clear()
    assert build(corpus, out, pipeline, check=False).extracted == 0
    assert read == []  # nothing changed: nothing read

    seed = corpus / "004_89203e62b05a25ab.txt"
    before = os.stat(seed)
    _same_size_edit(seed)
    os.utime(seed, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))  # a tick later, same size
    again = build(corpus, out, pipeline, check=False)
    assert (again.extracted, read) == (1, [seed.name])
    assert (out / "graph.trig").read_bytes() == (clean_build(corpus, tmp_path, pipeline, "c1") / "graph.trig").read_bytes()

    read.clear()
    before = os.stat(seed)
    seed.write_text(seed.read_text(encoding="utf-8").replace("太安财险", "太安农险", 1), encoding="utf-8")
    os.utime(seed, ns=(before.st_atime_ns, before.st_mtime_ns))  # the same size and time as before the edit
    restored = build(corpus, out, pipeline, check=False)
    assert (restored.extracted, read) == (1, [seed.name])  # the status-change time moved
    assert (out / "graph.trig").read_bytes() == (clean_build(corpus, tmp_path, pipeline, "c2") / "graph.trig").read_bytes()


def test_a_new_fingerprint_reads_every_file_again(corpus, tmp_path, pipeline, monkeypatch):
    from dataclasses import replace
    read = _settled_at_once(monkeypatch)
    out = tmp_path / "live"
    build(corpus, out, pipeline, check=False)
    read.clear()
    changed = replace(pipeline, fingerprint=pipeline.fingerprint + "-new-rules")
    assert build(corpus, out, changed, check=False).extracted == 5
    assert len(read) == 5


def test_a_missing_cache_entry_is_read_and_extracted_again(corpus, tmp_path, pipeline, monkeypatch):
    read = _settled_at_once(monkeypatch)
    out = tmp_path / "live"
    build(corpus, out, pipeline, check=False, exports=False)
    for entry in (out / "cache" / "objects").glob("*.nq"):
        if b"004_89203e62b05a25ab" in entry.read_bytes():
            entry.unlink()
    read.clear()
    assert build(corpus, out, pipeline, check=False).extracted == 1
    assert read == ["004_89203e62b05a25ab.txt"]
    assert (out / "graph.trig").read_bytes() == (clean_build(corpus, tmp_path, pipeline, "c") / "graph.trig").read_bytes()


def test_files_written_just_before_a_build_are_read_again_by_the_next(corpus, tmp_path, pipeline):
    """A file changed seconds before a build could change again within the same tick of the file
    system's clock, same size: the build keeps no signature for it, so the next one reads it."""
    import json
    out = tmp_path / "live"
    build(corpus, out, pipeline, check=False, exports=False)
    manifest = json.loads((out / "current" / "manifest.json").read_bytes())
    assert manifest["fingerprint"] == pipeline.fingerprint
    assert all(entry["stat"] is None for entry in manifest["articles"].values())
    seed = corpus / "004_89203e62b05a25ab.txt"
    before = os.stat(seed)
    _same_size_edit(seed)
    os.utime(seed, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert build(corpus, out, pipeline, check=False, exports=False).extracted == 1


def _graphs(out):
    """The ids of the articles whose graphs the store at ``out`` holds."""
    store = pyoxigraph.Store.read_only(str(out / "store"))
    return {g.value.rsplit("/", 1)[-1] for g in store.named_graphs() if g.value not in INDEX_GRAPHS}


def test_watch_builds_again_when_a_file_is_added_or_removed(corpus, tmp_path, pipeline):
    """`ikg build --watch` in-process: a new file and a deleted one each make one incremental
    build, with the pipeline kept loaded; a touch that changes nothing extracts nothing."""
    import queue
    import threading
    from graph.watch import watch

    out = tmp_path / "live"
    reports, stop = queue.Queue(), threading.Event()
    watcher = threading.Thread(target=watch, args=(corpus, out, lambda r, s: reports.put(r)),
                               kwargs=dict(interval=0.05, pipeline=pipeline, stop=stop.is_set, check=False,
                                           exports=False, count=False))
    watcher.start()
    try:
        first = reports.get(timeout=120)
        assert (first.extracted, len(first.built)) == (5, 5)
        (corpus / "new.txt").write_text(EXTRA, encoding="utf-8")
        added = reports.get(timeout=60)
        assert (added.extracted, len(added.built), added.removed) == (1, 6, [])
        assert "new" in _graphs(out)
        (corpus / "003_b654cfa59472666d.txt").unlink()
        removed = reports.get(timeout=60)
        assert (removed.extracted, removed.removed) == (0, ["003_b654cfa59472666d"])
        assert "003_b654cfa59472666d" not in _graphs(out) and "new" in _graphs(out)
        os.utime(corpus / "new.txt")
        assert reports.get(timeout=60).extracted == 0
    finally:
        stop.set()
        watcher.join(60)
    assert not watcher.is_alive()
    clean = tmp_path / "clean"
    build(corpus, clean, pipeline, check=False, exports=False)
    assert _graphs(out) == _graphs(clean)


def test_watch_from_the_command_line_prints_a_line_per_build_and_stops_on_ctrl_c(corpus, tmp_path):
    """Piped, --watch prints one line per build and no progress or waiting message; Ctrl-C ends
    it with exit code 130 and one line, no traceback, the last build published."""
    import signal
    import subprocess
    import sys
    from conftest import ROOT

    out = tmp_path / "live"
    child = subprocess.Popen([sys.executable, "-m", "graph.tools.cli", "build", "--input", str(corpus),
                              "--output", str(out), "--watch", "--interval", "0.1", "--no-export", "--jobs", "1"],
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert "built 5 article(s) (5 extracted, 0 unchanged)" in child.stdout.readline()
        (corpus / "new.txt").write_text(EXTRA, encoding="utf-8")
        assert "built 6 article(s) (1 extracted, 5 unchanged)" in child.stdout.readline()
        child.send_signal(signal.SIGINT)
        stdout, stderr = child.communicate(timeout=60)
    finally:
        child.kill()
    assert child.returncode == 130
    assert stdout == "" and "Traceback" not in stderr
    assert stderr.splitlines()[-1] == "ikg: stopped watching; the output folder holds the last complete build"
    assert "new" in _graphs(out)


def test_watch_refuses_a_missing_input_folder(tmp_path, capsys):
    assert main(["build", "--input", str(tmp_path / "nowhere"), "--output", str(tmp_path / "out"), "--watch"]) == 1
    assert "no such folder" in capsys.readouterr().err
