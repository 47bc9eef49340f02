"""The order in which the two test processes of `make test` take the test files (pytest-xdist).

pytest-xdist's ``--dist loadfile`` hands out whole files, largest number of tests first. On this
suite that leaves time on the table: the session build of the book takes minutes, and a browser
file handed out before the build is ready only waits; a long file handed out last keeps one
process busy while the other has finished. :class:`PlannedFileScheduling` hands out, each time a
process asks for work:

1. while the book is still building, the file that needs neither build nor browser and took the
   longest last time (``tests/durations.json``; by number of tests for a file not listed there);
2. once the build is ready (or nothing else is left), the longest remaining file: longest first,
   so the run does not end with one long file on one process.

A few long browser files are handed out per test (``SPLIT``), so both processes share them; their
module fixtures are then set up once per process and part, which costs seconds, not minutes.
The set of tests is untouched: this only orders and groups them. ``tools/bench_tests.py`` measures
a run and rewrites ``tests/durations.json``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from xdist.scheduler.loadfile import LoadFileScheduling

ROOT = Path(__file__).resolve().parent.parent
DURATIONS = Path(__file__).resolve().parent / "durations.json"

#: Files whose tests are handed out one by one (parts of a file, each a unit of work).
SPLIT = {
    "tests/browser/test_every_page.py",
    "tests/browser/test_css_cut.py",
    "tests/browser/test_mobiel.py",
    "tests/browser/test_zoeken.py",
    "tests/browser/test_verkenner.py",
    "tests/browser/test_live_charts.py",
}

#: A file needs the built book when it asks for it (fixture or marker); read from its source,
#: because the controlling process of xdist does not import test files.
_NEEDS_BUILD = re.compile(r"\bbuilt_site\b|\bsite_url\b|\bpage_url\b|mark\.build\b|mark\.browser\b")


def load_durations(path: Path = DURATIONS) -> dict[str, float]:
    try:
        return {k: float(v) for k, v in json.loads(path.read_text(encoding="utf-8")).items()}
    except (OSError, ValueError):
        return {}


def _file_of(scope: str) -> str:
    return scope.split("::", 1)[0]


class PlannedFileScheduling(LoadFileScheduling):
    """``--dist loadfile`` with the order described in the module docstring."""

    def __init__(self, config, log=None, build_ready=None):
        super().__init__(config, log)
        self._durations = load_durations()
        self._build_ready = build_ready or (lambda: True)
        self._needs_build: dict[str, bool] = {}

    def _split_scope(self, nodeid: str) -> str:
        path = _file_of(nodeid)
        if path in SPLIT:
            return nodeid
        return path

    def needs_build(self, scope: str) -> bool:
        path = _file_of(scope)
        if path not in self._needs_build:
            try:
                text = (ROOT / path).read_text(encoding="utf-8")
            except OSError:
                text = "built_site"  # unknown: assume the worst, it runs after the build
            self._needs_build[path] = bool(_NEEDS_BUILD.search(text))
        return self._needs_build[path]

    def cost(self, scope: str, work_unit: dict) -> float:
        """Seconds this unit took last time; a split file's time is shared by its tests."""
        path = _file_of(scope)
        if path in self._durations:
            if scope == path:
                return self._durations[path]
            known = self._durations.get(scope)
            if known is not None:
                return known
            parts = sum(1 for s in self.collection or () if _file_of(s) == path) or 1
            return self._durations[path] / parts
        return 0.5 * len(work_unit)

    def _assign_work_unit(self, node) -> None:
        assert self.workqueue
        ready = self._build_ready()
        queue = list(self.workqueue.items())

        def rank(entry):
            scope, unit = entry
            waits = self.needs_build(scope) and not ready
            return (waits, -self.cost(scope, unit))

        best = min(queue, key=rank)[0]
        self.workqueue.move_to_end(best, last=False)
        super()._assign_work_unit(node)
