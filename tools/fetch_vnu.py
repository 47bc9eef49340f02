"""Fetch the Nu HTML Checker (vnu.jar, the W3C validator) for the markup test, never for the site.

`npm pack vnu-jar@<pin>` into `.venv/vnu/` (git-ignored with the rest of .venv) when the jar is
missing; print its path. tests/test_lezers_markup.py runs it once over every built page (Java 11+).

Usage: python tools/fetch_vnu.py   (prints the path; exit 1 with a message if npm fails)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from npm_fetch import NpmFetchError, fetch_member  # noqa: E402

VNU_VERSION = "26.9.27"

ROOT = Path(__file__).resolve().parent.parent
VNU_DIR = ROOT / ".venv" / "vnu"
VnuFetchError = NpmFetchError


def vnu_path(version: str = VNU_VERSION) -> Path:
    return VNU_DIR / version / "vnu.jar"


def fetch_vnu(version: str = VNU_VERSION) -> Path:
    """Return the path of vnu.jar for ``version``, fetching it with npm when missing."""
    return fetch_member("vnu-jar", version, "package/build/dist/vnu.jar", vnu_path(version),
                        purpose="the markup test", looks_right=lambda p: p.stat().st_size >= 1_000_000)


def main() -> None:
    try:
        print(fetch_vnu())
    except NpmFetchError as exc:
        sys.exit(str(exc))


if __name__ == "__main__":
    main()
