"""Case cards open the household explorer with their own scenario preloaded."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from selenium.webdriver.common.by import By
from waiting import WebDriverWait

from werkzorg.explorer import page as explorer

pytestmark = [pytest.mark.build, pytest.mark.browser]

ROOT = Path(__file__).resolve().parents[2]
CASES = yaml.safe_load((ROOT / "data" / "casussen.yaml").read_text(encoding="utf-8"))["casussen"]
#: How the explorer's controls name the case cards' plain words (what a reader sees selected).
CONTROL_VALUE = {"alleenstaand": "alleen", "paar": "paar", "laag": "min", "midden": "20"}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["id"])
def test_a_case_card_opens_the_explorer_with_its_scenario(browser, page_url, case, read_logs, clean_logs):
    browser.get(page_url("book/voor-trainers/casussen.html"))
    card = browser.find_element(By.ID, f"casus-{case['id']}")
    href = card.find_element(By.CSS_SELECTOR, "a.werkzorg-casus-link").get_attribute("href")
    browser.get(href)
    # the chart's runtime comes when a reader nears the chart (_static/laden.js): scroll as a reader does
    browser.execute_script("var c = document.getElementById('wz-chart'); if (c) c.scrollIntoView({block: 'center'});")
    WebDriverWait(browser, 20).until(
        lambda d: d.execute_script("var r = document.getElementById('wz-verkenner'); return r && r.dataset.ready === '1';"))
    s = case["scenario"]
    value = lambda name: browser.find_element(By.ID, f"wz-{name}").get_attribute("value")
    assert value("huishouden") == CONTROL_VALUE[s["huishouden"]]
    preset = explorer.CONTROLS["kinderen"].get("presets", {}).get(str(s["kinderen"]))  # "2s": two children, 3 and 7
    assert value("kinderen") == str(preset["kinderen"] if preset else s["kinderen"])
    if preset:
        assert (value("leeftijd1"), value("leeftijd2")) == (str(preset["leeftijd1"]), str(preset["leeftijd2"]))
    assert value("loon1") == CONTROL_VALUE[s["loon"]]  # the card's one wage sets both partners' wages
    assert value("uren1") == str(s["uren1"])
    if s["huishouden"] == "paar":
        assert value("uren2") == str(s["uren2"])
    if str(s["kinderen"]) != "0":
        assert value("opvang") == str(s["opvang"])
    errors, hosts = read_logs(browser)
    # Chromium asks the server root for /favicon.ico on its own (as in test_belemmeringen and
    # test_verkenner); that is not the page's doing. Seen once in five full runs.
    # (clean_logs: what a test before left in the logs, such as pages opened from disk, is not this test's.)
    errors = [e for e in errors if "/favicon.ico" not in e]
    assert not errors and not hosts, (errors, hosts)
