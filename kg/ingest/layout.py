"""The layout of a letter: which lines are body text, footnotes, page headers and headings, and the
body's sentences with their line ranges.

Text is joined the way kg.evidence.SourceText joins it (single spaces, hyphenation at a line end
undone before a lower-case letter), so every sentence quoted from here is found by SourceText.
Footnotes are numbered through the letter; a line "N text" is a footnote only when marker N was
already printed glued to a word of the body ("Ellemeet12"), which keeps headings such as
"1 Langjarige transitie" and lines such as "50 woningen per complex" in the body.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from kg.evidence import normalise
from kg.ingest import rules

_ENDS_HYPHENATED = re.compile(r"\w-$")


class Flow:
    """Text joined from numbered lines; any offset maps back to its line. '\\n' marks a hard break.

    Pieces are collected in a list and joined once when the text is read (appending to one long
    string, or cutting a hyphen off its end, would copy the whole text for every line)."""

    def __init__(self) -> None:
        self._pieces: list[str] = []
        self._length = 0
        self._joined = ""
        self._joined_pieces = 0
        self._offsets: list[int] = []
        self._numbers: list[int] = []
        self._joins: list[int] = []  # offsets where a line-end hyphen was removed
        self._broken = True

    @property
    def text(self) -> str:
        if self._joined_pieces != len(self._pieces):
            self._joined = "".join(self._pieces)
            self._joined_pieces = len(self._pieces)
        return self._joined

    def _append(self, piece: str) -> None:
        self._pieces.append(piece)
        self._length += len(piece)

    def tail(self, start: int) -> tuple[int, str]:
        """The text from about `start` on, and the offset it begins at (cheap: only recent pieces)."""
        at = bisect_right(self._offsets, start) - 1
        if at < 0:
            return 0, self.text
        begin = self._offsets[at]
        count = 0
        index = len(self._pieces)
        while index > 0 and self._length - count > begin:
            index -= 1
            count += len(self._pieces[index])
        return self._length - count, "".join(self._pieces[index:])

    def add(self, number: int, line: str) -> None:
        piece = normalise(line)
        if not piece:
            return
        if self._length and not self._broken:
            last = self._pieces[-1]
            if _ENDS_HYPHENATED.search(last[-2:]) and piece[:1].islower():
                self._pieces[-1] = last[:-1]
                self._length -= 1
                self._joined_pieces = -1
                self._joins.append(self._length)
            else:
                self._append(" ")
        self._offsets.append(self._length)
        self._numbers.append(number)
        self._append(piece)
        self._broken = False

    def hard_break(self) -> None:
        if self._length and not self._broken:
            self._append("\n")
        self._broken = True

    def printed(self, start: int, end: int) -> str:
        """The text between the offsets with line-end hyphens kept ("mantel- zorg"), as in the source."""
        out, at = [], start
        for join in self._joins[bisect_right(self._joins, start) :]:
            if join >= end:
                break
            out += [self.text[at:join], "- "]
            at = join
        return "".join(out) + self.text[at:end]

    def line_at(self, offset: int) -> int:
        return self._numbers[max(0, bisect_right(self._offsets, offset) - 1)]

    def lines(self, start: int, end: int) -> tuple[int, int]:
        """First and last line of the text between offsets `start` and `end` (exclusive)."""
        return self.line_at(start), self.line_at(max(start, end - 1))


@dataclass
class Footnote:
    number: int
    flow: Flow = field(default_factory=Flow)
    marker_at: int | None = None  # offset of its marker in the body flow

    @property
    def text(self) -> str:
        return self.flow.text.replace("\n", " ")


@dataclass(frozen=True)
class Sentence:
    index: int
    text: str
    start: int  # offset in the body flow
    first_line: int
    last_line: int
    heading: str | None  # the nearest heading above it
    printed: str  # the same sentence with line-end hyphens kept
    heading_index: int | None = None  # index of the heading's own sentence


@dataclass
class Layout:
    body: Flow
    footnotes: dict[int, Footnote]
    headings: list[tuple[int, str, int]]  # offset in body, title, line
    sentences: list[Sentence]
    header: re.Match[str] | None
    header_line: int | None
    _starts: list[int] = field(default_factory=list)

    def sentence_at(self, offset: int) -> Sentence | None:
        if len(self._starts) != len(self.sentences):
            self._starts = [s.start for s in self.sentences]
        at = bisect_right(self._starts, offset) - 1
        return self.sentences[at] if at >= 0 else None


def _is_heading(lines: list[str], i: int) -> bool:
    stripped = lines[i].strip()
    if (
        not stripped
        or len(stripped) > 80
        or stripped[-1] in ".,;:"
        or not re.match(r"[–A-Z0-9À-Þ«]", stripped)
    ):
        return False
    before_ok = i == 0 or not lines[i - 1].strip() or lines[i][:1].isspace()
    after_ok = i + 1 >= len(lines) or not lines[i + 1].strip()
    following = next((lines[j].strip() for j in range(i + 1, len(lines)) if lines[j].strip()), "")
    return before_ok and after_ok and bool(re.match(r"[–A-Z0-9À-Þ«•]", following or "A"))


def analyse(text: str) -> Layout:
    """Split a letter into body, footnotes and headings, and the body into sentences."""
    lines = text.split("\n")
    body, footnotes, headings = Flow(), {}, []
    header, header_line = None, None
    note: Footnote | None = None
    last_note, search_from, after_blank = 0, 0, False
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        found = rules.HEADER.search(line)
        if (found and len(stripped) < 100) or rules.PAGE_FURNITURE.match(line):
            if header is None and found:
                header, header_line = found, number
            body.hard_break()
            note = None
            continue
        candidate = rules.FOOTNOTE.match(line)
        n = int(candidate["n"]) if candidate else 0
        if candidate and (
            n == last_note + 1 or (last_note < n <= last_note + 6 and not _is_heading(lines, number - 1))
        ):
            at = _find_marker(body, n, search_from)
            if at is not None:
                note, after_blank = Footnote(n, marker_at=at), False
                footnotes[n] = note
                note.flow.add(number, candidate["text"])
                last_note, search_from = n, at
                body.hard_break()
                continue
        if note is not None:
            if not stripped:
                after_blank = True
                continue
            # a note runs on until a new page (a line that starts with a space) or, after a blank line,
            # a line that starts a new sentence
            if not line[:1].isspace() and not (after_blank and stripped[:1].isupper()):
                note.flow.add(number, line)
                after_blank = False
                continue
            note = None
        if _is_heading(lines, number - 1):
            body.hard_break()
            body.add(number, line)
            headings.append((body._offsets[-1], re.sub(r"^[–-]\s*", "", normalise(line)), number))
            body.hard_break()
        else:
            body.add(number, line)
            if stripped.endswith(";") and not line[:1].isspace():
                body.hard_break()  # a consideration of a motion, an item of a list: a sentence of its own
    return Layout(body, footnotes, headings, _sentences(body, headings), header, header_line)


#: how far back in the body a footnote's marker is looked for: a page of text is far less, and a
#: line that only looks like a footnote must not make every later such line search the whole letter
MARKER_WINDOW = 50_000


def _find_marker(body: Flow, n: int, start: int) -> int | None:
    base, text = body.tail(max(start, body._length - MARKER_WINDOW))
    begin = max(0, start - base)
    found = rules.marker(n).search(text, begin) or rules.marker_after_digits(n).search(text, begin)
    return base + found.start() if found else None


def _sentences(body: Flow, headings: list[tuple[int, str, int]]) -> list[Sentence]:
    out: list[Sentence] = []
    heading_at = [h[0] for h in headings]
    heading_sentence: dict[int, int] = {}
    offset = 0
    for run in body.text.split("\n"):
        start = 0
        pieces = []
        for cut in rules.SENTENCE_END.finditer(run):
            if rules.NO_SENTENCE_END.search(run[start : cut.start()].rstrip("»”’)0123456789")):
                continue
            pieces.append((start, cut.start()))
            start = cut.end()
        pieces.append((start, len(run)))
        for a, b in pieces:
            sentence = run[a:b].strip()
            if not sentence:
                continue
            begin = offset + a + (len(run[a:b]) - len(run[a:b].lstrip()))
            first, last = body.lines(begin, begin + len(sentence))
            h = bisect_right(heading_at, begin) - 1
            if h >= 0 and heading_at[h] == begin:
                heading_sentence[h] = len(out)
            out.append(
                Sentence(
                    len(out),
                    sentence,
                    begin,
                    first,
                    last,
                    headings[h][1] if h >= 0 else None,
                    body.printed(begin, begin + len(sentence)),
                    heading_sentence.get(h),
                )
            )
        offset += len(run) + 1
    return out
