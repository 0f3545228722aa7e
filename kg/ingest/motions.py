"""Motions in a letter: who submitted them, their Kamerstuk (via the footnote), how the letter handles
them."""

from __future__ import annotations

from bisect import bisect_left

from kg.ingest import rules
from kg.ingest.citations import citations_in
from kg.ingest.layout import Layout, Sentence
from kg.ingest.records import Citation, Motion, sentence_quote


def find_motions(layout: Layout, citations: list[Citation], uncertain: list[str]) -> list[Motion]:
    by_note = {c.footnote: c for c in citations if c.footnote is not None}
    markers = sorted((n.marker_at, n.number) for n in layout.footnotes.values() if n.marker_at is not None)
    marker_at = [at for at, _ in markers]
    motions: list[tuple[Motion, Sentence]] = []
    unhandled: dict[str | None, list[Motion]] = {}  # per section, the motions not handled yet
    for sentence in layout.sentences:
        matches = list(rules.MOTION.finditer(sentence.text))
        here = []
        for i, m in enumerate(matches):
            names = m["one"] or m["many"] or m["hyph"]
            until = matches[i + 1].start() if i + 1 < len(matches) else len(sentence.text)
            first = bisect_left(marker_at, sentence.start + m.start())
            note = next(
                (
                    n
                    for at, n in markers[first : last_marker(marker_at, sentence.start + until)]
                    if n in by_note
                ),
                None,
            )
            kst = by_note[note].kst if note is not None else None
            if kst is None:
                inline = citations_in(sentence.text[m.start() : until])
                kst = inline[0][0] if inline else None
            motion = Motion(
                [n.strip() for n in rules.SPLIT_NAMES.split(names) if n.strip()],
                bool(m["cs"] or m["cs2"]),
                kst,
                note,
                [sentence_quote(sentence)],
            )
            if note is not None:
                motion.quotes.append(by_note[note].quotes[0])
            here.append(motion)
        handling = handling_of(sentence.text)
        for motion in here:
            if handling:
                motion.handling, motion.handling_quote = handling, sentence_quote(sentence)
            else:
                unhandled.setdefault(sentence.heading, []).append(motion)
            motions.append((motion, sentence))
        if not here and handling and rules.MOTION_ANAPHOR.search(sentence.text):
            # "deze motie" in a later sentence: the last motion of this section not yet handled
            open_ = unhandled.get(sentence.heading)
            if open_:
                motion = open_.pop()
                motion.handling, motion.handling_quote = handling, sentence_quote(sentence)
    for motion, _ in motions:
        who = ", ".join(motion.submitters)
        if motion.kst is None:
            uncertain.append(f"motion of {who}: no Kamerstuk found (footnote?); not proposed")
        if motion.handling is None:
            uncertain.append(
                f"motion of {who}: the letter does not say how it is handled; no handling proposed"
            )
    return [m for m, _ in motions]


def last_marker(marker_at: list[int], end: int) -> int:
    return bisect_left(marker_at, end)


def handling_of(text: str) -> str | None:
    """The handling concept a sentence states for a motion, by the first matching phrase."""
    return next((concept for pattern, concept in rules.HANDLING if pattern.search(text)), None)
