"""The barriers chapter and the guidance part as a reader and a trainer meet them in a browser:
one table per level with every barrier from the data, cross-references that land on a
chapter, a compact overview that fits one printed A4 page, and checklists without bullets."""

from __future__ import annotations

import pytest
import yaml
from selenium.webdriver.common.by import By

from werkzorg.paths import data_dir

pytestmark = [pytest.mark.build, pytest.mark.browser]

PAGE = "book/belemmeringen/belemmeringen.html"
#: A4 height minus the 16 mm top and bottom margins of the print stylesheet, in CSS px (96/in).
A4_PRINTABLE_PX = (297 - 2 * 16) / 25.4 * 96


@pytest.fixture(scope="module")
def data() -> dict:
    return yaml.safe_load((data_dir() / "belemmeringen.yaml").read_text(encoding="utf-8"))


def test_each_level_table_lists_its_barriers(browser, page_url, clean_logs, read_logs, data):
    browser.get(page_url(PAGE))
    for level in data["levels"]:
        table = browser.find_element(By.ID, f"belemmeringen-tabel-{level['id']}")
        rows = table.find_elements(By.CSS_SELECTOR, "tbody tr")
        expected = [b["short"] for b in data["barriers"] if b["level"] == level["id"]]
        assert len(rows) == len(expected), level["id"]
        shown = [r.find_element(By.CSS_SELECTOR, "td strong").text.rstrip(".") for r in rows]
        assert shown == expected
    errors, hosts = read_logs(browser)
    # Chromium asks the server root for /favicon.ico on its own; that is not the page's doing.
    errors = [e for e in errors if "/favicon.ico" not in e]
    assert not errors, errors
    assert not hosts, hosts


def test_see_links_in_the_tables_open_a_chapter(browser, page_url, clean_logs):
    browser.get(page_url(PAGE))
    links = browser.find_elements(By.CSS_SELECTOR, "table.werkzorg-belemmeringen a.reference.internal")
    hrefs = sorted({a.get_attribute("href").split("#")[0] for a in links if "bibliography" not in (a.get_attribute("href") or "")})
    chapter_links = [h for h in hrefs if "/book/" in h and "belemmeringen.html" not in h]
    assert any("gemeente-organiseren" in h for h in chapter_links), chapter_links
    for href in chapter_links:
        browser.get(href)
        assert browser.find_element(By.CSS_SELECTOR, "main article h1").text.strip(), href


def test_compact_overview_fits_one_printed_page(browser, page_url, clean_logs):
    browser.get(page_url(PAGE))
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    browser.set_window_size(800, 1200)  # about the printable width of A4 at 96 dpi
    try:
        table = browser.find_element(By.CSS_SELECTOR, "table.werkzorg-belemmeringen-compact")
        height = browser.execute_script("return arguments[0].getBoundingClientRect().height", table)
        assert 0 < height <= A4_PRINTABLE_PX, f"compact table is {height:.0f}px high in print"
        sidebar = browser.find_elements(By.CSS_SELECTOR, ".bd-sidebar-primary")
        assert not sidebar or not sidebar[0].is_displayed()
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        browser.set_window_size(1280, 1000)


def test_checklists_show_boxes_not_bullets(browser, page_url, clean_logs):
    browser.get(page_url("book/begeleiding/tips-klantmanagers.html"))
    lists = browser.find_elements(By.CSS_SELECTOR, ".werkzorg-checklist ul")
    assert len(lists) == 5
    for ul in lists:
        assert ul.value_of_css_property("list-style-type") == "none"
        for li in ul.find_elements(By.TAG_NAME, "li"):
            assert li.text.startswith("☐")
