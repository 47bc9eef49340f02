"""Fetch axe-core (the accessibility rule engine) for the browser tests, never for the site.

`npm pack axe-core@<pin>` into `.venv/axe/` (git-ignored with the rest of .venv) when the
file is missing; print the path of `axe.min.js`. The published site never loads axe: only
tests/browser/test_accessibility.py injects it into pages it has opened.

Usage: python tools/fetch_axe.py   (prints the path; exit 1 with a message if npm fails)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

AXE_VERSION = "4.10.3"

ROOT = Path(__file__).resolve().parent.parent
AXE_DIR = ROOT / ".venv" / "axe"


class AxeFetchError(RuntimeError):
    """npm is missing or could not fetch the pinned axe-core package."""


def axe_path(version: str = AXE_VERSION) -> Path:
    return AXE_DIR / version / "axe.min.js"


def fetch_axe(version: str = AXE_VERSION) -> Path:
    """Return the path of axe.min.js for ``version``, fetching it with npm when missing."""
    target = axe_path(version)
    if target.is_file():
        return target
    npm = shutil.which("npm")
    if npm is None:
        raise AxeFetchError("npm is needed to fetch axe-core for the accessibility tests (Debian: apt-get install npm)")
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        proc = subprocess.run(
            [npm, "pack", f"axe-core@{version}", "--silent"],
            cwd=tmpdir, capture_output=True, text=True,
        )
        if proc.returncode != 0:
            raise AxeFetchError(f"`npm pack axe-core@{version}` failed:\n{proc.stderr.strip()}")
        tarball = tmpdir / proc.stdout.strip().splitlines()[-1]
        with tarfile.open(tarball) as tar:
            member = tar.getmember("package/axe.min.js")
            data = tar.extractfile(member).read()
    if b"axe" not in data[:2000] or len(data) < 100_000:
        raise AxeFetchError(f"axe-core@{version}: package/axe.min.js looks wrong ({len(data)} bytes)")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".js.part")
    partial.write_bytes(data)
    partial.replace(target)  # atomic: a half-written file never counts as present
    return target


def main() -> None:
    try:
        print(fetch_axe())
    except AxeFetchError as exc:
        sys.exit(str(exc))


if __name__ == "__main__":
    main()
