"""Killing a real `kg` process with SIGKILL at chosen moments, and checking what it leaves.

A moment is the n-th file-system step of the process under a folder (an open, rename, symlink,
mkdir or removal, seen through Python's audit hooks), or a time after its first fork (when the
build's validation workers are up). The process kills itself there with SIGKILL: as abrupt as a
`kill -9` from outside, and at a known step.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

KILLER = r"""
import os, signal, sys, threading
mode, arg, watched, log = os.environ["KG_TEST_KILL"].split("|")
events = {"open", "os.rename", "os.symlink", "os.mkdir", "os.remove", "os.rmdir", "shutil.rmtree"}
seen = [0]
out = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND) if log else None

def hook(event, args):
    if mode == "fork" and event == "os.fork" and seen[0] == 0:
        seen[0] = 1
        threading.Timer(float(arg), os.kill, (os.getpid(), signal.SIGKILL)).start()
    if event not in events or not args or not isinstance(args[0], (str, bytes, os.PathLike)):
        return
    if not os.fsdecode(args[0]).startswith(watched) or os.getpid() != PID:
        return
    seen[0] += 1
    if out is not None:
        os.write(out, f"{seen[0]} {event} {os.fsdecode(args[0])}\n".encode())
    if mode == "step" and seen[0] == int(arg):
        os.kill(os.getpid(), signal.SIGKILL)

PID = os.getpid()
if mode == "time":
    threading.Timer(float(arg), os.kill, (PID, signal.SIGKILL)).start()
sys.addaudithook(hook)
from kg.cli import main
sys.exit(main(sys.argv[1:]))
"""


def run_killed(
    argv: list[str], env: dict[str, str], mode: str, arg: str, watched: Path, log: Path | None = None
) -> tuple[int, str]:
    """Run `kg ARGV` and kill it at the moment (`step`, n), (`time`, seconds after start) or
    (`fork`, seconds after the first fork); (`count`, "") runs it to the end, logging each step.
    Its exit status and stderr (waits for the process only, not for orphans it may leave)."""
    import tempfile

    spec = "|".join([mode, arg, str(watched), str(log or "")])
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            [sys.executable, "-c", KILLER, *argv],
            env={**os.environ, **env, "KG_TEST_KILL": spec, "PYTHONPATH": str(ROOT)},
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
        code = proc.wait(120)
        err.seek(0)
        return code, err.read().decode(errors="replace")


def processes_with(variable: str, value: str) -> list[int]:
    """Live processes whose environment has variable=value (orphans of a killed run)."""
    needle = f"{variable}={value}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            environ = (entry / "environ").read_bytes().split(b"\0")
            state = (entry / "stat").read_text().split(") ")[-1][:1]
        except OSError:
            continue
        if needle in environ and state != "Z":
            found.append(int(entry.name))
    return found


def served_count(env: dict[str, str], query: str) -> int:
    """Start a real `kg serve`, ask it `query` (a single COUNT) and stop it."""
    import socket
    import time

    import httpx

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", "--port", str(port)],
        env={**os.environ, **env, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(300):
            try:
                answer = httpx.get(
                    f"http://127.0.0.1:{port}/sparql",
                    params={"query": query},
                    headers={"accept": "application/sparql-results+json"},
                    timeout=2,
                )
                return int(answer.json()["results"]["bindings"][0]["n"]["value"])
            except httpx.TransportError:
                assert proc.poll() is None, proc.stdout.read().decode()[-2000:]  # type: ignore[union-attr]
                time.sleep(0.1)
        raise AssertionError("kg serve did not answer within 30 s")
    finally:
        proc.terminate()
        proc.wait(10)
