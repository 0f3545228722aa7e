"""`kg serve` builds a missing dataset and serves the app (a real process on a free port)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx
import pytest
from app_helpers import BASE, make_source_dir

from kg.serve_cmd import needs_build
from kg.settings import Settings

pytestmark = pytest.mark.slow


def test_kg_serve_builds_then_serves(tmp_path, seeds):
    (tmp_path / "src").mkdir()
    source = make_source_dir(tmp_path / "src")
    build_dir = tmp_path / "build"
    settings = Settings(base=BASE, source_dir=source, build_dir=build_dir)
    assert needs_build(settings)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {
        **os.environ,
        "KG_SOURCE_DIR": str(source),
        "KG_BUILD_DIR": str(build_dir),
        "KG_BASE": BASE,
        "KG_SEEDS": str(seeds),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(300):
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/v1/laws", timeout=1)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stdout.read().decode()[-2000:]
                time.sleep(0.1)
        else:
            pytest.fail("kg serve did not answer within 30 s")
        assert response.status_code == 200 and response.json()["total"] >= 3
        assert settings.dataset_path.is_file() and not needs_build(settings)
    finally:
        proc.terminate()
        proc.wait(10)
