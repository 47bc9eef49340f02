"""Report how many of the book's own words the site search finds (a report, not a test).

Usage: python tools/bench_zoeken.py [SITE_DIR]   (default _build/html)

Draws the same words as tests/browser/test_zoeken.py (all words of all pages; a hash-ordered
sample of heading words and glossary terms), and prints:
- how many words of the book the browser's stemmer finds in the search index;
- how many sampled heading/glossary words return at least one result on the real search page,
  and how many return the page where the word is a heading.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _load_test_module():
    spec = importlib.util.spec_from_file_location("test_zoeken", ROOT / "tests" / "browser" / "test_zoeken.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main() -> None:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "_build" / "html").resolve()
    if not (site / "searchindex.js").is_file():
        sys.exit(f"geen gebouwde site in {site}: draai eerst 'make book'")
    t = _load_test_module()
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    opts = Options()
    opts.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                f"--user-data-dir={tempfile.mkdtemp(prefix='wz-bench-')}"):
        opts.add_argument(arg)
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
    try:
        d.get(base + "search.html")
        WebDriverWait(d, 20).until(lambda x: x.execute_script("return typeof Stemmer === 'function'"))
        stop = set(d.execute_script("return stopwords"))
        words = set()
        for page in t._pages(site):
            art = t._article(page)
            if art is None:
                continue
            for w in t._WORD.findall(art.get_text(" ").lower()):
                if len(w) >= 3 and w.isalpha() and w not in stop:
                    words.add(w)
        words = sorted(words)
        js = d.execute_script("const s = new Stemmer(); return arguments[0].map(w => s.stemWord(w));", words)
        index = t._search_index(site)
        terms = set(index["terms"]) | set(index["titleterms"])
        found = sum(1 for w, j in zip(words, js) if j in terms or w in terms)
        print(f"site: {site}")
        print(f"words of the book whose browser stem is in the index: {found} / {len(words)}")

        heading_pages, glossary = t._candidate_words(site, stop)
        specific = {w: p for w, p in heading_pages.items() if len(p) <= 3}
        sample = t._sample(specific, 45) + t._sample(set(glossary) - set(specific), 15)
        any_result = on_page = 0
        misses = []
        for w in sample:
            res = t._search(d, lambda p="": base + p.lstrip("/"), w)
            expected = specific.get(w) or {glossary[w]}
            if res:
                any_result += 1
            if res and all(any(f.endswith("/" + p) for f in res) for p in expected):
                on_page += 1
            else:
                misses.append(w)
        print(f"sampled heading/glossary words with >= 1 result: {any_result} / {len(sample)}")
        print(f"... and with the page where the word is a heading among them: {on_page} / {len(sample)}")
        if misses:
            print("not found where expected: " + ", ".join(misses))
    finally:
        d.quit()
        server.shutdown()


if __name__ == "__main__":
    main()
