"""Ingest: read an article file into a :class:`Document` (decode, front matter, strip markup)."""
from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import yaml
from dateutil import parser as dateparser

from .clauses import default_punctuation
from .data import ONTOLOGY_DIR, patterns_table
from .errors import ArticleError, IkgError
from .records import Document

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
# News articles are kilobytes; a file far larger is a dump or a mistake, and would take minutes.
DEFAULT_MAX_BYTES = 2 * 1024 * 1024

# Elements whose content is never article text.
_SKIPPED_ELEMENTS = {"script", "style", "nav", "footer", "header", "noscript", "iframe", "template",
                     "svg", "head", "form", "button", "select", "aside"}
# Elements that end a line; everything else (a, span, strong …) is inline and joins its neighbours,
# so that a name split by a tag (<a>太平洋</a>安信农险) reads whole again.
_BLOCK_ELEMENTS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
                   "center", "section", "article", "blockquote", "pre", "hr", "dd", "dt", "figure",
                   "figcaption", "body", "html", "main"}
_VOID_ELEMENTS = {"br", "hr", "img", "meta", "link", "input", "wbr", "source"}

_FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_FRONT_MATTER_START = re.compile(r"\A\s*---[ \t]*\n[^\n]*:")  # ---, then a key: value line
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_BARE_URL = re.compile(r"https?://\S+")  # a line that is only a link
_WEB_ADDRESS = re.compile(r"https?://[^\s<>\"']+$")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_MD_QUOTE = re.compile(r"^(?:\s*>)+\s?")  # a blockquote's marks
_MD_REFERENCE_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")  # [小微企业][1]: its text
_MD_LINK_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S")  # [1]: https://…
# An HTML comment (an editor's note, a template's marker) is never text, in any kind of file.
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_LOOKS_LIKE_HTML = re.compile(r"</?(p|div|br|span|a|img|strong|b|center|html|body|h[1-6]|li|table)\b", re.I)
_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
_SPACES = re.compile(r"[ \t\u3000\xa0]+")
# Control characters (C0 but tab and line ends, DEL, C1) and the two non-characters XML forbids:
# they are never article text, and an export with one would not parse.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def strip_controls(text: str) -> str:
    """``text`` without control characters (tab, line feed and carriage return stay)."""
    return _CONTROLS.sub("", text)


# Letters Chinese news hardly ever holds: kana, bopomofo, Greek, Cyrillic. Big5 bytes read as GB18030
# (or GB bytes as Big5) often decode without error, into a run of them (中國人壽 -> い瓣关カ).
_FOREIGN_LETTERS = re.compile("[\u0370-\u04ff\u3040-\u30ff\u3100-\u312f\u31a0-\u31bf]")


def decode(data: bytes, path: str) -> str:
    """Decode article bytes: UTF-8 (with or without BOM), else GB18030 or Big5 (traditional
    script: Hong Kong and Taiwan pages), whichever reads as Chinese; binary data is refused."""
    if not data.strip():
        raise ArticleError(path, "empty file")
    if b"\x00" in data[:8192]:
        raise ArticleError(path, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    readings = []
    for encoding in ("gb18030", "cp950"):  # cp950: Big5 as Windows and most pages write it
        try:
            readings.append(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    if not readings:
        raise ArticleError(path, "not UTF-8, GB18030 or Big5 text")
    return min(readings, key=lambda text: len(_FOREIGN_LETTERS.findall(text)))  # GB18030 when both are clean


class _TextExtractor(HTMLParser):
    """Collects the visible text of an HTML fragment, one line per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.skipped_from: tuple[tuple[int, int], str] | None = None  # (line, column) and start tag
        self.title: str | None = None
        self._in_title = False
        self._cells = 0  # cells so far in the table row: a row is one line, its cells split by " | "
        self.meta: dict[str, str] = {}  # <meta> name/property/itemprop (lower case) -> content, the first given
        self.canonical: str | None = None  # <link rel="canonical" href>
        self.h1: str | None = None  # the text of the page's first <h1>
        self._in_h1 = False
        # the page furniture element being skipped (<div class="footer">): its tag and how deep its own tag nests
        self._furniture: tuple[str, int] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self._in_title = True
        elif tag == "meta":
            values = dict(attrs)
            key = values.get("property") or values.get("name") or values.get("itemprop")
            if key and values.get("content"):
                self.meta.setdefault(key.lower(), values["content"].strip())
        elif tag == "link":
            values = dict(attrs)
            if "canonical" in (values.get("rel") or "").lower().split():
                self.canonical = self.canonical or values.get("href")
        elif tag == "h1" and self.h1 is None:
            self._in_h1 = True
        if tag in _SKIPPED_ELEMENTS and tag not in _VOID_ELEMENTS:
            if not self.skip_depth:  # where the outermost skipped element opens: its start tag, as written
                self.skipped_from = (self.getpos(), self.get_starttag_text())
            self.skip_depth += 1
        if self._furniture is not None and tag == self._furniture[0]:
            self._furniture = (tag, self._furniture[1] + 1)
        elif self._furniture is None and tag not in _VOID_ELEMENTS and _is_furniture(attrs):
            self._furniture = (tag, 1)
            if not self.skip_depth:  # a footer left open runs to the page's end: nothing is lost
                self.skipped_from = None
            self.skip_depth += 1
        if tag in _BLOCK_ELEMENTS:
            self.parts.append("\n")
        if tag == "tr":
            self._cells = 0
        elif tag in ("td", "th"):
            self.parts.append(" | " if self._cells else "")
            self._cells += 1

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag == "h1" and self._in_h1:
            self._in_h1 = False
            self.h1 = (self.h1 or "").strip()
        if tag in _SKIPPED_ELEMENTS and self.skip_depth:
            self.skip_depth -= 1
            if not self.skip_depth:
                self.skipped_from = None
        if self._furniture is not None and tag == self._furniture[0]:
            depth = self._furniture[1] - 1
            self._furniture = (tag, depth) if depth else None
            if not depth and self.skip_depth:
                self.skip_depth -= 1
                if not self.skip_depth:
                    self.skipped_from = None
        if tag in _BLOCK_ELEMENTS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._in_h1:
            self.h1 = (self.h1 or "") + data
        if self._in_title:
            self.title = (self.title or "") + data
        elif not self.skip_depth:
            self.parts.append(data)


def _is_furniture(attrs: list[tuple[str, str | None]]) -> bool:
    """Whether an element's class or id names page furniture (a footer, a breadcrumb trail, related links,
    navigation) written as a <div> rather than as its own tag: its text is the site's, not the article's."""
    words = _metadata().furniture
    return any(word.lower() in words for key, value in attrs if key in ("class", "id") and value
               for word in value.split())


@dataclass(frozen=True)
class _Page:
    """What an HTML page says beside its text."""

    text: str  # the visible text, block elements as line breaks
    title: str | None  # its <h1> where the <title> starts with it (a site's name follows), else the <title>
    date: str | None  # as its <meta> give it (article:published_time, pubdate …)
    url: str | None  # its <link rel="canonical">, else the <meta> naming its address (og:url)


_MAX_UNCLOSED = 20  # unclosed elements dropped, at most, before a page is read as it is


def strip_html(markup: str) -> _Page:
    """The visible text of ``markup`` (block elements become line breaks), its headline, and the
    date and address its <meta> and <link> give. A script, style or svg element never closed (a
    stray <svg/onload=…> in a text file) would hide the rest of the article: its start tag is
    dropped and the page read again."""
    for _ in range(_MAX_UNCLOSED):
        extractor = _TextExtractor()
        extractor.feed(markup)
        extractor.close()
        if not (extractor.skip_depth and extractor.skipped_from):
            break
        (line, column), tag = extractor.skipped_from
        # the parser counts lines by "\n" alone (splitlines would also split at U+2028 and the like)
        at = sum(len(row) + 1 for row in markup.split("\n")[:line - 1]) + column
        markup = markup[:at] + markup[at + len(tag):]
    title = extractor.title.strip() if extractor.title else None
    if extractor.h1 and title and title.startswith(extractor.h1):
        title = extractor.h1
    meta = _metadata()
    date_value = next((extractor.meta[k] for k in meta.date_meta if k in extractor.meta), None)
    url = next((u for u in (extractor.canonical, *(extractor.meta.get(k) for k in meta.url_meta))
                if u and _WEB_ADDRESS.match(u)), None)  # a relative or javascript: address names no page
    return _Page("".join(extractor.parts), title, parse_date(date_value), url)


def _clean_lines(body: str) -> tuple[list[str], list[str], str | None]:
    """Turn a Markdown/plain body into text lines; returns (lines, urls found, first heading)."""
    urls: list[str] = []
    heading = None
    lines = []
    for raw in body.splitlines():
        if _MD_LINK_DEFINITION.match(raw):  # the address a reference link cites: no text, nor this page's
            continue
        line = _MD_REFERENCE_LINK.sub(r"\1", _MD_QUOTE.sub("", _MD_IMAGE.sub("", raw)))
        links = _MD_LINK.findall(line)
        without_links = _MD_LINK.sub("", line)
        # A line made only of links and separators is navigation, not text.
        if links and not _metadata().navigation.sub("", without_links):
            continue
        line = _MD_LINK.sub(r"\1", line)
        if _MD_HEADING.match(line):
            line = _MD_HEADING.sub("", line)
            heading = heading or line.strip()
        line = _MD_EMPHASIS.sub(r"\2", line)
        line = _SPACES.sub(" ", line).strip()
        if _metadata().link_label.match(line):  # 上一篇：… 下一篇：…: other articles' headlines
            continue
        if _metadata().footer.search(line) or _metadata().byline.match(line):  # the site, the reporters: not the news
            continue
        if _BARE_URL.fullmatch(line):
            urls.append(line)
            continue
        if line:
            lines.append(line)
    return lines, urls, heading


def _parse_front_matter(raw: str, path: str) -> tuple[dict, str]:
    match = _FRONT_MATTER.match(raw)
    if not match:
        if _FRONT_MATTER_START.match(raw):  # its lines would be read as the article, --- as its headline
            raise ArticleError(path, "front matter opened by --- is never closed by a --- line")
        return {}, raw
    try:
        meta = yaml.load(match.group(1), Loader=yaml.BaseLoader)  # strings only, no type guessing
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark else ""
        raise ArticleError(path, f"broken front matter{where}: {getattr(exc, 'problem', exc)}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ArticleError(path, "broken front matter: expected 'key: value' lines")
    return meta, raw[match.end():]


def _first(meta: dict, *keys: str) -> str | None:
    for key in keys:
        value = meta.get(key)
        if isinstance(value, list):
            value = next((v for v in value if isinstance(v, str) and v.strip()), None)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


# Two defaults no real date shares: a part the value does not write comes out different in each.
_DEFAULTS = (datetime(1, 1, 1), datetime(2, 2, 2))


def parse_date(value: str | None) -> str | None:
    """Normalise a metadata date (ISO, '2022-03-29 13:42:15 +0800', RFC 822, 2022年3月29日 …) to
    YYYY-MM-DD, or to YYYY-MM or YYYY when it names no day (2021-05, 2021年): no part is made up.
    None when it is no date."""
    if not value:
        return None
    value = _metadata().date_end.sub(" ", _metadata().date_separator.sub("-", value)).strip()
    try:
        first, second = (dateparser.parse(value, default=default) for default in _DEFAULTS)
    except (ValueError, OverflowError):
        return None
    if first.date() == second.date():
        return first.date().isoformat()
    if (first.year, first.month) == (second.year, second.month):
        return f"{first.year:04d}-{first.month:02d}"
    return f"{first.year:04d}" if first.year == second.year else None


# Names a site gives every article's page, each in a folder of its own (news/2023/0425-123/index.html):
# there the folder names the article, and the id is the folder's name and the file's.
_GENERIC_STEMS = frozenset({"index", "default", "article", "content", "page", "main", "detail"})


def document_id(path: str | os.PathLike) -> str:
    """A stable, IRI-safe id from the file name (with its folder's, for a name every page has);
    non-ASCII names are hashed."""
    path = os.fspath(path)
    stem = _stem(os.path.basename(path))
    if stem.lower() in _GENERIC_STEMS:
        folder = os.path.basename(os.path.dirname(os.path.abspath(path)))
        stem = f"{folder}-{stem}" if folder else stem
    return _id_from_stem(stem)


def _stem(name: str) -> str:
    """``Path(name).stem``, for a file name."""
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


def _id_from_stem(stem: str) -> str:
    if _SAFE_ID.fullmatch(stem):
        return stem
    return "doc-" + hashlib.sha256(stem.encode("utf-8", "surrogateescape")).hexdigest()[:16]


def parse_article(raw: str, path: str, doc_id: str) -> Document:
    """Build a :class:`Document` from decoded file content."""
    raw = strip_controls(raw)
    meta, body = _parse_front_matter(raw.replace("\r\n", "\n").replace("\r", "\n"), path)
    body = _COMMENT.sub("", body)
    urls = _AUTOLINK.findall(body)
    body = _AUTOLINK.sub("\n", body)
    page = None
    if _LOOKS_LIKE_HTML.search(body):
        page = strip_html(body)
        body = strip_controls(page.text)  # character references (&#27;) come back as controls
    html_title = strip_controls(page.title) if page and page.title else None
    lines, bare_urls, heading = _clean_lines(body)
    urls += bare_urls
    credit = None
    if lines and (m := _metadata().credit.search(lines[-1])):
        credit = m.group(1)
    text = "\n".join(lines)
    if not text.strip():
        raise ArticleError(path, "no article text after removing markup")
    title = (_first(meta, "title") or html_title or heading
             or _first_sentence(text) or _name_as_text(Path(path).stem))
    return Document(
        id=doc_id,
        path=path,
        title=title,
        text=text,
        date=_front_matter_date(meta, path) or (page and page.date) or _dateline(lines),
        source=_first(meta, "source", "publisher", "author") or credit or _first(meta, "tags", "categories"),
        url=(_first(meta, "url", "link", "permalink", "source_url") or (page and page.url)
             or (urls[0] if urls else None)),
    )


def _front_matter_date(meta: dict, path: str) -> str | None:
    """The front matter's date; one it gives that is no date is the writer's mistake, not a date to
    guess or to drop unsaid."""
    value = _first(meta, "date", "published", "pubdate")
    if value is None:
        return None
    if (parsed := parse_date(value)) is None:
        raise ArticleError(path, f"front matter date {value!r} is not a date; "
                                 "write it as YYYY-MM-DD (or YYYY-MM, YYYY), or leave it out")
    return parsed


def _name_as_text(name: str) -> str:
    # a file name may hold bytes that are not UTF-8 (kept as surrogates) and control characters
    return strip_controls(name.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))


@dataclass(frozen=True)
class _Metadata:
    credit: re.Pattern
    navigation: re.Pattern
    link_label: re.Pattern
    dateline: re.Pattern
    dateline_lines: int
    date_separator: re.Pattern
    date_end: re.Pattern
    footer: re.Pattern
    byline: re.Pattern
    furniture: frozenset[str]
    date_meta: tuple[str, ...]
    url_meta: tuple[str, ...]


@lru_cache(maxsize=1)
def _metadata() -> _Metadata:
    """The [metadata] table of patterns.toml, compiled."""
    try:
        table = patterns_table("metadata")
        return _Metadata(re.compile(table["credit"]), re.compile(f"[{table['navigation_separators']}]+"),
                         re.compile(table["link_label"]), re.compile(table["dateline"]), int(table["dateline_lines"]),
                         re.compile(table["date_separator"]), re.compile(table["date_end"]),
                         re.compile(table["footer"]), re.compile(table["byline"]),
                         frozenset(word.lower() for word in table["furniture_classes"]),
                         tuple(key.lower() for key in table["date_meta"]),
                         tuple(key.lower() for key in table["url_meta"]))
    except (KeyError, re.error) as exc:
        raise IkgError(f"{ONTOLOGY_DIR / 'patterns.toml'}: [metadata]: {exc}") from None


def credit_span(line: str) -> tuple[int, int] | None:
    """Where ``line`` names its publisher in a credit (2017-04-07 16:49 来源：慧择网综合, （来源：新华社）):
    the name's start and end, or None. The publisher is no entity of the article (ANNOTATION.md)."""
    m = _metadata().credit.search(line)
    return m.span(1) if m else None


def _dateline(lines: list[str]) -> str | None:
    """The publication date a news page prints near its top (2017-10-19 16:20 来源：…), when one of
    its first lines is no sentence but holds a full date; None otherwise."""
    marks = default_punctuation()
    prose = set(marks.clause + marks.sentence_end)
    for line in lines[:_metadata().dateline_lines]:
        m = _metadata().dateline.search(line)
        if m and not prose & set(line):
            try:
                return date(*map(int, m.groups())).isoformat()
            except ValueError:  # 2017-02-30
                continue
    return None


def _first_sentence(text: str, limit: int = 40) -> str:
    ends = re.escape(default_punctuation().sentence_end)
    first = re.split(f"[{ends}\\n]", text, maxsplit=1)[0].strip()
    return first if len(first) <= limit else first[:limit] + "…"


def read_article(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read and parse one article file; raises :class:`ArticleError` when it cannot be used."""
    return article_from_bytes(path, read_bytes(path, max_bytes))


def article_from_bytes(path: Path, data: bytes) -> Document:
    """Parse the bytes of the article file at ``path``."""
    return parse_article(decode(data, str(path)), str(path), document_id(path))


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of an article file; a file too large, unreadable or not a regular file (a FIFO, a
    device, a socket) raises :class:`ArticleError`.

    The size limit is applied to what is read, not to what ``stat`` says: a device or a file that
    grows while it is read cannot make the build read without end.
    """
    return read_bytes_and_stat(path, max_bytes)[0]


def read_bytes_and_stat(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes, os.stat_result]:
    """:func:`read_bytes`, with the file's ``stat`` taken before it was read (an incremental build
    keeps it, to know the file unchanged next time without reading it)."""
    try:
        # O_NONBLOCK: opening a FIFO would otherwise wait for a writer for ever.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except PermissionError:
        raise ArticleError(str(path), "permission denied") from None
    except IsADirectoryError:
        raise ArticleError(str(path), "is a directory") from None
    except OSError as exc:
        raise ArticleError(str(path), exc.strerror or str(exc)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ArticleError(str(path), "is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise ArticleError(str(path), f"not a regular file ({_kind(info.st_mode)})")
        if info.st_size > max_bytes:  # no need to read it to know
            raise ArticleError(str(path), f"too large ({info.st_size / 2**20:.1f} MB; the limit is "
                                          f"{max_bytes / 2**20:g} MB, raise it with --max-size)")
        chunks, size = [], 0
        while size <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > max_bytes:
            raise ArticleError(str(path), f"too large (more than {max_bytes / 2**20:g} MB read, though "
                                          f"it said {info.st_size} bytes; raise the limit with --max-size)")
        return b"".join(chunks), info
    except OSError as exc:
        raise ArticleError(str(path), exc.strerror or str(exc)) from None
    finally:
        os.close(fd)


def _kind(mode: int) -> str:
    for test, kind in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return kind
    return "a special file"
