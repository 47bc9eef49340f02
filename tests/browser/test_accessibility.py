"""The built site for a reader with a screen reader or a keyboard, and for a trainer who prints.

- every page is checked with axe-core in light and dark mode, and for <html lang="nl">, in
  tests/browser/test_every_page.py, on the one walk over all pages;
- the interface texts a screen reader announces are Dutch;
- the first Tab shows the skip link, which leads into the chapter;
- printed pages show only the content, at the width of the sheet.
"""

from __future__ import annotations

import pytest
from checkers import load
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from waiting import WebDriverWait

pytestmark = [pytest.mark.build, pytest.mark.browser]

_load = load


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
