"""Knowledge lives in ontology/, not in code: no Chinese string literal in graph/*.py outside the
baseline (the "no domain knowledge" comparison) and number and date parsing. Docstrings and comments
with examples are welcome."""
import ast
import re

from conftest import ROOT

ALLOWED = {"baseline.py", "quantities.py", "dates.py"}
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\u201c\u201d\u2018\u2019]")


def cjk_literals(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value[:40]) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
            and CJK.search(node.value)]


def test_no_chinese_literals_in_the_code():
    found = {str(p.relative_to(ROOT)): cjk_literals(p) for p in sorted((ROOT / "graph").rglob("*.py"))
             if p.name not in ALLOWED}
    assert {k: v for k, v in found.items() if v} == {}


def test_the_check_sees_a_literal_but_not_a_docstring(tmp_path):
    path = tmp_path / "x.py"
    path.write_text('"""Docstring 中文."""\nSUFFIX = "分公司"\n', encoding="utf-8")
    assert cjk_literals(path) == [(2, "分公司")]
