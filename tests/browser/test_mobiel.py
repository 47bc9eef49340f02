"""A student reads the book on a phone (390 × 844 CSS pixels): the key pages must not scroll
sideways as a whole. Wide tables and card grids may scroll inside their own box; the page
itself stays as wide as the screen. On the key pages every button, link and field is also
big enough, or far enough from the next one, to hit with a thumb (axe-core's target-size)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import checkers
import cut_css
import pytest
from sitebuild import reader_pages

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
    return checkers.axe_source()


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
    """Every page a reader can open (the list the walk in tests/browser/test_every_page.py checks)."""
    return reader_pages(built_site)


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


#: Every page is checked, in 2 parts (page 1, 3, … in the first): the two test processes of
#: `make test` take parts each, instead of one process walking the whole site alone.
PARTS = 2

#: The widths each page is checked at: opened on a 390 px phone, then narrowed to 320 px as a
#: reader who zooms in does (WCAG 1.4.10: 1280 px at 400%), without opening the page again.
WIDTHS = (390, 320)


def _sideways_and_clipped(browser, page: str, width: int) -> tuple[list[str], list[str]]:
    """What is wider than a ``width`` px screen on the open page, and which table cells are cut off.

    Widgets draw their tables after the load event, and scripts lay tables out again a moment
    after the screen narrows: a page that shows a problem is looked at again for up to 2 s, and
    passes only on two clean looks in a row."""
    def look() -> tuple[list[str], list[str]]:
        m = browser.execute_script(_OVERFLOW, width)
        wide = ([f"{page} ({width} px): {max(m['scroll'], m['inner'])} px wide; widest elements: {m['wide']}"]
                if m["scroll"] > m["inner"] + 1 or m["inner"] > width + 1 else [])
        cells = browser.execute_script(_CLIPPED_CELLS)
        return wide, ([f"{page} ({width} px): {len(cells)} cells, e.g. {cells[:3]}"] if cells else [])

    found = look()
    if found == ([], []):
        return found
    settle, clean = time.monotonic() + 2, 0
    while time.monotonic() < settle and clean < 2:
        time.sleep(0.1)
        found = look()
        clean = clean + 1 if found == ([], []) else 0
    return found


def _narrow(browser, width: int) -> None:
    """Narrow the open page's screen, as a reader zooming in does; wait until the page has the
    narrower screen and has been laid out for it (a page too wide for it widens its own layout
    viewport, which is what the checks then find)."""
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {**PHONE, "width": width})
    WebDriverWait(browser, 5).until(
        lambda d: d.execute_async_script(
            "const [w, done] = arguments; requestAnimationFrame(() => requestAnimationFrame("
            "() => done(screen.width === w && matchMedia(`(max-device-width: ${w}px)`).matches)))", width),
        message=f"the screen did not narrow to {width} px")


@pytest.mark.parametrize("part", range(PARTS), ids=lambda p: f"part{p + 1}")
def test_no_page_scrolls_sideways_on_a_phone(browser, built_site: Path, page_url, part):
    """Long Dutch compounds in headings, long claims and inline code once made ten pages wider
    than a phone; every page is checked so a new chapter cannot bring that back. Each page is
    opened on a 390 px phone and then narrowed to 320 px, the width WCAG 1.4.10 (reflow) asks
    for: a small phone, or 1280 px zoomed to 400%.
    On the same pass: every table cell that is shown lies wholly on the screen, not cut off by
    the screen's edge or by a box that scrolls (wide tables become stacked cards); and no
    selector that the CSS cut removed matches an element of the phone's page, at either width
    (see tests/browser/test_css_cut.py)."""
    found: dict[str, list[str]] = {kind: [] for kind in _PHONE_HEADINGS}
    removed = cut_css.removed_at_rest(built_site)
    try:
        for page in _all_pages(built_site)[part::PARTS]:
            browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {**PHONE, "width": WIDTHS[0]})
            browser.get(page_url(page))
            for width in WIDTHS:
                if width != WIDTHS[0]:
                    _narrow(browser, width)
                wide, cut = _sideways_and_clipped(browser, page, width)
                found["wide"] += wide
                found["clipped"] += cut
                found["styled"] += [f"{page} ({width} px): {m}" for m in cut_css.matching_removed(browser, removed)]
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    report = [f"{len(items)} {_PHONE_HEADINGS[kind]}:\n" + "\n".join(items) for kind, items in found.items() if items]
    assert not report, "\n\n".join(report)


_PHONE_HEADINGS = {
    "wide": "pages wider than the phone's screen",
    "clipped": "pages with table cells cut off or beyond the phone's screen",
    "styled": "elements that a selector the CSS cut removed would style",
}


def _first_table_page_of_each_part(site: Path) -> list[str]:
    """Per folder of the site (a part of the book), its first page that holds a table."""
    first: dict[str, str] = {}
    for page in _all_pages(site):
        folder = page.rsplit("/", 1)[0] if "/" in page else ""
        if folder not in first and "<table" in (site / page).read_text(encoding="utf-8"):
            first[folder] = page
    return sorted(first.values())


def test_a_page_narrowed_to_320_px_is_laid_out_as_one_opened_at_320_px(browser, built_site: Path, page_url):
    """The walk above narrows an open page from 390 to 320 px instead of opening it again. For the
    first page with a table of every part (tables are what scripts lay out again, as stacked cards),
    the narrowed page must look as the page opened at 320 px does: the same width, the same stacked
    tables, the same findings."""
    pages = _first_table_page_of_each_part(built_site)
    assert "book/belemmeringen/belemmeringen.html" in pages and len(pages) >= 8, pages
    state = ("return [window.innerWidth, document.documentElement.scrollWidth,"
             " document.querySelectorAll('table.wz-gestapeld').length, document.querySelectorAll('main table').length]")
    differ, stacked = [], 0
    try:
        for page in pages:
            browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {**PHONE, "width": 320})
            browser.get(page_url(page))
            opened = browser.execute_script(state), _sideways_and_clipped(browser, page, 320)
            browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {**PHONE, "width": 390})
            browser.get(page_url(page))
            _narrow(browser, 320)
            time.sleep(0.3)  # past the tables script's 150 ms wait after a resize
            narrowed = browser.execute_script(state), _sideways_and_clipped(browser, page, 320)
            stacked += opened[0][2]
            if narrowed != opened:
                differ.append(f"{page}: narrowed from 390 px {narrowed}; opened at 320 px {opened}")
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert stacked >= 1, "no table was stacked at 320 px on these pages"
    assert not differ, "\n".join(differ)


def test_narrowing_an_open_page_finds_what_only_the_narrow_screen_shows(browser, page_url):
    """A box that fits a 390 px screen but not a 320 px one is found after narrowing, and the page
    is then really 320 px wide (not a 390 px page measured against 320)."""
    page = "book/intro/index.html"
    try:
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {**PHONE, "width": 390})
        browser.get(page_url(page))
        browser.execute_script("const box = document.createElement('div'); box.id = 'wz-te-breed';"
                               "box.style.width = '340px'; box.textContent = 'x';"
                               "document.querySelector('main article').prepend(box);")
        at_390 = _sideways_and_clipped(browser, page, 390)
        _narrow(browser, 320)
        at_320 = _sideways_and_clipped(browser, page, 320)
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    assert at_390 == ([], []), at_390
    assert at_320[0] and "div right=" in at_320[0][0] and "(320 px)" in at_320[0][0], at_320


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


# --- No touch traps (issue 23) -----------------------------------------------------------------

from selenium.webdriver.common.actions import interaction  # noqa: E402
from selenium.webdriver.common.actions.action_builder import ActionBuilder  # noqa: E402
from selenium.webdriver.common.actions.pointer_input import PointerInput  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from waiting import WebDriverWait  # noqa: E402


@pytest.fixture
def touch_phone(browser):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    browser.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True})
    yield browser
    browser.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def _tap(browser, x: float, y: float) -> None:
    finger = PointerInput(interaction.POINTER_TOUCH, "finger")
    actions = ActionBuilder(browser, mouse=finger)
    actions.pointer_action.move_to_location(int(x), int(y)).pointer_down().pause(0.05).pointer_up()
    actions.perform()


def _rect(browser, el) -> dict:
    return browser.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return {x: r.left, y: r.top, w: r.width, h: r.height};", el)


def _open(browser, page_url, page):
    browser.get(page_url(page))
    WebDriverWait(browser, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")
    time.sleep(0.4)  # the theme and togglebutton bind on load


EXERCISE_PAGE = "book/oefenen/begrippen.html"
_ANSWER_SHOWN = """
const s = arguments[0];
const body = s.querySelector('section.solution-content, section[id^="solution-content"]');
if (!body) return false;
const r = body.getBoundingClientRect();
return r.height > 0 && getComputedStyle(body).visibility !== 'hidden' && getComputedStyle(body).display !== 'none';
"""


def test_a_tap_in_the_middle_of_every_solution_header_opens_the_answer(touch_phone, page_url):
    _open(touch_phone, page_url, EXERCISE_PAGE)
    solutions = touch_phone.find_elements(By.CSS_SELECTOR, "div.solution")
    assert len(solutions) >= 3
    for i, solution in enumerate(solutions):
        title = solution.find_element(By.CSS_SELECTOR, ".admonition-title")
        assert title.find_elements(By.TAG_NAME, "a") == [], f"solution {i}: a link inside the header"
        touch_phone.execute_script("arguments[0].scrollIntoView({block: 'center'});", title)
        time.sleep(0.15)
        assert not touch_phone.execute_script(_ANSWER_SHOWN, solution), f"solution {i} is open before the tap"
        before = touch_phone.execute_script("return window.scrollY")
        r = _rect(touch_phone, title)
        _tap(touch_phone, r["x"] + r["w"] / 2, r["y"] + r["h"] / 2)
        WebDriverWait(touch_phone, 3).until(lambda d, solution=solution: d.execute_script(_ANSWER_SHOWN, solution),
                                            message=f"solution {i}: a tap in the middle of its header did not open it")
        assert abs(touch_phone.execute_script("return window.scrollY") - before) < 50, f"solution {i}: the tap scrolled away"
        # the way back to the question is under the answer
        back = solution.find_element(By.CSS_SELECTOR, ".wz-terug-naar-opgave a")
        assert "Opgave" in back.text


def test_ids_on_the_exercise_page_are_unique(built_site):
    import re
    page = (built_site / EXERCISE_PAGE).read_text(encoding="utf-8")
    ids = re.findall(r'\sid="([^"]+)"', page)
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert duplicates == []


_COVERED = """
const input = arguments[0];
const box = input.getBoundingClientRect();
const style = getComputedStyle(input);
const textLeft = box.left + parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth);
// every other visible thing in the form that overlaps the start of the text
return [...input.form.querySelectorAll('*')].filter(el => el !== input && !el.contains(input)).filter(el => {
  const r = el.getBoundingClientRect();
  if (!r.width || !r.height || getComputedStyle(el).visibility === 'hidden') return false;
  return r.right > textLeft && r.left < textLeft + 24 && r.bottom > box.top && r.top < box.bottom;
}).map(el => el.outerHTML.slice(0, 80));
"""


@pytest.mark.parametrize("where", ["dialog", "search-page"])
def test_the_search_icon_never_covers_the_typed_text(browser, page_url, where):
    if where == "dialog":
        _open(browser, page_url, "book/intro/index.html")
        browser.execute_script("document.querySelector('.search-button__button, .search-button-field').click()")
        field = WebDriverWait(browser, 5).until(lambda d: next(
            (f for f in d.find_elements(By.CSS_SELECTOR, ".search-button__search-container input[name=q], dialog input[name=q]")
             if f.is_displayed()), None))
    else:
        _open(browser, page_url, "search.html")
        field = next(f for f in browser.find_elements(By.CSS_SELECTOR, "form.bd-search input[name=q]") if f.is_displayed())
    assert browser.execute_script(_COVERED, field) == []
    # and the form can be sent with a button
    assert field.find_elements(By.XPATH, "./ancestor::form//button[@type='submit']")


def test_the_page_contents_drawer_closes_after_a_choice(touch_phone, page_url):
    _open(touch_phone, page_url, "book/begrippen/onderscheidingen.html")
    button = next(b for b in touch_phone.find_elements(By.CSS_SELECTOR, ".secondary-toggle") if b.is_displayed())
    r = _rect(touch_phone, button)
    _tap(touch_phone, r["x"] + r["w"] / 2, r["y"] + r["h"] / 2)
    dialog = touch_phone.find_element(By.ID, "pst-secondary-sidebar-modal")
    WebDriverWait(touch_phone, 5).until(lambda d: d.execute_script("return arguments[0].open", dialog))
    links = [a for a in dialog.find_elements(By.CSS_SELECTOR, "a[href^='#']") if a.is_displayed()]
    assert len(links) >= 2
    target = links[1]
    href = target.get_attribute("href").split("#", 1)[1]
    r = _rect(touch_phone, target)
    _tap(touch_phone, r["x"] + min(r["w"] / 2, 40), r["y"] + r["h"] / 2)
    WebDriverWait(touch_phone, 5).until(lambda d: not d.execute_script("return arguments[0].open", dialog),
                                        message="the page-contents drawer stayed open after a choice")
    WebDriverWait(touch_phone, 5).until(lambda d: d.execute_script(
        "const t = document.getElementById(decodeURIComponent(arguments[0]));"
        "const r = t.getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight / 2;", href),
        message="the chosen heading is not at the top of the screen")


def test_the_book_contents_drawer_opens_at_the_current_page(touch_phone, page_url):
    _open(touch_phone, page_url, "book/oefenen/cijfers.html")
    button = next(b for b in touch_phone.find_elements(By.CSS_SELECTOR, ".primary-toggle") if b.is_displayed())
    r = _rect(touch_phone, button)
    _tap(touch_phone, r["x"] + r["w"] / 2, r["y"] + r["h"] / 2)
    dialog = touch_phone.find_element(By.ID, "pst-primary-sidebar-modal")
    WebDriverWait(touch_phone, 5).until(lambda d: d.execute_script("return arguments[0].open", dialog))
    WebDriverWait(touch_phone, 5).until(lambda d: d.execute_script(
        "const here = [...arguments[0].querySelectorAll('.bd-docs-nav a.current, .bd-docs-nav li.current > a')].pop();"
        "if (!here) return false; const r = here.getBoundingClientRect();"
        "return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;", dialog),
        message="the current page is not in view when the book contents open")


def test_a_tap_on_a_glossary_term_shows_its_explanation_first(touch_phone, page_url):
    _open(touch_phone, page_url, "book/begrippen/onderscheidingen.html")
    term = next(a for a in touch_phone.find_elements(By.CSS_SELECTOR, "a.wz-begrip") if a.is_displayed())
    touch_phone.execute_script("arguments[0].scrollIntoView({block: 'center'});", term)
    time.sleep(0.2)
    url = touch_phone.current_url
    r = _rect(touch_phone, term)
    _tap(touch_phone, r["x"] + min(r["w"] / 2, 20), r["y"] + r["h"] / 2)
    box = WebDriverWait(touch_phone, 3).until(lambda d: next(
        (b for b in d.find_elements(By.CSS_SELECTOR, ".wz-begrip-uitleg--tik") if b.is_displayed()), None),
        message="no explanation after a tap on a term")
    assert touch_phone.current_url == url, "the tap jumped to the glossary at once"
    assert term.text.strip() in box.text and len(box.text) > len(term.text) + 20
    more = box.find_element(By.TAG_NAME, "a")
    assert "woordenlijst" in more.get_attribute("href")


CHART_PAGES = ["notebooks/arbeidsparticipatie.html", "notebooks/deeltijd.html",
               "notebooks/economische-zelfstandigheid.html", "notebooks/migratieachtergrond.html",
               "notebooks/zorg-in-cijfers.html"]
#: A sentence that promises a value when a reader taps or touches a chart.
_TAP_PROMISE = re.compile(r"[^.]*\b(?:tik|tikt|tikken|aanraakt|aanraken|druk op)\b[^.]*\b(?:getal|aantal|waarde|cijfer)[^.]*\.", re.I)


@pytest.mark.parametrize("page", CHART_PAGES)
def test_a_tap_on_a_chart_keeps_what_the_page_promises(touch_phone, page_url, page):
    """On a phone she taps a point of a chart. If the page says a tap shows the number, the tap
    must show it; otherwise the numbers must be readable beside the chart (its table)."""
    _open(touch_phone, page_url, page)
    fig = touch_phone.find_element(By.CSS_SELECTOR, ".werkzorg-live")
    touch_phone.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", fig)
    marks = WebDriverWait(touch_phone, 30).until(lambda d: fig.find_elements(
        By.CSS_SELECTOR, ".werkzorg-live-chart svg g.role-mark:is(.mark-symbol, .mark-rect) path"),
        message=f"{page}: the chart was not drawn")
    mark = marks[len(marks) // 2]
    touch_phone.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", mark)
    time.sleep(0.2)
    r = _rect(touch_phone, mark)
    _tap(touch_phone, r["x"] + r["w"] / 2, r["y"] + r["h"] / 2)
    time.sleep(0.6)
    shown = touch_phone.execute_script(
        "const t = document.querySelector('#vg-tooltip-element.visible');"
        "return !!t && /\\d/.test(t.textContent) && t.getBoundingClientRect().height > 0;")
    text = touch_phone.execute_script("return document.querySelector('main').innerText")
    promises = [m.group(0).strip() for m in _TAP_PROMISE.finditer(text)]
    if promises:
        assert shown, f"{page}: the page promises a value on a tap ({promises[0]!r}), a tap shows none"
    else:
        table = fig.find_element(By.CSS_SELECTOR, ".werkzorg-live-table")
        touch_phone.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", table)
        assert table.is_displayed() and re.search(r"\d", table.text), f"{page}: no value on a tap and no table of figures"
