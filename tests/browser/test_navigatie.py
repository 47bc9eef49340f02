"""A reader opens the book's menus as she would: by tapping on a phone, clicking on a desktop,
and with the keyboard.

On every page type (home, chapter, statistics notebook, explorer, catalogue, exercises, claims,
glossary):
- phone (390 × 844, touch): tapping ☰ opens the book contents as a drawer whose chapter links
  are on screen; tapping beside the drawer closes it. The page-contents button does the same
  for the page's headings. Tab reaches each button, Enter opens, Escape closes and gives the
  focus back to the button.
- desktop (1366 × 900): clicking ☰ hides the chapter list and clicking again brings it back;
  Enter on the focused button does the same.

The buttons are found as a reader finds them: the visible ones.
"""

from __future__ import annotations

import time

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.actions import interaction
from selenium.webdriver.common.actions.action_builder import ActionBuilder
from selenium.webdriver.common.actions.pointer_input import PointerInput
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from waiting import WebDriverWait

pytestmark = [pytest.mark.build, pytest.mark.browser]

PAGE_TYPES = {
    "home": "book/intro/index.html",
    "chapter": "book/begrippen/onderscheidingen.html",
    "notebook": "notebooks/arbeidsparticipatie.html",
    "explorer": "book/verkennen/verkenner.html",
    "catalogue": "book/toolbox/catalogus.html",
    "exercises": "book/oefenen/begrippen.html",
    "claims": "book/cijfers/claims.html",
    "glossary": "book/begrippen/woordenlijst.html",
}

PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}
DESKTOP = {"width": 1366, "height": 900, "deviceScaleFactor": 1, "mobile": False}

# How many links of a container are on screen (inside the viewport, not hidden).
_LINKS_ON_SCREEN = """
const box = document.querySelector(arguments[0]);
if (!box) return 0;
const vw = window.innerWidth, vh = window.innerHeight;
return [...box.querySelectorAll('a[href]')].filter(a => {
  const r = a.getBoundingClientRect();
  if (r.width < 1 || r.height < 1) return false;
  if (r.right <= 0 || r.left >= vw || r.bottom <= 0 || r.top >= vh) return false;
  const s = getComputedStyle(a);
  if (s.visibility === 'hidden') return false;
  const hit = document.elementFromPoint(Math.min(vw - 1, r.left + Math.min(r.width / 2, 20)), r.top + r.height / 2);
  return hit === a || a.contains(hit);
}).length;
"""

_VISIBLE_BUTTONS = """
return [...document.querySelectorAll(arguments[0])].filter(b => {
  const r = b.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && getComputedStyle(b).visibility !== 'hidden';
});
"""

PRIMARY_LINKS = ".bd-docs-nav"          # the chapter list (in the sidebar or in the drawer)
SECONDARY_LINKS = "#pst-page-toc-nav"      # the page's headings


def _metrics(browser, m):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", m)
    browser.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": bool(m["mobile"])})


@pytest.fixture
def at_width(browser):
    yield lambda m: _metrics(browser, m)
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    browser.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})


def _open(browser, page_url, page):
    browser.get(page_url(page))
    WebDriverWait(browser, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")
    time.sleep(0.3)  # the theme binds its buttons on DOMContentLoaded/load


def _visible_button(browser, selector, page):
    buttons = browser.execute_script(_VISIBLE_BUTTONS, selector)
    assert buttons, f"{page}: no visible {selector} button"
    assert len(buttons) == 1, f"{page}: {len(buttons)} visible {selector} buttons"
    return buttons[0]


def _tap(browser, x: float, y: float) -> None:
    finger = PointerInput(interaction.POINTER_TOUCH, "finger")
    actions = ActionBuilder(browser, mouse=finger)
    actions.pointer_action.move_to_location(int(x), int(y)).pointer_down().pause(0.05).pointer_up()
    actions.perform()


def _tap_element(browser, el) -> None:
    r = browser.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.left, r.top, r.width, r.height]", el)
    _tap(browser, r[0] + r[2] / 2, r[1] + r[3] / 2)


def _wait_links(browser, selector, want_visible: bool, what: str, timeout=8):
    def ok(d):
        n = d.execute_script(_LINKS_ON_SCREEN, selector)
        return (n > 0) == want_visible
    try:
        WebDriverWait(browser, timeout).until(ok)
    except Exception:
        n = browser.execute_script(_LINKS_ON_SCREEN, selector)
        pytest.fail(f"{what}: expected the links {'on' if want_visible else 'off'} screen, {n} on screen", pytrace=False)


def _wait_still(browser, element, timeout=5) -> None:
    """Wait until the element has stopped moving (same position in two frames 100 ms apart)."""
    rect = "const r = arguments[0].getBoundingClientRect(); return [r.x, r.y, r.width, r.height];"
    last = [None]

    def still(d):
        now = d.execute_script(rect, element)
        done = now == last[0]
        last[0] = now
        return done

    WebDriverWait(browser, timeout, poll_frequency=0.1).until(still)


def _has_page_toc(browser) -> bool:
    return bool(browser.execute_script(
        "return document.querySelectorAll('#pst-secondary-sidebar #pst-page-toc-nav a[href]').length > 0"))


def _tab_to(browser, page_url, page: str, selector: str, limit: int = 300):
    """Open the page afresh, as a keyboard user arrives, and press Tab until the visible
    ``selector`` button has the focus; return it. (Tab after a click or a blur goes on from the
    element clicked, so a page used before would first walk through all of its links.)"""
    _open(browser, page_url, page)
    element = _visible_button(browser, selector, page)
    for _ in range(limit):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        if browser.execute_script("return document.activeElement === arguments[0]", element):
            return element
    pytest.fail(f"{page}: {selector} not reached with {limit} presses of Tab", pytrace=False)


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_phone_menus_open_and_close_by_tap_and_keyboard(browser, built_site, page_url, at_width, kind):
    page = PAGE_TYPES[kind]
    assert (built_site / page).is_file(), f"{page} missing from the build"
    at_width(PHONE)
    _open(browser, page_url, page)
    _wait_links(browser, PRIMARY_LINKS, False, f"{page}: chapter list before any tap")

    drawers = [(".primary-toggle", PRIMARY_LINKS, "book contents")]
    if _has_page_toc(browser):
        drawers.append((".secondary-toggle", SECONDARY_LINKS, "page contents"))
    elif kind in {"chapter", "claims", "exercises"}:
        pytest.fail(f"{page}: a {kind} page should have page contents")

    for selector, links, what in drawers:
        # Tap the button: the drawer slides in with its links on screen.
        button = _visible_button(browser, selector, page)
        _tap_element(browser, button)
        _wait_links(browser, links, True, f"{page}: {what} after tapping the button")
        # Tap beside the drawer (on the dimmed page): it closes.
        dialog = browser.execute_script("return document.querySelector('dialog[open]')")
        assert dialog is not None, f"{page}: {what} did not open as a drawer"
        r = browser.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.left, r.right]", dialog)
        x = 10 if r[0] > 40 else min(PHONE["width"] - 10, r[1] + (PHONE["width"] - r[1]) / 2)
        _tap(browser, x, PHONE["height"] / 2)
        _wait_links(browser, links, False, f"{page}: {what} after tapping beside the drawer")

        # Keyboard: Tab to the button, Enter opens, Escape closes and focus returns.
        button = _tab_to(browser, page_url, page, selector)
        ActionChains(browser).send_keys(Keys.ENTER).perform()
        _wait_links(browser, links, True, f"{page}: {what} after Enter")
        ActionChains(browser).send_keys(Keys.ESCAPE).perform()
        _wait_links(browser, links, False, f"{page}: {what} after Escape")
        back = browser.execute_script("return document.activeElement === arguments[0]", button)
        assert back, f"{page}: after Escape the focus is not back on the {what} button"


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_desktop_book_contents_button_hides_and_shows_the_sidebar(browser, built_site, page_url, at_width, kind):
    page = PAGE_TYPES[kind]
    at_width(DESKTOP)
    _open(browser, page_url, page)
    _wait_links(browser, PRIMARY_LINKS, True, f"{page}: chapter list on a desktop")
    button = _visible_button(browser, ".primary-toggle", page)
    button.click()
    _wait_links(browser, PRIMARY_LINKS, False, f"{page}: chapter list after clicking ☰")
    assert not browser.execute_script("return !!document.querySelector('dialog[open]')"), (
        f"{page}: ☰ opened a drawer on a desktop instead of folding the sidebar away")
    _wait_still(browser, button)  # the sidebar folds with an animation; a reader clicks the button where it ends up
    ActionChains(browser).move_to_element(button).click().perform()
    _wait_links(browser, PRIMARY_LINKS, True, f"{page}: chapter list after clicking ☰ again")
    # Keyboard.
    button = _tab_to(browser, page_url, page, ".primary-toggle")
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    _wait_links(browser, PRIMARY_LINKS, False, f"{page}: chapter list after Enter on ☰")
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    _wait_links(browser, PRIMARY_LINKS, True, f"{page}: chapter list after Enter on ☰ again")


# --- Help in one tap (issue 23) ---------------------------------------------------------------

HELP_FROM = {
    "home": "book/intro/index.html",
    "toolbox": "book/toolbox/index.html",
    "catalogue": "book/toolbox/catalogus.html",
    "chapter": "book/belemmeringen/belemmeringen.html",
    "exercises": "book/oefenen/begrippen.html",
}
SAFETY_PAGE = "book/voor-trainers/veiligheid.html"

_HELP_LINKS = """
return [...document.querySelectorAll('a[href]')].filter(a => {
  const url = new URL(a.href, location.href);
  const r = a.getBoundingClientRect();
  return url.pathname.endsWith('/' + arguments[0]) && r.width > 0 && r.height > 0
      && /geweld/i.test((a.closest('.admonition, .wz-verder, .wz-footer-hulp') || a).innerText);
});
"""


@pytest.mark.parametrize("where", HELP_FROM)
def test_one_tap_reaches_the_safety_protocol(browser, built_site, page_url, at_width, where):
    """On a phone, every help link on the page (the box on home, toolbox and catalogue, the
    chapter end, the footer) says it is about violence and one tap on it opens the protocol."""
    at_width(PHONE)
    _open(browser, page_url, HELP_FROM[where])
    links = browser.execute_script(_HELP_LINKS, SAFETY_PAGE)
    # the footer link is on every page; the box or chapter end adds one where it belongs
    expected = 1 if where == "exercises" else 2  # exercises: the footer only
    assert len(links) >= expected, f"{where}: {len(links)} help links about violence"
    for i in range(len(links)):
        _open(browser, page_url, HELP_FROM[where])
        link = browser.execute_script(_HELP_LINKS, SAFETY_PAGE)[i]
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", link)
        _wait_still(browser, link)
        _tap_element(browser, link)
        WebDriverWait(browser, 10).until(lambda d: d.current_url.split("#")[0].endswith(SAFETY_PAGE),
                                         message=f"{where}: tapping help link {i} did not open the protocol")


SMALL_PHONE = {"width": 320, "height": 568, "deviceScaleFactor": 2, "mobile": True}

_FIRST_SCREEN = """
const vh = window.innerHeight, vw = window.innerWidth;
const onScreen = el => { const r = el.getBoundingClientRect();
  return r.width > 0 && r.top >= 0 && r.bottom <= vh && r.left >= 0 && r.right <= vw; };
const help = [...document.querySelectorAll('main a[href]')].filter(a =>
  new URL(a.href, location.href).pathname.endsWith('/' + arguments[0]) && onScreen(a));
const purpose = document.querySelector('main h1 ~ p strong');
return {scrolled: window.scrollY, help: help, helpText: help.map(a => (a.closest('.admonition') || a).innerText),
        purpose: purpose ? purpose.innerText : null, purposeOnScreen: !!purpose && onScreen(purpose)};
"""


@pytest.mark.parametrize("screen", [PHONE, SMALL_PHONE], ids=["390", "320"])
def test_the_first_phone_screen_of_the_home_page_reaches_the_protocol_in_one_tap(browser, page_url, at_width, screen):
    """She opens the book on a phone in a hard moment: without scrolling she sees what the book
    is and a link about violence; one tap on it opens the protocol."""
    at_width(screen)
    _open(browser, page_url, HELP_FROM["home"])
    seen = browser.execute_script(_FIRST_SCREEN, SAFETY_PAGE)
    assert seen["scrolled"] == 0
    assert seen["purposeOnScreen"] and "kennisbank" in seen["purpose"], "the book's purpose is not in the first screen"
    assert seen["help"], f"no link to the protocol in the first {screen['width']} x {screen['height']} screen"
    assert "geweld" in seen["helpText"][0] and "112" in seen["helpText"][0]
    _tap_element(browser, seen["help"][0])
    WebDriverWait(browser, 10).until(lambda d: d.current_url.split("#")[0].endswith(SAFETY_PAGE),
                                     message="tapping the help line did not open the protocol")


def test_the_home_page_help_box_has_a_tel_link(browser, page_url):
    browser.get(page_url(HELP_FROM["home"]))
    box = browser.find_element(By.CSS_SELECTOR, ".admonition.wz-hulp")
    assert "geweld" in box.text
    assert box.find_elements(By.CSS_SELECTOR, "a[href='tel:112']")


def test_on_the_protocol_the_help_numbers_are_tappable_in_the_first_phone_screen(browser, page_url, at_width):
    """She opens the protocol on a phone in a hard moment: 112 and Veilig Thuis are links she can
    tap without scrolling, and Veilig Thuis's own site is one tap away too."""
    at_width(PHONE)
    _open(browser, page_url, SAFETY_PAGE)
    height = browser.execute_script("return window.innerHeight")
    found = browser.execute_script("""
      return [...document.querySelectorAll('main a[href]')].map(a => {
        const r = a.getBoundingClientRect();
        return {href: a.getAttribute('href'), top: r.top, bottom: r.bottom, w: r.width};
      }).filter(x => x.w > 0);""")
    for href in ("tel:112", "tel:08002000", "https://veiligthuis.nl"):
        hits = [x for x in found if x["href"] == href]
        assert hits, f"no link {href} on the protocol"
        assert hits[0]["top"] >= 0 and hits[0]["bottom"] <= height, (
            f"{href} is at {hits[0]['top']:.0f} px, below the first screen of {height} px")
