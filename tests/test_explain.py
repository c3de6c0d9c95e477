"""`ikg explain`: every fact about an entity, with its quote and the article's title and date."""
from graph.tools.cli import main


def explain(name, seed_output, capsys):
    code = main(["explain", name, "--data", str(seed_output[0] / "graph.trig")])
    out, err = capsys.readouterr()
    return code, out, err


def test_explain_by_any_alias_shows_facts_quotes_and_articles(seed_output, capsys):
    code, out, _ = explain("太安农险", seed_output, capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("太平洋安信农险 (Insurer) <https://w3id.org/insurance-kg/id/")
    assert "太平洋安信农险 subOrganizationOf 中国太保 (from the registry)" in out
    assert "Coverage 14亿元 (written 达14亿元) as of 2022-04-06" in out
    assert "> 截至4月6日，太安农险为上海市超过22万亩蔬菜提供自然风险保障" in out
    assert "— 中国太保聚焦主责主业 助力打赢疫情防控大战硬战 (2022-04-28)" in out


def test_explain_a_donation(seed_output, capsys):
    _, out, _ = explain("中国人民保险集团股份有限公司", seed_output, capsys)
    assert "中国人保 donatesTo 上海市人民政府 [--04-26]" in out
    assert "Donation 1000万元 → 上海市人民政府 as of --04-26" in out


def test_explain_unknown_name_is_one_line(seed_output, capsys):
    code, out, err = explain("不存在的保险公司", seed_output, capsys)
    assert code == 1 and out == "" and err.count("\n") == 1 and "no entity named" in err


def test_explain_an_iri_the_graph_lacks_fails_as_an_unknown_name_does(seed_output, capsys):
    code, out, err = explain("https://w3id.org/insurance-kg/id/nobody", seed_output, capsys)
    assert code == 1 and out == ""
    assert err.strip() == "ikg: error: no entity https://w3id.org/insurance-kg/id/nobody in the graph"


def test_explain_shows_a_few_per_relation_and_counts_the_rest(seed_output, capsys):
    store = str(seed_output[0] / "store")
    assert main(["explain", "中国人保", "--data", store, "--all"]) == 0
    every, _ = capsys.readouterr()
    assert main(["explain", "中国人保", "--data", store, "--limit", "1"]) == 0
    few, _ = capsys.readouterr()
    assert "… and" not in every
    facts = [line for line in every.splitlines() if line.startswith("- ")]
    shown = [line for line in few.splitlines() if line.startswith("- ") and not line.startswith("- … and")]
    assert set(shown) <= set(facts) and len(shown) < len(facts)
    # what is left out is counted: shown + "and N more" = every statement
    more = sum(int(line.removeprefix("- … and ").split(" ", 1)[0]) for line in few.splitlines()
               if line.startswith("- … and "))
    assert len(shown) + more == len(facts)
    assert few.splitlines()[:2] == every.splitlines()[:2]  # the heading and the names do not change


def test_explain_reads_a_store_and_a_graph_file_alike(seed_output, capsys):
    """The store ranks from its summary graph; a graph file loaded into memory counts from the facts."""
    out = seed_output[0]
    for args in (["--all"], ["--limit", "1"]):
        assert main(["explain", "中国人保", "--data", str(out / "store"), *args]) == 0
        from_store, _ = capsys.readouterr()
        assert main(["explain", "中国人保", "--data", str(out / "graph.trig"), *args]) == 0
        from_file, _ = capsys.readouterr()
        if args == ["--all"]:
            assert from_store == from_file
        else:  # the same statements are counted; which quote stands for a pair may differ
            def counts(text):
                return [line.split(" (")[0] for line in text.splitlines() if line.startswith("- … and")]
            assert counts(from_store) == counts(from_file)
