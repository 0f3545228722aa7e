"""Ad-hoc SPARQL runs in worker processes forked from the server, so it can be stopped.

pyoxigraph cannot cancel a query, and a thread cannot be killed: a query past its time limit
kept a core and its memory after its 503. A worker is a fork of the server (a copy-on-write copy
of the store, nothing loaded again) with a memory limit (RLIMIT_AS); at the time limit it is
killed, and a crash in the parser takes only the worker. At most `size` run at once; a request
that finds them all busy for `wait` seconds gets a 503. After an update the workers are forked
again (their copy is of the old data).
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import resource
import signal
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection, Pipe

from kg.errors import Busy, KGError, MemoryLimit, QueryFailed, QueryTimeout

log = logging.getLogger("kg.api")
STACK_BYTES = 64 << 20  # the worker's thread stack (pyoxigraph's parser recurses)
RETIRE_BYTES = 64 << 20  # a worker whose own memory grew past this is replaced
IDLE_SECONDS = 120  # an idle worker is replaced after this (and ends itself a little later)
_PARENT_ENDS: set[Connection] = set()  # of every live worker, closed in each new child


class WorkerError(KGError):
    """A `KGError` raised in a worker, with its status and body."""

    def __init__(self, status: int, body: dict) -> None:
        details = {k: v for k, v in body.items() if k not in ("error", "message")}
        super().__init__(str(body.get("message", "")), **details)
        self.http_status, self.code = status, str(body.get("error", "error"))


@dataclass(eq=False)
class _Worker:
    pid: int
    conn: Connection
    generation: int
    idle_since: float = 0.0


def _resident_bytes() -> int:
    """Resident memory of this process (statm: cheap enough to read after every query)."""
    with open("/proc/self/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def _serve(conn: Connection, job: Callable[[object], object]) -> None:
    """Answer jobs until the pipe closes; say when this worker grew past RETIRE_BYTES (pages it
    touched anew: what it shares with the server was resident at the fork already)."""
    libc = ctypes.CDLL(None)
    start = _resident_bytes()
    while True:
        try:
            if not conn.poll(IDLE_SECONDS + 30):
                return  # the server forgot this pool (an app no longer served)
            payload = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply: tuple = ("ok", job(payload))
        except KGError as exc:
            reply = ("error", (exc.http_status, exc.to_dict()))
        except MemoryError:
            reply = ("memory", None)
        except Exception:
            reply = ("crash", traceback.format_exc())
        grown = _resident_bytes() - start
        if grown > RETIRE_BYTES // 4:
            with contextlib.suppress(AttributeError):
                libc.malloc_trim(0)
            grown = _resident_bytes() - start
        conn.send((*reply, grown > RETIRE_BYTES))


def _child(conn: Connection, job: Callable[[object], object], memory_bytes: int) -> None:
    for other in _PARENT_ENDS:
        other.close()
    with open("/proc/self/statm", encoding="ascii") as f:
        mapped = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    soft = mapped + STACK_BYTES + memory_bytes
    soft = soft if hard == resource.RLIM_INFINITY else min(soft, hard)
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    threading.stack_size(STACK_BYTES)
    thread = threading.Thread(target=_serve, args=(conn, job))
    thread.start()
    thread.join()


class WorkerPool:
    """Runs `job(payload)` in forked workers: at most `size` at a time, each killed after
    `timeout` seconds or when it needs more than `memory_mb` MB."""

    def __init__(
        self, job: Callable[[object], object], size: int, timeout: float, memory_mb: int, wait: float = 2.0
    ) -> None:
        self.job, self.size, self.timeout, self.memory_mb, self.wait = job, size, timeout, memory_mb, wait
        self._slots = threading.BoundedSemaphore(size)
        self._lock = threading.Lock()
        self._idle: list[_Worker] = []
        self.generation = 0

    def run(self, payload: object, retire: bool = False) -> object:
        """The job's answer (blocking: call it in a thread); `retire`: discard the worker after."""
        if not self._slots.acquire(timeout=self.wait):
            raise Busy(
                f"all {self.size} query workers are busy (KG_QUERY_WORKERS); try again in a few seconds"
            )
        try:
            worker = self._take()
            status, value, grown = self._exchange(worker, payload)
            self._kill(worker) if retire or grown else self._give_back(worker)
        finally:
            self._slots.release()
        if status == "ok":
            return value
        if status == "error":
            raise WorkerError(*value)
        if status == "memory":
            raise self._memory_error()
        raise RuntimeError(f"the query worker failed:\n{value}")

    def _memory_error(self) -> MemoryLimit:
        return MemoryLimit(
            f"the query needed more than the memory limit of {self.memory_mb} MB (KG_QUERY_MEMORY_MB) "
            "and was stopped; narrow it or add LIMIT"
        )

    def _exchange(self, worker: _Worker, payload: object) -> tuple:
        try:
            worker.conn.send(payload)
            ready = worker.conn.poll(self.timeout)
            reply = worker.conn.recv() if ready else None
        except (EOFError, OSError):
            reply, ready = None, True
        if reply is not None:
            return reply
        code = self._kill(worker, force=not ready)
        if not ready:
            raise QueryTimeout(
                f"the query ran past the time limit of {self.timeout:g} s and was stopped; "
                "narrow it or add LIMIT"
            )
        if code == -signal.SIGABRT:  # Rust aborts when an allocation fails (RLIMIT_AS)
            raise self._memory_error()
        log.error("a query worker died (exit status %s)", code)
        raise QueryFailed("the query stopped the process that ran it (too complex); the server runs on")

    def _take(self) -> _Worker:
        with self._lock:
            while self._idle:
                worker = self._idle.pop()
                fresh = time.monotonic() - worker.idle_since < IDLE_SECONDS
                if worker.generation == self.generation and fresh:
                    return worker
                self._kill(worker)
            return self._spawn()

    def _give_back(self, worker: _Worker) -> None:
        worker.idle_since = time.monotonic()
        with self._lock:
            self._idle.append(worker)

    def _spawn(self) -> _Worker:
        parent, child = Pipe()
        pid = os.fork()
        if pid == 0:  # the worker: never returns into the server's code
            code = 0
            try:
                parent.close()
                _child(child, self.job, self.memory_mb << 20)
            except BaseException:
                code = 1
            os._exit(code)
        child.close()
        _PARENT_ENDS.add(parent)
        return _Worker(pid, parent, self.generation)

    def _kill(self, worker: _Worker, force: bool = False) -> int:
        """Stop `worker` (an idle one ends when its pipe closes; `force`: at once) and reap it;
        its exit status (negative: the signal that ended it)."""
        _PARENT_ENDS.discard(worker.conn)
        worker.conn.close()
        if force:
            with contextlib.suppress(ProcessLookupError):
                os.kill(worker.pid, signal.SIGKILL)
        deadline = time.monotonic() + 0.5
        while True:
            pid, status = os.waitpid(worker.pid, os.WNOHANG)
            if pid:
                return os.waitstatus_to_exitcode(status)
            if time.monotonic() > deadline:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(worker.pid, signal.SIGKILL)
                return os.waitstatus_to_exitcode(os.waitpid(worker.pid, 0)[1]) or -signal.SIGKILL
            time.sleep(0.005)

    def refresh(self) -> None:
        """The store changed: later runs get fresh workers."""
        with self._lock:
            self.generation += 1
            stale, self._idle = self._idle, []
        for worker in stale:
            self._kill(worker)

    def close(self) -> None:
        self.refresh()
