"""Fetch axe-core (the accessibility rule engine) for the browser tests, never for the site.

`npm pack axe-core@<pin>` into `.venv/axe/` (git-ignored with the rest of .venv) when the
file is missing; print the path of `axe.min.js`. The published site never loads axe: only
tests/browser/test_every_page.py (every page) and test_mobiel.py inject it into pages they have opened.

Usage: python tools/fetch_axe.py   (prints the path; exit 1 with a message if npm fails)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from npm_fetch import NpmFetchError, fetch_member  # noqa: E402

#: 4.14 runs the same rules on this book in under half the CPU time of 4.10 (axe-core's
#: performance work of 2026, dequelabs/axe-core issue 5293), with the same findings.
AXE_VERSION = "4.14.1"

ROOT = Path(__file__).resolve().parent.parent
AXE_DIR = ROOT / ".venv" / "axe"
AxeFetchError = NpmFetchError


def axe_path(version: str = AXE_VERSION) -> Path:
    return AXE_DIR / version / "axe.min.js"


def _looks_like_axe(path: Path) -> bool:
    data = path.read_bytes()
    return b"axe" in data[:2000] and len(data) >= 100_000


def fetch_axe(version: str = AXE_VERSION) -> Path:
    """Return the path of axe.min.js for ``version``, fetching it with npm when missing."""
    return fetch_member("axe-core", version, "package/axe.min.js", axe_path(version),
                        purpose="the accessibility tests", looks_right=_looks_like_axe)


def main() -> None:
    try:
        print(fetch_axe())
    except NpmFetchError as exc:
        sys.exit(str(exc))


if __name__ == "__main__":
    main()
