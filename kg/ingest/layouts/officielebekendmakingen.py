"""zoek.officielebekendmakingen.nl Kamerstukken (HTML or text as copied): the official text itself
(read by kg.ingest.layouts.official), the page address naming the Kamerstuk ("kst-31765-682.html")."""

from __future__ import annotations

from kg.ingest.layouts.common import Line, set_kst, source_url
from kg.ingest.layouts.official import KST_ID
from kg.ingest.records import Meta

NAME = "officielebekendmakingen"


def detect(lines: list[Line]) -> bool:
    return "officielebekendmakingen" in source_url(lines)


def read(lines: list[Line], meta: Meta) -> None:
    meta.layout = NAME


def fallback(lines: list[Line], meta: Meta) -> None:
    """After the official text: the Kamerstuk from the page address when the text did not show it."""
    if found := KST_ID.search(source_url(lines)):
        set_kst(meta, (found["dossier"], found["toev"], int(found["nr"])), lines[0].quote(found.group(0)))
