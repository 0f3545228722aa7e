"""Find exact quotes in source letters: the check behind every evidence node.

Source letters are plain text extracted from PDF: sentences run over line breaks and words
are hyphenated at line ends ("onder-\\nsteuning"). A quote is taken to occur in a line range
when it is a substring of those lines joined with single spaces, either as printed
("onder- steuning") or with line-end hyphenation undone ("ondersteuning").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_SPACES = re.compile(r"\s+")
_HYPHEN_BREAK = re.compile(r"(\w)- (?=[a-zà-ÿ])")


def normalise(text: str) -> str:
    """Collapse all white space to single spaces and strip the ends."""
    return _SPACES.sub(" ", text).strip()


def _variants(text: str) -> tuple[str, str]:
    joined = normalise(text)
    return joined, _HYPHEN_BREAK.sub(r"\1", joined)


@dataclass(frozen=True)
class Span:
    """A 1-based, inclusive line range in a source text."""

    start: int
    end: int


def quote_in_lines(quote: str, lines: list[str], start: int, end: int) -> bool:
    """True when `quote` occurs within lines `start`..`end` (1-based, inclusive)."""
    if start < 1 or end < start or end > len(lines):
        return False
    wanted = normalise(quote)
    return any(wanted in v for v in _variants("\n".join(lines[start - 1 : end])))


class SourceText:
    """A source letter as lines, indexed for fast quote look-up."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self._plain = self._index(dehyphenate=False)
        self._joined = self._index(dehyphenate=True)

    def _index(self, dehyphenate: bool) -> tuple[str, list[int], list[int]]:
        pieces: list[str] = []  # joined once at the end: cutting a hyphen off one string copies it all
        length, offsets, numbers = 0, [], []
        for number, line in enumerate(self.lines, 1):
            piece = normalise(line)
            if not piece:
                continue
            if pieces:
                last = pieces[-1]
                if dehyphenate and last.endswith("-") and last[-2:-1].isalnum() and piece[:1].islower():
                    pieces[-1] = last[:-1]
                    length -= 1
                else:
                    pieces.append(" ")
                    length += 1
            offsets.append(length)
            numbers.append(number)
            pieces.append(piece)
            length += len(piece)
        return "".join(pieces), offsets, numbers

    def locate(self, quote: str) -> Span | None:
        """The line range of the first occurrence of `quote`, or None when it is absent."""
        wanted = normalise(quote)
        if not wanted:
            return None
        for text, offsets, numbers in (self._plain, self._joined):
            at = text.find(wanted)
            if at >= 0:
                first = bisect_right(offsets, at) - 1
                last = bisect_right(offsets, at + len(wanted) - 1) - 1
                return Span(numbers[first], numbers[last])
        return None

    def contains(self, quote: str, start: int, end: int) -> bool:
        """True when `quote` occurs within lines `start`..`end` (1-based, inclusive)."""
        return quote_in_lines(quote, self.lines, start, end)
