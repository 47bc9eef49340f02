"""The package keeps its floors and its lint: what `make lint` checks, the suite checks too.

- One werkzorg Sphinx extension in `_config.yml`; it sets up every other werkzorg piece, so an
  import graph sees them all.
- import-linter contracts (pyproject.toml): only the Sphinx layer imports Sphinx or docutils, and
  the layers import downward only.
- ruff (pyflakes, pycodestyle, bugbear, pyupgrade, import order) and codespell over the code
  and the developer docs.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _run(tool: str, *args: str) -> subprocess.CompletedProcess:
    exe = BIN / tool
    if not exe.exists():
        exe = shutil.which(tool)
    if exe is None:
        pytest.fail(f"{tool} is not installed; it is pinned in requirements.txt (make venv)")
    return subprocess.run([str(exe), *args], cwd=ROOT, capture_output=True, text=True)


def test_config_names_one_werkzorg_extension():
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    ours = [e for e in config["sphinx"]["extra_extensions"] if e.startswith("werkzorg")]
    assert ours == ["werkzorg.sphinxext"]


def test_import_contracts_are_kept():
    result = _run("lint-imports")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_finds_nothing():
    result = _run("ruff", "check", "--no-cache", "src", "tests", "tools")
    assert result.returncode == 0, result.stdout + result.stderr


def test_codespell_finds_nothing_in_code_and_developer_docs():
    result = _run("codespell", "src", "tests", "tools", "Makefile", "CONTRIBUTING.md")
    assert result.returncode == 0, result.stdout + result.stderr
