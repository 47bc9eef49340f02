"""The statistics part as a student uses it: click a number, see its source and its audit status."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from waiting import WebDriverWait

from werkzorg.data import audit
from werkzorg.data.claims import load_claims

pytestmark = [pytest.mark.build, pytest.mark.browser]

NOTEBOOKS = ["arbeidsparticipatie", "deeltijd", "economische-zelfstandigheid", "migratieachtergrond", "zorg-in-cijfers"]


def test_claims_page_is_an_audit_table_with_every_claim_and_its_status(browser, page_url, clean_logs):
    results = audit.run_audit()
    claims = load_claims()
    browser.get(page_url("book/cijfers/claims.html"))
    rows = browser.find_elements(By.CSS_SELECTOR, "table.werkzorg-audit-table tbody tr")
    assert len(rows) == len(claims)
    for row, (cid, claim) in zip(rows, claims.items()):
        cells = row.find_elements(By.TAG_NAME, "td")
        assert cells[0].text.strip() == claim.statement
        assert cells[4].text.strip() == results[cid].status
        link = cells[0].find_element(By.TAG_NAME, "a").get_attribute("href")
        assert link.endswith(f"#claim-{cid}")
    assert "uittreksels" in browser.find_element(By.TAG_NAME, "main").text


def test_clicking_a_number_in_a_notebook_shows_source_definition_and_status(browser, page_url, clean_logs):
    browser.get(page_url("notebooks/arbeidsparticipatie.html"))
    claim = browser.find_element(By.CSS_SELECTOR, "main a.werkzorg-claim")
    target = claim.get_attribute("href").split("#", 1)[1]
    claim.click()
    WebDriverWait(browser, 10).until(lambda d: "claims.html" in d.current_url)
    entry = browser.find_element(By.ID, target)
    text = entry.text
    cid = target.removeprefix("claim-")
    status = audit.run_audit()[cid].status
    assert status in text
    for field in ("Populatie en definitie", "Controle", "Geciteerd in"):
        assert field in text


@pytest.mark.parametrize("stem", NOTEBOOKS)
def test_notebook_shows_live_charts_with_a_description_and_no_errors(stem, browser, page_url, read_logs, clean_logs):
    browser.get(page_url(f"notebooks/{stem}.html"))
    figures = browser.find_elements(By.CSS_SELECTOR, "main figure.werkzorg-live")
    assert figures, "no live chart on the page"
    assert all(f.find_element(By.CSS_SELECTOR, ".werkzorg-live-chart").get_attribute("aria-label") for f in figures)
    for f in figures:  # each chart is drawn when the reader scrolls to it
        browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});"
                               "return new Promise(r => requestAnimationFrame(() => setTimeout(r, 50)))", f)
    WebDriverWait(browser, 30).until(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, "main figure.werkzorg-live-drawn svg")) == len(figures))
    errors, hosts = read_logs(browser)
    assert not errors, errors
    assert not hosts, hosts
