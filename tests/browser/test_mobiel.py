"""A student reads the book on a phone (390 × 844 CSS pixels): the key pages must not scroll
sideways as a whole. Wide tables and card grids may scroll inside their own box; the page
itself stays as wide as the screen. On the key pages every button, link and field is also
big enough, or far enough from the next one, to hit with a thumb (axe-core's target-size)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.build, pytest.mark.browser]

PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}

#: The pages a student is most likely to open on a phone: the introduction, a chapter with a
#: table, the barriers matrix, the toolbox catalogue, the statement cards, the claims overview,
#: the glossary and (once written) the household explorer.
KEY_PAGES = [
    "book/intro/index.html",
    "book/rolpatronen/stellingen-overzicht.html",
    "book/belemmeringen/belemmeringen.html",
    "book/toolbox/catalogus.html",
    "book/rolpatronen/stellingenkaarten.html",
    "book/cijfers/claims.html",
    "book/begrippen/woordenlijst.html",
    "book/verkennen/verkenner.html",
]

_OVERFLOW = """
const limit = arguments[0] + 1;
const wide = [];
for (const el of document.querySelectorAll('main *')) {
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.right <= limit || getComputedStyle(el).visibility === 'hidden') continue;
  // Only the outermost culprit: skip elements inside a box that scrolls or hides overflow.
  let clipped = false;
  for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
    const ox = getComputedStyle(p).overflowX;
    if (ox === 'auto' || ox === 'scroll' || ox === 'hidden' || ox === 'clip') { clipped = true; break; }
  }
  if (!clipped) wide.push(el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
      ? '.' + el.className.trim().split(/\\s+/).slice(0, 3).join('.') : '') + ' right=' + Math.round(r.right));
}
return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth, wide: wide.slice(0, 5)};
"""


ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def axe_source() -> str:
    """axe-core, fetched at test time into .venv/axe/ (see tools/fetch_axe.py)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("fetch_axe", ROOT / "tools" / "fetch_axe.py")
    fetch = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fetch)
    try:
        return fetch.fetch_axe().read_text(encoding="utf-8")
    except fetch.AxeFetchError as exc:
        pytest.fail(str(exc), pytrace=False)


_TARGET_SIZE = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'rule', values: ['target-size']}, resultTypes: ['violations']})
  .then(r => done(r.violations.flatMap(v => v.nodes.map(n => n.target.join(' ') + ' :: ' + n.html.slice(0, 80)))),
        e => done(['axe failed: ' + e]));
"""


@pytest.fixture
def phone(browser):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    yield browser
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.mark.parametrize("page", KEY_PAGES)
def test_key_page_does_not_scroll_sideways_on_a_phone(phone, built_site: Path, page_url, page, axe_source):
    if not (built_site / page).is_file():
        pytest.fail(f"{page} is missing from the build")
    phone.get(page_url(page))
    phone.execute_script("return document.fonts ? document.fonts.ready : null")
    m = phone.execute_script(_OVERFLOW, PHONE["width"])
    # With mobile emulation a too-wide page does not only scroll: the browser widens the layout
    # viewport (innerWidth grows) and zooms out, so the text gets tiny. Both count as failure.
    screen = PHONE["width"]
    assert m["scroll"] <= m["inner"] + 1 and m["inner"] <= screen + 1, (
        f"{page} is wider than the phone: page {m['scroll']} px, layout viewport {m['inner']} px, "
        f"screen {screen} px; widest elements: {m['wide']}"
    )
    # Buttons, links and fields big enough (or far enough apart) for a thumb: WCAG 2.5.8.
    phone.execute_script(axe_source)
    small = phone.execute_async_script(_TARGET_SIZE)
    assert not small, f"{page}: tap targets smaller than 24 x 24 px on a phone: {small[:8]}"


def _all_pages(built_site: Path) -> list[str]:
    """The same page list as tests/browser/test_site.py::_all_pages."""
    pages = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html"))
    return [p for p in pages if not p.startswith(("_static/", "vendor/", "@jupyter-widgets/", "reports/"))]


#: Table cells a reader cannot see whole: beyond the screen's edge, or cut off by a box that
#: scrolls or clips (the barrier tables once hid "Wat helpt" that way, with no hint to scroll).
_CLIPPED_CELLS = """
const vw = window.innerWidth;
const out = [];
cells: for (const cell of document.querySelectorAll('main article td, main article th')) {
  if (!cell.getClientRects().length) continue;                 // not shown (folded, hidden)
  const r = cell.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) continue;
  let left = 0, right = vw;
  for (let p = cell.parentElement; p && p !== document.body; p = p.parentElement) {
    const pr = p.getBoundingClientRect();
    if (pr.width <= 1 || pr.height <= 1) continue cells;          // visually hidden (e.g. stacked header)
    const ox = getComputedStyle(p).overflowX;
    if (ox !== 'visible') { left = Math.max(left, pr.left); right = Math.min(right, pr.right); }
  }
  if (r.right > right + 1 || r.left < left - 1) {
    const table = cell.closest('table');
    out.push((table.id || table.className || 'table') + ' :: "' + cell.textContent.trim().slice(0, 40)
             + '" spans ' + Math.round(r.left) + '-' + Math.round(r.right) + ' px, visible ' + Math.round(left) + '-' + Math.round(right));
  }
}
return out;
"""


@pytest.mark.parametrize("width", [390, 320])
def test_no_page_scrolls_sideways_on_a_phone(browser, built_site: Path, page_url, width):
    """Long Dutch compounds in headings, long claims and inline code once made ten pages wider
    than a phone; every page is checked so a new chapter cannot bring that back. 320 px is the
    width WCAG 1.4.10 (reflow) asks for: a small phone, or 1280 px zoomed to 400%.
    On the same pass: every table cell that is shown lies wholly on the screen, not cut off by
    the screen's edge or by a box that scrolls (wide tables become stacked cards)."""
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {**PHONE, "width": width})
    problems, clipped = [], []
    try:
        for page in _all_pages(built_site):
            browser.get(page_url(page))
            m = browser.execute_script(_OVERFLOW, width)
            if m["scroll"] > m["inner"] + 1 or m["inner"] > width + 1:
                problems.append(f"{page}: {max(m['scroll'], m['inner'])} px wide; widest elements: {m['wide']}")
            cells = browser.execute_script(_CLIPPED_CELLS)
            if cells:  # widgets draw their tables after the load event: look again a moment later
                time.sleep(2)
                cells = browser.execute_script(_CLIPPED_CELLS)
            if cells:
                clipped.append(f"{page}: {len(cells)} cells, e.g. {cells[:3]}")
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert not problems, f"Pages wider than a {width} px screen:\n" + "\n".join(problems)
    assert not clipped, f"Table cells cut off or beyond a {width} px screen:\n" + "\n".join(clipped)


_HEIGHT = "return document.documentElement.scrollHeight"


def test_barrier_chapter_is_skimmable_on_a_phone(phone, page_url):
    """Each barrier is a card: its name and explanation in view, what helps and the source behind
    a button a thumb can tap. Folded, the chapter is far shorter than with every card open;
    on paper everything is printed."""
    from selenium.webdriver.common.by import By

    phone.get(page_url("book/belemmeringen/belemmeringen.html"))
    rows = phone.find_elements(By.CSS_SELECTOR, "table.werkzorg-belemmeringen tbody tr")
    assert len(rows) >= 10
    for row in rows:
        cells = row.find_elements(By.TAG_NAME, "td")
        assert cells[0].is_displayed() and cells[0].text.strip()
        assert not any(c.is_displayed() for c in cells[1:]), f"'{cells[0].text[:30]}' is not folded"
        assert row.find_element(By.CSS_SELECTOR, "button.wz-kaart-knop").is_displayed()
    folded = phone.execute_script(_HEIGHT)
    first = rows[0]
    button = first.find_element(By.CSS_SELECTOR, "button.wz-kaart-knop")
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    help_cell = first.find_elements(By.TAG_NAME, "td")[1]
    assert help_cell.is_displayed() and help_cell.find_elements(By.TAG_NAME, "li")
    right = phone.execute_script("return arguments[0].getBoundingClientRect().right", help_cell)
    assert right <= PHONE["width"] + 1, f"'Wat helpt' reaches {right:.0f} px on a {PHONE['width']} px screen"
    for row in rows[1:]:
        phone.execute_script("arguments[0].click()", row.find_element(By.CSS_SELECTOR, "button.wz-kaart-knop"))
    unfolded = phone.execute_script(_HEIGHT)
    assert folded <= 0.7 * unfolded, f"folded {folded} px vs all open {unfolded} px: folding saves too little"
    # Paper: the table with every cell, no buttons.
    phone.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        phone.get(page_url("book/belemmeringen/belemmeringen.html"))
        cells = phone.find_elements(By.CSS_SELECTOR, "table.werkzorg-belemmeringen tbody td")
        assert all(c.is_displayed() for c in cells)
        assert not any(b.is_displayed() for b in phone.find_elements(By.CSS_SELECTOR, "button.wz-kaart-knop"))
    finally:
        phone.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
