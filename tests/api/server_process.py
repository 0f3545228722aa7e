"""`kg serve` as a real process on a free loopback port, with what the hostile tests measure:
its memory (with its query workers) and its CPU time."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from kg.settings import Settings

SIMPLE = "ASK { ?s ?p ?o }"


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found += [int(c) for c in task.read_text().split()]
    return found


def _pss_kb(pid: int) -> int:
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    return next(int(line.split()[1]) for line in text.splitlines() if line.startswith("Pss:"))


def _cpu_ticks(pid: int) -> int:
    """utime + stime of `pid` and of its reaped children."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return sum(int(v) for v in fields[11:15])


class ServerProcess:
    def __init__(self, settings: Settings, **env: str) -> None:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "KG_BASE": settings.base,
            "KG_BUILD_DIR": str(settings.build_dir),
            "KG_SOURCE_DIR": str(settings.source_dir),
            "KG_SEEDS": str(settings.seeds),
            **env,
        }
        self.client = httpx.Client(base_url=self.url, timeout=60)

    def __enter__(self) -> ServerProcess:
        self.output = tempfile.TemporaryFile()  # a pipe would fill up with the access log
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kg", "serve", "--port", str(self.port)],
            env=self.env,
            stdout=self.output,
            stderr=subprocess.STDOUT,
        )
        for _ in range(300):
            try:
                self.client.get("/sparql", params={"query": SIMPLE})
                return self
            except httpx.TransportError:
                if self.proc.poll() is not None:
                    raise RuntimeError(self.log()[-2000:]) from None
                time.sleep(0.1)
        raise RuntimeError("the server did not answer within 30 s")

    def __exit__(self, *exc) -> None:
        self.client.close()
        self.proc.terminate()
        self.proc.wait(10)
        self.output.close()

    def log(self) -> str:
        self.output.seek(0)
        return self.output.read().decode(errors="replace")

    def alive(self) -> bool:
        return self.proc.poll() is None

    def memory_mb(self) -> float:
        """Proportional memory of the server and its workers (shared pages counted once)."""
        pids = [self.proc.pid, *_children(self.proc.pid)]
        return sum(_pss_kb(p) for p in pids) / 1024

    def cpu_seconds(self) -> float:
        pids = [self.proc.pid, *_children(self.proc.pid)]
        return sum(_cpu_ticks(p) for p in pids) / os.sysconf("SC_CLK_TCK")

    def seconds_until_idle(self, limit: float = 10.0, window: float = 0.25) -> float:
        """Seconds until the server uses under 10% of a core over `window`."""
        start = time.monotonic()
        while time.monotonic() - start < limit:
            before = self.cpu_seconds()
            time.sleep(window)
            if self.cpu_seconds() - before < 0.1 * window:
                return time.monotonic() - start - window
        return limit

    def simple_query_ms(self) -> float:
        start = time.perf_counter()
        response = self.client.get("/sparql", params={"query": SIMPLE})
        elapsed = (time.perf_counter() - start) * 1000
        assert response.status_code == 200 and response.json()["boolean"] is True, response.text
        return elapsed
