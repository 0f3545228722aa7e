"""`kg serve` builds a missing dataset and serves the app (a real process on a free port)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time

import httpx
import pytest
from app_helpers import BASE, make_source_dir
from server_process import ServerProcess

from kg.build import build
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
        assert (build_dir / "dataset.nq").is_file() and not needs_build(settings)
    finally:
        proc.terminate()
        proc.wait(10)


def test_kg_serve_keeps_serving_the_last_good_build_when_the_sources_break(tmp_path, seeds):
    source = make_source_dir(tmp_path)
    settings = Settings(base=BASE, source_dir=source, build_dir=tmp_path / "build", seeds=seeds)
    build(settings)
    (source / "kg" / "data" / "broken.trig").write_text("GRAPH <graph/x> { <a> <b> ", encoding="utf-8")
    assert needs_build(settings)
    with ServerProcess(settings) as server:
        assert server.client.get("/api/v1/laws").json()["total"] >= 3
        assert "serving the last good build" in server.log() and "broken.trig" in server.log()


def test_a_deleted_data_file_means_a_new_build(tmp_path, seeds):
    source = make_source_dir(tmp_path, ("hlo-2025.trig", "external-identifiers.trig"))
    settings = Settings(base=BASE, source_dir=source, build_dir=tmp_path / "build", seeds=seeds)
    build(settings)
    assert not needs_build(settings)
    (source / "kg" / "data" / "external-identifiers.trig").unlink()
    assert needs_build(settings)


def test_a_request_line_over_128_kb_gets_the_json_error_shape(built):
    with ServerProcess(built) as server:
        for size, status in ((200_000, b"200"), (300_000, b"400"), (1_500_000, b"413")):
            with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
                sock.sendall(
                    b"GET /sparql?query=ASK%7B%7D%23" + b"x" * size + b" HTTP/1.1\r\nHost: a\r\n\r\n"
                )
                head, _, body = receive(sock).partition(b"\r\n\r\n")
            assert head.split()[1] == status and b"json" in head, head  # never h11's text/plain 400
            assert json.loads(body).get("error", "") in ("", "bad_input", "too_large")


def receive(sock: socket.socket) -> bytes:
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        length = next(
            (
                int(v)
                for k, _, v in (h.partition(b": ") for h in head.split(b"\r\n"))
                if k.lower() == b"content-length"
            ),
            None,
        )
        if length is not None and len(body) >= length:
            break
    return data
