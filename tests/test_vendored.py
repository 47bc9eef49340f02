"""Vendored JavaScript without known holes: what tools/vendored.toml records is what the site serves.

The record names, per file in extra/vendor/, the packages inside it with their version and the lowest
version allowed (a release with the public security fixes), and the file's sha256. `make test` runs
`make vendor` first, so the files are there.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RECORD = ROOT / "tools" / "vendored.toml"
VENDOR = ROOT / "extra" / "vendor"


def version(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", text)[:3])


FILES = tomllib.loads(RECORD.read_text(encoding="utf-8"))["file"]


def test_version_comparison_orders_releases_as_numbers():
    assert version("5.30.0") < version("5.33.1") < version("6.2.0") < version("6.10.0")


@pytest.mark.parametrize("entry", FILES, ids=[f["path"] for f in FILES])
def test_recorded_versions_are_not_older_than_their_minimum(entry):
    for p in entry["packages"]:
        assert version(p["version"]) >= version(p["minimum"]), \
            f"{entry['path']}: {p['name']} {p['version']} is older than the minimum {p['minimum']} in {RECORD.name}"


@pytest.mark.parametrize("entry", FILES, ids=[f["path"] for f in FILES])
def test_each_vendored_file_is_the_recorded_one(entry):
    path = VENDOR / entry["path"]
    assert path.is_file(), f"{path} is missing: run `make vendor`"
    data = path.read_bytes()
    assert hashlib.sha256(data).hexdigest() == entry["sha256"], \
        f"{path} differs from its checksum in {RECORD.name}: run `make vendor` (it rewrites files that differ)"
    text = data.decode("utf-8", errors="replace")
    first = text.splitlines()[0] if entry.get("labelled") else ""  # the line vendor_assets.py writes
    for p in entry["packages"]:
        if first:
            assert f"{p['name']}@{p['version']}" in first, f"{path}: first line {first!r} does not name {p['name']}"
        if "embedded" in p:  # the version the library itself reports, not only our label
            found = {m for m in re.findall(p["embedded"], text)}
            assert found, f"{path}: no version of {p['name']} found with {p['embedded']!r}"
            for v in found:
                assert version(v) >= version(p["minimum"]), \
                    f"{path}: carries {p['name']} {v}, older than the minimum {p['minimum']}"
