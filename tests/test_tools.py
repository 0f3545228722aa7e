"""Outside programs are found where the project's set-up put them, never on whatever PATH holds."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from kg import tools
from kg.errors import InputError


def test_the_oxigraph_server_is_the_one_installed_beside_this_interpreter(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH with no tool at all, as on a fresh machine
    monkeypatch.delenv("KG_OXIGRAPH", raising=False)
    binary = tools.oxigraph_server()
    assert binary.parent == tools.scripts_dir()
    done = subprocess.run([str(binary), "--version"], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0 and "oxigraph" in done.stdout.lower()


def test_a_configured_tool_that_is_not_there_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("KG_OXIGRAPH", str(tmp_path / "no-such-oxigraph"))
    with pytest.raises(InputError, match="no-such-oxigraph.*make setup"):
        tools.oxigraph_server()
    monkeypatch.setenv("KG_CHROMIUM", str(tmp_path / "no-such-chromium"))
    with pytest.raises(InputError, match="no-such-chromium.*make browser"):
        tools.chromium()


def test_node_is_the_one_the_set_up_recorded_not_one_on_path(monkeypatch, tmp_path):
    monkeypatch.delenv("KG_NODE", raising=False)
    fake = tmp_path / "bin" / "node"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\necho v0\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(fake.parent))
    modules = tmp_path / "node_modules"
    modules.mkdir()
    assert tools.node(modules) is None, "a node on PATH that the set-up did not record is not used"
    (modules / tools.NODE_RECORD).write_text(f"{fake}\n")
    assert tools.node(modules) == fake


def test_make_setup_recorded_a_working_node():
    modules = Path(__file__).resolve().parents[1] / "node_modules"
    node = tools.node(modules)
    assert node is not None, f"make setup writes {modules / tools.NODE_RECORD}"
    done = subprocess.run([str(node), "--version"], capture_output=True, text=True, timeout=30)
    assert done.stdout.startswith("v")
