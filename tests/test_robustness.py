"""Messy input, failures and safety: clear one-line errors, skipped files, nothing lost.

tests/corpus/bad/ holds the bad files that can live in git (see its ABOUT); the 20 MB article,
the symlink loop and the unreadable file are made here at run time.
"""
import errno
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph import build
from graph.lock import output_lock
from graph.tools.cli import main
from graph.tools.common import FAILED, WARNINGS

from conftest import QUERIES, ROOT, SEEDS

BAD = Path(__file__).resolve().parent / "corpus" / "bad"


def ikg(*args, **kwargs):
    """Run the real `ikg` in a subprocess, as a user does."""
    return subprocess.run([sys.executable, "-m", "graph.tools.cli", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300, **kwargs)


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())
            if p.is_file() and not p.name.startswith(".")}  # .ikg.lock holds the last pid


@pytest.fixture
def messy(tmp_path, monkeypatch):
    """The bad corpus plus a 20 MB article, a symlink loop and an unreadable file."""
    src = tmp_path / "messy"
    shutil.copytree(BAD, src)
    (src / "huge.txt").write_bytes(("太保寿险推出“守护者”团意险。" * 700_000).encode("utf-8")[:20 * 2**20])
    (src / "loop.txt").symlink_to(src / "loop.txt")
    (src / "sub").mkdir()
    (src / "sub" / "again").symlink_to(src, target_is_directory=True)  # a folder loop: not entered
    secret = src / "secret.txt"
    secret.write_text("人保财险推出新产品。", encoding="utf-8")
    secret.chmod(0)
    if os.geteuid() == 0:  # root reads anything: make the kernel's answer the one a user gets
        real = os.open

        def refuse_secret(path, *args, **kwargs):
            if Path(path) == secret:
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return real(path, *args, **kwargs)
        monkeypatch.setattr(os, "open", refuse_secret)
    return src


def test_every_readable_article_is_built_and_each_bad_one_named(messy, tmp_path, capsys):
    code = main(["build", "--input", str(messy), "--output", str(tmp_path / "out")])
    out, err = capsys.readouterr()
    assert code == WARNINGS
    skipped = {Path(line.split(": ")[1]).name: line for line in err.splitlines() if line.startswith("ikg: skipped ")}
    assert set(skipped) == {"empty.txt", "blank.md", "binary.html", "not_utf8_or_gbk.txt",
                            "broken_front_matter.md", "huge.txt", "loop.txt", "secret.txt"}
    assert "too large (20.0 MB" in skipped["huge.txt"]
    assert "permission denied" in skipped["secret.txt"].lower()
    assert "symbolic links" in skipped["loop.txt"]
    assert "broken front matter" in skipped["broken_front_matter.md"]
    assert "built 4 article(s)" in out
    assert "Traceback" not in err


def test_the_four_good_files_are_in_the_graph(messy, tmp_path, capsys):
    main(["build", "--input", str(messy), "--output", str(tmp_path / "out"), "--quiet"])
    capsys.readouterr()
    assert main(["explain", "阳光财险江苏省分公司", "--data", str(tmp_path / "out" / "graph.trig")]) == 0  # GB18030
    out = capsys.readouterr().out
    assert "江苏省慈善总会" in out
    assert main(["explain", "新华保险四川分公司", "--data", str(tmp_path / "out" / "graph.trig")]) == 0
    out = capsys.readouterr().out
    assert "理赔到家" in out and "hacked" not in out


def test_an_article_that_brings_out_a_bug_is_skipped_and_named_not_the_build(tmp_path, monkeypatch, capsys):
    """A bug one article's text brings out (the linker once recursed without end on a long table)
    costs that article, reported as a bug, and not the graph of the others."""
    module = sys.modules["graph.build"]  # (graph.build, the attribute, is the function)
    real = module.extract_quads

    def buggy(pipeline, path, data):
        if Path(path).name.startswith("002_"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(pipeline, path, data)
    monkeypatch.setattr(module, "extract_quads", buggy)
    monkeypatch.delenv("IKG_DEBUG", raising=False)
    code = main(["build", "--output", str(tmp_path / "out"), "--jobs", "1", "--no-validate"])
    out, err = capsys.readouterr()
    assert code == WARNINGS and "built 4 article(s)" in out
    [line] = err.splitlines()
    assert line.startswith("ikg: skipped ") and "002_4490f46f4f8b8fae.txt: internal error: RecursionError" in line
    assert "a bug; run with IKG_DEBUG=1" in line


def test_exit_codes_success_warnings_failure(tmp_path, capsys):
    assert main(["build", "--output", str(tmp_path / "a"), "--quiet"]) == 0
    assert main(["build", "--input", str(BAD), "--output", str(tmp_path / "b"), "--quiet"]) == WARNINGS
    empty = tmp_path / "nothing"
    empty.mkdir()
    (empty / "empty.txt").write_bytes(b"")
    (empty / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    capsys.readouterr()
    assert main(["build", "--input", str(empty), "--output", str(tmp_path / "c")]) == FAILED
    lines = capsys.readouterr().err.strip().splitlines()  # why each file was no article, then the error
    assert [line.split(":")[0] for line in lines] == ["ikg", "ikg", "ikg"]
    assert lines[0].startswith(f"ikg: skipped {empty / 'empty.txt'}: ") and "image.txt" in lines[1]
    assert "no usable articles (2 skipped)" in lines[2]


def slow_corpus(tmp_path: Path, copies: int = 60) -> Path:
    src = tmp_path / "many"
    src.mkdir()
    for i in range(copies):
        for path in SEEDS.iterdir():
            (src / f"{i:03d}_{path.name}").write_bytes(path.read_bytes())
    return src


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_interrupted_build_leaves_previous_output_complete(tmp_path, sig):
    out = tmp_path / "out"
    assert ikg("build", "--output", out).returncode == 0
    before = snapshot(out)
    proc = subprocess.Popen([sys.executable, "-m", "graph.tools.cli", "build", "--input", slow_corpus(tmp_path),
                             "--output", out], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(4)  # well into extracting 300 articles
    assert proc.poll() is None, "the build finished before it could be interrupted"
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "interrupted" in err and "Traceback" not in err
    assert snapshot(out) == before
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_concurrent_builds_do_not_share_an_output(tmp_path):
    out = tmp_path / "out"
    with output_lock(out):  # as a running build holds it
        second = ikg("build", "--output", out)
    assert second.returncode == FAILED
    assert f"another ikg build (pid {os.getpid()}) is writing here" in second.stderr
    assert not (out / "graph.ttl").exists()
    assert ikg("build", "--output", out).returncode == 0  # the lock goes with the build that held it
    assert (out / "graph.ttl").exists()


def test_unwritable_output_is_one_line(tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    proc = ikg("build", "--output", blocker / "out")
    assert proc.returncode == FAILED and proc.stderr.count("\n") == 1
    assert "cannot write here: Not a directory" in proc.stderr


def test_full_disk_leaves_previous_output(tmp_path, pipeline, monkeypatch, capsys):
    """(A real full disk, on a small filesystem: tests/test_crash.py.)"""
    out = tmp_path / "out"
    build(SEEDS, out, pipeline, check=False)
    before = snapshot(out)

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr("graph.writers.os.fsync", full)
    assert main(["build", "--output", str(out), "--jobs", "1", "--quiet", "--no-validate"]) == FAILED
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "No space left on device" in err and "previous build is still" in err
    assert snapshot(out) == before
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


# --- queries -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def data(tmp_path_factory, pipeline):
    out = tmp_path_factory.mktemp("qdata")
    build(SEEDS, out, pipeline, check=False)
    return out / "graph.trig"


def test_update_needs_a_flag_and_then_changes_the_file(tmp_path, data, capsys):
    copy = tmp_path / "graph.trig"
    copy.write_bytes(data.read_bytes())
    rq = tmp_path / "note.rq"
    rq.write_text('PREFIX ik: <https://w3id.org/insurance-kg/ontology#>\n'
                  'INSERT DATA { GRAPH <urn:notes> { <urn:a> ik:note "已核对" } }', encoding="utf-8")
    assert main(["query", str(rq), "--data", str(copy)]) == FAILED
    assert "--allow-update" in capsys.readouterr().err
    assert "已核对" not in copy.read_text(encoding="utf-8")
    assert main(["query", str(rq), "--data", str(copy), "--allow-update"]) == 0
    assert "已核对" in copy.read_text(encoding="utf-8")
    ask = tmp_path / "ask.rq"
    ask.write_text('ASK { GRAPH <urn:notes> { <urn:a> ?p "已核对" } }', encoding="utf-8")
    capsys.readouterr()
    assert main(["query", str(ask), "--data", str(copy)]) == 0 and capsys.readouterr().out.strip() == "true"


def test_service_needs_a_flag(tmp_path, data, capsys):
    """SERVICE goes to the network only with --allow-service (a local endpoint stands in for one)."""
    import json
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    calls = []

    class Endpoint(BaseHTTPRequestHandler):
        def _answer(self):
            calls.append(self.path)
            body = json.dumps({"head": {"vars": ["x"]},
                               "results": {"bindings": [{"x": {"type": "literal", "value": "远端答案"}}]}}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            self._answer()

        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            self._answer()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Endpoint)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        rq = tmp_path / "remote.rq"
        rq.write_text(f"SELECT ?x WHERE {{ SERVICE <http://127.0.0.1:{server.server_port}/sparql> {{ ?x ?p ?o }} }}")
        assert main(["query", str(rq), "--data", str(data)]) == FAILED
        assert "--allow-service" in capsys.readouterr().err and calls == []
        # rdflib, which screens the query, and pyoxigraph, which runs it, read an escaped quote
        # differently: a SERVICE one takes for part of a string the other ran (an audit's find)
        endpoint = f"<http://127.0.0.1:{server.server_port}/sparql>"
        for smuggled in ('SELECT * WHERE { BIND(CONCAT("A\\u0022, ") AS ?x) SERVICE ' + endpoint
                         + ' { ?x ?p ?o } BIND(CONCAT(") AS ?y) } #") AS ?z) }',
                         "SELECT * WHERE { ?s ?p 1 \\u0053ERVICE " + endpoint + " { ?x ?p ?o } }"):
            rq.write_text(smuggled, encoding="utf-8")
            assert main(["query", str(rq), "--data", str(data)]) == FAILED
            assert "--allow-service" in capsys.readouterr().err and calls == []
        rq.write_text(f"SELECT ?x WHERE {{ SERVICE {endpoint} {{ ?x ?p ?o }} }}")
        assert main(["query", str(rq), "--data", str(data), "--allow-service"]) == 0
        assert "远端答案" in capsys.readouterr().out and calls
    finally:
        server.shutdown()


def test_timeout_stops_a_runaway_query(tmp_path, data, capsys):
    rq = tmp_path / "slow.rq"
    rq.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
    started = time.monotonic()
    assert main(["query", str(rq), "--data", str(data), "--timeout", "1"]) == FAILED
    assert time.monotonic() - started < 20
    assert "stopped after 1 s" in capsys.readouterr().err
    assert main(["query", str(QUERIES / "groups_and_members.rq"), "--data", str(data), "--timeout", "30"]) == 0


# --- no traceback for a user's mistake -------------------------------------------------------------

def test_no_user_mistake_prints_a_traceback(tmp_path, capsys):
    garbage = tmp_path / "garbage.trig"
    garbage.write_text("this is not TriG {{{", encoding="utf-8")
    bad_rq = tmp_path / "bad.rq"
    bad_rq.write_text("SELEKT * WHERE { ?s ?p ?o }")
    not_utf8 = tmp_path / "latin1.rq"
    not_utf8.write_bytes(b"SELECT \xff\xfe")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    usage = [["build", "--max-size", "lots"], ["query", QUERIES / "aliases.rq", "--format", "yaml"],
             ["export", "--format", "pdf"], ["frobnicate"], []]
    mistakes = [
        ["build", "--input", tmp_path / "missing"],
        ["build", "--input", blocker],
        ["build", "--output", blocker / "out"],
        ["query", tmp_path / "missing.rq"],
        ["query", bad_rq],
        ["query", not_utf8],
        ["query", QUERIES / "aliases.rq", "--data", garbage],
        ["query", QUERIES / "aliases.rq", "--data", tmp_path / "graph.xyz"],
        ["export", "--data", garbage],
        ["export", "--data", SEEDS / "000_22cda59efe90915f.txt"],
        ["explain", "不存在的公司", "--data", garbage],
        ["validate", "--data", tmp_path / "missing.trig"],
        ["validate", "--shapes", tmp_path / "missing.ttl", "--data", garbage],
    ]
    for argv in usage:  # argparse: usage line and exit code 2
        with pytest.raises(SystemExit) as exit_:
            main([str(a) for a in argv])
        assert exit_.value.code == 2 and "usage: ikg" in capsys.readouterr().err
    for argv in mistakes:  # one line naming the file and the problem, exit code 1
        assert main([str(a) for a in argv]) == FAILED, argv
        err = capsys.readouterr().err
        assert err.startswith("ikg: error: ") and err.count("\n") == 1, (argv, err)
    # and in a real process, where an uncaught exception would print its traceback
    proc = ikg("query", bad_rq)
    assert proc.returncode == FAILED and "Traceback" not in proc.stderr and ":1:1: SPARQL syntax error" in proc.stderr


# --- hostile but realistic input (issue 12) --------------------------------------------------------

def one_line(err: str) -> bool:
    return err.startswith("ikg: error: ") and err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize("argv, message", [
    (["query", QUERIES / "aliases.rq", "--timeout", "nan"], "--timeout must be a positive number, not nan"),
    (["query", QUERIES / "aliases.rq", "--timeout", "-1"], "--timeout must be a positive number"),
    (["query", QUERIES / "aliases.rq", "--timeout", "inf"], "--timeout must be a positive number"),
    (["build", "--max-nodes", "-1"], "--max-nodes must be a positive whole number, not -1"),
    (["build", "--max-nodes", "0"], "--max-nodes must be a positive whole number"),
    (["build", "--max-size", "nan"], "--max-size must be a positive number"),
    (["build", "--jobs", "0"], "--jobs must be a positive whole number"),
    (["push", "--endpoint", "http://127.0.0.1:1/sparql", "--timeout", "nan"], "--timeout must be a positive"),
])
def test_impossible_numbers_are_one_line(argv, message, tmp_path, capsys):
    assert main([str(a) for a in argv] + (["--output", str(tmp_path / "o")] if argv[0] == "build" else [])) == FAILED
    err = capsys.readouterr().err
    assert one_line(err) and message in err, err
    assert not (tmp_path / "o").exists()  # refused before anything was written


def test_the_store_a_build_made_is_never_updated(data, tmp_path, capsys):
    rq = tmp_path / "note.rq"
    rq.write_text('INSERT DATA { GRAPH <urn:notes> { <urn:a> <urn:b> "c" } }', encoding="utf-8")
    out = data.parent
    before = snapshot(out)
    for target in (out / "store", out / "graph.trig"):  # both belong to the published build
        assert main(["query", str(rq), "--data", str(target), "--allow-update"]) == FAILED
        err = capsys.readouterr().err
        assert one_line(err) and "read-only" in err and "ikg export" in err
    assert snapshot(out) == before and (out / "graph.trig").is_symlink()


def test_a_service_that_does_not_answer_is_one_line(data, tmp_path, capsys):
    import socket
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    rq = tmp_path / "remote.rq"
    rq.write_text(f"SELECT ?x WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?x ?p ?o }} }}")
    for extra in ([], ["--timeout", "20"]):
        assert main(["query", str(rq), "--data", str(data), "--allow-service", *extra]) == FAILED
        err = capsys.readouterr().err
        assert one_line(err) and str(rq) in err, err


def test_a_query_file_may_start_with_a_bom(data, tmp_path, capsys):
    rq = tmp_path / "bom.rq"
    rq.write_bytes("\ufeffPREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
                   "ASK { ?e skos:prefLabel \"中国太保\"@zh }".encode("utf-8"))
    assert main(["query", str(rq), "--data", str(data)]) == 0
    assert capsys.readouterr().out.strip() == "true"


def test_special_files_are_skipped_with_a_reason(tmp_path):
    """A FIFO named x.txt and a link to /dev/zero used to hang the build or exhaust its memory."""
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEEDS / "000_22cda59efe90915f.txt", src)
    os.mkfifo(src / "x.txt")
    (src / "zero.txt").symlink_to("/dev/zero")
    proc = ikg("build", "--input", src, "--output", tmp_path / "out", "--jobs", "1", "--no-validate")
    assert proc.returncode == WARNINGS and "Traceback" not in proc.stderr
    assert f"ikg: skipped {src / 'x.txt'}: not a regular file (a FIFO)" in proc.stderr
    assert f"ikg: skipped {src / 'zero.txt'}: not a regular file (a character device)" in proc.stderr
    assert "built 1 article(s)" in proc.stdout


def test_the_size_limit_applies_to_what_is_read():
    from graph.errors import ArticleError
    from graph.ingest import read_bytes

    maps = Path("/proc/self/maps")  # a regular file whose size stat reports as 0
    if not maps.is_file() or maps.stat().st_size != 0:
        pytest.skip("needs Linux's /proc")
    with pytest.raises(ArticleError, match="too large \\(more than"):
        read_bytes(maps, max_bytes=200)


CONTROLS = "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\x9b\ufffe"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, pipeline):
    """A build of articles full of control characters (NUL far past the first 8 KB, ESC, C1,
    character references to controls) in files with hostile names; returns its output folder."""
    src = tmp_path_factory.mktemp("hostile")
    text = (SEEDS / "001_bf52da6889761ee3.txt").read_text(encoding="utf-8")
    padding = "中国人寿上海市分公司开展公益活动。" * 200  # > 8 KB before the NUL
    (src / "ctrl.txt").write_text(padding + CONTROLS + text.replace("。", "。\x1b[31m\x00", 3), encoding="utf-8")
    (src / "page.html").write_text("<html><head><title>标题&#27;&#1;</title></head><body><p>" +
                                   text.replace("。", "。&#27;&#0;&#x85;", 3) + "</p></body></html>", encoding="utf-8")
    (src / "line\nbreak\u202e.txt").write_text(CONTROLS[1:] + text, encoding="utf-8")  # NUL early: binary
    with open(os.path.join(os.fsencode(src), b"not-utf8-\xff.txt"), "wb") as f:
        f.write(text.encode("utf-8"))
    out = tmp_path_factory.mktemp("hostile_out")
    report = build(src, out, pipeline, check=False)
    assert not report.skipped and len(report.built) == 4
    return out


def test_control_characters_are_removed_at_ingest(hostile):
    from rdflib import Literal

    from graph.store import load_dataset

    ds = load_dataset(hostile / "graph.trig")  # what a user reads: the export
    literals = [o for _, _, o, _ in ds.quads((None, None, None, None)) if isinstance(o, Literal)]
    assert any("中国人寿上海市分公司开展公益活动" in o for o in literals)
    bad = [str(o)[:40] for o in literals if any(c in str(o) for c in CONTROLS + "\x1b")]
    assert not bad


def _parse_back(name: str, data: bytes) -> int:
    """Parse an export as the tool at the other end would; the number of statements or elements."""
    from rdflib import Dataset, Graph
    from graph.writers import FORMATS

    plugin = getattr(FORMATS[name], "plugin", None)
    if plugin and getattr(FORMATS[name], "quads", False):
        ds = Dataset()
        ds.parse(data=data, format=plugin)
        return len(ds)
    try:
        return len(Graph().parse(data=data, format=plugin))
    except Exception:  # noqa: BLE001 - not an RDF format rdflib reads: XML or JSON documents
        if data.lstrip().startswith(b"<"):
            import xml.etree.ElementTree as ET
            return len(list(ET.fromstring(data).iter()))
        import json
        return len(json.dumps(json.loads(data)))


def test_every_export_of_every_format_parses_back(hostile, tmp_path, capsys):
    from graph.writers import FORMATS

    for name in ("graph.trig", "graph.ttl"):  # what the build wrote
        fmt = {"graph.trig": "trig", "graph.ttl": "ttl"}[name]
        assert _parse_back(fmt, (hostile / name).read_bytes()) > 1000
    # what `ikg export` writes as RDF, from the store and from the TriG file (graph-tool formats: test_network.py)
    for fmt in (name for name, spec in FORMATS.items() if not spec.network):
        for data in (hostile / "store", hostile / "graph.trig"):
            target = tmp_path / f"graph.{fmt}"
            assert main(["export", "--format", fmt, "--data", str(data), "-o", str(target)]) == 0, fmt
            assert _parse_back(fmt, target.read_bytes()) > 100, fmt
    capsys.readouterr()


def test_the_output_folder_is_never_read_as_input(tmp_path, capsys):
    src = tmp_path / "news"
    shutil.copytree(SEEDS, src)
    out = src / "graph-out"  # inside the input folder
    for _ in range(2):
        assert main(["build", "--input", str(src), "--output", str(out), "--jobs", "1", "--no-validate"]) == 0
        assert "built 5 article(s)" in capsys.readouterr().out
    assert main(["build", "--input", str(src), "--output", str(src), "--jobs", "1"]) == FAILED
    assert one_line(capsys.readouterr().err)


def test_file_names_in_messages_are_printed_escaped(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEEDS / "000_22cda59efe90915f.txt", src)
    (src / "evil\nikg: error: forged\x1b[31m\u202e.txt").write_bytes(b"")
    with open(os.path.join(os.fsencode(src), b"raw-\xff.txt"), "wb"):
        pass
    proc = ikg("build", "--input", src, "--output", tmp_path / "out", "--jobs", "1", "--no-validate")
    assert proc.returncode == WARNINGS
    lines = proc.stderr.splitlines()
    assert len(lines) == 2 and all(line.startswith("ikg: skipped ") for line in lines), lines
    assert "\x1b" not in proc.stderr and "\u202e" not in proc.stderr
    assert "evil\\nikg: error: forged\\x1b[31m\\u202e.txt: empty file" in proc.stderr
    assert "raw-\\udcff.txt: empty file" in proc.stderr
