"""Post-build steps (explorer grid, chart downloads) run only when their inputs changed.

A warm rebuild after editing one page must not redo them (issue 24: they made a one-page rebuild
three times slower), and must not even load their modules (pandas and altair) to find that out.
When data/ changes, or a file a step wrote is gone, the step runs again.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from werkzorg.sphinxext.light_pages import run_if_inputs_changed


def _step(outdir: Path, calls: list[int]):
    def step() -> list[Path]:
        calls.append(1)
        target = outdir / "_static" / "result.js"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"run {len(calls)}", encoding="utf-8")
        return [target]
    return step


def test_a_step_runs_again_only_when_data_or_its_output_changed(data_repo: Path, tmp_path: Path):
    outdir = tmp_path / "_build" / "html"
    calls: list[int] = []
    step = _step(outdir, calls)
    assert run_if_inputs_changed(outdir, "grid", step) is True
    assert run_if_inputs_changed(outdir, "grid", step) is False, "ran again with nothing changed"
    assert len(calls) == 1
    claims = data_repo / "data" / "claims.yaml"
    claims.write_text(claims.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert run_if_inputs_changed(outdir, "grid", step) is True, "data/ changed but the step was skipped"
    (outdir / "_static" / "result.js").unlink()
    assert run_if_inputs_changed(outdir, "grid", step) is True, "its output was gone but the step was skipped"
    assert len(calls) == 3


_WARM = """
import json, sys
from pathlib import Path
from types import SimpleNamespace
from werkzorg.sphinxext import roles_and_pages as sphinx_ext
from werkzorg.sphinxext.light_pages import run_if_inputs_changed

outdir = Path(sys.argv[1])
made = outdir / "_static" / "made.txt"
made.parent.mkdir(parents=True, exist_ok=True)
made.write_text("x")
for name in ("explorer-grid", "chart-downloads"):  # as a previous build left them
    run_if_inputs_changed(outdir, name, lambda: [made])
app = SimpleNamespace(outdir=str(outdir), builder=SimpleNamespace(format="html"),
                      env=SimpleNamespace(found_docs={"book/verkennen/verkenner"}))
sphinx_ext._write_explorer_grid(app, None)
sphinx_ext._write_chart_downloads(app, None)
print(json.dumps(sorted(m for m in ("pandas", "altair", "werkzorg.stats.live_charts", "werkzorg.explorer.page") if m in sys.modules)))
"""


def test_a_warm_rebuild_skips_the_steps_without_loading_pandas_or_altair(tmp_path: Path):
    env = dict(os.environ)
    out = subprocess.run([sys.executable, "-c", _WARM, str(tmp_path / "_build" / "html")],
                         capture_output=True, text=True, env=env, check=True)
    assert json.loads(out.stdout) == [], f"a skipped step loaded {out.stdout.strip()}"
