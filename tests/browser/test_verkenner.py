"""The static household explorer as a trainer uses it: no kernel, no network.

Moving a control changes the numbers and the chart to the value the Python household model gives
for that scenario. The expected values are computed here by calling the model
(werkzorg.household.evaluate) on the scenario, not read from the page's precomputed grid.
"""

from __future__ import annotations

import pandas as pd
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from werkzorg import explorer, household

pytestmark = [pytest.mark.build, pytest.mark.browser]

PAGE = "book/verkennen/verkenner.html"


def model(**controls):
    """The model's outputs for one setting of the explorer's controls."""
    settings = explorer.normalise(dict(explorer.DEFAULTS, **controls))
    settings.pop("as", None)
    return household.evaluate(pd.DataFrame([explorer.inputs_for(**settings)])).iloc[0]


def expected(key, **controls):
    return explorer.expected_month(model(**controls), key)


def _open(browser, page_url, query=""):
    browser.get(page_url(PAGE) + query)
    WebDriverWait(browser, 20).until(
        lambda d: d.execute_script("var r = document.getElementById('wz-verkenner'); return r && r.dataset.ready === '1';"))


def _shown(browser, key):
    el = browser.find_element(By.CSS_SELECTOR, f'#wz-verkenner [data-out="{key}"]')
    return int(el.get_attribute("data-value")), el.text


def _wait_rendered(browser, **state):
    """Wait until the chart has re-rendered for the given controls (set by the glue after Vega ran)."""
    keys = ["huishouden", "jaar", "kinderen", "loon", "opvang", "uren1", "uren2"]
    s = explorer.normalise(dict(explorer.DEFAULTS, **state))
    want = "|".join(str(s[k]) for k in keys) + "|" + str(s["as"])
    WebDriverWait(browser, 10).until(
        lambda d: d.execute_script("return document.getElementById('wz-verkenner').dataset.rendered") == want)


def _point_labels(browser):
    return browser.execute_script(
        "return Array.from(document.querySelectorAll('#wz-chart path[aria-label]'))"
        ".map(e => e.getAttribute('aria-label')).filter(t => t.indexOf(' bij ') > 0);")


def _clean(read_logs, browser):
    errors, hosts = read_logs(browser)
    # The browser's own request for /favicon.ico is not made by the page.
    errors = [e for e in errors if "favicon.ico" not in e]
    assert not errors, errors
    assert not hosts, f"requests to other hosts: {sorted(hosts)}"


def test_defaults_show_the_models_numbers(browser, page_url, read_logs, clean_logs):
    _open(browser, page_url)
    for key in ("d", "n1", "n2", "kot", "kgb", "zt", "kc"):
        value, text = _shown(browser, key)
        assert value == expected(key), (key, text)
    assert browser.find_element(By.ID, "wz-uren2").get_attribute("value") == str(explorer.DEFAULTS["uren2"])
    _clean(read_logs, browser)


def test_moving_her_hours_from_8_to_16_updates_numbers_and_chart(browser, page_url, read_logs, clean_logs):
    _open(browser, page_url, "?huishouden=paar&uren1=40&uren2=8&opvang=2&kinderen=2")
    before = _shown(browser, "d")[0]
    assert before == expected("d", uren1=40, uren2=8, opvang=2, kinderen="2")
    slider = browser.find_element(By.ID, "wz-uren2")
    slider.send_keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT)  # two steps of 4 hours, as a keyboard user would
    _wait_rendered(browser, uren1=40, uren2=16, opvang=2, kinderen="2")
    out = model(uren1=40, uren2=16, opvang=2, kinderen="2")
    assert _shown(browser, "d")[0] == explorer.expected_month(out, "d") != before
    assert _shown(browser, "n2")[0] == explorer.expected_month(out, "n2")
    status2 = browser.find_element(By.CSS_SELECTOR, '[data-out="status2"]')
    assert status2.get_attribute("data-ez") == ("1" if out["ez2"] else "0")
    assert status2.get_attribute("data-fo") == ("1" if out["fo2"] else "0")
    # the chart's highlighted points moved to 16 hours with the model's values
    labels = _point_labels(browser)
    assert f"Besteedbaar inkomen huishouden bij 16 uur: {explorer.expected_month(out, 'd')} euro per maand" in labels, labels
    assert f"Netto uit werk ouder 2 bij 16 uur: {explorer.expected_month(out, 'n2')} euro per maand" in labels, labels
    assert "uren2=16" in browser.find_element(By.ID, "wz-permalink").get_attribute("href")
    _clean(read_logs, browser)


def test_single_parent_from_bijstand(browser, page_url, read_logs, clean_logs):
    _open(browser, page_url)
    Select(browser.find_element(By.ID, "wz-huishouden")).select_by_value("alleen")
    _wait_rendered(browser, huishouden="alleen")
    assert not browser.find_element(By.CSS_SELECTOR, '[data-out="n2"]').is_displayed()
    assert browser.find_element(By.ID, "wz-uren2").get_attribute("disabled")
    for key in ("bb", "d", "kgb", "zt"):
        assert _shown(browser, key)[0] == expected(key, huishouden="alleen"), key
    slider = browser.find_element(By.ID, "wz-uren1")
    slider.send_keys(Keys.HOME)  # 0 hours: full bijstand
    _wait_rendered(browser, huishouden="alleen", uren1=0)
    out = model(huishouden="alleen", uren1=0)
    assert _shown(browser, "bb")[0] == explorer.expected_month(out, "bb") > 0
    assert _shown(browser, "d")[0] == explorer.expected_month(out, "d")
    _clean(read_logs, browser)


def test_year_and_wage_controls(browser, page_url, read_logs, clean_logs):
    _open(browser, page_url)
    Select(browser.find_element(By.ID, "wz-jaar")).select_by_value("2026")
    Select(browser.find_element(By.ID, "wz-loon")).select_by_value("min")
    _wait_rendered(browser, jaar=2026, loon="min")
    for key in ("d", "n1", "n2", "kot", "kgb", "zt"):
        assert _shown(browser, key)[0] == expected(key, jaar=2026, loon="min"), key
    _clean(read_logs, browser)


def test_url_presets_the_controls(browser, page_url, read_logs, clean_logs):
    _open(browser, page_url, "?huishouden=paar&uren1=40&uren2=16&opvang=3&kinderen=2s&jaar=2026&loon=30")
    state = dict(uren1=40, uren2=16, opvang=3, kinderen="2s", jaar=2026, loon="30")
    assert browser.find_element(By.ID, "wz-uren1").get_attribute("value") == "40"
    assert browser.find_element(By.ID, "wz-opvang").get_attribute("value") == "3"
    assert Select(browser.find_element(By.ID, "wz-kinderen")).first_selected_option.get_attribute("value") == "2s"
    assert _shown(browser, "d")[0] == expected("d", **state)
    # a hash works too, and a value that is not on the grid snaps to the nearest one
    _open(browser, page_url, "#huishouden=alleen&uren1=17")
    assert browser.find_element(By.ID, "wz-uren1").get_attribute("value") == "16"
    assert _shown(browser, "d")[0] == expected("d", huishouden="alleen", uren1=16)
    _clean(read_logs, browser)


def test_unknown_url_value_is_reported_not_fatal(browser, page_url, read_logs, clean_logs):
    _open(browser, page_url, "?huishouden=drie&uren2=12")
    box = browser.find_element(By.ID, "wz-approx")
    assert "huishouden=drie" in box.text
    assert _shown(browser, "d")[0] == expected("d", uren2=12)
    _clean(read_logs, browser)


def test_approximation_mark_is_shown_when_a_result_rests_on_one(browser, page_url, read_logs, clean_logs):
    # Low joint income, 2025: every parameter used is sourced, no mark.
    _open(browser, page_url, "?huishouden=paar&uren1=24&uren2=8&loon=min&jaar=2025")
    assert model(uren1=24, uren2=8, loon="min", jaar=2025)["approx"] == 0
    assert not browser.find_element(By.ID, "wz-approx").is_displayed()
    assert "≈" not in _shown(browser, "kot")[1]
    # High joint income: the KOT percentage comes from an interpolated row.
    _open(browser, page_url, "?huishouden=paar&uren1=40&uren2=40&loon=30&jaar=2025")
    assert model(uren1=40, uren2=40, loon="30", jaar=2025)["approx"] & household.APPROX_BITS["kot"]
    assert "≈" in _shown(browser, "kot")[1]
    box = browser.find_element(By.ID, "wz-approx")
    assert box.is_displayed()
    assert box.find_elements(By.CSS_SELECTOR, 'li[data-param="kot_table"]')
    _clean(read_logs, browser)


def test_case_card_links_use_the_trainers_words(browser, page_url, read_logs, clean_logs):
    """The case cards link with huishouden=alleenstaand and loon=laag/midden/hoog."""
    _open(browser, page_url, "?huishouden=alleenstaand&uren1=16&uren2=0&opvang=2&loon=laag&jaar=2026")
    assert Select(browser.find_element(By.ID, "wz-huishouden")).first_selected_option.get_attribute("value") == "alleen"
    assert Select(browser.find_element(By.ID, "wz-loon")).first_selected_option.get_attribute("value") == "min"
    assert _shown(browser, "d")[0] == expected("d", huishouden="alleen", uren1=16, opvang=2, loon="min", jaar=2026)
    assert not browser.find_element(By.ID, "wz-approx").text.count("Niet gebruikt")
    _clean(read_logs, browser)


def test_without_children_the_childcare_control_is_off(browser, page_url, read_logs, clean_logs):
    _open(browser, page_url, "?huishouden=paar&kinderen=0&opvang=3&uren1=36&uren2=24")
    assert browser.find_element(By.ID, "wz-opvang").get_attribute("disabled")
    for key in ("d", "kot", "kgb", "kc"):
        assert _shown(browser, key)[0] == expected(key, kinderen="0", uren1=36, uren2=24), key
    assert _shown(browser, "kgb")[0] == 0
    _clean(read_logs, browser)


def test_projector_view_hides_the_sidebars_and_keeps_the_numbers(browser, page_url, read_logs, clean_logs):
    _open(browser, page_url, "?uren2=16")
    browser.find_element(By.ID, "wz-beamer").click()
    WebDriverWait(browser, 5).until(
        lambda d: d.execute_script("return document.documentElement.classList.contains('wz-beamer')"))
    sidebars = browser.find_elements(By.CSS_SELECTOR, ".bd-sidebar-primary")
    assert all(not s.is_displayed() for s in sidebars)
    assert "beamer=1" in browser.find_element(By.ID, "wz-permalink").get_attribute("href")
    assert _shown(browser, "d")[0] == expected("d", uren2=16)
    # a link with beamer=1 opens in the projector view
    _open(browser, page_url, "?uren2=16&beamer=1")
    assert browser.execute_script("return document.documentElement.classList.contains('wz-beamer')")
    _clean(read_logs, browser)


def test_compare_now_and_wished_side_by_side(browser, page_url, read_logs, clean_logs):
    """A trainer pins 'nu' (she works 8 hours), then moves to 16: both columns and the difference show."""
    _open(browser, page_url, "?huishouden=paar&uren1=40&uren2=8&opvang=2&kinderen=2")
    browser.find_element(By.ID, "wz-pin").click()
    browser.find_element(By.ID, "wz-uren2").send_keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT)
    _wait_rendered(browser, uren1=40, uren2=16, opvang=2, kinderen="2")
    now, wished = model(uren1=40, uren2=8, opvang=2, kinderen="2"), model(uren1=40, uren2=16, opvang=2, kinderen="2")
    for key in ("d", "n2", "kot", "kgb"):
        cell_now = browser.find_element(By.CSS_SELECTOR, f'[data-now="{key}"]')
        cell_diff = browser.find_element(By.CSS_SELECTOR, f'[data-diff="{key}"]')
        assert cell_now.is_displayed()
        assert int(cell_now.get_attribute("data-value")) == explorer.expected_month(now, key)
        assert _shown(browser, key)[0] == explorer.expected_month(wished, key)
        assert int(cell_diff.get_attribute("data-value")) == explorer.expected_month(wished, key) - explorer.expected_month(now, key)
    assert "nu=uren2" in browser.find_element(By.ID, "wz-permalink").get_attribute("href")
    # the link restores the comparison
    _open(browser, page_url, "?huishouden=paar&uren1=40&uren2=16&opvang=2&kinderen=2&nu=uren2:8")
    cell_now = browser.find_element(By.CSS_SELECTOR, '[data-now="d"]')
    assert cell_now.is_displayed() and int(cell_now.get_attribute("data-value")) == explorer.expected_month(now, "d")
    _clean(read_logs, browser)
