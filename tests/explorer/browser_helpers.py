"""Headless Chromium (Debian's /usr/bin/chromium, driven by Playwright) and a live server for the
explorer's end-to-end tests. A missing browser fails the tests with a clear message."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.tools import chromium

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def launch(playwright):
    try:
        executable = chromium()
    except InputError as missing:
        pytest.fail(missing.message)
    return playwright.chromium.launch(executable_path=str(executable), args=ARGS)


class Page:
    """A page that records script errors and dialogs (a dialog would mean injected script ran)."""

    def __init__(self, browser, width: int = 1400, height: int = 900) -> None:
        # The page's Content-Security-Policy forbids eval, which Playwright's polling uses; the tests
        # bypass it, so the hostile-label test proves the escaping without leaning on the CSP.
        self.context = browser.new_context(
            viewport={"width": width, "height": height}, accept_downloads=True, bypass_csp=True
        )
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))

    def open(self, url: str, ready: bool = True):
        self.page.goto(url)
        if ready:
            self.page.wait_for_function("document.body.dataset.ready === 'true'", timeout=15_000)
        return self.page

    def close(self) -> None:
        self.context.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(app):
    """The ASGI app on a free loopback port, in a thread, for the duration of the block."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def node_point(page, node_id: str) -> tuple[float, float]:
    """Where a node is drawn on the screen (page coordinates), once the camera has stopped moving."""
    page.wait_for_function("!KGX.app.graph.renderer.getCamera().isAnimated()")
    return tuple(
        page.evaluate(
            """(id) => {
        const app = KGX.app, key = String(app.index.get(id)), renderer = app.graph.renderer;
        const at = renderer.framedGraphToViewport(renderer.getNodeDisplayData(key));
        const box = document.getElementById('graph').getBoundingClientRect();
        return [box.left + at.x, box.top + at.y];
    }""",
            node_id,
        )
    )


def screenshot(page, tmp_path: Path, name: str) -> Path:
    """A screenshot in tmp_path (and in KG_SCREENSHOT_DIR when set, to look at after the run)."""
    target = tmp_path / f"{name}.png"
    page.screenshot(path=str(target))
    extra = os.environ.get("KG_SCREENSHOT_DIR")
    if extra:
        Path(extra).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(target, Path(extra) / target.name)
    return target
