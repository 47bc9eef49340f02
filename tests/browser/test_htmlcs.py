"""A second opinion on accessibility: HTML_CodeSniffer (the engine pa11y runs) at WCAG2AA on every
built page, in light and in dark mode, inside the real headless Chromium: no error, no exceptions.

HTML_CodeSniffer is fetched at test time into .venv/htmlcs/ (tools/fetch_htmlcs.py, pinned version
and sha256) and injected into each page the browser has opened, as axe-core is for
tests/browser/test_accessibility.py; the published site never contains it. Only messages of type
ERROR count; warnings and notices ask a human to look and are counted in the output (pytest -s).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from sitebuild import reader_pages

pytestmark = [pytest.mark.build, pytest.mark.browser]

ROOT = Path(__file__).resolve().parents[2]


def _all_pages(built_site: Path) -> list[str]:
    """Every page a reader can open (the same list as the axe test), the 404 page included."""
    return reader_pages(built_site)


@pytest.fixture(scope="session")
def htmlcs_source() -> str:
    spec = importlib.util.spec_from_file_location("fetch_htmlcs", ROOT / "tools" / "fetch_htmlcs.py")
    fetch = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fetch)
    try:
        path = fetch.fetch_htmlcs()
    except fetch.HtmlcsFetchError as exc:
        pytest.fail(str(exc), pytrace=False)
    return path.read_text(encoding="utf-8")


# Run the WCAG2AA standard over the whole document, as pa11y's default runner does, and report
# every message with the element it is about. In dark mode the theme switch's attribute is set
# with transitions off, so the contrast rules see the final dark colours.
_RUN_HTMLCS = """
const mode = arguments[0], done = arguments[arguments.length - 1];
const where = el => {
  if (!el || !el.tagName) return String(el && el.nodeName || 'document');
  const id = el.id ? '#' + el.id : '';
  const cls = (el.getAttribute('class') || '').trim().split(/\\s+/).filter(Boolean).slice(0, 2)
    .map(c => '.' + c).join('');
  const text = (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
  return el.tagName.toLowerCase() + id + cls + (text ? ' "' + text + '"' : '');
};
const run = () => {
  try {
    HTMLCS.process('WCAG2AA', document, () => {
      done(HTMLCS.getMessages().map(m => ({type: m.type, code: m.code, msg: m.msg, where: where(m.element)})));
    }, err => done({error: String(err)}), 'en');
  } catch (err) {
    done({error: String(err)});
  }
};
if (mode === 'dark') {
  const still = document.createElement('style');
  still.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
  document.head.appendChild(still);
  document.documentElement.dataset.theme = 'dark';
  document.documentElement.dataset.mode = 'dark';
  requestAnimationFrame(() => requestAnimationFrame(run));
} else {
  run();
}
"""

ERROR = 1  # HTMLCS.ERROR; WARNING is 2, NOTICE 3


def _load(browser, url: str) -> None:
    browser.get(url)
    WebDriverWait(browser, 60).until(
        lambda d: d.execute_script(
            "return document.readyState === 'complete' && !!document.documentElement && !!document.body"),
        message=f"{url} did not finish loading within 60 s")


def _draw_every_chart(browser, page: str) -> None:
    """Charts (and their controls) are drawn when a reader comes near them: bring each into
    view and wait until it is drawn, so the check sees what she sees."""
    charts = browser.find_elements(By.CSS_SELECTOR, ".werkzorg-live-chart, #wz-chart")
    for chart in charts:
        browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", chart)
        WebDriverWait(browser, 30).until(lambda d, c=chart: c.find_elements(By.CSS_SELECTOR, "svg g"),
                                         message=f"{page}: a chart was not drawn")
    if charts:
        browser.execute_script("window.scrollTo(0, 0)")


def test_html_codesniffer_finds_no_wcag2aa_error_on_any_page(browser, built_site, page_url, htmlcs_source):
    pages = _all_pages(built_site)
    assert len(pages) >= 60 and "404.html" in pages
    browser.set_script_timeout(120)
    problems: list[str] = []
    counts: dict[tuple[str, str], int] = {}
    for page in pages:
        _load(browser, page_url(page))
        _draw_every_chart(browser, page)
        browser.execute_script(htmlcs_source)
        for mode in ("light", "dark"):  # HTMLCS.process starts each run with no messages
            result = browser.execute_async_script(_RUN_HTMLCS, mode)
            if isinstance(result, dict):
                problems.append(f"{page} ({mode}): HTML_CodeSniffer failed: {result['error']}")
                continue
            for m in result:
                kind = {1: "error", 2: "warning", 3: "notice"}.get(m["type"], str(m["type"]))
                counts[(kind, m["code"])] = counts.get((kind, m["code"]), 0) + 1
                if m["type"] == ERROR:
                    problems.append(f"{page} ({mode}): {m['code']}: {m['msg'][:160]} [{m['where']}]")
    print(f"\nHTML_CodeSniffer WCAG2AA over {len(pages)} pages, light and dark (type, code: messages):")
    for (kind, code), n in sorted(counts.items()):
        if kind != "notice":
            print(f"  {kind:8} {code}: {n}")
    assert not problems, f"{len(problems)} WCAG2AA error(s):\n" + "\n".join(problems[:120])
