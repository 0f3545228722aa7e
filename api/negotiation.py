"""Content negotiation: the best offered media type for an Accept header (q-values, wildcards)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from fastapi import Request

from kg.errors import KGError

JSON_TYPES = ("application/json", "application/ld+json")


class NotAcceptable(KGError):
    http_status = 406
    code = "not_acceptable"


def parse_accept(accept: str | None) -> list[tuple[str, float]]:
    """Media ranges of an Accept header with their q-values, best first (stable for ties)."""
    ranges = []
    for position, part in enumerate((accept or "*/*").split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for param in fields[1:]:
            name, _, raw = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(raw)))
                except ValueError:
                    q = 1.0  # a q-value that is no number: as if none was given
        ranges.append((media, q, position))
    ranges.sort(key=lambda r: (-r[1], r[2]))
    return [(media, q) for media, q, _ in ranges]


def negotiate(accept: str | None, offered: Sequence[str]) -> str | None:
    """The first offered type the client accepts best; None when it accepts none of them.

    An exact media type wins over `type/*`, which wins over `*/*` at the same q-value.
    """
    best: tuple[float, int, int, str] | None = None
    for media, q in parse_accept(accept):
        if q <= 0:
            continue
        for index, candidate in enumerate(offered):
            main = candidate.split("/")[0]
            specificity = (
                2 if media == candidate else 1 if media == f"{main}/*" else 0 if media == "*/*" else -1
            )
            if specificity < 0:
                continue
            key = (q, specificity, -index, candidate)
            if best is None or key[:3] > best[:3]:
                best = key
    return best[3] if best else None


def wants_html(accept: str | None) -> bool:
    """A browser: text/html accepted at least as well as any RDF or JSON type."""
    return negotiate(
        accept, ["text/html", "application/json", "text/turtle", "application/ld+json"]
    ) == "text/html" and "text/html" in (accept or "")


def acceptable(offered: Sequence[str]) -> Callable[[Request], None]:
    """A route dependency: 406 when the Accept header allows none of `offered` (unless the
    request chooses with ?format=). A browser asking for HTML gets the JSON, which it shows."""
    allowed = [*offered, "text/html"]

    def check(request: Request) -> None:
        accept = request.headers.get("accept")
        if accept and "format" not in request.query_params and negotiate(accept, allowed) is None:
            raise NotAcceptable(f"cannot answer in {accept}; offered: {', '.join(offered)}")

    return check
