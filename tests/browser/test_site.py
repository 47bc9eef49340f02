"""The built site as a reader meets it in a browser: title, search, glossary and claim links.
(That no page logs a console error or asks another host is checked on the walk over every page,
tests/browser/test_every_page.py.)"""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from waiting import WebDriverWait

from werkzorg.data.claims import CLAIM_ANCHOR, load_claims

pytestmark = [pytest.mark.build, pytest.mark.browser]


def _wait(browser, condition, timeout=15):
    return WebDriverWait(browser, timeout).until(condition)


def test_home_page_shows_the_title(browser, page_url, clean_logs):
    browser.get(page_url(""))  # index.html redirects to the introduction
    _wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, "main article h1")))
    assert "Werk & Zorg" in browser.title
    assert "Werk" in browser.find_element(By.CSS_SELECTOR, "main article h1").text


def test_searching_a_dutch_word_returns_result_links(browser, page_url, clean_logs):
    browser.get(page_url("search.html?q=gendersensitief"))
    links = _wait(
        browser,
        lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results ul.search li a") or False,
        timeout=30,
    )
    hrefs = [a.get_attribute("href") for a in links]
    assert any("woordenlijst" in h for h in hrefs), hrefs


def test_a_glossary_link_in_a_chapter_lands_on_its_entry(browser, page_url, clean_logs):
    browser.get(page_url("book/intro/index.html"))
    link = browser.find_element(By.CSS_SELECTOR, "main a.reference.internal[href*='woordenlijst.html#term-']")
    target = link.get_attribute("href").split("#", 1)[1]
    link.click()
    _wait(browser, lambda d: "woordenlijst" in d.current_url)
    entry = browser.find_element(By.ID, target)
    assert entry.tag_name == "dt"
    assert entry.text.strip()


def test_a_claim_in_prose_links_to_its_entry_in_the_overview(browser, page_url, clean_logs):
    browser.get(page_url("book/intro/index.html"))
    claim = browser.find_element(By.CSS_SELECTOR, "main a.werkzorg-claim")
    shown = claim.text
    assert any(ch.isdigit() for ch in shown), shown
    target = claim.get_attribute("href").split("#", 1)[1]
    claim.click()
    _wait(browser, lambda d: "claims.html" in d.current_url)
    entry = browser.find_element(By.ID, target)
    assert entry.is_displayed()
    # The entry shows the figure's statement as the registry has it (the id itself is not shown).
    statement = load_claims()[target.removeprefix(CLAIM_ANCHOR)].statement
    assert statement in " ".join(entry.text.split()), (statement, entry.text[:200])
