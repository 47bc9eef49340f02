"""Print build and page-weight figures for this machine (a report, not a timed test).

- clean build seconds (fresh output folder, notebooks executed);
- warm rebuild seconds after touching one chapter;
- median and largest page weight of the built site: the HTML plus every local file it
  references (CSS, JS, images), as a first visit with an empty cache would load it.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
JB = [sys.executable, str(ROOT / "tools" / "jb.py")]  # as `make book` runs jupyter-book
REF = re.compile(r'(?:src|href)="([^"#?]+)(?:[?#][^"]*)?"')


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build(out: Path, extra: list[str]) -> tuple[float, float]:
    """Run one build; return (wall seconds, CPU seconds of the build and its notebook kernels).
    On a machine shared with other work the CPU figure is the steadier of the two."""
    start, cpu = time.perf_counter(), _children_cpu()
    subprocess.run([*JB, "build", str(ROOT), "-W", "-n", "--keep-going", "--path-output", str(out), *extra],
                   check=True, capture_output=True)
    return time.perf_counter() - start, _children_cpu() - cpu


def page_weight(html_root: Path, page: Path) -> int:
    total = page.stat().st_size
    seen: set[Path] = set()
    for ref in REF.findall(page.read_text(encoding="utf-8", errors="replace")):
        if urlparse(ref).scheme:
            continue
        target = (page.parent / ref).resolve()
        if target in seen or not target.is_file() or target.suffix == ".html":
            continue
        seen.add(target)
        total += target.stat().st_size
    return total


def main() -> None:
    out = Path(tempfile.mkdtemp(prefix="werkzorg-bench-"))
    try:
        clean = build(out, ["--all"])
        chapter = ROOT / "book" / "intro" / "index.md"
        chapter.touch()
        warm = build(out, [])
        html_root = out / "_build" / "html"
        pages = [p for p in html_root.rglob("*.html")
                 if not p.relative_to(html_root).as_posix().startswith(("_static/", "vendor/", "@jupyter"))]
        weights = sorted((page_weight(html_root, p), p.relative_to(html_root).as_posix()) for p in pages)
        median = statistics.median(w for w, _ in weights)
        print(f"pages built:             {len(pages)}")
        print(f"clean build:             {clean[0]:6.1f} s   (CPU {clean[1]:.1f} s; goal <= 60 s)")
        print(f"warm rebuild (1 page):   {warm[0]:6.1f} s   (CPU {warm[1]:.1f} s; goal <= 5 s)")
        print(f"load average now:        {os.getloadavg()[0]:6.1f}   ({os.cpu_count()} cores; a load above that slows the wall times above)")
        print(f"median page weight:      {median / 1024:6.0f} KiB")
        print(f"largest page weight:     {weights[-1][0] / 1024:6.0f} KiB ({weights[-1][1]})")
    finally:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
