"""Fetch HTML_CodeSniffer (the rule engine behind pa11y) for the browser tests, never for the site.

`npm pack html_codesniffer@<pin>` into `.venv/htmlcs/` (git-ignored with the rest of .venv) when
the file is missing; the bundle is checked against the sha256 recorded here, so a changed package
never runs unnoticed. Print the path of `HTMLCS.js`. The published site never loads it: only
tests/browser/test_every_page.py injects it into pages it has opened and runs the WCAG2AA standard,
as pa11y does.

To upgrade: change HTMLCS_VERSION, delete .venv/htmlcs, run this script (it stops and prints the
new checksum), record the checksum, run tests/browser/test_every_page.py.

Usage: python tools/fetch_htmlcs.py   (prints the path; exit 1 with a message if npm fails)
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from npm_fetch import NpmFetchError, fetch_member  # noqa: E402

HTMLCS_VERSION = "2.5.1"
#: sha256 of package/build/HTMLCS.js in html_codesniffer 2.5.1 as npm serves it.
HTMLCS_SHA256 = "bc9501382a35bff6acfc255945b1ed732fcec544cfcaeec17b5ac8d79a6c7967"

ROOT = Path(__file__).resolve().parent.parent
HTMLCS_DIR = ROOT / ".venv" / "htmlcs"
HtmlcsFetchError = NpmFetchError


def htmlcs_path(version: str = HTMLCS_VERSION) -> Path:
    return HTMLCS_DIR / version / "HTMLCS.js"


def _checksum_matches(path: Path) -> bool:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != HTMLCS_SHA256:
        print(f"html_codesniffer {HTMLCS_VERSION}: HTMLCS.js has sha256 {digest}, "
              f"recorded {HTMLCS_SHA256}", file=sys.stderr)
        return False
    return True


def fetch_htmlcs(version: str = HTMLCS_VERSION) -> Path:
    """Return the path of HTMLCS.js for ``version``, fetching it with npm when missing."""
    path = fetch_member("html_codesniffer", version, "package/build/HTMLCS.js", htmlcs_path(version),
                        purpose="the WCAG2AA test", looks_right=_checksum_matches)
    if not _checksum_matches(path):
        raise NpmFetchError(f"{path} differs from the recorded checksum; delete it and fetch again")
    return path


def main() -> None:
    try:
        print(fetch_htmlcs())
    except NpmFetchError as exc:
        sys.exit(str(exc))


if __name__ == "__main__":
    main()
