"""The one strict build of the book per test run, shared by every pytest process of that run.

``ensure(out_root, run_id)`` returns the built ``_build/html``: the first caller of a run builds
(under a file lock), every later caller of the same run (another xdist worker) waits for that
build and reuses it, or fails with the same message. ``make test`` also starts the build in the
background as the session starts (``python tests/sitebuild.py OUT_ROOT RUN_ID``), so that the unit
tests run while the book builds.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def jupyter_book() -> list[str]:
    """The ``jupyter-book`` command, as ``make book`` runs it (tools/jb.py: without a slow import)."""
    return [sys.executable, str(ROOT / "tools" / "jb.py")]


def _build(out_root: Path) -> dict:
    # The notebook cache is keyed on code cells only: a change in the package or in data/
    # would not re-run a notebook. The test build therefore always executes every notebook.
    shutil.rmtree(out_root / "_build" / ".jupyter_cache", ignore_errors=True)
    cmd = [*jupyter_book(), "build", str(ROOT), "--all", "-W", "-n", "--keep-going"]
    if out_root != ROOT:
        cmd += ["--path-output", str(out_root)]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    log = proc.stdout + proc.stderr
    (out_root / "_build" / "test-build.log").write_text(log, encoding="utf-8")
    html = out_root / "_build" / "html"
    if proc.returncode != 0:
        problems = [line for line in log.splitlines() if "WARNING" in line or "ERROR" in line or "rror" in line]
        return {"ok": False, "message": "The strict book build failed (exit {}). Problems:\n{}\n--- last lines ---\n{}".format(
                    proc.returncode, "\n".join(problems[:60]), "\n".join(log.splitlines()[-30:]))}
    if not (html / "index.html").is_file():
        return {"ok": False, "message": "build reported success but wrote no index.html"}
    return {"ok": True, "message": ""}


def ensure(out_root: Path, run_id: str) -> tuple[Path, dict]:
    """Build once per run id; return (html folder, {"ok", "message"})."""
    build_dir = out_root / "_build"
    build_dir.mkdir(parents=True, exist_ok=True)
    done = build_dir / ".session-build.json"
    with open(build_dir / ".session-build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            state = json.loads(done.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            state = {}
        if state.get("run") != run_id:
            started = time.time()
            state = {"run": run_id, **_build(out_root), "started": started, "finished": time.time()}
            done.write_text(json.dumps(state), encoding="utf-8")
    return build_dir / "html", state


def start_in_background(out_root: Path, run_id: str) -> subprocess.Popen:
    log = (out_root / "_build")
    log.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen([sys.executable, __file__, str(out_root), run_id], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=open(log / "test-build-background.log", "w"),
                            start_new_session=True)


if __name__ == "__main__":
    ensure(Path(sys.argv[1]), sys.argv[2])
    os._exit(0)


#: What in the built site is no book page: vendored third-party files and the build's own reports.
NOT_READER_PAGES = ("_static/", "vendor/", "@jupyter-widgets/", "reports/")


def reader_pages(site: Path) -> list[str]:
    """Every page a reader can open in the built site (the 404 page included), relative and sorted:
    the one list the whole-site checks share, so no check misses a page another one walks."""
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    return [p for p in pages if not p.startswith(NOT_READER_PAGES)]

