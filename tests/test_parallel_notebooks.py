"""werkzorg.sphinxext.parallel_notebooks in a small Sphinx project with MyST-NB: the notebooks run
ahead, two at a time, give the same pages as MyST-NB running them itself, and a notebook that
fails ahead is not stored: MyST-NB runs it again and reports the failure as it always does."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

NOTEBOOK = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---

# {title}

```{{code-cell}} ipython3
{code}
```
"""

PAGES = {"een": ("Een", "print(6 * 7)"), "twee": ("Twee", "print(sum(range(5)))"), "fout": ("Fout", "1 / 0")}


def _project(root: Path, ahead: bool) -> Path:
    src = root / "src"
    src.mkdir(parents=True)
    for name, (title, code) in PAGES.items():
        (src / f"{name}.md").write_text(NOTEBOOK.format(title=title, code=code), encoding="utf-8")
    (src / "index.md").write_text("# Start\n\n```{toctree}\neen\ntwee\nfout\n```\n", encoding="utf-8")
    extensions = ["myst_nb"] + (["werkzorg.sphinxext.parallel_notebooks"] if ahead else [])
    (src / "conf.py").write_text(
        f"extensions = {extensions!r}\nnb_execution_mode = 'cache'\n"
        f"nb_execution_cache_path = {str(root / 'cache')!r}\nnb_execution_timeout = 60\n", encoding="utf-8")
    return src


def _build(root: Path, ahead: bool) -> tuple[Path, str]:
    """Build the project with sphinx-build in its own process (as a reader's build runs: no state
    left by other Sphinx projects of the test run); return the html folder and the log."""
    src, out = _project(root, ahead), root / "out"
    proc = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-E", str(src), str(out)],
                          capture_output=True, text=True, cwd=root)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-3000:]
    return out, proc.stdout + proc.stderr


def _body(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    return re.search(r'role="main">.*</section>', html, re.S).group(0)


def test_notebooks_run_ahead_give_the_pages_myst_nb_gives_and_a_failure_is_reported_as_usual(tmp_path):
    ahead_out, ahead_log = _build(tmp_path / "ahead", ahead=True)
    plain_out, plain_log = _build(tmp_path / "plain", ahead=False)

    assert "werkzorg: running 3 notebooks, 2 at a time" in ahead_log, ahead_log[:2000]
    assert re.search(r"werkzorg: fout failed ahead \(.*ZeroDivisionError", ahead_log), ahead_log[:2000]
    for name in ("een", "twee"):
        assert f"werkzorg: {name} ran in" in ahead_log
        assert re.search(rf"{name}\.md: Using cached notebook", ahead_log), ahead_log[:2000]
        assert _body(ahead_out / f"{name}.html") == _body(plain_out / f"{name}.html")
    assert "42" in _body(ahead_out / "een.html") and "10" in _body(ahead_out / "twee.html")
    # The failing notebook: run again while read, and reported as MyST-NB reports it without running ahead.
    failed = [line for line in ahead_log.splitlines() if "fout.md" in line and "Executing notebook failed" in line]
    assert failed and any("fout.md" in line and "Executing notebook failed" in line for line in plain_log.splitlines())
