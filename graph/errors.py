"""Exceptions that carry a message meant for the user (one line, naming the file and the problem)."""
import os
import unicodedata

# Unicode categories never printed raw: controls (a newline would forge a line, ESC drives the
# terminal), format characters (bidi overrides reorder what is shown), separators other than
# the space, private use, surrogates (undecodable file names) and unassigned code points.
_HIDDEN = {"Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn"}


def shown(text) -> str:
    """``text`` safe to print on one terminal line: each control or invisible character is written
    as an escape (\\n, \\x1b, \\u202e), everything else (Chinese included) as it is."""
    return "".join(ch if unicodedata.category(ch) not in _HIDDEN else _escape(ch) for ch in str(text))


def _escape(ch: str) -> str:
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(ch) or (
        f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}" if ord(ch) < 0x10000 else f"\\U{ord(ch):08x}")


def debugging() -> bool:
    """Whether a bug should raise with its traceback (``IKG_DEBUG=1``) instead of being told in one line."""
    return bool(os.environ.get("IKG_DEBUG"))


def bug(exc: Exception) -> str:
    """The one line that tells of ``exc``, an exception no user's mistake explains."""
    return f"internal error: {type(exc).__name__}: {exc} (a bug; run with IKG_DEBUG=1 for the details)"


def parse_problem(exc: Exception) -> str:
    """What a parser's exception says went wrong, on one line: rdflib's Turtle parser puts a useless
    'at line 1 of <>:' first and the problem (with its line, counted from 0) in attributes."""
    why, line = getattr(exc, "_why", None), getattr(exc, "lines", None)
    if isinstance(why, str) and isinstance(line, int):
        return f"line {line + 1}: {why}"
    return next((part.strip() for part in str(exc).splitlines() if part.strip()), type(exc).__name__)


class IkgError(Exception):
    """A user-facing error: the CLI prints it as one line, with no traceback."""


class ArticleError(IkgError):
    """An article that cannot be used; the build reports it, skips it and goes on."""

    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem

    def __reduce__(self):  # so that worker processes can send it back
        return ArticleError, (self.path, self.problem)
