"""The two accessibility engines the browser tests inject into pages they have opened, and how
to run them: axe-core (tools/fetch_axe.py) and HTML_CodeSniffer (tools/fetch_htmlcs.py), both
fetched at test time into .venv/ and never part of the published site."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from waiting import WebDriverWait

ROOT = Path(__file__).resolve().parents[1]

#: WCAG 2.0/2.1/2.2 level A and AA rules.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING = {"serious", "critical"}
HTMLCS_ERROR = 1  # HTMLCS.ERROR; WARNING is 2, NOTICE 3


def _tool(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _fetched(tool: str, fetcher: str, error: str) -> str:
    """The text of a checker that ``tools/<tool>.py`` fetches with npm (a clear failure if it cannot)."""
    fetch = _tool(tool)
    try:
        return getattr(fetch, fetcher)().read_text(encoding="utf-8")
    except getattr(fetch, error) as exc:
        pytest.fail(str(exc), pytrace=False)


def axe_source() -> str:
    return _fetched("fetch_axe", "fetch_axe", "AxeFetchError")


def htmlcs_source() -> str:
    return _fetched("fetch_htmlcs", "fetch_htmlcs", "HtmlcsFetchError")


def load(browser, url: str) -> None:
    """Open a page and wait until it has fully loaded. Right after ``get`` on a busy machine the
    document can still be empty (``document.documentElement`` null), so every check waits for
    the loaded page instead of reading a half-made one."""
    browser.get(url)
    WebDriverWait(browser, 60).until(
        lambda d: d.execute_script(
            "return document.readyState === 'complete' && !!document.documentElement && !!document.body"),
        message=f"{url} did not finish loading within 60 s")


def draw_every_chart(browser, page: str) -> None:
    """Charts (and their controls) are drawn when a reader comes near them: bring each into
    view and wait until it is drawn, so a check sees what she sees."""
    charts = browser.find_elements(By.CSS_SELECTOR, ".werkzorg-live-chart, #wz-chart")
    for chart in charts:
        browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", chart)
        WebDriverWait(browser, 30).until(lambda d, c=chart: c.find_elements(By.CSS_SELECTOR, "svg g"),
                                         message=f"{page}: a chart was not drawn")
    if charts:
        browser.execute_script("window.scrollTo(0, 0)")


#: Dark mode as the theme switch in the top bar sets it, at once: colour transitions would let a
#: checker see a mix of the light and the dark colours.
SWITCH_TO_DARK = """
const done = arguments[arguments.length - 1];
const still = document.createElement('style');
still.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
document.head.appendChild(still);
document.documentElement.dataset.theme = 'dark';
document.documentElement.dataset.mode = 'dark';
requestAnimationFrame(() => requestAnimationFrame(() => done(true)));
"""

#: The full WCAG 2.0/2.1/2.2 A and AA rule set of axe-core, violations only.
RUN_AXE = """
const tags = arguments[0], done = arguments[arguments.length - 1];
// label-content-name-mismatch (WCAG 2.5.3: a control's name contains its visible text) was
// experimental before axe 4.11 and left out of a run by tag; it stays switched on by name.
const rules = {'label-content-name-mismatch': {enabled: true}};
axe.run(document, {runOnly: {type: 'tag', values: tags}, rules, resultTypes: ['violations']})
  .then(r => done(r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map(n => ({target: n.target.join(' '), impact: n.impact,
                                summary: (n.failureSummary || '').split('\\n').slice(0, 3).join(' ')}))}))),
        err => done({error: String(err)}));
"""

#: HTML_CodeSniffer at WCAG2AA; each run starts with no messages.
RUN_HTMLCS = """
const done = arguments[arguments.length - 1];
const where = el => {
  if (!el || !el.tagName) return String(el && el.nodeName || 'document');
  const id = el.id ? '#' + el.id : '';
  const cls = (el.getAttribute('class') || '').trim().split(/\\s+/).filter(Boolean).slice(0, 2)
    .map(c => '.' + c).join('');
  const text = (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
  return el.tagName.toLowerCase() + id + cls + (text ? ' "' + text + '"' : '');
};
try {
  HTMLCS.process('WCAG2AA', document, () => {
    done(HTMLCS.getMessages().map(m => ({type: m.type, code: m.code, msg: m.msg, where: where(m.element)})));
  }, err => done({error: String(err)}), 'en');
} catch (err) {
  done({error: String(err)});
}
"""


def blocking(violations: list[dict]) -> list[dict]:
    """The axe violations of impact serious or critical, with only their serious nodes."""
    out = []
    for v in violations:
        nodes = [n for n in v["nodes"] if (n["impact"] or v["impact"]) in BLOCKING]
        if nodes:
            out.append({**v, "nodes": nodes})
    return out
