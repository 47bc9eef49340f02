"""The built site for a reader with a screen reader or a keyboard, and for a trainer who prints.

- every page, checked with axe-core's full WCAG 2.0/2.1/2.2 A/AA rule set in light and in dark
  mode: no problem of impact serious or critical, no exceptions; with <html lang="nl">;
- the interface texts a screen reader announces are Dutch;
- the first Tab shows the skip link, which leads into the chapter;
- printed pages show only the content, at the width of the sheet.

axe-core is fetched at test time into .venv/axe/ (tools/fetch_axe.py) and injected into each
page the browser has opened; the published site never contains it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait
from sitebuild import reader_pages

pytestmark = [pytest.mark.build, pytest.mark.browser]

ROOT = Path(__file__).resolve().parents[2]

#: WCAG 2.0/2.1/2.2 level A and AA rules.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING = {"serious", "critical"}

def _all_pages(built_site: Path) -> list[str]:
    """The same page list as tests/browser/test_site.py::_all_pages."""
    return reader_pages(built_site)


def _load_fetch_axe():
    spec = importlib.util.spec_from_file_location("fetch_axe", ROOT / "tools" / "fetch_axe.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def axe_source() -> str:
    fetch = _load_fetch_axe()
    try:
        path = fetch.fetch_axe()
    except fetch.AxeFetchError as exc:
        pytest.fail(str(exc), pytrace=False)
    return path.read_text(encoding="utf-8")


# The full WCAG 2.0/2.1/2.2 A and AA rule set, in light mode and again in dark mode (the theme
# switch in the top bar sets data-theme on <html>; a reader may pick dark mode). No exceptions.
_RUN_AXE = """
const tags = arguments[0], mode = arguments[1], done = arguments[arguments.length - 1];
const report = r => r.violations.map(v => ({
  id: v.id, impact: v.impact, help: v.help + (mode === 'dark' ? ' (dark mode)' : ''),
  nodes: v.nodes.map(n => ({target: n.target.join(' '), impact: n.impact,
                            summary: (n.failureSummary || '').split('\\n').slice(0, 3).join(' ')}))
}));
// axe 4.10 marks label-content-name-mismatch (WCAG 2.5.3: a control's name contains its visible
// text) experimental and leaves it out of a run by tag; it is switched on here.
const rules = {'label-content-name-mismatch': {enabled: true}};
const run = () => axe.run(document, {runOnly: {type: 'tag', values: tags}, rules, resultTypes: ['violations']})
  .then(r => done(report(r)), err => done({error: String(err)}));
if (mode === 'dark') {
  // Colour transitions would let axe see a mix of the light and dark colours: switch at once.
  const still = document.createElement('style');
  still.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
  document.head.appendChild(still);
  document.documentElement.dataset.theme = 'dark';
  requestAnimationFrame(() => requestAnimationFrame(run));
} else {
  run();
}
"""


def _load(browser, url: str) -> None:
    """Open a page and wait until it has fully loaded. Right after ``get`` on a busy machine the
    document can still be empty (``document.documentElement`` null), so every check below waits
    for the loaded page instead of reading a half-made one."""
    browser.get(url)
    WebDriverWait(browser, 60).until(
        lambda d: d.execute_script(
            "return document.readyState === 'complete' && !!document.documentElement && !!document.body"),
        message=f"{url} did not finish loading within 60 s")


def _blocking(violations: list[dict]) -> list[dict]:
    out = []
    for v in violations:
        nodes = [n for n in v["nodes"] if (n["impact"] or v["impact"]) in BLOCKING]
        if nodes:
            out.append({**v, "nodes": nodes})
    return out


#: Every page is checked, in 4 parts (page 1, 5, … in the first): the two test processes of
#: `make test` take parts each, instead of one process walking the whole site alone.
PARTS = 4


@pytest.mark.parametrize("part", range(PARTS), ids=lambda p: f"part{p + 1}")
def test_every_page_has_no_serious_accessibility_violations(browser, built_site, page_url, axe_source, part):
    """axe-core with the WCAG 2 A/AA tags on every page, light and dark: nothing serious or
    critical, and no exceptions. Minor findings are counted in the output (pytest -s)."""
    pages = _all_pages(built_site)
    assert len(pages) >= 5
    pages = pages[part::PARTS]
    browser.set_script_timeout(90)
    problems: list[str] = []
    counts: dict[tuple[str, str], int] = {}
    for page in pages:
        _load(browser, page_url(page))
        lang = browser.execute_script("return document.documentElement.getAttribute('lang')")
        if lang != "nl":
            problems.append(f"{page}: <html lang={lang!r}>, expected 'nl'")
        browser.execute_script(axe_source)
        for mode in ("light", "dark"):
            result = browser.execute_async_script(_RUN_AXE, WCAG_TAGS, mode)
            if isinstance(result, dict) and "error" in result:
                problems.append(f"{page}: axe failed ({mode}): {result['error']}")
                continue
            for v in result:
                for n in v["nodes"]:
                    key = (n["impact"] or v["impact"], v["id"])
                    counts[key] = counts.get(key, 0) + 1
            for v in _blocking(result):
                targets = "; ".join(f"{n['target']} ({n['summary']})" for n in v["nodes"][:6])
                more = f" … and {len(v['nodes']) - 6} more" if len(v["nodes"]) > 6 else ""
                problems.append(f"{page}: [{v['impact']}] {v['id']} — {v['help']}: {targets}{more}")
    print(f"\naxe over {len(pages)} pages (part {part + 1} of {PARTS}), light and dark (impact, rule: nodes):")
    for (impact, rule), n in sorted(counts.items()):
        print(f"  {impact:9} {rule}: {n}")
    assert not problems, f"{len(problems)} accessibility problems:\n" + "\n".join(problems)


#: Theme texts a screen reader announces (skip link, landmarks, buttons, heading links, search
#: field) that were English; locales/nl/LC_MESSAGES/sphinx.po translates most of them and
#: _static/toegankelijk.js the few that are hard-coded in the theme.
_ENGLISH_UI = ["Skip to main content", "Color mode", "Site navigation", "On this page",
               "Link to this heading", "Back to top", "next page", "previous page",
               "Toggle primary sidebar", "Toggle secondary sidebar", "Search..."]
_ENGLISH_EXACT = {"Main", "Page"}

_SPOKEN_TEXTS = """
const texts = [];
for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], .skip-link, #pst-back-to-top')) {
  for (const t of [el.getAttribute('aria-label'), el.getAttribute('title'), el.getAttribute('placeholder'),
                   el.classList.contains('skip-link')
                   || el.id === 'pst-back-to-top' ? el.textContent : null]) {
    if (t && t.trim()) texts.push(t.trim());
  }
}
return texts;
"""


def test_interface_texts_a_screen_reader_announces_are_dutch(browser, page_url):
    _load(browser, page_url("book/intro/index.html"))
    texts = browser.execute_script(_SPOKEN_TEXTS)
    english = sorted({t for t in texts for phrase in _ENGLISH_UI if phrase.lower() in t.lower()}
                     | {t for t in texts if t in _ENGLISH_EXACT})
    assert not english, f"English interface texts on a Dutch page: {english}"
    assert "Direct naar de inhoud" in texts


def test_the_first_tab_shows_a_skip_link_to_the_content(browser, page_url):
    """A keyboard user's first Tab lands on a visible, Dutch "skip to content" link, and
    following it moves focus past the navigation into the chapter."""
    _load(browser, page_url("book/belemmeringen/belemmeringen.html"))
    ActionChains(browser).send_keys(Keys.TAB).perform()
    focused = browser.switch_to.active_element
    assert "skip-link" in (focused.get_attribute("class") or "") or focused.find_elements(
        "xpath", "ancestor::*[contains(@class,'skip-link')]"), focused.get_attribute("outerHTML")[:200]

    def on_screen(_):
        r = browser.execute_script(
            "const r = arguments[0].getBoundingClientRect(); return [r.top, r.left, r.width, r.height]", focused)
        return r if (r[2] > 0 and r[3] > 0 and r[0] >= 0 and r[1] >= 0) else False

    # The theme slides the link in (0.15 s); it must be fully on screen soon after.
    try:
        WebDriverWait(browser, 2).until(on_screen)
    except TimeoutException:
        pytest.fail("the focused skip link does not appear on screen", pytrace=False)
    assert focused.text.strip() == "Direct naar de inhoud"
    focused.send_keys(Keys.ENTER)
    ActionChains(browser).send_keys(Keys.TAB).perform()
    inside = browser.execute_script(
        "return !!document.activeElement.closest('#main-content, main article, .bd-article')")
    assert inside, browser.switch_to.active_element.get_attribute("outerHTML")[:200]


_PRINT_LAYOUT = """
const shown = sel => [...document.querySelectorAll(sel)].filter(e => {
  const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
}).map(e => sel);
const chrome = ['.bd-header', '.bd-sidebar-primary', '.bd-sidebar-secondary', '.prev-next-area',
                '.skip-link', 'details.hide.above-input > summary', '.header-article-items'].flatMap(shown);
const article = document.querySelector('.bd-article').getBoundingClientRect();
const p = document.querySelector('.bd-article p');
return {chrome, articleWidth: article.width, pageWidth: document.documentElement.clientWidth,
        fontPx: parseFloat(getComputedStyle(p).fontSize)};
"""


@pytest.mark.parametrize("page", ["book/intro/index.html", "book/rolpatronen/methode-huiskamergesprekken.html",
                                  "notebooks/deeltijd.html"])
def test_a_printed_page_shows_only_the_content_at_full_width(browser, built_site, page_url, page):
    """A trainer prints a chapter: no navigation, buttons or code toggles on paper, the text
    uses the width of the sheet and is at least 10 pt."""
    if not (built_site / page).is_file():
        pytest.fail(f"{page} is missing from the build")
    _load(browser, page_url(page))
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        m = browser.execute_script(_PRINT_LAYOUT)
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert not m["chrome"], f"{page}: screen-only parts on paper: {sorted(set(m['chrome']))}"
    assert m["articleWidth"] >= 0.9 * m["pageWidth"], f"{page}: text uses {m['articleWidth']:.0f} of {m['pageWidth']} px"
    assert m["fontPx"] >= 13.3, f"{page}: body text {m['fontPx']} px (< 10 pt)"
