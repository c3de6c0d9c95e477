"""ikg installs like any Python tool: the wheel carries ontology/ and queries/, and runs from anywhere."""
import importlib.util
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from graph import data
from graph.tools.common import OK

from conftest import QUERIES, ROOT, SEEDS

SOURCES = ("pyproject.toml", "README.md", "graph", "ontology", "queries")


def _can_build_wheel() -> bool:
    """setuptools builds wheels itself from 70.1 on; older ones need the wheel package."""
    if importlib.util.find_spec("wheel") is not None:
        return True
    try:
        import setuptools.command.bdist_wheel  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A wheel built offline from a copy of the sources (setuptools' build/ folder never goes stale in the
    checkout, and the test sees what a fresh clone gives)."""
    if not _can_build_wheel():
        pytest.skip("building a wheel needs the wheel package here: pip install -e '.[test]'")
    src, dist = tmp_path_factory.mktemp("src"), tmp_path_factory.mktemp("dist")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(ROOT / name, src / name)
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                           "--disable-pip-version-check", "-w", str(dist), str(src)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    (found,) = dist.glob("insurance_kg-*.whl")
    return found


def test_wheel_carries_every_data_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    ontology = {f"graph/ontology/{p.relative_to(ROOT / 'ontology').as_posix()}"
                for p in (ROOT / "ontology").rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    queries = {f"graph/queries/{p.name}" for p in QUERIES.glob("*.rq")}
    assert {"graph/ontology/ikg.ttl", "graph/ontology/shapes.ttl", "graph/ontology/patterns.toml"} <= ontology
    assert any(n.startswith("graph/ontology/registry/") for n in ontology)
    assert ontology <= names, sorted(ontology - names)
    assert queries and queries <= names, sorted(queries - names)
    assert "graph/templates/explorer.html" in names
    # the data lives inside the package, never as top-level folders of site-packages
    assert not any(n.startswith(("ontology/", "queries/")) for n in names)


def test_wheel_declares_the_ikg_command(wheel):
    with zipfile.ZipFile(wheel) as zf:
        entry_points = next(zf.read(n).decode() for n in zf.namelist() if n.endswith("entry_points.txt"))
    assert "ikg = graph.tools.cli:main" in entry_points


def test_unpacked_wheel_builds_the_seeds_from_another_folder(wheel, tmp_path):
    """The wheel alone, without the checkout: builds the seeds and answers a bundled query by name."""
    site, work = tmp_path / "site", tmp_path / "work"
    zipfile.ZipFile(wheel).extractall(site)
    shutil.copytree(SEEDS, work / "articles")
    env = {**os.environ, "PYTHONPATH": str(site)}

    def ikg(*argv):
        return subprocess.run([sys.executable, "-m", "graph.tools.cli", *argv], cwd=work, env=env,
                              capture_output=True, text=True, timeout=300)

    where = subprocess.run([sys.executable, "-c", "import graph.data as d; print(d.ONTOLOGY_DIR)"],
                           cwd=work, env=env, capture_output=True, text=True, timeout=60)
    assert Path(where.stdout.strip()) == site / "graph" / "ontology", where.stderr
    built = ikg("build", "--input", "articles", "--output", "out", "--jobs", "1")
    assert built.returncode == OK, built.stderr
    assert "built 5 article(s)" in built.stdout
    answered = ikg("query", "groups_and_members", "--data", "out/store", "--format", "csv")
    assert answered.returncode == OK, answered.stderr
    assert "中国太保" in answered.stdout
    version = ikg("--version")
    assert version.returncode == 0 and version.stdout.startswith("ikg ")


def test_checkout_keeps_one_copy_of_the_data():
    """ontology/ and queries/ stay at the top of the repository; the package holds no copy or link."""
    assert data.data_dir("ontology") == ROOT / "ontology"
    assert data.data_dir("queries") == ROOT / "queries"
    assert not (ROOT / "graph" / "ontology").exists() and not (ROOT / "graph" / "queries").exists()
    if shutil.which("git") and (ROOT / ".git").exists():
        staged = subprocess.run(["git", "ls-files", "-s"], cwd=ROOT, capture_output=True, text=True).stdout
        assert not [line for line in staged.splitlines() if line.startswith("120000")], "symlinks in git"


def test_a_bundled_query_is_found_by_its_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("queries/aliases.rq", "aliases.rq", "aliases"):
        assert data.query_file(Path(name)) == data.QUERIES_DIR / "aliases.rq"
    mine = tmp_path / "aliases.rq"
    mine.write_text("ASK {}", encoding="utf-8")
    assert data.query_file(Path("aliases.rq")) == Path("aliases.rq")  # the user's own file comes first
    assert data.query_file(Path("nosuch")) == Path("nosuch")
