"""Lighthouse and first-visit transfer figures for the built book (a report, not a timed test).

The site in ``_build/html`` is served the way a web host serves it: below a sub-path
(``/werkzorg/``, as on GitHub Pages) by a small local server (:class:`GzipHandler`, a
``http.server`` subclass in this file) that gzips text types (HTML, CSS, JavaScript, JSON,
SVG, ...) when the browser asks for it, as GitHub Pages and any ordinary web server do.

1. Lighthouse (npm package, pinned below, installed on first use into ``.venv/lighthouse/``
   by this script; never a global install) runs in its default mobile mode with its default
   (simulated) throttling on one page of each type, with Debian's chromium (``CHROME_PATH``,
   default ``chromium`` on the PATH). Per page it prints performance, accessibility, largest
   contentful paint (LCP) and the bytes transferred.
2. Every page of the built site is then opened once in headless chromium (selenium, phone
   viewport, browser cache off) and the bytes of the first visit are added up from chromium's
   network log: compressed (what goes over the wire, with gzip) and uncompressed (the decoded
   bodies). It prints the median and the largest page, and the heaviest pages.

Goals (issue 11): performance >= 90 and accessibility 100 on every page type, LCP <= 2.5 s,
first-visit transfer median <= 300 KB and largest <= 1 MB compressed. ``ok``/``--`` marks
each figure against its goal. The script exits 0 either way: it is a report.

Lighthouse 12.8 is the newest release that runs on Debian 12's Node.js 20 (Lighthouse 13
needs Node 22); its performance score uses the same metrics and weights as 13.

Usage:
    .venv/bin/python tools/bench_lighthouse.py [--site _build/html] [--runs 1]
        [--only lighthouse|transfer] [--json out.json]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE_VERSION = "12.8.2"
LIGHTHOUSE_DIR = ROOT / ".venv" / "lighthouse" / LIGHTHOUSE_VERSION
LIGHTHOUSE_CLI = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
SUBPATH = "werkzorg"

#: One page of each type, as named in issue 11.
PAGE_TYPES = [
    ("home", "book/intro/index.html"),
    ("chapter", "book/gendersensitief/waarom-gendersensitief.html"),
    ("barriers", "book/belemmeringen/belemmeringen.html"),
    ("statistics", "notebooks/arbeidsparticipatie.html"),
    ("explorer", "book/verkennen/verkenner.html"),
    ("catalogue", "book/toolbox/catalogus.html"),
    ("exercise", "book/oefenen/belemmeringen.html"),
    ("claims", "book/cijfers/claims.html"),
]

GOALS = {"performance": 90, "accessibility": 100, "lcp_s": 2.5, "median_kb": 300, "largest_kb": 1000}

#: Content types a web host compresses (GitHub Pages gzips these; images and fonts are
#: already compressed and go as they are).
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml",
                "application/xml", "application/x-javascript", "application/wasm")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed for text types when the client accepts gzip."""

    _cache: dict[tuple[str, float], bytes] = {}
    _lock = threading.Lock()

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "application/javascript", ".mjs": "application/javascript", ".json": "application/json",
        ".svg": "image/svg+xml", ".woff2": "font/woff2", ".woff": "font/woff", ".wasm": "application/wasm",
    }

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self):  # noqa: ANN201 - same signature as the base class
        path = self.translate_path(self.path)
        if os.path.isdir(path) or not os.path.isfile(path):
            return super().send_head()
        ctype = self.guess_type(path)
        if not ("gzip" in self.headers.get("Accept-Encoding", "") and ctype.startswith(COMPRESSIBLE)):
            return super().send_head()
        key = (path, os.path.getmtime(path))
        with self._lock:
            body = self._cache.get(key)
        if body is None:
            body = gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)
            with self._lock:
                self._cache[key] = body
        self.send_response(200)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        import io

        return io.BytesIO(body)


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str, Path]:
    mount = Path(tempfile.mkdtemp(prefix="werkzorg-bench-site-"))
    (mount / SUBPATH).symlink_to(site.resolve(), target_is_directory=True)
    handler = functools.partial(GzipHandler, directory=str(mount))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/{SUBPATH}/", mount


# ---------------------------------------------------------------------------- Lighthouse


def chrome_path() -> str:
    path = os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        sys.exit("chromium ontbreekt: draai `make browser-deps` (Debian: apt-get install chromium)")
    return path


def ensure_lighthouse() -> Path:
    """Install the pinned Lighthouse into .venv/lighthouse/<version> with npm, once."""
    if LIGHTHOUSE_CLI.is_file():
        return LIGHTHOUSE_CLI
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("npm is needed to fetch Lighthouse for the benchmark (Debian: apt-get install npm)")
    LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
    print(f"installing lighthouse@{LIGHTHOUSE_VERSION} into {LIGHTHOUSE_DIR.relative_to(ROOT)} ...", flush=True)
    proc = subprocess.run(
        [npm, "install", "--prefix", str(LIGHTHOUSE_DIR), "--no-audit", "--no-fund", "--omit=dev",
         "--no-save", "--loglevel=error", f"lighthouse@{LIGHTHOUSE_VERSION}"],
        capture_output=True, text=True,
    )
    if proc.returncode != 0 or not LIGHTHOUSE_CLI.is_file():
        sys.exit(f"`npm install lighthouse@{LIGHTHOUSE_VERSION}` failed:\n{proc.stderr.strip()[-2000:]}")
    return LIGHTHOUSE_CLI


def run_lighthouse(cli: Path, url: str, chrome: str) -> dict:
    node = shutil.which("node") or "node"
    with tempfile.TemporaryDirectory(prefix="werkzorg-lh-") as tmp:
        out = Path(tmp) / "report.json"
        flags = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run " \
                f"--user-data-dir={Path(tmp) / 'profile'}"
        proc = subprocess.run(
            [node, str(cli), url, "--quiet", "--output=json", f"--output-path={out}",
             "--only-categories=performance,accessibility", f"--chrome-flags={flags}",
             "--max-wait-for-load=60000"],
            capture_output=True, text=True, env={**os.environ, "CHROME_PATH": chrome},
        )
        if proc.returncode != 0 or not out.is_file():
            raise RuntimeError(f"lighthouse failed for {url}: {proc.stderr.strip()[-1500:]}")
        report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    if report.get("runtimeError"):
        raise RuntimeError(f"lighthouse: {report['runtimeError'].get('message')}")
    a11y_failed = [a for a in report["categories"]["accessibility"]["auditRefs"]
                   if a.get("weight") and audits[a["id"]].get("score") not in (None, 1)]

    def num(audit_id: str) -> float:
        return float(audits[audit_id].get("numericValue") or 0.0)

    return {
        "performance": round(100 * (report["categories"]["performance"]["score"] or 0)),
        "accessibility": round(100 * (report["categories"]["accessibility"]["score"] or 0)),
        "lcp_s": num("largest-contentful-paint") / 1000,
        "fcp_s": num("first-contentful-paint") / 1000,
        "tbt_ms": num("total-blocking-time"),
        "cls": num("cumulative-layout-shift"),
        "transfer_kb": num("total-byte-weight") / 1000,
        "benchmark_index": report.get("environment", {}).get("benchmarkIndex"),
        "a11y_failed": [a["id"] for a in a11y_failed],
        "lcp_element": (audits.get("largest-contentful-paint-element", {}).get("details", {}) or {}).get("items", []),
    }


def _median_run(runs: list[dict]) -> dict:
    """The run with the median performance score (Lighthouse's own advice for repeated runs)."""
    return sorted(runs, key=lambda r: r["performance"])[len(runs) // 2]


def lighthouse_report(base: str, site: Path, runs: int) -> list[dict]:
    cli = ensure_lighthouse()
    chrome = chrome_path()
    rows = []
    print(f"\nLighthouse {LIGHTHOUSE_VERSION}, mobile, default (simulated) throttling; "
          f"gzip server; {runs} run(s) per page, median shown")
    head = f"{'type':<11} {'page':<48} {'perf':>4} {'a11y':>4} {'LCP s':>6} {'FCP s':>6} {'TBT ms':>6} {'CLS':>5} {'KB':>6}"
    print(head)
    print("-" * len(head))
    for kind, page in PAGE_TYPES:
        if not (site / page).is_file():
            print(f"{kind:<11} {page:<48} missing from the build")
            continue
        results = []
        for _ in range(runs):
            try:
                results.append(run_lighthouse(cli, base + page, chrome))
            except RuntimeError as exc:
                print(f"{kind:<11} {page:<48} {exc}")
        if not results:
            continue
        r = {"type": kind, "page": page, **_median_run(results)}
        rows.append(r)
        mark = lambda ok: "ok" if ok else "--"  # noqa: E731
        print(f"{kind:<11} {page:<48} {r['performance']:>4} {r['accessibility']:>4} {r['lcp_s']:>6.2f} "
              f"{r['fcp_s']:>6.2f} {r['tbt_ms']:>6.0f} {r['cls']:>5.3f} {r['transfer_kb']:>6.0f}  "
              f"perf {mark(r['performance'] >= GOALS['performance'])} "
              f"a11y {mark(r['accessibility'] >= GOALS['accessibility'])} "
              f"LCP {mark(r['lcp_s'] <= GOALS['lcp_s'])}"
              + (f"  a11y fails: {', '.join(r['a11y_failed'])}" if r["a11y_failed"] else ""), flush=True)
    if rows:
        idx = [r["benchmark_index"] for r in rows if r.get("benchmark_index")]
        if idx:
            print(f"(Lighthouse benchmarkIndex of this machine: {statistics.median(idx):.0f}; "
                  "a busy or slow CPU lowers the performance score through total blocking time)")
    return rows


# ---------------------------------------------------------------------------- transfer


def all_pages(site: Path) -> list[str]:
    """Every HTML page of the site (the same list as the browser tests use)."""
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    return [p for p in pages if not p.startswith(("_static/", "vendor/", "@jupyter-widgets/", "reports/"))]


def _driver(chrome: str):
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    opts = Options()
    opts.binary_location = chrome
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                f"--user-data-dir={tempfile.mkdtemp(prefix='werkzorg-bench-chrome-')}"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    driver = webdriver.Chrome(service=Service(driver_path), options=opts)
    driver.set_page_load_timeout(120)
    # A phone, as Lighthouse's mobile mode emulates it; lazy images below the fold stay unloaded.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 412, "height": 823, "deviceScaleFactor": 1.75, "mobile": True})
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    return driver


def first_visit(driver, url: str, quiet_s: float = 0.8, max_s: float = 20.0) -> dict:
    """Open ``url`` with an empty cache; add up the bytes of every response until the network
    has been quiet for ``quiet_s`` seconds after the load event."""
    driver.get_log("performance")  # drop what came before
    driver.get(url)
    encoded: dict[str, float] = {}
    decoded: dict[str, int] = {}
    urls: dict[str, str] = {}
    pending: set[str] = set()
    start = last = time.monotonic()
    while True:
        entries = driver.get_log("performance")
        for entry in entries:
            msg = json.loads(entry["message"])["message"]
            method, p = msg.get("method"), msg.get("params", {})
            rid = p.get("requestId")
            if method == "Network.requestWillBeSent":
                if p["request"]["url"].startswith("data:"):
                    continue
                pending.add(rid)
                urls[rid] = p["request"]["url"]
            elif method == "Network.dataReceived" and rid in urls:
                decoded[rid] = decoded.get(rid, 0) + int(p.get("dataLength", 0))
            elif method == "Network.loadingFinished" and rid in urls:
                encoded[rid] = float(p.get("encodedDataLength", 0))
                pending.discard(rid)
            elif method == "Network.loadingFailed":
                pending.discard(rid)
        now = time.monotonic()
        if entries:
            last = now
        if (not pending and now - last >= quiet_s) or now - start > max_s:
            break
        time.sleep(0.2)
    return {"compressed": sum(encoded.values()), "uncompressed": sum(decoded.values()),
            "requests": len(encoded),
            "largest": sorted(((encoded[r], urls[r]) for r in encoded), reverse=True)[:3],
            "responses": sorted(((encoded[r], decoded.get(r, 0), urls[r]) for r in encoded), reverse=True)}


def transfer_report(base: str, site: Path) -> dict:
    pages = all_pages(site)
    driver = _driver(chrome_path())
    rows = []
    try:
        for page in pages:
            rows.append({"page": page, **first_visit(driver, base + page)})
    finally:
        driver.quit()
    comp = sorted(rows, key=lambda r: r["compressed"])
    unc = sorted(rows, key=lambda r: r["uncompressed"])
    med_c = statistics.median(r["compressed"] for r in rows) / 1000
    med_u = statistics.median(r["uncompressed"] for r in rows) / 1000
    big_c, big_u = comp[-1], unc[-1]
    mark = lambda ok: "ok" if ok else "--"  # noqa: E731
    print(f"\nFirst visit (empty cache, phone viewport), all {len(rows)} pages, served with gzip:")
    print(f"  median   compressed {med_c:7.0f} KB   uncompressed {med_u:7.0f} KB   "
          f"(goal <= {GOALS['median_kb']} KB compressed: {mark(med_c <= GOALS['median_kb'])})")
    print(f"  largest  compressed {big_c['compressed'] / 1000:7.0f} KB ({big_c['page']})   "
          f"uncompressed {big_u['uncompressed'] / 1000:7.0f} KB ({big_u['page']})   "
          f"(goal <= {GOALS['largest_kb']} KB compressed: {mark(big_c['compressed'] / 1000 <= GOALS['largest_kb'])})")
    print("  heaviest pages (compressed KB, uncompressed KB, requests, biggest responses):")
    for r in comp[::-1][:8]:
        biggest = ", ".join(f"{u.rsplit('/', 1)[-1].split('?')[0]} {b / 1000:.0f}" for b, u in r["largest"])
        print(f"    {r['compressed'] / 1000:7.0f} {r['uncompressed'] / 1000:7.0f} {r['requests']:4d}  {r['page']}  [{biggest}]")
    return {"median_compressed_kb": med_c, "median_uncompressed_kb": med_u,
            "largest_compressed_kb": big_c["compressed"] / 1000, "largest_compressed_page": big_c["page"],
            "largest_uncompressed_kb": big_u["uncompressed"] / 1000, "largest_uncompressed_page": big_u["page"],
            "pages": rows}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--site", type=Path, default=ROOT / "_build" / "html")
    ap.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page (median shown)")
    ap.add_argument("--only", choices=["lighthouse", "transfer"])
    ap.add_argument("--json", type=Path, help="also write all figures to this file")
    args = ap.parse_args()
    if not (args.site / "index.html").is_file():
        sys.exit(f"{args.site} holds no built book: run `make book` first")
    server, base, mount = serve(args.site)
    out: dict = {"lighthouse_version": LIGHTHOUSE_VERSION, "server": "tools/bench_lighthouse.py GzipHandler (gzip -6)"}
    try:
        print(f"site {args.site} served with gzip at {base}")
        if args.only in (None, "lighthouse"):
            out["lighthouse"] = lighthouse_report(base, args.site, max(1, args.runs))
        if args.only in (None, "transfer"):
            out["transfer"] = transfer_report(base, args.site)
    finally:
        server.shutdown()
        shutil.rmtree(mount, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
