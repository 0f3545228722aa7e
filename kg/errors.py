"""One error hierarchy. The CLI maps it to exit codes, the API to HTTP status and one JSON shape."""

from __future__ import annotations


class KGError(Exception):
    """Base of every error a user can cause; `message` is safe to show."""

    exit_code = 2
    http_status = 400
    code = "error"

    def __init__(self, message: str, **details: object) -> None:
        super().__init__(message)
        self.message = message
        self.details = {k: v for k, v in details.items() if v is not None}

    def to_dict(self) -> dict[str, object]:
        return {"error": self.code, "message": self.message, **self.details}


class InputError(KGError):
    """Input that cannot be read at all: missing file, bad encoding, binary data, too large."""

    code = "bad_input"


class ParseError(InputError):
    """Malformed RDF or SPARQL; carries file, line and column where known."""

    code = "parse_error"

    def __init__(
        self, message: str, *, file: str | None = None, line: int | None = None, column: int | None = None
    ) -> None:
        where = ":".join(str(p) for p in (file, line, column) if p is not None)
        super().__init__(f"{where}: {message}" if where else message, file=file, line=line, column=column)


class QuerySyntaxError(ParseError):
    """A SPARQL query that does not parse."""

    code = "query_syntax"


class ValidationFailed(KGError):
    """The data does not conform to the shapes; `report` lists the results."""

    exit_code = 1
    http_status = 422
    code = "shape_violation"

    def __init__(self, message: str, report: object) -> None:
        super().__init__(message)
        self.report = report


class NotFound(KGError):
    """An unknown id, stored query or resource."""

    http_status = 404
    code = "not_found"


class ParameterError(KGError):
    """A stored-query parameter that is missing, unknown or of the wrong type."""

    http_status = 422
    code = "bad_parameter"


class Forbidden(KGError):
    """An operation switched off by the settings (update without token, SERVICE calls)."""

    http_status = 403
    code = "forbidden"


class QueryTimeout(KGError):
    """A query that ran past the configured time limit."""

    http_status = 503
    code = "timeout"


class Busy(KGError):
    """Every query worker is taken for longer than the server waits for one."""

    http_status = 503
    code = "busy"


class MemoryLimit(KGError):
    """A query whose worker grew past the per-query memory limit."""

    http_status = 503
    code = "memory_limit"


class QueryFailed(KGError):
    """A query that took down the worker process running it (the server runs on)."""

    http_status = 503
    code = "query_failed"


class BackendError(KGError):
    """The remote SPARQL server failed or could not be reached."""

    http_status = 502
    code = "backend_error"
