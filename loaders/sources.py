"""Reading documents: bytes from a file or an upload become decoded text, one loader per input kind.

Party-building pages reach us as UTF-8, GB18030/GBK/GB2312 or Big5, as plain text or as saved HTML;
reports as PDF (`pdf`) or Word (`word`), often many in a ZIP archive (`archive`). A loader is chosen
by the bytes first (a PDF is a PDF whatever its name), then by the suffix. This module only decodes
and, for HTML, reduces the page to its visible text; cleaning the text
(traditional → simplified, boilerplate, glosses) is `normalize`'s job, so what is read here can
still be compared byte for byte with its source.
"""

from __future__ import annotations

import codecs
import dataclasses
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import charset_normalizer

from parkgraph.loaders import archive
from parkgraph.loaders.document import Loader, Position, RawDocument, SourceError, document_id
from parkgraph.loaders.pdf import PdfLoader
from parkgraph.loaders.word import WordLoader

__all__ = [
    "DEFAULT_LOADERS",
    "DOCUMENT_SUFFIXES",
    "MAX_DOCUMENT_BYTES",
    "HtmlLoader",
    "Loader",
    "PdfLoader",
    "Position",
    "RawDocument",
    "SourceError",
    "TextLoader",
    "WordLoader",
    "decode_bytes",
    "iter_document_paths",
    "read_bytes",
    "read_document",
    "read_documents",
]

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
"""A news article or report is far below this; anything larger is a mistake (a dump, a video)."""

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
DOCUMENT_SUFFIXES = frozenset(
    {".txt", ".text", *HTML_SUFFIXES, ".pdf", ".docx", ".zip", ".xlsx", ".xlsm", ".xls", ".csv", ".tsv"}
)
"""What a folder walk picks up; files named one by one are read whatever their suffix. Spreadsheets are
rosters (`roster.py`); a CSV file without roster columns is read as text."""


# --- decoding -------------------------------------------------------------------------------------

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\xd0\xcf\x11\xe0", "a legacy Office document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7z archive"),
    (b"Rar!", "a RAR archive"),
)
_CJK_CANDIDATES = ("gb18030", "big5", "cp950")
"""GB18030 covers GB2312 and GBK; cp950 is Big5 with the Microsoft extensions real sites use."""
_CHINESE_FAMILIES = ("utf", "gb", "big5", "cp950", "cp936", "hz", "euc_tw", "iso2022")
"""charset-normalizer guesses outside these (cp1252, koi8…) decode anything into noise; not our genre."""
_LENIENT_REPLACEMENTS = 0.001
"""A few broken bytes (a truncated character at a cut) are tolerated; normalize reports the U+FFFD."""
_MIN_PLAUSIBILITY = 0.5
"""Below this share of common Chinese, the best decoding is noise: the 64 annotated documents score
0.76 or more in GB18030 and Big5, random high bytes 0.28-0.41."""
_PLAUSIBILITY_SAMPLE = 100
"""Too few non-ASCII characters say nothing about the encoding; such a text is never refused as noise."""
_SAMPLE_BYTES = 256 * 1024
"""Guessing an encoding looks at this much of a document: enough to be sure, and fast on big files."""
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


def _is_common_cjk(char: str) -> bool:
    """GB2312 level 1 or Big5 level 1: the ~3,700 / ~5,400 characters that make up ordinary prose."""
    try:
        gb = char.encode("gb2312")
        if len(gb) == 2 and 0xB0 <= gb[0] <= 0xD7:
            return True
    except UnicodeEncodeError:
        pass
    try:
        big5 = char.encode("big5")
    except UnicodeEncodeError:
        return False
    return len(big5) == 2 and 0xA440 <= int.from_bytes(big5) <= 0xC67E


def _plausibility(text: str) -> float:
    """Share of the non-ASCII characters that ordinary Chinese prose is made of.

    A wrong guess between GB18030 and Big5 still decodes, but into a soup of rare characters and
    symbols; the right one is mostly common characters and ordinary punctuation.
    """
    good = bad = 0
    for char in text:
        if char < "\x80" or char.isspace():
            continue
        if char == "\ufffd" or "\ue000" <= char <= "\uf8ff":
            bad += 3
        elif _is_common_cjk(char) or char in "，。、；：？！“”‘’（）《》—…·「」『』【】":
            good += 1
        else:
            bad += 1
    return good / (good + bad) if good + bad else 1.0


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _binary_kind(data: bytes) -> str | None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    if b"\x00" in data[:65536]:
        return "a binary file (it contains NUL bytes)"
    return None


def _candidates(data: bytes) -> dict[str, str]:
    """Every plausible decoding: strict ones, and lenient ones with only a few broken bytes."""
    names = ["utf-8", *_CJK_CANDIDATES]
    guess = charset_normalizer.from_bytes(data[:_SAMPLE_BYTES]).best()
    if guess is not None and guess.encoding.startswith(_CHINESE_FAMILIES) and guess.encoding not in names:
        names.append(guess.encoding)
    decoded: dict[str, str] = {}
    for name in names:
        text = _strict(data, name)
        if text is None:
            lenient = data.decode(name, errors="replace")
            if lenient.count("\ufffd") <= max(1, len(lenient) * _LENIENT_REPLACEMENTS):
                text = lenient
        if text is not None:
            decoded[name] = text
    return decoded


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a Chinese document: (text, encoding name).

    A BOM decides; otherwise strict UTF-8 (almost never valid by accident); otherwise UTF-8, GB18030,
    Big5 and charset-normalizer's guess compete on how much of the result is common Chinese text, a
    wrong guess between GB18030 and Big5 being the usual trap (each decodes the other's bytes).
    Raises `SourceError` for binary data or when nothing decodes.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data, encoding)
            if text is None:
                raise SourceError(f"starts with a {encoding} byte-order mark but is not valid {encoding}")
            return text, encoding
    binary = _binary_kind(data)
    if binary:
        raise SourceError(f"is {binary}, not a text document")
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    decoded = _candidates(data)
    if not decoded:
        raise SourceError("cannot be decoded as UTF-8, GB18030/GBK or Big5")
    scores = {name: _plausibility(text[:_SAMPLE_BYTES]) for name, text in decoded.items()}
    encoding = max(scores, key=scores.__getitem__)
    sample = decoded[encoding][:_SAMPLE_BYTES]
    if scores[encoding] < _MIN_PLAUSIBILITY and sum(c >= "\x80" for c in sample) >= _PLAUSIBILITY_SAMPLE:
        raise SourceError("is not Chinese text in UTF-8, GB18030/GBK or Big5 (garbled or binary bytes)")
    return decoded[encoding], encoding


def _check_text(text: str) -> None:
    if not text.strip():
        raise SourceError("has no text")
    if len(_CONTROL.findall(text)) > max(3, len(text) // 100):
        raise SourceError("looks binary (many control characters)")


# --- HTML -----------------------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HTML_SNIFF = re.compile(
    rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>])", re.IGNORECASE | re.DOTALL
)
"""A page starts (after an XML declaration or comments) with a doctype or an `<html>` tag."""
_CHARSET_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "cp950"}
"""Pages declare the narrow charset and use its superset; decoding with the superset loses nothing."""


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii").lower()
    name = _CHARSET_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _tag_set(names: str) -> frozenset[str]:
    return frozenset(names.split())


class _TextExtractor(HTMLParser):
    """Collects the visible text of a page: block elements become line breaks, chrome is skipped."""

    SKIP = _tag_set("script style nav header footer aside form noscript template svg iframe select button")
    BLOCK = _tag_set(
        "p div br li ul ol dl dt dd h1 h2 h3 h4 h5 h6 tr table section article main blockquote pre hr "
        "address figure figcaption center body"
    )
    VOID = _tag_set("br hr img meta link input area base col embed source track wbr")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self._skip: list[str] = []
        self.headline_parts: list[str] = []
        self._in_title = False
        self._in_headline = False
        self._pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip:
            if tag == self._skip[-1] and tag not in self.VOID:
                self._skip.append(tag)
            return
        if tag in self.SKIP:
            self._skip.append(tag)
        elif tag == "title":
            self._in_title = True
        elif tag == "h1" and not self.headline_parts:
            self._in_headline = True
        elif tag == "pre":
            self._pre += 1
        if tag in self.BLOCK:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self._skip and tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            if tag == self._skip[-1]:
                self._skip.pop()
            return
        if tag == "title":
            self._in_title = False
        elif tag == "h1":
            self._in_headline = False
        elif tag == "pre":
            self._pre = max(0, self._pre - 1)
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._in_title:
            self.title_parts.append(data)
            return
        if self._in_headline:
            self.headline_parts.append(data)
        self.parts.append(data if self._pre else re.sub(r"[ \t\r\n\f]+", " ", data))

    def text(self) -> str:
        joined = "".join(self.parts)
        return "\n".join(line.strip() for line in joined.split("\n")).strip()

    def title(self) -> str:
        """The page title without the site name: the first part before a ` - `, `_` or `|`."""
        title = " ".join("".join(self.title_parts).split())
        return re.split(r"\s*(?:_|\||｜|\s-\s|——|--)\s*", title, maxsplit=1)[0].strip() if title else ""

    def headline(self) -> str:
        """The page's first `<h1>`: the article's headline on a news page."""
        return " ".join("".join(self.headline_parts).split())


logging.getLogger("trafilatura").addHandler(logging.NullHandler())
"""trafilatura logs pages it finds nothing in; the loader reports that itself, in one line."""

_SENTENCE = re.compile(r"[^\n]{12,}[。！？!?][”’」』）)]?[ \t]*$", re.MULTILINE)
"""A line that ends a sentence: article prose. Menus, headline lists, bylines and footers do not."""
_KEPT_PROSE = 0.9
"""Share of the rule reading's sentences the main-content reading must keep to be trusted. On the 49
unheld dev2 articles in three page layouts it keeps them all (`benchmarks/html_reader.py`), but on a
page whose story is one or two sentences it may take the byline block for the article instead."""
_TABLE_RULE = re.compile(r"^\|(?:\s*:?-+:?\s*\|)+\s*$")
_TABLE_ROW = re.compile(r"^\|(.*)\|\s*$")


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _plain_tables(text: str) -> str:
    """trafilatura writes tables as Markdown (`| a | b |`, `|---|`): a row stays its cells between bars,
    as the Word reader writes one (the extractor reads a table under a roster header row by row), less
    the rule lines and the spaces inside cells."""
    lines = []
    for line in text.split("\n"):
        if _TABLE_RULE.match(line):
            continue
        row = _TABLE_ROW.match(line)
        cells = [" ".join(cell.split()) for cell in row.group(1).split("|")] if row else []
        lines.append(f"| {' | '.join(cells)} |" if row else line)
    return "\n".join(lines)


def main_content(html: str) -> str:
    """The article of a page by trafilatura, favouring precision: menus, sidebars, related-article
    lists and footers go, which the rules below only manage when the page marks them as such.
    Imported here: it takes 0.3 s, which commands that read no page need not pay."""
    import trafilatura

    found = trafilatura.extract(html, include_comments=False, include_tables=True, favor_precision=True)
    return _plain_tables(found) if found else ""


def _keeps_sentences(main: str, rules: str) -> bool:
    sentences = [_squeezed(line) for line in _SENTENCE.findall(rules)]
    whole = _squeezed(main)
    kept = sum(len(sentence) for sentence in sentences if sentence in whole)
    return kept >= _KEPT_PROSE * sum(map(len, sentences))


def html_to_text(html: str) -> tuple[str, str]:
    """The article text of an HTML page and its title hint.

    trafilatura finds the article (`main_content`), and the page's `<h1>` headline, which it keeps
    apart as metadata, is put back in front: headlines name parks and committees. The hand-written
    rules (`_TextExtractor`: all visible text, less what header/nav/aside/footer/form mark as chrome)
    are used instead when trafilatura finds nothing or drops the page's sentences (`_KEPT_PROSE`):
    they keep more chrome, which `normalize` then mostly removes, but never lose the story. Short
    lines (bylines, numbered name lists, table rows) survive either reading on the measured pages.
    """
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    rules, title = extractor.text(), extractor.title()
    main = main_content(html)
    if not main.strip() or not _keeps_sentences(main, rules):
        return rules, title
    headline = extractor.headline()
    if headline and _squeezed(headline) not in _squeezed(main[: 2 * len(headline) + 100]):
        main = f"{headline}\n{main}"
    return main, title


# --- loaders --------------------------------------------------------------------------------------


class TextLoader:
    """Plain text: decoded as it is. Accepts anything, so it goes last as the fallback."""

    kind = "text"

    def accepts(self, path: Path, data: bytes) -> bool:
        return True

    def read(self, path: Path, data: bytes) -> RawDocument:
        try:
            text, encoding = decode_bytes(data)
            _check_text(text)
        except SourceError as err:
            raise SourceError(err.problem, path.name) from None
        return RawDocument(document_id(data), path.name, path, text, encoding, self.kind)


class HtmlLoader:
    """HTML pages: by suffix or by sniffing `<html`/`<!doctype html`; honours `<meta charset>`."""

    kind = "html"

    def accepts(self, path: Path, data: bytes) -> bool:
        if path.suffix.lower() in HTML_SUFFIXES:
            return True
        return bool(_HTML_SNIFF.match(data[:4096].removeprefix(codecs.BOM_UTF8)))

    def read(self, path: Path, data: bytes) -> RawDocument:
        try:
            page, encoding = self._decode(data)
            text, title = html_to_text(page)
            _check_text(text)
        except SourceError as err:
            raise SourceError(err.problem, path.name) from None
        return RawDocument(document_id(data), path.name, path, text, encoding, self.kind, title)

    @staticmethod
    def _decode(data: bytes) -> tuple[str, str]:
        """A BOM first, then the declared charset if the bytes really are in it, then detection."""
        if not any(data.startswith(bom) for bom, _ in _BOMS):
            declared = _declared_charset(data)
            page = _strict(data, declared) if declared else None
            if declared and page is not None:
                return page, declared
        return decode_bytes(data)


DEFAULT_LOADERS: tuple[Loader, ...] = (PdfLoader(), WordLoader(), HtmlLoader(), TextLoader())
"""Chosen by content first: a PDF or Word file is known by its bytes whatever its name."""

ARCHIVE_EXPLAINED = "is a ZIP archive: `parkgraph load` and `extract` read each document in it"


def _pick(path: Path, data: bytes, loaders: Sequence[Loader]) -> Loader:
    if archive.is_archive(path.suffix, data):
        raise SourceError(ARCHIVE_EXPLAINED, path.name)
    for loader in loaders:
        if loader.accepts(path, data):
            return loader
    raise SourceError("no loader accepts this kind of file", path.name)


def _check_size(size: int, source: str) -> None:
    if size == 0:
        raise SourceError("is empty", source)
    if size > MAX_DOCUMENT_BYTES:
        raise SourceError(
            f"is too large ({size / 2**20:.1f} MiB; the limit is {MAX_DOCUMENT_BYTES // 2**20} MiB)", source
        )


def _file_bytes(path: Path) -> bytes:
    if not path.exists():
        raise SourceError("no such file", str(path))
    if not path.is_file():
        raise SourceError("is not a file", str(path))
    try:
        _check_size(path.stat().st_size, path.name)
        data = path.read_bytes()
    except OSError as err:
        raise SourceError(f"cannot be read ({err.strerror or err})", str(path)) from None
    _check_size(len(data), path.name)
    return data


def read_document(path: Path, loaders: Sequence[Loader] = DEFAULT_LOADERS) -> RawDocument:
    """Read one file with the first loader that accepts it; every failure is a one-line `SourceError`."""
    path = Path(path)
    data = _file_bytes(path)
    return _pick(path, data, loaders).read(path, data)


def read_bytes(data: bytes, source: str, loaders: Sequence[Loader] = DEFAULT_LOADERS) -> RawDocument:
    """Read an upload: the same checks and loaders as a file, with `source` as its name and no path."""
    name = Path(source).name or "upload"
    _check_size(len(data), name)
    pseudo = Path(name)
    return dataclasses.replace(_pick(pseudo, data, loaders).read(pseudo, data), path=None)


Read = tuple[str, RawDocument | SourceError]
"""A document as `read_documents` gives it: where it is (a path, or a path inside an archive), and
the document or why it cannot be read."""


def read_documents(path: Path, loaders: Sequence[Loader] = DEFAULT_LOADERS) -> Iterator[Read]:
    """The documents of one file: the file itself, or every document inside a ZIP archive.

    Archives inside archives are opened too (`archive.MAX_ARCHIVE_DEPTH` deep), their members taken as
    a folder walk takes files (`DOCUMENT_SUFFIXES`, no hidden ones), all of them within one unpacking
    budget (`archive.MAX_UNPACKED_BYTES`). A document inside an archive is named
    `archive.zip/folder/member.pdf` and has no path. Failures are yielded, one per document, not
    raised, so a damaged member leaves the others to be read.
    """
    path = Path(path)
    try:
        data = _file_bytes(path)
    except SourceError as err:
        yield str(path), err
        return
    yield from _Unpacking(loaders).documents(str(path), path.name, data, path)


@dataclass
class _Unpacking:
    """One file's documents, archives opened recursively within one budget."""

    loaders: Sequence[Loader]
    budget: archive.Budget = field(default_factory=archive.Budget)

    def documents(
        self, where: str, name: str, data: bytes, path: Path | None, depth: int = 0
    ) -> Iterator[Read]:
        pseudo = path or Path(name)
        if archive.is_archive(pseudo.suffix, data):
            yield from self._members(where, name, data, depth)
            return
        try:
            raw = _pick(pseudo, data, self.loaders).read(pseudo, data)
        except SourceError as err:
            yield where, SourceError(err.problem, name)
            return
        yield where, raw if path else dataclasses.replace(raw, source=name, path=None)

    def _members(self, where: str, name: str, data: bytes, depth: int) -> Iterator[Read]:
        if depth >= archive.MAX_ARCHIVE_DEPTH:
            yield (
                where,
                SourceError(f"is an archive inside {depth} others; that is as deep as they are opened", name),
            )
            return
        try:
            for member, content in archive.members(data, DOCUMENT_SUFFIXES, MAX_DOCUMENT_BYTES, self.budget):
                inner_where, inner_name = f"{where}/{member}", f"{name}/{member}"
                if isinstance(content, SourceError):
                    yield inner_where, SourceError(content.problem, inner_name)
                elif not content:
                    yield inner_where, SourceError("is empty", inner_name)
                else:
                    yield from self.documents(inner_where, inner_name, content, None, depth + 1)
        except SourceError as err:
            yield where, SourceError(err.problem, name)


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def iter_document_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given, and the documents inside folders (recursive, sorted, hidden ones skipped).

    Inside a folder only `DOCUMENT_SUFFIXES` are taken, so notes, images and gold files beside the
    documents are left alone. A path that does not exist raises `SourceError`.
    """
    for path in map(Path, paths):
        if path.is_dir():
            found = (
                child
                for child in path.rglob("*")
                if child.is_file() and child.suffix.lower() in DOCUMENT_SUFFIXES and not _hidden(child, path)
            )
            yield from sorted(found)
        elif path.exists():
            yield path
        else:
            raise SourceError("no such file or folder", str(path))
