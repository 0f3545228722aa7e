"""The README documents every command and setting; every console script imports."""

from __future__ import annotations

import importlib
import tomllib

from kg.cli import COMMANDS, parser
from kg.settings import DOCUMENTED, ROOT, Settings

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_is_documented() -> None:
    parser()  # registers the plugin commands
    missing = [name for name in COMMANDS if f"`kg {name}" not in README]
    assert not missing, f"commands not in README.md: {missing}"


def test_every_setting_is_documented_and_exists() -> None:
    fields = {f"KG_{name.upper()}" for name in Settings.__dataclass_fields__}
    assert set(DOCUMENTED) == fields
    missing = [name for name in DOCUMENTED if f"`{name}`" not in README]
    assert not missing, f"settings not in README.md: {missing}"


def test_readme_gives_the_two_commands() -> None:
    assert "make run" in README and "make test" in README
    makefile = (ROOT / "Makefile").read_text()
    assert "\nrun:" in makefile and "\ntest:" in makefile
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_console_scripts_import() -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    for target in scripts.values():
        module, _, attr = target.partition(":")
        assert callable(getattr(importlib.import_module(module), attr))


def test_settings_from_environment() -> None:
    s = Settings.from_env(
        {
            "KG_BASE": "https://data.example.org",
            "KG_MAX_ROWS": "5",
            "KG_ALLOW_SERVICE": "yes",
            "KG_CORS_ORIGINS": "https://a.nl, https://b.nl",
        }
    )
    assert s.base == "https://data.example.org/" and s.max_rows == 5 and s.allow_service
    assert s.cors_origins == ("https://a.nl", "https://b.nl")
