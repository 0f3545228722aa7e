"""The query workers: a crash, a run past the time limit or past the memory limit ends only the
worker (and at once); a full pool says so; the pool goes on answering."""

from __future__ import annotations

import ctypes
import os
import threading
import time

import pytest

from api.workers import WorkerPool
from kg.errors import Busy, MemoryLimit, NotFound, QueryFailed, QueryTimeout


def job(payload: str) -> object:
    if payload == "crash":
        ctypes.string_at(0)  # a segfault, as pyoxigraph's parser gave on deep nesting
    if payload == "sleep":
        time.sleep(30)
    if payload == "memory":
        return len(bytearray(2 << 30))
    if payload == "missing":
        raise NotFound("no such thing")
    return (payload, os.getpid())


@pytest.fixture
def pool():
    running = WorkerPool(job, size=1, timeout=1.0, memory_mb=256, wait=0.3)
    yield running
    running.close()


def test_a_crash_ends_only_the_worker(pool):
    _, first = pool.run("hi")
    with pytest.raises(QueryFailed):
        pool.run("crash")
    answer, second = pool.run("hi")
    assert answer == "hi" and second != first and second != os.getpid()


def test_the_time_limit_stops_the_work(pool):
    _, pid = pool.run("hi")
    start = time.monotonic()
    with pytest.raises(QueryTimeout, match="time limit of 1 s"):
        pool.run("sleep")
    assert time.monotonic() - start < 2.0
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # gone, not left running
    assert pool.run("hi")[0] == "hi"


def test_the_memory_limit_stops_the_work(pool):
    with pytest.raises(MemoryLimit, match="256 MB"):
        pool.run("memory")
    assert pool.run("hi")[0] == "hi"


def test_errors_keep_their_status_and_message(pool):
    with pytest.raises(Exception) as caught:
        pool.run("missing")
    assert caught.value.http_status == 404 and caught.value.message == "no such thing"


def test_a_full_pool_is_busy(pool):
    blocker = threading.Thread(target=lambda: pytest.raises(QueryTimeout, pool.run, "sleep"))
    blocker.start()
    time.sleep(0.2)
    with pytest.raises(Busy, match="KG_QUERY_WORKERS"):
        pool.run("hi")
    blocker.join()
    assert pool.run("hi")[0] == "hi"
