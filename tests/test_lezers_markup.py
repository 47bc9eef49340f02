"""Valid markup on every built page: the W3C Nu HTML Checker (vnu.jar, fetched at test time
with npm by tools/fetch_vnu.py, like axe-core for the accessibility test) reports no error.

All pages go to one run of the checker (one Java start), so the test stays short. Warnings
and info messages are not errors and are not counted."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parent.parent
SKIP_PREFIXES = ("_static/", "vendor/", "@jupyter-widgets/", "reports/", "_sources/")


def _vnu() -> Path:
    spec = importlib.util.spec_from_file_location("fetch_vnu", ROOT / "tools" / "fetch_vnu.py")
    fetch = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fetch)
    try:
        return fetch.fetch_vnu()
    except fetch.VnuFetchError as exc:
        pytest.fail(str(exc), pytrace=False)


def _pages(built_site: Path) -> list[Path]:
    return [p for p in sorted(built_site.rglob("*.html"))
            if not p.relative_to(built_site).as_posix().startswith(SKIP_PREFIXES)]


def test_the_html_checker_finds_no_error_on_any_page(built_site):
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is needed for the HTML checker (Debian: apt-get install default-jre-headless)", pytrace=False)
    pages = _pages(built_site)
    assert len(pages) >= 60
    proc = subprocess.run(
        [java, "-Xss4m", "-jar", str(_vnu()), "--errors-only", "--format", "json", *map(str, pages)],
        capture_output=True, text=True, timeout=600,
    )
    report = json.loads(proc.stderr or proc.stdout or '{"messages": []}')
    errors = [m for m in report.get("messages", []) if m.get("type") == "error"]
    lines = []
    for m in errors:
        where = Path(m.get("url", "").removeprefix("file:")).as_posix()
        where = where.split("/_build/html/", 1)[-1] if "/_build/html/" in where else where
        lines.append(f"{where}:{m.get('lastLine', '?')}: {m.get('message')}")
    by_message: dict[str, int] = {}
    for m in errors:
        by_message[m.get("message", "")] = by_message.get(m.get("message", ""), 0) + 1
    summary = "\n".join(f"{n}× {msg}" for msg, n in sorted(by_message.items(), key=lambda x: -x[1]))
    assert not errors, f"{len(errors)} error(s) from the HTML checker:\n{summary}\n\n" + "\n".join(lines[:80])
