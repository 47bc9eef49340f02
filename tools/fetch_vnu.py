"""Fetch the Nu HTML Checker (vnu.jar, the W3C validator) for the markup test, never for the site.

`npm pack vnu-jar@<pin>` into `.venv/vnu/` (git-ignored with the rest of .venv) when the jar is
missing; print its path. tests/test_lezers_markup.py runs it once over every built page (Java 11+).

Usage: python tools/fetch_vnu.py   (prints the path; exit 1 with a message if npm fails)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VNU_VERSION = "26.9.27"

ROOT = Path(__file__).resolve().parent.parent
VNU_DIR = ROOT / ".venv" / "vnu"


class VnuFetchError(RuntimeError):
    """npm is missing or could not fetch the pinned vnu-jar package."""


def vnu_path(version: str = VNU_VERSION) -> Path:
    return VNU_DIR / version / "vnu.jar"


def fetch_vnu(version: str = VNU_VERSION) -> Path:
    """Return the path of vnu.jar for ``version``, fetching it with npm when missing."""
    target = vnu_path(version)
    if target.is_file():
        return target
    npm = shutil.which("npm")
    if npm is None:
        raise VnuFetchError("npm is needed to fetch the HTML checker for the markup test (Debian: apt-get install npm)")
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        proc = subprocess.run([npm, "pack", f"vnu-jar@{version}", "--silent"], cwd=tmpdir,
                              capture_output=True, text=True)
        if proc.returncode != 0:
            raise VnuFetchError(f"`npm pack vnu-jar@{version}` failed:\n{proc.stderr.strip()}")
        tarball = tmpdir / proc.stdout.strip().splitlines()[-1]
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".jar.part")
        with tarfile.open(tarball) as tar:
            member = tar.getmember("package/build/dist/vnu.jar")
            with tar.extractfile(member) as src, partial.open("wb") as dst:
                shutil.copyfileobj(src, dst)
    if partial.stat().st_size < 1_000_000:
        raise VnuFetchError(f"vnu-jar@{version}: vnu.jar looks wrong ({partial.stat().st_size} bytes)")
    partial.replace(target)  # atomic: a half-written file never counts as present
    return target


def main() -> None:
    try:
        print(fetch_vnu())
    except VnuFetchError as exc:
        sys.exit(str(exc))


if __name__ == "__main__":
    main()
