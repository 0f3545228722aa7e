"""Settings: one frozen object, read from KG_* environment variables when asked for."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: name -> what it sets; the README documents exactly these (a test checks).
DOCUMENTED = {
    "KG_BASE": "base IRI of all identifiers (default http://localhost:8000/)",
    "KG_BUILD_DIR": "folder of the built dataset (default ./build)",
    "KG_SOURCE_DIR": "folder holding ontology/, shapes/, kg/data/ and queries/ (default: the repo)",
    "KG_SEEDS": "folder with the source letters, for links to their text (default ../shared/seeds)",
    "KG_CORPUS": "folder with the ingested documents' texts, served too (default ../shared/corpus)",
    "KG_SPARQL_ENDPOINT": "query URL of a remote SPARQL 1.1 server; unset = embedded store",
    "KG_SPARQL_UPDATE_ENDPOINT": "update URL of the remote server (default: the query URL)",
    "KG_GSP_ENDPOINT": "Graph Store Protocol URL of the remote server (default: derived)",
    "KG_QUERY_TIMEOUT": "seconds a query may run (default 10)",
    "KG_MAX_ROWS": "row cap of query answers (default 10000)",
    "KG_UPDATE_TOKEN": "bearer token that enables SPARQL update; unset = read-only",
    "KG_ALLOW_SERVICE": "1 to allow federated SERVICE calls (default off)",
    "KG_CORS_ORIGINS": "comma-separated origins allowed by CORS (default *)",
    "KG_MAX_REQUEST_BYTES": "largest request body accepted (default 1000000)",
    "KG_MAX_QUERY_BYTES": "largest SPARQL query or update text accepted (default 262144)",
    "KG_QUERY_WORKERS": "ad-hoc SPARQL queries running at once, each in its own process (default 2)",
    "KG_QUERY_MEMORY_MB": "memory one ad-hoc SPARQL query may take before it is stopped (default 1024)",
    "KG_WRITABLE_GRAPHS": "comma-separated graphs updates may write (default graph/notes)",
}


def _bool(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _number(name: str, raw: str, kind: type) -> int | float:
    """The value of a numeric setting; a clear error naming the variable when it is not one."""
    from kg.errors import InputError

    try:
        return kind(raw)
    except ValueError:
        what = "a whole number" if kind is int else "a number"
        raise InputError(f"setting {name} must be {what}, got {raw!r}", setting=name) from None


@dataclass(frozen=True)
class Settings:
    """Everything configurable, with defaults that run the project from a fresh clone."""

    base: str = "http://localhost:8000/"
    build_dir: Path = field(default_factory=lambda: ROOT / "build")
    source_dir: Path = ROOT
    seeds: Path = field(default_factory=lambda: ROOT.parent / "shared" / "seeds")
    corpus: Path = field(default_factory=lambda: ROOT.parent / "shared" / "corpus")
    sparql_endpoint: str | None = None
    sparql_update_endpoint: str | None = None
    gsp_endpoint: str | None = None
    query_timeout: float = 10.0
    max_rows: int = 10_000
    update_token: str | None = None
    allow_service: bool = False
    cors_origins: tuple[str, ...] = ("*",)
    max_request_bytes: int = 1_000_000
    max_query_bytes: int = 262_144
    query_workers: int = 2
    query_memory_mb: int = 1024
    writable_graphs: tuple[str, ...] = ("graph/notes",)

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides: object) -> Settings:
        """Settings from KG_* variables (of `env`, default os.environ), then `overrides`."""
        env = dict(os.environ if env is None else env)
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = env.get(f"KG_{f.name.upper()}")
            if raw is None or raw == "":
                continue
            default = getattr(cls(), f.name)
            if isinstance(default, bool):
                values[f.name] = _bool(raw)
            elif isinstance(default, int | float):
                values[f.name] = _number(f"KG_{f.name.upper()}", raw, type(default))
            elif isinstance(default, Path):
                values[f.name] = Path(raw)
            elif isinstance(default, tuple):
                values[f.name] = tuple(o.strip() for o in raw.split(",") if o.strip())
            else:
                values[f.name] = raw
        values.update(overrides)
        settings = cls(**values)  # type: ignore[arg-type]
        if not settings.base.endswith(("/", "#")):
            settings = cls(**{**values, "base": settings.base + "/"})  # type: ignore[arg-type]
        return settings

    def source_text(self, name: str) -> Path | None:
        """The text file of a source document named in the graph (seed letter or corpus document)."""
        if not name or "/" in name or "\\" in name or name.startswith("."):
            return None
        for folder in (self.seeds, self.corpus):
            if (folder / name).is_file():
                return folder / name
        return None

    @property
    def writable(self) -> frozenset[str]:
        """The absolute IRIs of the graphs updates may write."""
        import urllib.parse

        return frozenset(urllib.parse.urljoin(self.base, g) for g in self.writable_graphs)

    @property
    def dataset_path(self) -> Path:
        return self.build_dir / "dataset.nq"

    @property
    def ontology_dir(self) -> Path:
        return self.source_dir / "ontology"

    @property
    def shapes_dir(self) -> Path:
        return self.source_dir / "shapes"

    @property
    def data_dir(self) -> Path:
        return self.source_dir / "kg" / "data"

    @property
    def queries_dir(self) -> Path:
        return self.source_dir / "queries"
