"""The book build runs each notebook once, two at a time where it can, and well inside its timeout
(werkzorg.sphinxext.parallel_notebooks), read from the session build's own log: the session build
starts from an empty notebook cache, as a clean `make book` does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parent.parent
#: A notebook that takes this long sat waiting (they take 2-12 s on a busy two-core machine).
WELL_INSIDE = 30


def _pages_run_while_read() -> set[str]:
    """Pages that ask MyST-NB to run them on every build, while Sphinx reads them."""
    return {p.relative_to(ROOT).with_suffix("").as_posix()
            for folder in ("book", "notebooks") for p in (ROOT / folder).rglob("*.md")
            if re.search(r"^mystnb:\s*\n(?:\s+#.*\n)*\s+execution_mode:\s*force", p.read_text(encoding="utf-8"), re.M)}


def test_every_notebook_runs_once_two_at_a_time_and_well_inside_the_timeout(built_site: Path):
    log = (built_site.parent / "test-build.log").read_text(encoding="utf-8")
    ahead = re.search(r"werkzorg: running (\d+) notebooks, 2 at a time", log)
    assert ahead, "the build did not run its notebooks two at a time"
    ran = {doc: float(s) for doc, s in re.findall(r"werkzorg: (\S+) ran in ([\d.]+) s", log)}
    used = {Path(p).relative_to(ROOT).with_suffix("").as_posix()
            for p in re.findall(r"(\S+\.md): Using cached notebook", log)}
    while_read = {Path(p).relative_to(ROOT).with_suffix("").as_posix(): float(s)
                  for p, s in re.findall(r"(\S+\.md): Executed notebook in ([\d.]+) seconds", log)}
    assert int(ahead.group(1)) == len(ran) >= 6, (ahead.group(0), sorted(ran))
    assert used == set(ran), f"run ahead but not used by MyST-NB: {sorted(set(ran) - used)}"
    assert set(while_read) == _pages_run_while_read(), (
        f"run while Sphinx read them: {sorted(while_read)}; only the pages that ask for it should be")
    slow = {doc: s for doc, s in {**ran, **while_read}.items() if s > WELL_INSIDE}
    assert not slow, f"notebooks that ran over {WELL_INSIDE} s (the cell timeout is 300 s): {slow}"


def test_a_notebook_that_fails_ahead_is_reported_not_stored():
    """A failing notebook comes back with its error, so it is not put in the cache: MyST-NB then
    runs it while reading and fails the build with the error, as without running ahead."""
    import nbformat

    from werkzorg.sphinxext import parallel_notebooks

    good = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(6 * 7)")],
                                    metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                             "language": "python"}})
    bad = nbformat.from_dict(dict(good, cells=[nbformat.v4.new_code_cell("1 / 0")]))
    notebook, seconds, error = parallel_notebooks._execute(good, str(ROOT), False, 60)
    assert error is None and notebook.cells[0].outputs[0]["text"].strip() == "42" and seconds > 0
    _, _, error = parallel_notebooks._execute(bad, str(ROOT), False, 60)
    assert error is not None and "ZeroDivisionError" in error
