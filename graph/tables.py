"""Text tables for the terminal: widths that count a CJK character as two columns."""
from __future__ import annotations

import unicodedata


def display_width(text: str) -> int:
    """Columns a string takes on a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, width: int) -> str:
    """``text`` padded with spaces to ``width`` terminal columns."""
    return text + " " * (width - display_width(text))
