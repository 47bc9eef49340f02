"""Benchmark the household model and the static explorer.

Prints
1. scenarios per second for the vectorised model (werkzorg.model.household.evaluate), goal >= 100,000;
2. scenarios per second for the page's model (src/werkzorg/explorer/static/huishouden.js in Node, one
   scenario per call as the page calls it), and the size of the explorer's data script;
3. the latency from a control change (the hours slider, whole hours) to the updated numbers and
   chart in headless Chromium (median over repeated changes), goal <= 50 ms;
4. the explorer page's first-visit weight with gzip: the built page (_build/html) and every resource
   headless Chromium fetches for it, each gzipped; goal <= 600 kB. Skipped without a build.

For 3 the script writes a stand-alone page with the same fragment the book page embeds
(explorer.static_explorer_html), the data script (explorer.write_grid_file), the vendored Vega
bundle and _static/verkenner.js, serves it on 127.0.0.1 and drives it with selenium. No network is used.

Usage: .venv/bin/python tools/bench_household.py [--scenarios 200000] [--changes 40] [--no-browser]
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
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from werkzorg import explorer, household  # noqa: E402

GOALS = {"scenarios_per_s": 100_000, "page_model_per_s": 20_000, "latency_ms": 50.0, "page_kb_gzip": 600.0}


def random_scenarios(n: int, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    couple = rng.random(n) < 0.7
    return pd.DataFrame({
        "year": rng.choice([2025, 2026], n),
        "couple": couple,
        "bijstand": rng.random(n) < 0.5,
        "rent": rng.choice([0.0, 450.0, 610.0, 800.0, 950.0], n),
        "vrijlating": rng.integers(0, 3, n),
        "wage1": rng.uniform(12, 45, n), "hours1": rng.integers(0, 41, n).astype(float), "care1": rng.integers(0, 30, n).astype(float),
        "wage2": np.where(couple, rng.uniform(12, 45, n), 0.0),
        "hours2": np.where(couple, rng.integers(0, 41, n), 0).astype(float),
        "care2": np.where(couple, rng.integers(0, 30, n), 0).astype(float),
        "child1_age": rng.integers(0, 4, n).astype(float), "child1_care": "dagopvang",
        "child1_care_hours": rng.integers(0, 50, n).astype(float), "child1_price": rng.uniform(9, 13, n),
        "child2_age": rng.integers(4, 13, n).astype(float), "child2_care": "bso",
        "child2_care_hours": rng.integers(0, 20, n).astype(float), "child2_price": rng.uniform(8, 12, n),
        "child3_age": rng.integers(12, 18, n).astype(float),
    })


def bench_model(n: int, repeat: int = 5) -> float:
    df = random_scenarios(n)
    household.evaluate(df.head(100))  # load the parameters once
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        household.evaluate(df)
        times.append(time.perf_counter() - t)
    return n / statistics.median(times)


def bench_page_model(n: int = 20_000) -> tuple[float, float, float]:
    """Scenarios per second of the page's model in Node (one call per scenario, as the page does),
    and the data script's size (kB raw, kB gzip)."""
    import json
    import subprocess
    rows = random_scenarios(n, seed=2)
    rows = [{k: (None if isinstance(v, float) and v != v else v.item() if hasattr(v, "item") else v) for k, v in r.items()}
            for r in rows.to_dict("records")]
    payload = explorer.grid_payload()
    script = f"""
const m = require({json.dumps(str(explorer.MODEL_JS))});
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const meta = input.data.meta, params = input.data.params, bits = {{approx: meta.approx_bits, rules: meta.rule_bits}};
const run = () => input.rows.forEach(x => m.evaluate(x, params[String(x.year)], meta.model_approx[String(x.year)], bits));
run();
const times = [];
for (let i = 0; i < 5; i++) {{ const t = process.hrtime.bigint(); run(); times.push(Number(process.hrtime.bigint() - t) / 1e9); }}
times.sort((a, b) => a - b);
process.stdout.write(String(input.rows.length / times[2]));
"""
    node = shutil.which("node") or shutil.which("nodejs")
    done = subprocess.run([node, "-e", script], input=json.dumps({"rows": rows, "data": payload}),
                          capture_output=True, text=True, check=True)
    data = explorer.grid_script().encode()
    return float(done.stdout), len(data) / 1024, _gz(data) / 1024


PAGE = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>bench</title>
<link rel="stylesheet" href="../_static/verkenner.css">
<script defer src="../_static/vendor/vega-bundle.js"></script>
<script defer src="../_static/verkenner-data.js"></script>
<script src="../_static/verkenner.js"></script></head><body style="width:900px">{fragment}</body></html>"""

CHANGE_JS = """
const done = arguments[arguments.length - 1];
const root = document.getElementById('wz-verkenner');
const el = document.getElementById('wz-uren2');
const value = arguments[0];
const want = window.wzVerkenner.key(Object.assign({}, window.wzVerkenner.state, {uren2: value}));
const t0 = performance.now();
el.value = String(value);
el.dispatchEvent(new Event('input', {bubbles: true}));
function check() {
  if (root.dataset.rendered === want) {
    requestAnimationFrame(() => done([performance.now() - t0, Number(root.dataset.latency)]));
  } else { requestAnimationFrame(check); }
}
check();
"""


def bench_browser(changes: int) -> dict[str, float]:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    tmp = Path(tempfile.mkdtemp(prefix="wz-bench-"))
    static = tmp / "_static"
    (static / "vendor").mkdir(parents=True)
    (tmp / "page").mkdir()
    bundle = ROOT / "extra" / "vendor" / "vega-bundle.js"
    if not bundle.is_file():
        raise SystemExit(f"{bundle} missing: run `make vendor` first")
    shutil.copy(bundle, static / "vendor" / "vega-bundle.js")
    shutil.copy(ROOT / "_static" / "verkenner.js", static / "verkenner.js")
    shutil.copy(ROOT / "_static" / "verkenner.css", static / "verkenner.css")
    explorer.write_grid_file(static / explorer.GRID_FILE)
    (tmp / "page" / "index.html").write_text(PAGE.format(fragment=explorer.static_explorer_html()), encoding="utf-8")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *a):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(tmp)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    opts = Options()
    opts.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=opts)
    try:
        t = time.perf_counter()
        driver.get(f"http://127.0.0.1:{server.server_address[1]}/page/index.html")
        WebDriverWait(driver, 30).until(lambda d: d.execute_script(
            "var r = document.getElementById('wz-verkenner'); return r && r.dataset.ready === '1';"))
        load_s = time.perf_counter() - t
        to_paint, to_chart = [], []
        for i in range(changes):
            value = (i * 7 + 1) % 41  # whole hours, every value of the slider over the run
            if value == explorer.DEFAULTS["uren2"]:
                value += 1
            paint, chart = driver.execute_async_script(CHANGE_JS, value, "")
            to_paint.append(paint)
            to_chart.append(chart)
        page_kb = ((tmp / "page" / "index.html").stat().st_size + (static / explorer.GRID_FILE).stat().st_size) / 1024
    finally:
        driver.quit()
        server.shutdown()
        shutil.rmtree(tmp, ignore_errors=True)
    return {"load_s": load_s, "latency_ms": statistics.median(to_paint), "chart_ms": statistics.median(to_chart),
            "p90_ms": float(np.percentile(to_paint, 90)), "page_kb": page_kb}


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def page_weight(build_dir: Path, page: str = "book/verkennen/verkenner.html") -> dict[str, float]:
    """First-visit transfer of a built page with gzip, as a browser loads it: open the page in headless
    Chromium (served from ``build_dir``), list every resource it actually fetched (performance entries:
    scripts, stylesheets, fonts, images, the grid script), and add up each file gzipped (level 6,
    as a web server would send it)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *a):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(build_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    opts = Options()
    opts.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1366,900"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=opts)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        driver.get(base + page)
        # the chart's runtime comes when a reader nears the chart (_static/laden.js): scroll as a reader does
        driver.execute_script("var c = document.getElementById('wz-chart'); if (c) c.scrollIntoView({block: 'center'});")
        WebDriverWait(driver, 30).until(lambda d: d.execute_script(
            "var r = document.getElementById('wz-verkenner'); return r && r.dataset.ready === '1';"))
        time.sleep(1.0)  # late fonts and images
        urls = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name);")
    finally:
        driver.quit()
        server.shutdown()
    files = {build_dir / page}
    for u in urls:
        if u.startswith(base):
            f = build_dir / u[len(base):].split("?")[0].split("#")[0]
            if f.is_file():
                files.add(f)
    sizes = {f: _gz(f.read_bytes()) for f in files}
    raw = sum(f.stat().st_size for f in files)
    html = build_dir / page
    biggest = sorted(sizes.items(), key=lambda kv: -kv[1])[:5]
    return {"html_kb": html.stat().st_size / 1024, "html_gz_kb": sizes[html] / 1024,
            "total_gz_kb": sum(sizes.values()) / 1024, "total_raw_kb": raw / 1024,
            "files": len(files), "biggest": [(f.name, n / 1024) for f, n in biggest]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scenarios", type=int, default=200_000)
    ap.add_argument("--changes", type=int, default=40)
    ap.add_argument("--no-browser", action="store_true")
    args = ap.parse_args(argv)

    ok = True
    rate = bench_model(args.scenarios)
    ok &= rate >= GOALS["scenarios_per_s"]
    print(f"model:   {rate:,.0f} scenarios/s (median of 5 runs of {args.scenarios:,}; goal >= {GOALS['scenarios_per_s']:,})")
    page_rate, data_kb, data_gz = bench_page_model()
    ok &= page_rate >= GOALS["page_model_per_s"]
    print(f"page model: {page_rate:,.0f} scenarios/s in Node, one call each (goal >= {GOALS['page_model_per_s']:,}); "
          f"data script {data_kb:.0f} kB, {data_gz:.0f} kB gzip")
    if not args.no_browser:
        b = bench_browser(args.changes)
        ok &= b["latency_ms"] <= GOALS["latency_ms"]
        print(f"browser: control change -> chart painted {b['latency_ms']:.1f} ms median, {b['p90_ms']:.1f} ms p90 "
              f"(chart updated {b['chart_ms']:.1f} ms; {args.changes} changes; goal <= {GOALS['latency_ms']:.0f} ms)")
        print(f"         page with data script {b['page_kb']:.0f} kB, ready after {b['load_s']:.2f} s")
    built = ROOT / "_build" / "html" / "book" / "verkennen" / "verkenner.html"
    if built.is_file() and not args.no_browser:
        w = page_weight(ROOT / "_build" / "html")
        ok &= w["total_gz_kb"] <= GOALS["page_kb_gzip"]
        print(f"page:    explorer first visit {w['total_gz_kb']:.0f} kB with gzip ({w['files']} files, "
              f"{w['total_raw_kb']:.0f} kB uncompressed; HTML {w['html_kb']:.0f} kB, {w['html_gz_kb']:.0f} kB gzip; "
              f"goal <= {GOALS['page_kb_gzip']:.0f} kB)")
        print("         largest: " + ", ".join(f"{n} {k:.0f} kB" for n, k in w["biggest"]))
    else:
        print(f"page:    skipped, no build at {built} (run `make book`)")
    print("all goals met" if ok else "GOAL MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
