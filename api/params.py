"""Query parameters a route does not declare are refused (422 naming them and the known ones),
never silently ignored: a typo in `limt=` must not return the default page."""

from __future__ import annotations

from fastapi import Request
from fastapi.dependencies.models import Dependant

from kg.errors import ParameterError


def _names(dependant: Dependant) -> set[str]:
    found = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        found |= _names(sub)
    return found


def known_parameters(request: Request) -> None:
    """A route dependency: 422 for a query parameter the route does not take."""
    dependant = getattr(request.scope.get("route"), "dependant", None)
    if dependant is None:
        return
    known = _names(dependant)
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        raise ParameterError(
            f"unknown query parameter {', '.join(unknown)} on {request.url.path}; "
            f"it takes: {', '.join(sorted(known)) or 'no parameters'}",
            parameter=unknown[0],
        )
