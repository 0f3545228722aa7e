"""Helpers for the API tests: a source folder with some of the data, a client over a built graph."""

from __future__ import annotations

import shutil
from pathlib import Path

from fastapi.testclient import TestClient

from api.app import create_app
from kg.service import open_store
from kg.settings import ROOT, Settings

BASE = "http://localhost:8000/"


def make_source_dir(folder: Path, data_files: tuple[str, ...] = ("hlo-2025.trig",)) -> Path:
    """A source folder: links to ontology/, shapes/ and queries/, copies of some data files."""
    for name in ("ontology", "shapes", "queries"):
        (folder / name).symlink_to(ROOT / name, target_is_directory=True)
    (folder / "kg" / "data").mkdir(parents=True)
    for name in data_files:
        shutil.copy(ROOT / "kg" / "data" / name, folder / "kg" / "data" / name)
    return folder


def client_for(settings: Settings, **overrides) -> TestClient:
    """A test client of a fresh app over the built graph of `settings`, with `overrides`."""
    settings = Settings(**{**settings.__dict__, **overrides})
    return TestClient(create_app(settings, open_store(settings)), raise_server_exceptions=False)


class LiveServer:
    """The app served by a real uvicorn on a free loopback port, in a thread."""

    def __init__(self, app) -> None:
        import socket

        import uvicorn

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        )

    def __enter__(self) -> LiveServer:
        import threading
        import time

        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        for _ in range(200):
            if self.server.started:
                return self
            time.sleep(0.05)
        raise RuntimeError("uvicorn did not start within 10 s")

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)
