"""The toolbox catalogue as a reader uses it in a browser: filters, search, reset, the live
count, keyboard use, links from chapters to cards.

Every expected count is computed here from data/tools.csv with the plain csv module, never
taken from the page.
"""

from __future__ import annotations

import csv
import html
import re
import unicodedata
from pathlib import Path

import pytest
import yaml
from glossary_source import glossary_term_groups
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from waiting import Select, WebDriverWait

pytestmark = [pytest.mark.build, pytest.mark.browser]

ROOT = Path(__file__).resolve().parents[2]
with (ROOT / "data" / "tools.csv").open(encoding="utf-8", newline="") as _fh:
    ROWS = list(csv.DictReader(_fh))
TOTAL = len(ROWS)
PAGE = "book/toolbox/catalogus.html"


#: The columns that are the tool's own text: what the free-text search looks at (not the
#: source line, which names the guide on every card, nor ids or addresses).
OWN_TEXT = ("name", "organisations", "form_text", "cost_text", "description", "use_by_organisation")


def _own(row) -> str:
    text = " ".join(row[c].replace(";", ", ") for c in OWN_TEXT)
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch)).lower()


def _norm(text: str) -> str:
    return " ".join("".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch)).lower().split())


SYNONYMS = yaml.safe_load((ROOT / "data" / "synoniemen.yaml").read_text(encoding="utf-8"))
TARGET_GROUPS = SYNONYMS["doelgroepen"]


def _glossary_names() -> list[list[str]]:
    """The glossary's entries with several names."""
    return [g for g in glossary_term_groups() if len(g) > 1]


def _word_lists() -> list[set[str]]:
    lists = [{_norm(w) for w in g["woorden"]} for g in TARGET_GROUPS]
    lists += [{_norm(w) for w in g} for g in SYNONYMS.get("synoniemen") or []]
    lists += [{_norm(w) for w in g} for g in _glossary_names()]
    return lists


def _same_as(word: str) -> set[str]:
    """Every word a reader's search word stands for: the word and all words that share a
    list with it, following shared words from list to list."""
    found = {_norm(word)}
    changed = True
    while changed:
        changed = False
        for words in _word_lists():
            if words & found and not words <= found:
                found |= words
                changed = True
    return found


def _finds(word: str) -> set[str]:
    alts = _same_as(word)
    return {r["id"] for r in ROWS if any(a in _own(r) for a in alts)}


def _tagged(group_id: str) -> set[str]:
    return {r["id"] for r in ROWS if group_id in r["target_groups"].split(";")}


def _count(rows) -> int:
    return len({r["id"] for r in rows})


def _for(audience):
    return [r for r in ROWS if r["audience"] in (audience, "beide")]


def _under(question, rows=ROWS):
    return [r for r in rows if question in r["questions"].split(";")]


def _visible_tool_ids(browser) -> set[str]:
    """Ids of the tools whose card a reader can see (a tool may have a card under two questions)."""
    return set(browser.execute_script(
        "return Array.from(document.querySelectorAll('.tool-card'))"
        ".filter(c => c.getClientRects().length > 0).map(c => c.dataset.toolId);"
    ))


def _status(browser) -> str:
    return browser.find_element(By.ID, "catalogus-status").text.strip()


def _wait_status(browser, expected: str):
    WebDriverWait(browser, 5).until(lambda d: _status(d) == expected,
                                    message=f"live region never said {expected!r}")


def _type_quickly(browser, box, word: str) -> None:
    """The word in the search box, its last letter typed as a real key press (the filter answers
    each key; typing every letter of some hundred words one by one cost most of this file's time,
    and only the end state is checked)."""
    browser.execute_script("arguments[0].value = arguments[1];"
                           "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", box, word[:-1])
    box.send_keys(word[-1])


@pytest.fixture
def catalogue(browser, page_url, clean_logs):
    browser.get(page_url(PAGE))
    WebDriverWait(browser, 15).until(
        lambda d: d.find_element(By.ID, "catalogus-filters").is_displayed()
    )
    return browser


def _radio(browser, name, value):
    return browser.find_element(By.CSS_SELECTOR, f"input[type=radio][name='{name}'][value='{value}']")


def test_all_tools_show_at_first_and_the_date_note_is_visible(catalogue):
    assert len(_visible_tool_ids(catalogue)) == TOTAL
    assert _status(catalogue) == f"{TOTAL} van {TOTAL} tools"
    note = catalogue.find_element(By.CSS_SELECTOR, ".catalogus-datum")
    assert note.is_displayed() and "2021" in note.text
    # the note comes before the filters, so a reader sees it first
    assert note.location["y"] < catalogue.find_element(By.ID, "catalogus-filters").location["y"]


@pytest.mark.parametrize("audience", ["individu", "organisatie"])
def test_filtering_by_audience_shows_the_tools_for_that_audience(catalogue, audience):
    _radio(catalogue, "voor", audience).click()
    expected = _count(_for(audience))
    assert 0 < expected < TOTAL
    _wait_status(catalogue, f"{expected} van {TOTAL} tools")
    assert _visible_tool_ids(catalogue) == {r["id"] for r in _for(audience)}


@pytest.mark.parametrize("question", ["ind-mantelzorg", "org-mannen", "ind-gesprek"])
def test_filtering_by_question_shows_only_its_tools_under_its_heading(catalogue, question):
    Select(catalogue.find_element(By.ID, "catalogus-vraag")).select_by_value(question)
    expected = {r["id"] for r in _under(question)}
    _wait_status(catalogue, f"{len(expected)} van {TOTAL} tools")
    assert _visible_tool_ids(catalogue) == expected
    headings = [h for h in catalogue.find_elements(By.CSS_SELECTOR, "[data-question-heading]") if h.is_displayed()]
    assert [h.get_attribute("data-question-heading") for h in headings] == [question]


def test_free_tools_that_help_an_organisation_involve_men(catalogue):
    """The volunteer's task from the issue: free tools to involve men, for an organisation."""
    _radio(catalogue, "voor", "organisatie").click()
    Select(catalogue.find_element(By.ID, "catalogus-vraag")).select_by_value("org-mannen")
    _radio(catalogue, "kosten", "gratis").click()
    expected = {r["id"] for r in _under("org-mannen", _for("organisatie")) if r["cost"] == "gratis"}
    assert expected
    _wait_status(catalogue, f"{len(expected)} van {TOTAL} tools")
    assert _visible_tool_ids(catalogue) == expected
    for card in catalogue.find_elements(By.CSS_SELECTOR, ".tool-card"):
        if card.is_displayed():
            assert "Gratis" in card.text


def test_searching_a_tool_name_finds_it(catalogue):
    row = next(r for r in ROWS if r["id"] == "vraag-clara")
    box = catalogue.find_element(By.ID, "catalogus-zoek")
    box.send_keys(row["name"])
    expected = {r["id"] for r in ROWS if row["name"].lower() in _own(r)}
    _wait_status(catalogue, f"{len(expected)} van {TOTAL} tools")
    assert row["id"] in _visible_tool_ids(catalogue)
    assert catalogue.find_element(By.ID, "tool-vraag-clara").is_displayed()


def test_search_ignores_accents_and_case(catalogue):
    catalogue.find_element(By.ID, "catalogus-zoek").send_keys("BEINVLOEDEN")
    WebDriverWait(catalogue, 5).until(lambda d: "tips-overtuigen-beinvloeden" in _visible_tool_ids(d))


def test_a_search_without_results_says_so(catalogue):
    catalogue.find_element(By.ID, "catalogus-zoek").send_keys("xyzzy-bestaat-niet")
    _wait_status(catalogue, f"0 van {TOTAL} tools")
    assert catalogue.find_element(By.ID, "catalogus-leeg").is_displayed()
    assert _visible_tool_ids(catalogue) == set()


def test_clearing_everything_shows_all_tools_again(catalogue):
    _radio(catalogue, "voor", "individu").click()
    _radio(catalogue, "soort", "praktijkvoorbeeld").click()
    catalogue.find_element(By.ID, "catalogus-zoek").send_keys("werk")
    expected_kind = {r["id"] for r in _for("individu") if r["kind"] == "praktijkvoorbeeld"}
    WebDriverWait(catalogue, 5).until(lambda d: _visible_tool_ids(d) <= expected_kind)
    catalogue.find_element(By.ID, "catalogus-wis").click()
    _wait_status(catalogue, f"{TOTAL} van {TOTAL} tools")
    assert len(_visible_tool_ids(catalogue)) == TOTAL
    assert catalogue.find_element(By.ID, "catalogus-zoek").get_attribute("value") == ""


def test_practice_examples_filter(catalogue):
    _radio(catalogue, "soort", "praktijkvoorbeeld").click()
    expected = {r["id"] for r in ROWS if r["kind"] == "praktijkvoorbeeld"}
    _wait_status(catalogue, f"{len(expected)} van {TOTAL} tools")
    assert _visible_tool_ids(catalogue) == expected


def test_form_and_cost_filters_combine(catalogue):
    Select(catalogue.find_element(By.ID, "catalogus-vorm")).select_by_value("website")
    _radio(catalogue, "kosten", "gratis").click()
    expected = {r["id"] for r in ROWS if r["form"] == "website" and r["cost"] == "gratis"}
    _wait_status(catalogue, f"{len(expected)} van {TOTAL} tools")
    assert _visible_tool_ids(catalogue) == expected


def test_the_filters_work_with_the_keyboard_only(catalogue):
    box = catalogue.find_element(By.ID, "catalogus-zoek")
    box.click()
    # Tab from the search box to the target-group list, choose with the arrow key.
    box.send_keys(Keys.TAB)
    active = catalogue.switch_to.active_element
    assert active.get_attribute("id") == "catalogus-doelgroep"
    active.send_keys(Keys.ARROW_DOWN)
    first_group = catalogue.find_elements(By.CSS_SELECTOR, "#catalogus-doelgroep option")[1].get_attribute("value")
    expected = _tagged(first_group)
    _wait_status(catalogue, f"{len(expected)} van {TOTAL} tools")
    # the focused control shows a visible outline
    outline = catalogue.execute_script(
        "return getComputedStyle(document.activeElement).outlineStyle;")
    assert outline not in ("", "none")


def test_every_control_has_a_label_and_groups_a_legend(catalogue):
    for control in catalogue.find_elements(By.CSS_SELECTOR, "#catalogus-filters input, #catalogus-filters select"):
        cid = control.get_attribute("id")
        labelled = bool(cid and catalogue.find_elements(By.CSS_SELECTOR, f"label[for='{cid}']"))
        wrapped = catalogue.execute_script("return arguments[0].closest('label') !== null;", control)
        assert labelled or wrapped, control.get_attribute("outerHTML")
    for fieldset in catalogue.find_elements(By.CSS_SELECTOR, "#catalogus-filters fieldset"):
        assert fieldset.find_element(By.TAG_NAME, "legend").text.strip()
    status = catalogue.find_element(By.ID, "catalogus-status")
    assert status.get_attribute("aria-live") == "polite"


def test_a_link_with_filters_in_the_address_opens_the_filtered_view(browser, page_url, clean_logs):
    browser.get(page_url(PAGE + "?voor=individu&zoek=mantelzorg"))
    expected = {r["id"] for r in _for("individu")} & _finds("mantelzorg")
    _wait_status(browser, f"{len(expected)} van {TOTAL} tools")
    assert _visible_tool_ids(browser) == expected
    assert _radio(browser, "voor", "individu").is_selected()


def test_links_from_the_chapter_land_on_their_cards(browser, page_url, built_site, clean_logs):
    chapter = (built_site / "book" / "toolbox" / "regionale-aanpak.html").read_text(encoding="utf-8")
    targets = sorted(set(re.findall(r'href="catalogus\.html#(tool-[a-z0-9-]+)"', chapter)))
    assert len(targets) >= 10
    catalogue_html = (built_site / PAGE).read_text(encoding="utf-8")
    for t in targets:
        assert catalogue_html.count(f'id="{t}"') == 1, t
    browser.get(page_url("book/toolbox/regionale-aanpak.html"))
    link = browser.find_element(By.CSS_SELECTOR, "a[href='catalogus.html#tool-aantafel']")
    browser.execute_script("arguments[0].click();", link)
    WebDriverWait(browser, 10).until(lambda d: d.current_url.endswith("#tool-aantafel"))
    card = browser.find_element(By.ID, "tool-aantafel")
    assert card.is_displayed() and "AanTafel" in card.text


def test_the_script_does_nothing_on_other_pages(browser, page_url, read_logs, clean_logs):
    browser.get(page_url("book/toolbox/index.html"))
    errors, hosts = read_logs(browser)
    assert errors == [] and hosts == set()
    assert browser.find_elements(By.ID, "catalogus-filters") == []


def test_using_the_filters_causes_no_console_error_and_no_request(catalogue, read_logs):
    _radio(catalogue, "voor", "organisatie").click()
    Select(catalogue.find_element(By.ID, "catalogus-vraag")).select_by_value("org-lobby")
    catalogue.find_element(By.ID, "catalogus-zoek").send_keys("lobby")
    catalogue.find_element(By.ID, "catalogus-wis").click()
    _wait_status(catalogue, f"{TOTAL} van {TOTAL} tools")
    errors, hosts = read_logs(catalogue)
    assert errors == [] and hosts == set()


def test_search_looks_only_at_the_tools_own_text(catalogue):
    """Every card's source line names the guide ("... voor vrouwen en mannen"); searching
    "mannen" must find the tools that are about men, not all of them."""
    expected = _finds("mannen")
    assert 0 < len(expected) < TOTAL
    catalogue.find_element(By.ID, "catalogus-zoek").send_keys("mannen")
    _wait_status(catalogue, f"{len(expected)} van {TOTAL} tools")
    assert _visible_tool_ids(catalogue) == expected


def _status_in_view(browser) -> bool:
    return browser.execute_script(
        "const r = document.getElementById('catalogus-status').getBoundingClientRect();"
        "return window.scrollY > 0 && r.top >= 0 && r.bottom <= window.innerHeight;"
    )


@pytest.mark.parametrize("width", [390, 1366])
def test_each_preset_link_scrolls_to_the_result_count(browser, page_url, clean_logs, width):
    browser.set_window_size(width, 900)
    try:
        browser.get(page_url(PAGE))
        WebDriverWait(browser, 15).until(lambda d: d.find_element(By.ID, "catalogus-filters").is_displayed())
        hrefs = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "a.catalogus-shortcut")]
        assert len(hrefs) >= 3
        for href in hrefs:
            browser.get(href)
            WebDriverWait(browser, 15).until(lambda d: d.find_element(By.ID, "catalogus-filters").is_displayed())
            WebDriverWait(browser, 5).until(_status_in_view, message=f"{href}: the result count is not in view")
            assert re.fullmatch(rf"\d+ van {TOTAL} tools", _status(browser))
    finally:
        browser.set_window_size(1366, 900)


def test_a_plain_visit_does_not_jump(browser, page_url, clean_logs):
    browser.get(page_url(PAGE))
    WebDriverWait(browser, 15).until(lambda d: d.find_element(By.ID, "catalogus-filters").is_displayed())
    assert browser.execute_script("return window.scrollY") == 0


def test_every_tool_with_a_known_address_links_to_it_with_its_source(built_site):
    page = (built_site / "book" / "toolbox" / "catalogus.html").read_text(encoding="utf-8")
    with_url = [r for r in ROWS if r["url"]]
    assert with_url, "no tool links at all"
    for r in with_url:
        card = re.search(rf'<article[^>]*id="tool-{re.escape(r["id"])}".*?</article>', page, re.S)
        assert card, r["id"]
        link = re.search(r'<a class="tool-card__link" href="([^"]+)"[^>]*>([^<]+)</a>', card.group(0))
        assert link and html.unescape(link.group(1)) == r["url"] and html.unescape(link.group(2)) == r["url_text"], r["id"]
        # Readers see where the address comes from in plain words, not the maintainers' note.
        assert "Bron van dit adres: " in card.group(0), f"{r['id']}: source of the address not shown"
        assert html.escape(r["url_source"], quote=False) not in card.group(0), f"{r['id']}: maintainers' note shown"
        if r["url_source"].startswith("eigen pagina van de maker"):
            assert "Bron van dit adres: de website van de maker" in card.group(0), r["id"]
    for r in ROWS:
        if not r["url"]:
            card = re.search(rf'<article[^>]*id="tool-{re.escape(r["id"])}".*?</article>', page, re.S)
            assert card and "tool-card__link" not in card.group(0), r["id"]


# --- target groups, synonyms, a phone (issue 23) -------------------------------------------

@pytest.mark.parametrize("group", [g["id"] for g in TARGET_GROUPS])
def test_the_target_group_filter_shows_the_tools_that_name_the_group(catalogue, group):
    expected = _tagged(group)
    assert expected, f"no tool is tagged '{group}'"
    label = next(g["label"] for g in TARGET_GROUPS if g["id"] == group)
    Select(catalogue.find_element(By.ID, "catalogus-doelgroep")).select_by_visible_text(label)
    _wait_status(catalogue, f"{len(expected)} van {TOTAL} tools")
    assert _visible_tool_ids(catalogue) == expected


@pytest.mark.parametrize("group", [g["id"] for g in TARGET_GROUPS])
def test_every_word_for_a_target_group_finds_its_tools(catalogue, group):
    """Generated from data/synoniemen.yaml and the glossary: whichever word for the group she
    types (statushouders, nieuwkomers, inburgering ...), she finds every tool of the group,
    and exactly the tools whose own text holds one of the words that mean the same."""
    words = next(g["woorden"] for g in TARGET_GROUPS if g["id"] == group)
    words = sorted({w for w in words} | {w for names in _glossary_names()
                                         if {_norm(n) for n in names} & {_norm(x) for x in words} for w in names})
    box = catalogue.find_element(By.ID, "catalogus-zoek")
    for word in words:
        _type_quickly(catalogue, box, word)
        expected = _finds(word)
        assert _tagged(group) <= expected, f"'{word}': tools of '{group}' that the word would not find"
        _wait_status(catalogue, f"{len(expected)} van {TOTAL} tools")
        assert _visible_tool_ids(catalogue) == expected, word


def test_newcomer_words_from_the_review_now_find_tools(catalogue):
    box = catalogue.find_element(By.ID, "catalogus-zoek")
    for word in ("statushouders", "inburgering", "nieuwkomers"):
        box.clear()
        box.send_keys(word)
        WebDriverWait(catalogue, 5).until(lambda d: _tagged("nieuwkomers") <= _visible_tool_ids(d),
                                          message=f"'{word}' does not find the tools for newcomers")


PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}
SMALL_PHONE = {"width": 320, "height": 568, "deviceScaleFactor": 2, "mobile": True}


@pytest.mark.parametrize("screen", [PHONE, SMALL_PHONE], ids=["390", "320"])
def test_on_a_phone_the_search_box_and_count_are_near_the_top(browser, page_url, clean_logs, screen):
    """She opens the catalogue on a phone: at 390 px the search box is in the first screen and the
    count follows within half a screen more; at 320 px both are reached with one scroll of less
    than a screen."""
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", screen)
    try:
        browser.get(page_url(PAGE))
        WebDriverWait(browser, 15).until(lambda d: d.find_element(By.ID, "catalogus-filters").is_displayed())
        where = browser.execute_script(
            "const b = id => document.getElementById(id).getBoundingClientRect();"
            "return {scroll: scrollY, box: b('catalogus-zoek').bottom, count: b('catalogus-status').bottom};")
        height = screen["height"]
        assert where["scroll"] == 0
        if screen is PHONE:
            assert where["box"] <= height, f"search box ends at {where['box']:.0f} px, below the first screen"
            assert where["count"] <= 1.5 * height, f"count ends at {where['count']:.0f} px"
        else:
            assert where["box"] <= 2 * height - 60 and where["count"] <= 2 * height - 60, (
                f"search box at {where['box']:.0f} px, count at {where['count']:.0f} px: more than one scroll")
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.mark.parametrize("screen", [PHONE, SMALL_PHONE], ids=["390", "320"])
def test_on_a_phone_the_count_and_first_result_are_in_view_while_she_types(browser, page_url, clean_logs, screen):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", screen)
    try:
        browser.get(page_url(PAGE))
        WebDriverWait(browser, 15).until(lambda d: d.find_element(By.ID, "catalogus-filters").is_displayed())
        box = browser.find_element(By.ID, "catalogus-zoek")
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", box)
        box.click()
        box.send_keys("statushouders")
        expected = _finds("statushouders")
        _wait_status(browser, f"{len(expected)} van {TOTAL} tools")
        # With the keyboard open about half of the screen is left: count and the first card's
        # title must show in the upper part.
        visible_height = screen["height"] * 0.6
        status = browser.find_element(By.ID, "catalogus-status").rect
        top = browser.execute_script("return arguments[0].getBoundingClientRect().top;",
                                     browser.find_element(By.ID, "catalogus-status"))
        assert 0 <= top and top + status["height"] <= visible_height, f"count at {top} px"
        first = browser.execute_script(
            "const c = Array.from(document.querySelectorAll('.tool-card')).find(c => c.getClientRects().length);"
            "return c.querySelector('.tool-card__title').getBoundingClientRect().top;")
        assert 0 <= first <= visible_height, f"first result at {first} px"
        # The box itself is not under the sticky header.
        assert browser.execute_script("return arguments[0].getBoundingClientRect().top;", box) >= 40
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_cards_show_no_maintainer_notes_and_say_whose_use_advice_it_is(built_site):
    page = (built_site / PAGE).read_text(encoding="utf-8")
    assert "adres uit:" not in page and "gids 00" not in page and "verminkt" not in page
    for r in ROWS:
        card = re.search(rf'<article[^>]*data-tool-id="{re.escape(r["id"])}".*?</article>', page, re.S).group(0)
        use = re.search(r'<p class="tool-card__use[^"]*"><strong>([^<]+)</strong>', card).group(1)
        if r["use_source"] == "boek":
            assert use.startswith("Tip van dit boek"), (r["id"], use)
        else:
            assert "advies uit de toolbox" in use, (r["id"], use)


def test_tags_that_are_not_controls_do_not_look_like_buttons(catalogue):
    tag = catalogue.find_element(By.CSS_SELECTOR, ".tool-card__tags .tag")
    style = catalogue.execute_script(
        "const s = getComputedStyle(arguments[0]);"
        "return [s.backgroundColor, s.borderTopWidth, s.borderRadius, s.cursor];", tag)
    background, border, radius, cursor = style
    assert background in ("rgba(0, 0, 0, 0)", "transparent"), style
    assert border in ("0px", "") and radius in ("0px", ""), style
    assert cursor != "pointer"


def test_a_free_tool_never_says_no_costs_named(built_site):
    page = (built_site / PAGE).read_text(encoding="utf-8")
    for r in ROWS:
        card = re.search(rf'<article[^>]*data-tool-id="{re.escape(r["id"])}".*?</article>', page, re.S).group(0)
        if r["cost"] == "gratis":
            assert "Geen kosten genoemd" not in card, r["id"]
