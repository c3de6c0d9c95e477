"""The `ikg` command line as a user runs it: exit codes, one-line errors, every sub-command."""
import csv
import io
import json
import subprocess
import sys
import threading

import pytest
from rdflib import Dataset, Graph

from graph.tools.cli import main
from graph.tools.common import FAILED, OK, WARNINGS

from conftest import QUERIES, ROOT, SEEDS


def run(argv, capsys):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("argv", [[], ["build"], ["query"], ["export"]])
def test_help_explains_every_command(argv, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(argv + ["--help"])
    out = capsys.readouterr().out
    assert exit_.value.code == 0 and "usage: ikg" in out and len(out.splitlines()) > 4


def test_console_script_builds_the_seeds(tmp_path):
    """The README's command, in a real process: `ikg build` from the project folder."""
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "graph.tools.cli", "build", "--output", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == OK, proc.stderr
    assert "built 5 article(s)" in proc.stdout
    assert {p.name for p in out.iterdir()} >= {"graph.ttl", "graph.trig", "graph.html"}
    assert "Traceback" not in proc.stderr


def test_bad_article_is_skipped_with_one_line_and_the_rest_is_built(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text("太保寿险推出“守护者”团意险，为上海企业员工扩展新冠责任。", encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    (src / "picture.html").write_bytes(b"\x89PNG\x00\x00\x00")
    code, out, err = run(["build", "--input", src, "--output", tmp_path / "out"], capsys)
    assert code == WARNINGS
    lines = err.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith("ikg: skipped ") for line in lines)
    assert "empty.txt: empty file" in err and "picture.html: binary" in err
    assert "built 1 article(s)" in out


@pytest.mark.parametrize("argv, message", [
    (["build", "--input", "no/such/folder"], "no/such/folder: no such folder"),
    (["query", "no/such.rq"], "no/such.rq: no such query file"),
    (["query", QUERIES / "aliases.rq", "--data", "missing.trig"], "missing.trig: no such file"),
    (["export", "--data", "graph.csv"], "graph.csv: unknown RDF file type"),
])
def test_user_mistakes_get_one_line_and_exit_1(argv, message, capsys):
    code, _, err = run(argv, capsys)
    assert code == FAILED
    assert err.strip() == f"ikg: error: {message}" or err.strip().startswith(f"ikg: error: {message}")
    assert len(err.strip().splitlines()) == 1


def test_unknown_format_option_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["query", "x.rq", "--format", "xml"])
    assert exit_.value.code == 2 and "invalid choice" in capsys.readouterr().err


@pytest.fixture(scope="module")
def trig(seed_output):
    return seed_output[0] / "graph.trig"


# query file -> a row (as cells) a careful reader of the seeds expects in its answer
EXPECTED_ROWS = {
    "groups_and_members.rq": [("中国太保", "太平洋安信农险"), ("中国平安", "平安产险上海分公司"), ("中国人保", "人保财险")],
    "products_per_group.rq": [("中国太保", "守护者"), ("中国人保", "企惠保"), ("中国平安", "无害化处理附加险")],
    "beneficiaries.rq": [("外卖骑手", "太保产险"), ("种植户", "太平洋安信农险"), ("车队司机", "人保健康")],
    "regulators_guidance.rq": [("上海银保监局", "人保财险"), ("上海市农业农村委员会", "太平洋安信农险上海分公司")],
    "entities_per_article.rq": [("003_b654cfa59472666d", "Regulator"), ("004_89203e62b05a25ab", "InsuranceGroup")],
    "relation_evidence.rq": [("太保产险", "partnersWith", "饿了么")],
    "multi_article_organisations.rq": [("太平人寿上海分公司", "2"), ("饿了么", "2")],
    "partners_and_donations.rq": [("中国人保", "donatesTo", "上海市人民政府")],
    "aliases.rq": [("太平洋安信农险", "Insurer")],
    "money_by_group.rq": [("中国太保", "Coverage", "5218890000"), ("中国人保", "Donation", "10220000")],
    "latest_figures.rq": [("太平洋安信农险", "Coverage", "2022-04-06")],
    "figure_evidence.rq": [("中国人保", "Donation", "上海市人民政府")],
}


def test_every_query_file_has_an_expectation():
    assert {p.name for p in QUERIES.glob("*.rq")} == set(EXPECTED_ROWS)
    assert len(EXPECTED_ROWS) >= 8


@pytest.mark.parametrize("name", sorted(EXPECTED_ROWS))
def test_queries_answer_what_an_analyst_asks(name, trig, capsys):
    code, out, err = run(["query", QUERIES / name, "--data", trig, "--format", "csv"], capsys)
    assert code == OK, err
    rows = list(csv.reader(io.StringIO(out)))[1:]
    assert rows
    for expected in EXPECTED_ROWS[name]:
        assert any(all(cell in row for cell in expected) for row in rows), (name, expected)


def test_query_formats(trig, capsys):
    query = QUERIES / "partners_and_donations.rq"
    _, table, _ = run(["query", query, "--data", trig], capsys)
    assert table.splitlines()[0].split() == ["organisation", "relation", "counterpart", "counterpartClass"]
    assert table.rstrip().endswith("rows)")
    _, js, _ = run(["query", query, "--data", trig, "--format", "json"], capsys)
    answer = json.loads(js)
    assert answer["head"]["vars"][0] == "organisation" and answer["results"]["bindings"]


def test_aliases_query_shows_the_surface_forms_seen(trig, capsys):
    _, out, _ = run(["query", QUERIES / "aliases.rq", "--data", trig, "--format", "csv"], capsys)
    row = next(r for r in csv.reader(io.StringIO(out)) if r[0] == "太平洋安信农险")
    assert set(row[2].split("、")) >= {"太安农险", "太平洋安信农险"}


def test_query_reads_turtle_too(seed_output, capsys):
    code, out, _ = run(["query", QUERIES / "groups_and_members.rq", "--data", seed_output[0] / "graph.ttl"], capsys)
    assert code == OK and "中国太保" in out


@pytest.mark.parametrize("fmt, quads", [("ttl", False), ("nt", False), ("xml", False), ("trig", True),
                                        ("nq", True), ("jsonld", True)])
def test_export_formats_parse_back(fmt, quads, trig, tmp_path, capsys):
    target = tmp_path / f"graph.{fmt}"
    code, _, err = run(["export", "--format", fmt, "--data", trig, "-o", target], capsys)
    assert code == OK, err
    plugin = {"ttl": "turtle", "nt": "nt", "xml": "xml", "trig": "trig", "nq": "nquads", "jsonld": "json-ld"}[fmt]
    if quads:
        ds = Dataset()
        ds.parse(target, format=plugin)
        names = {str(g.identifier) for g in ds.graphs()}
        assert "https://w3id.org/insurance-kg/graph/003_b654cfa59472666d" in names
    else:
        g = Graph().parse(target, format=plugin)
        assert len(g) > 1000


@pytest.mark.parametrize("ending, parses_as", [("jsonld", "json-ld"), ("nt", "nt"), ("rdf", "xml"), ("txt", "turtle")])
def test_export_writes_the_format_the_file_ending_names(ending, parses_as, trig, tmp_path, capsys):
    target = tmp_path / f"graph.{ending}"
    code, _, err = run(["export", "--data", trig, "-o", target], capsys)
    assert code == OK, err
    assert len(Dataset().parse(target, format=parses_as)) > 1000


def test_export_refuses_a_file_ending_that_names_another_format(trig, tmp_path, capsys):
    target = tmp_path / "graph.jsonld"
    code, _, err = run(["export", "--format", "ttl", "--data", trig, "-o", target], capsys)
    assert code != OK and "graph.jsonld" in err and "jsonld" in err and len(err.strip().splitlines()) == 1
    assert not target.exists()


def test_export_writes_through_a_symlink_and_into_a_pipe_and_refuses_a_folder(trig, tmp_path, capsys):
    """-o names where the graph should go: the file a link points to (the link stays a link), a
    named pipe a reader waits on (not a file put in its place); a folder is a one-line error."""
    import os
    import threading

    target, link = tmp_path / "target.nt", tmp_path / "link.nt"
    target.write_text("old", encoding="utf-8")
    link.symlink_to(target)
    code, _, err = run(["export", "--data", trig, "-o", link], capsys)
    assert code == OK, err
    assert link.is_symlink() and len(Graph().parse(target, format="nt")) > 1000

    fifo = tmp_path / "pipe.nt"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    code, _, err = run(["export", "--data", trig, "-o", fifo], capsys)
    reader.join(30)
    assert code == OK and fifo.is_fifo() and received and received[0].count(b"\n") > 1000

    code, _, err = run(["export", "--data", trig, "-o", tmp_path], capsys)
    assert code != OK and err.strip() == f"ikg: error: {tmp_path}: is a folder; name a file to write"


def test_shapes_are_read_from_where_the_user_is_and_their_errors_say_what_is_wrong(trig, tmp_path, capsys,
                                                                                   monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(["validate", "--shapes", "missing.ttl", "--data", trig], capsys)
    assert err.strip() == "ikg: error: missing.ttl: cannot read the shapes: No such file or directory"
    (tmp_path / "bad.ttl").write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\ngarbage <<\n", encoding="utf-8")
    code, _, err = run(["validate", "--shapes", "bad.ttl", "--data", trig], capsys)
    assert code == FAILED and err.strip().startswith("ikg: error: bad.ttl: cannot read the shapes: line 2: ")


def test_a_query_file_too_large_to_be_one_is_refused_before_it_fills_memory(trig, tmp_path, capsys):
    rq = tmp_path / "huge.rq"
    rq.write_bytes(b"#" * (2 << 20))
    code, _, err = run(["query", rq, "--data", trig], capsys)
    assert code == FAILED and err.strip() == f"ikg: error: {rq}: larger than 1 MB: not a query file"


def test_stats_wants_at_least_one_row_per_ranking(trig, capsys):
    code, _, err = run(["stats", "--top", "0", "--data", trig], capsys)
    assert code == FAILED and "--top must be a positive whole number" in err


def test_serve_on_a_host_that_is_no_address_is_one_line(trig, capsys):
    code, _, err = run(["serve", "--host", "999.1.1.1", "--port", "0", "--data", trig], capsys)
    assert code == FAILED and err.startswith("ikg: error: cannot listen on 999.1.1.1:0: ")
    assert len(err.strip().splitlines()) == 1


def test_ctrl_c_in_a_command_that_writes_nothing_says_only_interrupted(trig, tmp_path, capsys, monkeypatch):
    from graph.tools import cmd_stats

    def interrupted(args):
        raise KeyboardInterrupt

    monkeypatch.setattr(cmd_stats, "run", interrupted)
    code, _, err = run(["stats", "--data", trig], capsys)
    assert code == 130 and err.strip() == "ikg: interrupted"


def test_sparql_errors_point_at_the_line(tmp_path, trig, capsys):
    bad = tmp_path / "bad.rq"
    bad.write_text("PREFIX ik: <https://w3id.org/insurance-kg/ontology#>\nSELECT ?x WHERE {\n  ?x ik:provides \n}\n",
                   encoding="utf-8")
    code, _, err = run(["query", bad, "--data", trig], capsys)
    assert code == FAILED and f"{bad}:3:" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("text, says", [
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "SPARQL Update is not allowed"),  # queries never write …
    ("DELETE WHERE { ?s ?p ?o }", "SPARQL Update is not allowed"),
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE is not allowed"),  # … nor call out
    ("# only a comment\n", "no query in it"),  # and a file that asks nothing showable says so
    ("PREFIX x: <http://example.org/>\n", "no query in it"),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1", "only SELECT and ASK"),
])
def test_a_query_file_that_cannot_run_says_why_in_one_line_naming_it(text, says, tmp_path, trig, capsys):
    rq = tmp_path / "q.rq"
    rq.write_text(text, encoding="utf-8")
    code, _, err = run(["query", rq, "--data", trig], capsys)
    assert code == FAILED and err.startswith(f"ikg: error: {rq}: {says}") and len(err.strip().splitlines()) == 1


def test_data_may_name_the_output_folder(seed_output, capsys):
    """`--data output` means the graph the build left there, as `--data output/store` does."""
    out, _ = seed_output
    query = QUERIES / "partners_and_donations.rq"
    code, from_folder, err = run(["query", query, "--data", out, "--format", "csv"], capsys)
    assert code == OK, err
    _, from_store, _ = run(["query", query, "--data", out / "store", "--format", "csv"], capsys)
    assert from_folder == from_store and len(from_folder.splitlines()) > 1


def test_a_build_shows_progress_on_a_terminal_and_nothing_when_piped(tmp_path):
    """On a terminal the progress bar counts articles and one line names each long phase (loading,
    the store, the files); piped, stderr stays empty."""
    import fcntl
    import os
    import pty
    import struct
    import termios

    command = [sys.executable, "-m", "graph.tools.cli", "build", "--input", str(SEEDS), "--jobs", "1"]
    main_side, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a new pty has no width
    build = subprocess.Popen([*command, "--output", str(tmp_path / "tty")], cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=terminal)
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(main_side, 4096)
        except OSError:  # the build closed the terminal's last end
            break
        if not chunk:
            break
        shown += chunk
    assert build.wait(300) == 0
    os.close(main_side)
    screen = shown.decode("utf-8", "replace")
    for phase in ("loading the registry", "articles", "writing the store", "writing graph.trig"):
        assert phase in screen, phase
    piped = subprocess.run([*command, "--output", str(tmp_path / "pipe")], cwd=ROOT, capture_output=True,
                           timeout=300)
    assert piped.returncode == 0 and piped.stderr == b"" and piped.stdout.startswith(b"built 5 article(s)")


@pytest.mark.parametrize("options, header, row_mark", [
    (["--format", "csv"], b"a,b,c,d,e,f\n", b","),
    (["--format", "csv", "--timeout", "120"], b"a,b,c,d,e,f\n", b","),
    ([], None, b"  "),  # the table, aligned by its first rows
    (["--timeout", "120"], None, b"  "),
])
def test_rows_arrive_as_the_query_finds_them(seed_output, tmp_path, options, header, row_mark):
    """A cross product of the seeds' 11,000 triples has 120 million rows: formatted whole, `| head`
    waited for all of them while memory filled; streamed, the first rows come at once, in every
    format and with --timeout too."""
    rq = tmp_path / "cross.rq"
    rq.write_text("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }", encoding="utf-8")
    query = subprocess.Popen([sys.executable, "-m", "graph.tools.cli", "query", str(rq), "--data",
                              str(seed_output[0] / "store"), *options], cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
    watchdog = threading.Timer(60, query.kill)  # rows that never come fail the test, not hang it
    watchdog.start()
    try:
        first = query.stdout.readline()
        assert first == header if header else first.split() == [b"a", b"b", b"c", b"d", b"e", b"f"]
        if not header:
            assert set(query.stdout.readline().strip()) <= set(b"- ")  # the rule under the header
        assert query.stdout.readline().count(row_mark) >= 5
        query.stdout.close()  # as `head` does
        assert query.wait(120) == 0 and query.stderr.read() == b""
    finally:
        watchdog.cancel()
        query.kill()
