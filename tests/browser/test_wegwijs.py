"""Finding your way, as a reader does it in Chromium:

- the home page routes each reader (trainer, student, volunteer, analyst, someone who wants to
  try the explorer) in one tap to the right page, and "Waar begin je?" is on the first screen
  on a phone and on a desktop;
- the glossary's A–Z bar: each letter link lands on a term with that letter;
- a term link in a chapter shows the term's definition when it gets keyboard focus, and Escape
  closes it;
- the buttons that fold exercise answers and code have Dutch names;
- a printed chapter never ends a page with a heading whose text is on the next page.
"""

from __future__ import annotations

import base64
import io
import re

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from waiting import WebDriverWait

pytestmark = [pytest.mark.build, pytest.mark.browser]

PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}
DESKTOP = {"width": 1366, "height": 900, "deviceScaleFactor": 1, "mobile": False}

#: Who the home page must route, and a word the landing page's title must hold.
ROUTES = {
    "trainer": ("training", "trainers"),
    "student": ("studeer", "begrippen"),
    "volunteer": ("vrijwilliger", "catalogus"),
    "analyst": ("cijfers", "cijfers"),
    "explorer": ("uitproberen", "reken zelf"),
}


@pytest.fixture
def sized(browser):
    def size(m):
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", m)
    yield size
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def _cards(browser):
    return browser.find_elements(By.CSS_SELECTOR, "main .wz-routes .sd-card")


@pytest.mark.parametrize("metrics", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_home_page_routes_each_reader_in_one_tap(browser, page_url, sized, metrics):
    sized(metrics)
    browser.get(page_url("book/intro/index.html"))
    # "Waar begin je?" and the cards start on the first screen.
    top = browser.execute_script(
        "const h = [...document.querySelectorAll('main h2')].find(h => h.textContent.includes('Waar begin je'));"
        "return h ? h.getBoundingClientRect().bottom : null")
    assert top is not None, "no 'Waar begin je?' heading"
    assert top <= metrics["height"], f"'Waar begin je?' ends at {top:.0f} px, below the first screen ({metrics['height']} px)"
    first_card = browser.execute_script(
        "const c = document.querySelector('main .wz-routes .sd-card'); return c ? c.getBoundingClientRect().top : null")
    assert first_card is not None and first_card < metrics["height"], "the first route card is below the first screen"

    cards = _cards(browser)
    texts = [c.text.lower() for c in cards]
    assert len(cards) >= 5, texts
    for who, (card_word, title_word) in ROUTES.items():
        browser.get(page_url("book/intro/index.html"))
        card = next((c for c in _cards(browser) if card_word in c.text.lower()), None)
        assert card is not None, f"no card for the {who} ({card_word!r}) in {texts}"
        # One tap/click anywhere on the card, here on its body text, leads to the page.
        body = card.find_element(By.CSS_SELECTOR, ".sd-card-text, .sd-card-body p, .sd-card-body")
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", body)
        ActionChains(browser).move_to_element(body).click().perform()
        WebDriverWait(browser, 10).until(lambda d: "intro/index.html" not in d.current_url)
        h1 = browser.find_element(By.CSS_SELECTOR, "main article h1").text.lower()
        assert title_word in h1, f"the {who} card leads to '{h1}' ({browser.current_url})"


def test_home_route_cards_work_from_the_keyboard(browser, page_url):
    browser.get(page_url("book/intro/index.html"))
    links = browser.find_elements(By.CSS_SELECTOR, "main .wz-routes a[href]")
    assert len(links) >= 5
    names = [browser.execute_script("return arguments[0].textContent.trim()", a) for a in links]
    assert all(len(n) > 5 for n in names), f"route links without a readable name: {names}"
    links[0].send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda d: "intro/index.html" not in d.current_url)


def test_glossary_letters_land_on_terms_with_that_letter(browser, page_url):
    browser.get(page_url("book/begrippen/woordenlijst.html"))
    letters = browser.find_elements(By.CSS_SELECTOR, "nav.wz-az a")
    assert len(letters) >= 15
    hrefs = [(a.text.strip(), a.get_attribute("href")) for a in letters]
    for letter, href in hrefs:
        browser.get(href)
        target = href.split("#", 1)[1]
        term = browser.find_element(By.ID, target)
        assert term.tag_name == "dt"
        assert term.text.strip()[0].upper() == letter, f"{letter} lands on '{term.text}'"
        top = browser.execute_script("return arguments[0].getBoundingClientRect().top", term)
        assert 0 <= top < 400, f"{letter}: the term is not on screen (top {top:.0f} px)"
    # Letters without terms are not links.
    empty = browser.find_elements(By.CSS_SELECTOR, "nav.wz-az li:not(:has(a))")
    assert all(not e.find_elements(By.TAG_NAME, "a") for e in empty)


def test_a_term_shows_its_definition_on_keyboard_focus(browser, page_url):
    browser.get(page_url("book/intro/index.html"))
    link = browser.find_element(By.CSS_SELECTOR, "main a.wz-begrip")
    term = link.text.strip()
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    browser.execute_script("arguments[0].blur()", link)
    # Reach it with Tab from the element before it.
    browser.execute_script(
        "const all = [...document.querySelectorAll('main a[href], main button')];"
        "const i = all.indexOf(arguments[0]); (all[i - 1] || document.body).focus();", link)
    for _ in range(5):
        if browser.execute_script("return document.activeElement === arguments[0]", link):
            break
        ActionChains(browser).send_keys(Keys.TAB).perform()
    assert browser.execute_script("return document.activeElement === arguments[0]", link)
    tip = WebDriverWait(browser, 3).until(lambda d: d.find_element(By.ID, "wz-begrip-uitleg"))
    WebDriverWait(browser, 3).until(lambda d: tip.is_displayed())
    assert tip.text.startswith(term), tip.text
    assert len(tip.text) > len(term) + 30, f"the preview says little: {tip.text!r}"
    assert link.get_attribute("aria-describedby") == "wz-begrip-uitleg"
    # The definition on the glossary page is the same text (the preview may be shortened).
    href = link.get_attribute("href")
    definition = tip.text.split(": ", 1)[1].rstrip(" …")[:60]
    ActionChains(browser).send_keys(Keys.ESCAPE).perform()
    assert not tip.is_displayed(), "Escape does not close the preview"
    browser.get(href)
    dd = browser.find_element(By.XPATH, f"//dt[@id='{href.split('#', 1)[1]}']/following-sibling::dd[1]")
    assert definition[:40] in re.sub(r"\s+", " ", dd.text), (definition, dd.text[:200])


def test_fold_buttons_have_dutch_names(browser, page_url):
    for page in ["book/oefenen/begrippen.html", "notebooks/deeltijd.html"]:
        browser.get(page_url(page))
        WebDriverWait(browser, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
        names = browser.execute_script(
            "return [...document.querySelectorAll('button, summary')].map(b => b.getAttribute('aria-label') || b.textContent.trim())")
        english = [n for n in names if n and re.search(r"toggle|hidden|show|hide", n, re.I)]
        assert not english, f"{page}: English button names {english[:5]}"


def test_printed_chapter_keeps_headings_with_their_text(browser, page_url):
    """Print a long chapter to PDF (A4) and check that no page ends with a heading."""
    from pypdf import PdfReader

    page = "book/rolpatronen/methode-huiskamergesprekken.html"
    browser.get(page_url(page))
    headings = browser.execute_script(
        "return [...document.querySelectorAll('article section > h2, article section > h3, article section > h4')]"
        ".map(h => h.textContent.replace(/#$/, '').trim())")
    assert len(headings) >= 4
    pdf = browser.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69, "printBackground": False})
    reader = PdfReader(io.BytesIO(base64.b64decode(pdf["data"])))
    assert len(reader.pages) >= 2
    norm = lambda t: re.sub(r"\s+", " ", t).strip()  # noqa: E731
    heads = [norm(h) for h in headings]
    stranded = []
    for i, p in enumerate(reader.pages[:-1]):
        lines = [norm(x) for x in (p.extract_text() or "").splitlines() if norm(x)]
        if not lines:
            continue
        last = lines[-1]
        if any(len(last) > 3 and (h == last or h.endswith(last)) for h in heads):
            stranded.append(f"page {i + 1} ends with the heading '{last}'")
    assert not stranded, f"{page}: " + "; ".join(stranded)
