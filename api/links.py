"""Links a user follows stay on the server that answered; identifiers stay names under KG_BASE.

An identifier (`{KG_BASE}id/organisation/actiz`) is a name and never changes with the server
that shows it. A link is where a click goes: on whatever host, port and path prefix the request
came in on. HTML pages link relative to the server root (`{root_path}/id/...`); JSON answers
give absolute links on the request's own base URL, so a client can follow them as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from api.deps import SettingsDep


@dataclass(frozen=True)
class Links:
    base: str  # the identifiers' base (KG_BASE)
    server: str  # where this request's links go: an absolute base URL or a root path, ending in "/"

    @classmethod
    def absolute(cls, request: Request, base: str) -> Links:
        """Absolute links on the request's base URL (host, port and root path as the client used)."""
        return cls(base, str(request.base_url))

    @classmethod
    def relative(cls, request: Request, base: str) -> Links:
        """Links from the server root, for HTML pages: `/id/...`, or `/prefix/id/...` behind a proxy."""
        return cls(base, request.scope.get("root_path", "").rstrip("/") + "/")

    def href(self, iri: str) -> str:
        """Where an IRI opens: our identifiers on this server, anything else as it is."""
        return self.server + iri[len(self.base) :] if iri.startswith(self.base) else iri

    def path(self, path: str) -> str:
        """A path of this service (`api/v1/laws`, `sparql`) as a link."""
        return self.server + path.lstrip("/")


def get_links(request: Request, settings: SettingsDep) -> Links:
    return Links.absolute(request, settings.base)


LinksDep = Annotated[Links, Depends(get_links)]
