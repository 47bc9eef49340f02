"""Benchmark the statistics pages in headless Chromium.

Prints, per statistics page:
1. the first-visit weight: every resource the page loads on a first visit (HTML, CSS, JS with the
   Vega bundle, fonts, images), each gzip-compressed as a server would send it (goal: <= 500 KB);
2. the time from a control change to the updated chart: the control's input event until Vega has
   redrawn the SVG and the browser has painted the next frame, median of repeated changes over
   every control on the page (goal: <= 50 ms).

    .venv/bin/python tools/bench_charts.py [--site _build/html] [--repeat 15]

Run ``make book`` first. ``--site`` may point at an older build to compare before and after
(on a build without live charts the reaction time is reported as "-": no control redraws anything).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import shutil
import statistics
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parents[1]
PAGES = ["arbeidsparticipatie", "deeltijd", "economische-zelfstandigheid", "migratieachtergrond", "zorg-in-cijfers"]
GOAL_KB, GOAL_MS = 500, 50

#: Change every bound control of every live chart ``repeat`` times; return the times in ms.
REACT_JS = """
const repeat = arguments[0], done = arguments[arguments.length - 1];
const frame = () => new Promise(r => requestAnimationFrame(() => r()));
(async () => {
  if (!window.werkzorgLive) { done([]); return; }
  await window.werkzorgLive.ready;
  const times = [];
  for (const fig of document.querySelectorAll('figure.werkzorg-live')) {
    const view = window.werkzorgLive.views[fig.dataset.chart];
    for (const el of fig.querySelectorAll('.vega-bindings select, .vega-bindings input[type=range]')) {
      const values = el.tagName === 'SELECT' ? Array.from(el.options).map(o => o.value) : [el.min, el.max];
      for (let i = 0; i < repeat; i++) {
        el.value = values[(i + 1) % values.length];
        const t0 = performance.now();
        el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', {bubbles: true}));
        await view.runAsync();
        await frame();
        times.push(performance.now() - t0);
      }
    }
    for (const group of new Set(Array.from(fig.querySelectorAll('.vega-bindings input[type=radio]')).map(r => r.name))) {
      const radios = Array.from(fig.querySelectorAll(`.vega-bindings input[type=radio][name="${group}"]`));
      for (let i = 0; i < repeat; i++) {
        const r = radios[(i + 1) % radios.length];
        const t0 = performance.now();
        r.click();
        await view.runAsync();
        await frame();
        times.push(performance.now() - t0);
      }
    }
  }
  done(times);
})();
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    opts = Options()
    opts.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1366,900",
                f"--user-data-dir={tempfile.mkdtemp(prefix='bench-charts-')}"):
        opts.add_argument(arg)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=opts)


def _gzip_size(path: Path, cache: dict) -> int:
    if path not in cache:
        cache[path] = len(gzip.compress(path.read_bytes(), compresslevel=6))
    return cache[path]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--site", default=str(ROOT / "_build" / "html"))
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()
    site = Path(args.site).resolve()
    if not (site / "notebooks").is_dir():
        print(f"geen gebouwde site in {site}: draai eerst 'make book'", file=sys.stderr)
        return 1
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    driver = _browser()
    cache: dict = {}
    print(f"Statistiekpagina's in {site}")
    print(f"{'pagina':30} {'bestanden':>9} {'gzip KB':>8} {'reactie ms (mediaan)':>21} {'wijzigingen':>11}")
    ok = True
    try:
        for page in PAGES:
            driver.get(base + f"notebooks/{page}.html")
            driver.execute_async_script(
                "const done = arguments[0];"
                # each chart is drawn when a reader scrolls near it: scroll through them as a reader does
                "(async () => { for (const f of document.querySelectorAll('figure.werkzorg-live')) {"
                "  f.scrollIntoView({block: 'center'}); await new Promise(r => requestAnimationFrame(() => setTimeout(r, 50))); }"
                "  return window.werkzorgLive ? window.werkzorgLive.ready : null; })()"
                ".then(() => setTimeout(done, 300));")
            urls = [driver.current_url] + driver.execute_script(
                "return performance.getEntriesByType('resource').map(e => e.name)")
            total, files, sizes = 0, 0, {}
            for url in dict.fromkeys(urls):
                parsed = urlparse(url)
                if parsed.hostname != "127.0.0.1":
                    continue
                path = site / unquote(parsed.path).lstrip("/")
                if path.is_dir():
                    path = path / "index.html"
                if path.is_file():
                    total += _gzip_size(path, cache)
                    sizes[str(path.relative_to(site))] = _gzip_size(path, cache)
                    files += 1
            times = driver.execute_async_script(REACT_JS, args.repeat)
            kb = total / 1024
            median = statistics.median(times) if times else None
            ok &= kb <= GOAL_KB and (median is None or median <= GOAL_MS)
            react = f"{median:.1f}" if median is not None else "-"
            print(f"{page:30} {files:9d} {kb:8.0f} {react:>21} {len(times):11d}")
            heavy = sorted(sizes.items(), key=lambda kv: -kv[1])[:4]
            print("    zwaarst: " + ", ".join(f"{name} {size / 1024:.0f} KB" for name, size in heavy))
    finally:
        driver.quit()
        server.shutdown()
    print(f"Doel: eerste bezoek <= {GOAL_KB} KB (gzip), reactie <= {GOAL_MS} ms. "
          + ("Alle pagina's halen het doel." if ok else "Niet elke pagina haalt het doel."))
    return 0


if __name__ == "__main__":
    sys.exit(main())
