"""The built site as a reader meets it in a browser: title, search, glossary and claim links,
and on every page no console error and no request to another host than the local server."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait
from sitebuild import reader_pages

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


def _all_pages(built_site: Path) -> list[str]:
    return reader_pages(built_site)


#: Every page is checked, in 3 parts (page 1, 4, … in the first): the two test processes of
#: `make test` take parts each, instead of one process walking the whole site alone.
PARTS = 3


@pytest.mark.parametrize("part", range(PARTS), ids=lambda p: f"part{p + 1}")
def test_every_page_is_offline_clean(browser, built_site, page_url, read_logs, clean_logs, part):
    problems = []
    pages = _all_pages(built_site)
    assert len(pages) >= 5
    for page in pages[part::PARTS]:
        browser.get(page_url(page))
        # Let module scripts, vega and the widget manager run and report.
        time.sleep(0.4)
        errors, hosts = read_logs(browser)
        if errors:
            problems.append(f"{page}: console errors {errors}")
        if hosts:
            problems.append(f"{page}: requests to {sorted(hosts)}")
    assert not problems, "\n".join(problems)
