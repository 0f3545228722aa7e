"""Read a letter as text: plain UTF-8 text, HTML (officielebekendmakingen) or PDF (pypdf).

Each refusal is an InputError whose message names the file and says what is wrong: empty,
binary, not UTF-8 (a Windows-1252 file is refused with the command that converts it, because
evidence quotes must match the stored text byte for byte), a damaged or truncated PDF, a file
over the size limit, or a letter that is not in Dutch.
"""

from __future__ import annotations

import io
import re
import stat
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from kg.errors import InputError

MAX_BYTES = 20_000_000
MIN_WORDS = 20
_DUTCH_WORDS = (
    "de het een en van dat op te met voor zijn niet aan er om ook als bij door wordt worden naar heeft ik u "
    "uw deze die dit over nog kan wij we hun zij maar of tot hebben"
)
_ENGLISH_WORDS = (
    "the and of to that for on with as by this are be was it from at will have has which we our their been "
    "these those would should"
)
DUTCH = frozenset(_DUTCH_WORDS.split())
ENGLISH = frozenset(_ENGLISH_WORDS.split())
_WORD = re.compile(r"[a-zà-ÿ]+")


@dataclass(frozen=True)
class Letter:
    """A letter's text as lines are numbered for evidence, and where it came from."""

    path: Path
    text: str
    kind: str  # "text", "html" or "pdf"

    @property
    def name(self) -> str:
        return self.path.name


def _refuse(path: Path, why: str) -> InputError:
    return InputError(f"{path}: {why}; nothing was ingested from this file", file=str(path))


def read_letter(path: Path, limit: int = MAX_BYTES) -> Letter:
    """The letter at `path` as text, or an InputError saying why it cannot be ingested."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise _refuse(
                path, f"not a regular file ({_file_kind(info.st_mode)}); give a .txt, .html or .pdf file"
            )
        if info.st_size > limit:
            raise _refuse(
                path, f"{info.st_size / 1e6:.1f} MB is more than the {limit / 1e6:.0f} MB limit for a letter"
            )
        with path.open("rb") as handle:  # never more than the limit, even if the file grows meanwhile
            data = handle.read(limit + 1)
        if len(data) > limit:
            raise _refuse(path, f"more than the {limit / 1e6:.0f} MB limit for a letter")
    except OSError as exc:
        raise _refuse(path, f"cannot read the file ({exc.strerror})") from None
    if not data.strip():
        raise _refuse(path, "the file is empty")
    if data.startswith(b"%PDF"):
        text, kind = _pdf_text(path, data), "pdf"
    else:
        decoded = _decode(path, data)
        if path.suffix.lower() in (".html", ".htm") or re.match(r"\s*<(!doctype html|html)", decoded, re.I):
            text, kind = html_text(decoded), "html"
        else:
            text, kind = decoded, "text"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    check_dutch(path, text)
    return Letter(path, text, kind)


def _file_kind(mode: int) -> str:
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISCHR, "a device"),
        (stat.S_ISBLK, "a device"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((name for test, name in kinds if test(mode)), "a special file")


def _decode(path: Path, data: bytes) -> str:
    sample = data[:8192]
    controls = sum(b < 9 or 13 < b < 32 for b in sample)
    if b"\x00" in sample or controls > len(sample) // 100 + 2:
        raise _refuse(path, "binary data, not a letter (give a .txt, .html or .pdf file)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            raise _refuse(path, f"not UTF-8 text (invalid byte at line {line})") from None
        raise _refuse(
            path,
            f"not UTF-8 but Windows-1252 (cp1252) text (first such byte on line {line}); "
            f"convert it first, e.g. `iconv -f cp1252 -t utf-8 {path.name}`",
        ) from None


def _pdf_text(path: Path, data: bytes) -> str:
    if b"%%EOF" not in data[-2048:]:
        raise _refuse(path, "truncated or damaged PDF (no end-of-file marker)")
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError):
        raise _refuse(path, "damaged PDF: its pages cannot be read") from None
    text = "\n".join(pages)
    if not text.strip():
        raise _refuse(path, "the PDF has no text layer (a scan?); give the text or HTML version")
    return text


def check_dutch(path: Path, text: str) -> None:
    """Refuse a text too short to be a letter, or one whose function words are mostly not Dutch."""
    words = _WORD.findall(text[:200_000].lower())
    if len(words) < MIN_WORDS:
        raise _refuse(path, f"only {len(words)} words: too little text for a letter")
    dutch = sum(w in DUTCH for w in words)
    english = sum(w in ENGLISH for w in words)
    if dutch < 2 * english or dutch < len(words) * 0.08:
        raise _refuse(
            path,
            f"the letter does not look Dutch ({dutch} Dutch against {english} English "
            f"function words in {len(words)}); kg ingest reads Dutch Kamerbrieven",
        )


_BLOCKS = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "tr",
    "br",
    "section",
    "article",
    "table",
    "ul",
    "ol",
    "dd",
    "dt",
    "blockquote",
    "title",
}
_SKIP = {"script", "style", "head", "nav", "noscript", "button", "form", "svg"}


class _TextParser(HTMLParser):
    """Block elements become lines; footnote markers in <sup> stay glued to their word, as in PDF text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skipping = 0

    def _flush(self) -> None:
        line = re.sub(r"\s+", " ", "".join(self.current)).strip()
        if self.lines and re.fullmatch(r"\d{1,3}", self.lines[-1]) and line:
            line = f"{self.lines.pop()} {line}"  # a footnote number in its own element
        if line:
            self.lines.append(line)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("td", "th"):
            self.current.append(" ")  # cells of a row: "Documentdatum 12-12-2023"
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.current.append(data)


def html_text(html: str) -> str:
    """The visible text of an HTML letter, one block element per line, blank lines between blocks."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    parser._flush()
    return "\n\n".join(parser.lines) + "\n"
