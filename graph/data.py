"""Where the project's data files are: ``ontology/`` and ``queries/``, in a checkout or an installed wheel.

In the repository both folders sit at the top level, beside ``graph/`` (one copy in git); a wheel
carries them inside the package as ``graph/ontology`` and ``graph/queries`` (see pyproject.toml's
package-dir). Every module that reads them asks here, so both layouts work from any directory.
"""
from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The folder ``name`` (``ontology`` or ``queries``): inside the installed package when it is
    there, else at the top of the checkout the package was imported from."""
    packaged = PACKAGE_DIR / name
    return packaged if packaged.is_dir() else PACKAGE_DIR.parent / name


ONTOLOGY_DIR = data_dir("ontology")
QUERIES_DIR = data_dir("queries")


def bundled_queries() -> list[Path]:
    """The query files that come with ikg, sorted by name."""
    return sorted(QUERIES_DIR.glob("*.rq"))


def query_file(path: Path) -> Path:
    """``path`` if it exists; else the bundled query of that name (``queries/aliases.rq``,
    ``aliases.rq`` and ``aliases`` all name it), so the README's commands work outside a checkout."""
    path = Path(path)
    if path.exists():
        return path
    bundled = QUERIES_DIR / (path.name if path.suffix == ".rq" else f"{path.name}.rq")
    return bundled if bundled.is_file() else path


def patterns_table(name: str) -> dict:
    """The table ``name`` of the project's ontology/patterns.toml, for stages that run before the
    rules are loaded (ingest, segmenting, comparing names). Callers turn a KeyError into an error
    naming the file."""
    return _patterns()[name]


@lru_cache(maxsize=1)
def _patterns() -> dict:
    """The project's ontology/patterns.toml, parsed once per process (not once per table asked for)."""
    return tomllib.loads((ONTOLOGY_DIR / "patterns.toml").read_text(encoding="utf-8"))
