"""Dates: 截至4月22日, 3月14日, 2022年3月18日, 当天 … resolved against the article's own date.

A date without a year takes the article's year (the year before, if that would put it after the
article). An article without a date gets a year only when its text names exactly one year;
otherwise the date stays a month and day (xsd:gMonthDay, written --MM-DD) rather than a guess.
"""
from __future__ import annotations

import calendar
import re
from datetime import date

from .records import DateMention, Document

_DATE = re.compile(r"(?:(?P<y>(?:19|20)\d{2})年)?(?P<m>1[0-2]|0?[1-9])月(?P<d>3[01]|[12]\d|0?[1-9])[日号]")
_YEAR = re.compile(r"((?:19|20)\d{2})年")
# A date right after these (当年11月24日, 同年4月25日) is in the year the article wrote last before it.
_SAME_YEAR = re.compile(r"(当年|同年)$")
# The end of a year, a month, a quarter or a half (2020年底, 2025年6月底, 6月末, 2020年12月, 2016年一季度末,
# 上半年末): a date only as a cut-off (截至…), for then it is the last day of that period; 于2020年12月末完成
# names no day, so it stays no date. Its year not written, it is the year of the article's own date, as a
# day's is; an article without one leaves it to guess (a period, unlike a day, is often the year before).
_PERIOD_END = re.compile(r"(?:(?P<y>(?:19|20)\d{2})年)?(?:(?P<m>1[0-2]|0?[1-9])月份?(?:[底末])?(?![\d日号])"
                         r"|第?(?P<q>[一二三四1-4])季度[底末]?|(?P<h>[上下])半年[底末]?|(?<=年)[底末])")
_QUARTER_END = {"一": 3, "二": 6, "三": 9, "四": 12, "1": 3, "2": 6, "3": 9, "4": 12}


def article_year(doc: Document) -> int | None:
    """The year bare month-day dates in ``doc`` belong to, or None when nothing says."""
    if doc.date:
        return int(doc.date[:4])
    years = set(_YEAR.findall(doc.text))
    return int(years.pop()) if len(years) == 1 else None


def _resolve(year: int | None, month: int, day: int, doc: Document) -> str | None:
    if year is None and doc.date:
        # news reports the past: a day after the article's own (in its month, or its day where it names
        # one) is the year before's
        published = tuple(map(int, doc.date.split("-")))
        year = published[0]
        if (month, day)[:len(published) - 1] > published[1:]:
            year -= 1
    elif year is None:
        year = article_year(doc)
    try:
        return date(year, month, day).isoformat() if year else date(2000, month, day).strftime("--%m-%d")
    except ValueError:  # 2月30日
        return None


def find_dates(text: str, offset: int, doc: Document, as_of_markers: re.Pattern) -> list[DateMention]:
    """Dates written in ``text`` (a sentence of ``doc`` starting at ``offset``), with the cut-offs
    at the end of a period (截至2025年6月底 → 2025-06-30, 截至2020年底 → 2020-12-31, 截至一季度末 in an
    article dated 2024-05-06 → 2024-03-31)."""
    found = []
    for m in _DATE.finditer(text):
        year = int(m["y"]) if m["y"] else None
        if year is None and _SAME_YEAR.search(text, 0, m.start()):  # 当年11月24日: the year written last
            years = _YEAR.findall(doc.text, 0, offset + m.start())
            year = int(years[-1]) if years else None
        value = _resolve(year, int(m["m"]), int(m["d"]), doc)
        if value:
            as_of = bool(as_of_markers.search(text[:m.start()]))
            found.append(DateMention(offset + m.start(), offset + m.end(), value, as_of))
    for m in _PERIOD_END.finditer(text):
        if as_of_markers.search(text[:m.start()]) and (m["y"] or doc.date):
            year = int(m["y"]) if m["y"] else None
            month = int(m["m"]) if m["m"] else _QUARTER_END[m["q"]] if m["q"] else 6 if m["h"] == "上" else 12
            last = calendar.monthrange(year or int(doc.date[:4]), month)[1]
            value = _resolve(year, month, last, doc)
            if value:
                found.append(DateMention(offset + m.start(), offset + m.end(), value, True))
    return sorted(found, key=lambda d: d.start)


def same_day_dates(text: str, offset: int, dates: list[DateMention], earlier: str | None,
                   same_day: re.Pattern, as_of_markers: re.Pattern) -> list[DateMention]:
    """``dates`` with the words that mean "that day" (当天, 当晚, 这一天 …) in ``text`` as dates of
    their own: the day written last before them, in this sentence or (``earlier``) before it. A
    截至 date is a cut-off, not a day something happened on, so it is never that day."""
    found = list(dates)
    for m in same_day.finditer(text):
        before = [d.value for d in dates if d.end <= offset + m.start() and not d.as_of]
        value = before[-1] if before else earlier
        if value:
            found.append(DateMention(offset + m.start(), offset + m.end(), value,
                                     bool(as_of_markers.search(text[:m.start()]))))
    return sorted(found, key=lambda d: d.start)


def date_for(position: int, dates: list[DateMention]) -> str | None:
    """The date a figure or fact at ``position`` holds at: a 截至 date before it, else the nearest
    date before it, else the first date of the sentence."""
    before = [d for d in dates if d.start < position]
    as_of = [d for d in before if d.as_of]
    if as_of:
        return as_of[-1].value
    if before:
        return before[-1].value
    return dates[0].value if dates else None
