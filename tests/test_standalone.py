"""The repository tests itself: nothing in it points at files that exist only beside it.

On the project's machines a folder of research notes and the guides' text lies next to the
repository (``../shared``); a fresh clone has nothing beside it. Data a test needs lives in
``tests/fixtures/`` with its public source, docs cite public sources, and only the copy check's
locator (``tests/guides.py``) may look for the guides' text there.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The copy check's locator, and this test (which names the patterns).
ALLOWED = {"tests/guides.py", "tests/test_standalone.py"}
OUTSIDE = re.compile(r"\.\./shared\b|\bshared/(?:research|seeds|tools|docs)\b|/ *[\"']shared[\"'] */")


def tracked_files() -> list[str]:
    try:
        out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
        return [p for p in out.decode().split("\0") if p]
    except (OSError, subprocess.CalledProcessError):  # an unpacked archive: every file but the build
        skip = {".git", ".venv", "_build", "extra", "__pycache__"}
        return [str(p.relative_to(ROOT)) for p in ROOT.rglob("*")
                if p.is_file() and not skip.intersection(p.relative_to(ROOT).parts)]


def test_the_pattern_finds_each_way_of_pointing_outside():
    for text in ('open("../shared/research/x.csv")', "see `../../../shared/seeds/`",
                 'ROOT.parent / "shared" / "seeds"', "python3 /work/shared/tools/check_copy.py"):
        assert OUTSIDE.search(text), text
    assert not OUTSIDE.search("a shared fixture; shared/ folder of fonts; shared_runs()")


def test_no_tracked_file_refers_to_files_beside_the_repository():
    files = tracked_files()
    assert len(files) > 100, f"found only {len(files)} files"
    hits = []
    for name in files:
        if name in ALLOWED:
            continue
        try:
            text = (ROOT / name).read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError, IsADirectoryError):
            continue
        hits += [f"{name}:{n}: {line.strip()[:120]}" for n, line in enumerate(text.splitlines(), 1)
                 if OUTSIDE.search(line)]
    assert not hits, ("files that point beside the repository (a fresh clone has nothing there; bring the data "
                      "into tests/fixtures/ with its public source, or cite the source):\n" + "\n".join(hits))
