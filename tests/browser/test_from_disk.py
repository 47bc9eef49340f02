"""A trainer without a web server opens the built HTML straight from disk (file://).

Browsers refuse module scripts and some requests there, so this is where an offline
projector set-up breaks first. The explorer's chart and a catalogue filter must work.
"""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from waiting import WebDriverWait

pytestmark = [pytest.mark.build, pytest.mark.browser]


def test_the_explorer_draws_its_chart_when_opened_from_disk(browser, built_site, read_logs):
    read_logs(browser)
    page = built_site / "book" / "verkennen" / "verkenner.html"
    browser.get(page.as_uri() + "?huishouden=paar&kinderen=2&uren1=40&uren2=16&opvang=2")
    # the trainer scrolls to the chart; its runtime is loaded then (_static/laden.js), from disk too
    browser.execute_script("document.getElementById('wz-chart').scrollIntoView({block: 'center'})")
    WebDriverWait(browser, 20).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#wz-chart svg path[aria-label]"))
    assert "niet laden" not in browser.find_element(By.ID, "wz-verkenner").text
    errors, _ = read_logs(browser)
    assert not errors, errors


def test_the_catalogue_filters_when_opened_from_disk(browser, built_site):
    page = built_site / "book" / "toolbox" / "catalogus.html"
    browser.get(page.as_uri())
    cards = lambda: [c for c in browser.find_elements(By.CSS_SELECTOR, "article.tool-card") if c.is_displayed()]
    WebDriverWait(browser, 10).until(lambda d: cards())
    before = len(cards())
    browser.find_element(By.ID, "catalogus-zoek").send_keys("mantelzorg")
    WebDriverWait(browser, 10).until(lambda d: 0 < len(cards()) < before)
