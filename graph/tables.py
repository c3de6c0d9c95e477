"""Text tables: the cells of an article's table rows, and widths for the terminal that count a CJK
character as two columns."""
from __future__ import annotations

import unicodedata


def display_width(text: str) -> int:
    """Columns a string takes on a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, width: int) -> str:
    """``text`` padded with spaces to ``width`` terminal columns."""
    return text + " " * (width - display_width(text))


def row_cells(text: str, mark: str = "|") -> list[tuple[int, int]] | None:
    """Where the cells of a table row start and end in ``text`` (a Markdown row, or a row rendered
    from HTML, its cells joined by ``mark``); None for text that is no table row."""
    if mark not in text:
        return None
    start, end = 0, len(text.rstrip())
    while start < end and text[start].isspace():
        start += 1
    start += text.startswith(mark, start)
    end -= text.endswith(mark, 0, end)
    out, a = [], start
    while True:
        b = text.find(mark, a, end)
        if b < 0:
            out.append((a, end))
            return out
        out.append((a, b))
        a = b + 1
