"""The static household explorer as a trainer, a client manager or a student uses it: no kernel, no network.

Moving a control changes the numbers and the chart to the value the Python household model gives
for that state. The expected values are computed here: the link or the controls are read into a
state as werkzorg.explorer.page reads them (state_from_query) and the Python model is called on it
(werkzorg.explorer.page.outputs_for); nothing is read from the page's own computation.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

import numpy as np
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from waiting import Select, WebDriverWait

from werkzorg.data.params import load_params
from werkzorg.explorer import page as explorer
from werkzorg.model import household

pytestmark = [pytest.mark.build, pytest.mark.browser]

PAGE = "book/verkennen/verkenner.html"
#: Page key -> (model output, sign): what each shown amount is in the model, per month.
SHOWN = {"dt": ("disposable_year", 1), "n1": ("net1", 1), "n2": ("net2", 1), "bb": ("bijstand", 1),
         "kgb": ("kgb", 1), "zt": ("zorgtoeslag", 1), "ht": ("huurtoeslag", 1), "kot": ("kot", 1),
         "kc": ("childcare_cost", -1)}


def state_of(query: str = "", **controls) -> dict:
    """The state a link opens (read as the page reads it), with controls changed after it."""
    state, _ = explorer.state_from_query(dict(parse_qsl(query.lstrip("?#"))))
    return explorer.normalise(dict(state, **controls))


def model(query: str = "", vrijlating: int = 0, **controls):
    """The model's outputs for the state a link opens (plus changed controls)."""
    return explorer.outputs_for(state_of(query, **controls), vrijlating)


def month(out, key):
    col, sign = SHOWN[key]
    return int(round(sign * out[col] / 12))


def expected(key, query="", **controls):
    return month(model(query, **controls), key)


def _open(browser, page_url, query=""):
    browser.get(page_url(PAGE) + query)
    # the chart's runtime comes when a reader nears the chart (_static/laden.js): scroll as a reader does
    browser.execute_script("var c = document.getElementById('wz-chart'); if (c) c.scrollIntoView({block: 'center'});")
    WebDriverWait(browser, 20).until(
        lambda d: d.execute_script("var r = document.getElementById('wz-verkenner'); return r && r.dataset.ready === '1';"))


def _shown(browser, key):
    el = browser.find_element(By.CSS_SELECTOR, f'#wz-verkenner [data-out="{key}"]')
    return int(el.get_attribute("data-value")), el.text


def _wait_total(browser, value):
    WebDriverWait(browser, 10).until(lambda d: _shown(d, "dt")[0] == value)


def _point_labels(browser):
    return browser.execute_script(
        "return Array.from(document.querySelectorAll('#wz-chart path[aria-label]'))"
        ".map(e => e.getAttribute('aria-label')).filter(t => t.indexOf(' bij ') > 0);")


def _rules(browser):
    return {li.get_attribute("data-rule"): li.text for li in browser.find_elements(By.CSS_SELECTOR, '[data-out="rules"] li')}


def _clean(read_logs, browser):
    errors, hosts = read_logs(browser)
    # The browser's own request for /favicon.ico is not made by the page.
    errors = [e for e in errors if "favicon.ico" not in e]
    assert not errors, errors
    assert not hosts, f"requests to other hosts: {sorted(hosts)}"


def test_defaults_show_the_models_numbers(browser, page_url, read_logs, clean_logs):
    _open(browser, page_url)
    for key in SHOWN:
        value, text = _shown(browser, key)
        assert value == expected(key), (key, text)
    # the total comes first, above the parts
    total = browser.find_element(By.CSS_SELECTOR, ".wz-total-box")
    table = browser.find_element(By.CSS_SELECTOR, "table.wz-readout")
    assert total.location["y"] < table.location["y"]
    assert browser.find_element(By.ID, "wz-huur").get_attribute("value") == "610"
    assert "610" in browser.find_element(By.ID, "wz-huur-hint").text
    left_out = browser.find_element(By.CSS_SELECTOR, ".wz-left-out")
    assert left_out.is_displayed() and "Wat zit er niet in?" in left_out.text
    _clean(read_logs, browser)


def test_client_manager_couple_now_and_wished(browser, page_url, read_logs, clean_logs):
    """Couple, children 1 and 3, minimum wage. Now he 40 h, she 0; wished he 32, she 18, two days childcare."""
    q = "?huishouden=paar&kinderen=2&loon=min&uren1=32&uren2=18&opvang=2"
    _open(browser, page_url, q + "&nu=uren1:40,uren2:0,opvang:uren")
    now, wished = model(q, uren1=40, uren2=0, opvang="uren"), model(q)
    assert now["childcare_cost"] == 0 and now["kot"] == 0  # childcare follows the hours: none while she does not work
    for key in ("dt", "n1", "n2", "kot", "kc", "ht", "zt"):
        cell_now = browser.find_element(By.CSS_SELECTOR, f'[data-now="{key}"]')
        assert cell_now.is_displayed()
        assert int(cell_now.get_attribute("data-value")) == month(now, key), key
        assert _shown(browser, key)[0] == month(wished, key), key
        diff = browser.find_element(By.CSS_SELECTOR, f'[data-diff="{key}"]')
        assert int(diff.get_attribute("data-value")) == month(wished, key) - month(now, key), key
    assert not browser.find_element(By.CSS_SELECTOR, '[data-out="warn"]').is_displayed()
    assert not browser.find_elements(By.CSS_SELECTOR, 'tr[data-row="lc"]')
    # The reader chooses two days of childcare while she still works 0 hours: a visible warning, no toeslag.
    q0 = "?huishouden=paar&kinderen=2&loon=min&uren1=40&uren2=0&opvang=2"
    _open(browser, page_url, q0)
    out = model(q0)
    assert out["kot"] == 0 and out["childcare_cost"] > 0
    warn = browser.find_element(By.CSS_SELECTOR, '[data-out="warn"]')
    assert warn.is_displayed() and "geen kinderopvangtoeslag" in warn.text and "ouder 2" in warn.text
    assert _shown(browser, "dt")[0] == month(out, "dt")
    assert _chart_point(browser, 0) == month(out, "dt")  # the chart's dot is the headline (it was not, before)
    Select(browser.find_element(By.ID, "wz-opvang")).select_by_value("uren")
    _wait_total(browser, expected("dt", q0, opvang="uren"))
    assert not browser.find_element(By.CSS_SELECTOR, '[data-out="warn"]').is_displayed()
    _clean(read_logs, browser)


def test_single_mother_on_bijstand_hour_by_hour(browser, page_url, read_logs, clean_logs):
    q = "?huishouden=alleen&kinderen=1&loon=min&uren1=0"
    _open(browser, page_url, q)
    assert not browser.find_element(By.CSS_SELECTOR, '[data-out="n2"]').is_displayed()
    assert browser.find_element(By.ID, "wz-uren2").get_attribute("disabled")
    # no "ouder 1" and no partner's wage for a single parent
    labels = browser.find_element(By.CSS_SELECTOR, ".wz-controls").text
    assert "ouder 1" not in labels.lower() and "beide ouders" not in labels.lower() and "Betaald werk" in labels
    # no credit of a partner who does not exist, and none "lost" while the bijstand tops up
    lost = browser.find_element(By.CSS_SELECTOR, '[data-out="lost"]')
    assert not lost.is_displayed()
    plus = browser.find_element(By.CSS_SELECTOR, '.wz-step[data-for="uren1"][data-step="1"]')
    shown_phase = []
    for hours in range(0, 25):
        out, first = model(q, uren1=hours), model(q, uren1=hours, vrijlating=1)
        _wait_total(browser, month(out, "dt"))
        if hours % 6 == 0:
            for key in ("bb", "kgb", "zt", "ht", "kot", "kc", "n1"):
                assert _shown(browser, key)[0] == month(out, key), (hours, key)
            phase = browser.find_element(By.CSS_SELECTOR, '[data-out="phase"]')
            if first["disposable_year"] - out["disposable_year"] >= 0.5:
                assert phase.is_displayed(), hours
                assert int(phase.get_attribute("data-first")) == month(first, "dt")
                assert "tot 2,5 jaar" not in phase.text and "hoogstens een half jaar" in phase.text
                shown_phase.append(hours)
            if out["bijstand"] > 0:
                assert "bijstand" in _rules(browser)
                assert not lost.is_displayed()
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", plus)
        plus.click()
    assert browser.find_element(By.ID, "wz-uren1").get_attribute("value") == "25"
    assert 6 in shown_phase and 12 in shown_phase
    legend = browser.execute_script("return Array.from(document.querySelectorAll('#wz-chart .role-legend-label text')).map(t => t.textContent);")
    _open(browser, page_url, q.replace("uren1=0", "uren1=12"))
    legend = browser.execute_script("return Array.from(document.querySelectorAll('#wz-chart .role-legend-label text')).map(t => t.textContent);")
    assert "Besteedbaar in de eerste maanden (vrijlating)" in legend, legend
    _clean(read_logs, browser)


def test_couple_without_income_gets_the_couple_norm(browser, page_url, read_logs, clean_logs):
    _open(browser, page_url, "?huishouden=paar&kinderen=2&loon=min&uren1=0&uren2=0")
    p = load_params(2025)
    norm = (6 * p["bijstand_couple_jan"] + 6 * p["bijstand_couple_jul"]) / 12
    assert _shown(browser, "bb")[0] == round(norm)
    rules = _rules(browser)
    assert "arbeidsplicht" in rules["bijstand_couple"] and "economische zelfstandigheid" in rules["bijstand_couple"]
    for a in ("1", "2"):
        assert browser.find_element(By.CSS_SELECTOR, f'[data-out="status{a}"]').get_attribute("data-ez") == "0"
    _clean(read_logs, browser)


def test_rent_changes_huurtoeslag_by_the_laws_limits(browser, page_url, read_logs, clean_logs):
    q = "?huishouden=alleen&kinderen=1&loon=min&uren1=24&jaar=2025"
    _open(browser, page_url, q)
    rent = browser.find_element(By.ID, "wz-huur")
    for year, huur, rule in ((2025, 950, "ht_excluded"), (2026, 1100, "ht_capped"), (2026, 500, None)):
        Select(browser.find_element(By.ID, "wz-jaar")).select_by_value(str(year))
        rent.clear()
        rent.send_keys(str(huur), Keys.TAB)
        out = model(q, jaar=year, huur=float(huur))
        _wait_total(browser, month(out, "dt"))
        assert _shown(browser, "ht")[0] == month(out, "ht"), (year, huur)
        if rule:
            assert rule in _rules(browser), (year, huur)
    assert "huur=500" in browser.find_element(By.ID, "wz-permalink").get_attribute("href")
    # a rent that is not a number is refused in plain words; the last good result stays
    rent.clear()
    rent.send_keys("veel", Keys.TAB)
    assert rent.get_attribute("aria-invalid") == "true"
    error = browser.find_element(By.ID, "wz-huur-error")
    assert "veel" in error.text and "kale huur" in error.text.lower() and "vorige waarde" in error.text
    # (clearing the box gave back the proposed rent, the last value the page accepted)
    assert _shown(browser, "ht")[0] == month(model(q, jaar=2026), "ht")
    _clean(read_logs, browser)


def test_url_presets_the_controls(browser, page_url, read_logs, clean_logs):
    q = "?huishouden=paar&uren1=40&uren2=18&opvang=3&kinderen=2s&jaar=2026&loon=30&huur=700"
    _open(browser, page_url, q)
    assert browser.find_element(By.ID, "wz-uren2").get_attribute("value") == "18"  # whole hours: 18 stays 18
    assert browser.find_element(By.ID, "wz-opvang").get_attribute("value") == "3"
    assert browser.find_element(By.ID, "wz-leeftijd2").get_attribute("value") == "7"
    assert browser.find_element(By.ID, "wz-loon1").get_attribute("value") == "30"
    assert _shown(browser, "dt")[0] == expected("dt", q)
    # a hash works too; an hour that is not whole is reported, not rounded silently
    _open(browser, page_url, "#huishouden=alleen&uren1=17.5")
    assert "uren1=17.5" in browser.find_element(By.ID, "wz-approx").text
    browser.get(page_url(PAGE) + "#huishouden=alleen&uren1=17")
    browser.refresh()  # a new hash alone does not reload the page
    _open(browser, page_url, "#huishouden=alleen&uren1=17")
    assert browser.find_element(By.ID, "wz-uren1").get_attribute("value") == "17"
    assert _shown(browser, "dt")[0] == expected("dt", "huishouden=alleen&uren1=17")
    _clean(read_logs, browser)


def test_wage_per_partner_and_ages_per_child(browser, page_url, read_logs, clean_logs):
    """He earns more than she does; their children are 2 and 6 (a combination no preset had)."""
    q = "?huishouden=paar&loon1=24&loon2=15,50&uren1=38&uren2=20&kinderen=2&leeftijd1=2&leeftijd2=6&opvang=uren"
    _open(browser, page_url, q)
    out = model(q)
    assert out["gross1"] / 38 > out["gross2"] / 20
    for key in SHOWN:
        assert _shown(browser, key)[0] == month(out, key), key
    Select(browser.find_element(By.ID, "wz-leeftijd1")).select_by_value("9")
    _wait_total(browser, expected("dt", q, leeftijd1=9))
    box = browser.find_element(By.ID, "wz-prijs")
    box.send_keys("9,80", Keys.TAB)
    _wait_total(browser, expected("dt", q, leeftijd1=9, prijs=9.8))
    _clean(read_logs, browser)


def test_housemates_and_young_parents(browser, page_url, read_logs, clean_logs):
    q = "?huishouden=alleen&kinderen=1&leeftijd1=4&uren1=0&kostendelers=1"
    _open(browser, page_url, q)
    out = model(q)
    assert _shown(browser, "bb")[0] == month(out, "bb") < month(model(q, kostendelers=0), "bb")
    rules = _rules(browser)
    assert "kostendelers" in rules and "ht_housemates" in rules
    assert not browser.find_element(By.CSS_SELECTOR, 'tr[data-row="ht"]').is_displayed()
    Select(browser.find_element(By.ID, "wz-ouderleeftijd")).select_by_value("18")
    refusal = browser.find_element(By.CSS_SELECTOR, '[data-out="refusal"]')
    WebDriverWait(browser, 5).until(lambda d: refusal.is_displayed())
    assert "jongerennorm" in refusal.text and not browser.find_element(By.CSS_SELECTOR, ".wz-results").is_displayed()
    _clean(read_logs, browser)


def test_unknown_url_value_is_reported_not_fatal(browser, page_url, read_logs, clean_logs):
    _open(browser, page_url, "?huishouden=drie&uren2=12")
    box = browser.find_element(By.ID, "wz-approx")
    assert "huishouden=drie" in box.text
    assert _shown(browser, "dt")[0] == expected("dt", "uren2=12")
    _clean(read_logs, browser)


def test_approximation_note_is_one_sentence_with_details_folded(browser, page_url, read_logs, clean_logs):
    # High joint income, 2025: the KOT percentage comes from an interpolated row.
    q = "?huishouden=paar&uren1=40&uren2=40&loon=30&jaar=2025&huur=0"
    _open(browser, page_url, q)
    assert model(q)["approx"] & household.APPROX_BITS["kot"]
    assert "≈" in _shown(browser, "kot")[1]
    box = browser.find_element(By.ID, "wz-approx")
    assert box.is_displayed()
    visible = box.find_element(By.CSS_SELECTOR, ".wz-approx-line").text
    assert visible.count(".") == 1 and "toetsingsinkomen" not in visible and "BWBR" not in visible
    item = box.find_element(By.CSS_SELECTOR, 'li[data-param="kot_table"]')
    assert not item.is_displayed()  # folded until the reader opens it
    box.find_element(By.TAG_NAME, "summary").click()
    assert item.is_displayed()
    _clean(read_logs, browser)


def test_case_card_links_use_the_trainers_words(browser, page_url, read_logs, clean_logs):
    """The case cards link with huishouden=alleenstaand and loon=laag/midden/hoog."""
    q = "?huishouden=alleenstaand&uren1=16&uren2=0&opvang=2&loon=laag&jaar=2026"
    _open(browser, page_url, q)
    assert Select(browser.find_element(By.ID, "wz-huishouden")).first_selected_option.get_attribute("value") == "alleen"
    assert browser.find_element(By.ID, "wz-loon1").get_attribute("value") == "min"
    assert _shown(browser, "dt")[0] == expected("dt", q)
    assert not browser.find_element(By.ID, "wz-approx").text.count("Niet gebruikt")
    _clean(read_logs, browser)


def test_without_children_the_childcare_control_is_off(browser, page_url, read_logs, clean_logs):
    q = "?huishouden=paar&kinderen=0&opvang=3&uren1=36&uren2=24"
    _open(browser, page_url, q)
    assert browser.find_element(By.ID, "wz-opvang").get_attribute("disabled")
    assert _shown(browser, "dt")[0] == expected("dt", q)
    assert not browser.find_element(By.CSS_SELECTOR, 'tr[data-row="kot"]').is_displayed()
    _clean(read_logs, browser)


def _chart_point(browser, hours):
    """The euro amount of the household's dot in the chart (its screen-reader label), or None."""
    for label in _point_labels(browser):
        if label.startswith(explorer.SERIES["d"] + " bij ") and f" bij {hours} uur:" in label:
            return int(label.split(": ")[1].split(" ")[0])
    return None


def _chart_font_px(browser):
    return browser.execute_script(
        "var t = document.querySelector('#wz-chart .role-axis-label text');"
        "return t ? parseFloat(getComputedStyle(t).fontSize) : 0;")


def test_projector_view_hides_the_sidebars_and_enlarges_chart_text(browser, page_url, read_logs, clean_logs):
    _open(browser, page_url, "?uren2=16")
    normal = _chart_font_px(browser)
    assert normal >= 13
    browser.find_element(By.ID, "wz-beamer").click()
    WebDriverWait(browser, 10).until(lambda d: d.execute_script(
        "return document.getElementById('wz-verkenner').dataset.look || ''").endswith("/beamer"))
    WebDriverWait(browser, 10).until(lambda d: _chart_font_px(d) >= 20)
    assert all(not s.is_displayed() for s in browser.find_elements(By.CSS_SELECTOR, ".bd-sidebar-primary"))
    assert "beamer=1" in browser.find_element(By.ID, "wz-permalink").get_attribute("href")
    assert _shown(browser, "dt")[0] == expected("dt", "uren2=16")
    _clean(read_logs, browser)


def test_dark_theme_recolours_the_explorer_and_its_chart(browser, page_url, read_logs, clean_logs):
    _open(browser, page_url)
    browser.execute_script("document.documentElement.dataset.theme = 'dark';")
    WebDriverWait(browser, 10).until(lambda d: d.execute_script(
        "return (document.getElementById('wz-verkenner').dataset.look || '').indexOf('dark/') === 0"))
    WebDriverWait(browser, 10).until(lambda d: d.execute_script(
        "var t = document.querySelector('#wz-chart .role-axis-label text'); return t && t.getAttribute('fill');") == "#e8e8e8")
    # no light box on a dark page: the first painted background behind the results and the controls is dark
    for sel in (".wz-results", ".wz-controls"):
        rgb = browser.execute_script("""var e = document.querySelector(arguments[0]);
            while (e) { var c = getComputedStyle(e).backgroundColor; if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return c; e = e.parentElement; }
            return 'rgb(255, 255, 255)';""", sel)
        r, g, b = [int(x) for x in rgb[rgb.index("(") + 1:].split(")")[0].split(",")[:3]]
        assert 0.2126 * r + 0.7152 * g + 0.0722 * b < 80, (sel, rgb)
    for sel in (".wz-total", ".wz-side-title", ".wz-readout caption", ".wz-control > span"):
        text = browser.execute_script("return getComputedStyle(document.querySelector(arguments[0])).color", sel)
        assert sum(int(x) for x in text[text.index("(") + 1:].split(")")[0].split(",")[:3]) > 450, (sel, text)  # light text
    _clean(read_logs, browser)


def test_nothing_is_cut_off_on_a_phone(browser, page_url, read_logs, clean_logs):
    """At 390 px the source line, the total, the comparison table and the notes fit the screen."""
    browser.set_window_size(390, 844)
    try:
        for query in ("", "?huishouden=paar&kinderen=2&loon=min&uren1=32&uren2=16&opvang=2&nu=uren1:40,uren2:0,opvang:uren"):
            _open(browser, page_url, query)
            src = browser.find_element(By.CSS_SELECTOR, ".wz-source")
            assert src.is_displayed()
            too_wide = browser.execute_script("""
                var w = document.documentElement.clientWidth, out = [];
                document.querySelectorAll('#wz-verkenner .wz-source, #wz-verkenner .wz-results *, #wz-verkenner .wz-controls *')
                  .forEach(function (e) { var r = e.getBoundingClientRect(); if (r.width && r.right > w + 1) out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.right)); });
                return out.slice(0, 5);""")
            assert not too_wide, (query, too_wide)
            assert _chart_font_px(browser) >= 12
    finally:
        browser.set_window_size(1366, 900)
    _clean(read_logs, browser)


def _page_state(browser) -> dict:
    """The explorer's controls read from the page itself, as a link would carry them (one look at
    the page: reading each control on its own cost a round trip to the browser per control)."""
    query = browser.execute_script(
        "return Object.fromEntries([...document.querySelectorAll('#wz-verkenner [data-param]')]"
        ".map(el => [el.getAttribute('data-param'), el.value]));")
    return state_of("?" + urlencode(query))


def _what_changes(browser) -> tuple:
    """What a reader sees change when a control moves: the total, the chart's points, the rules
    that apply (read in one look at the page)."""
    total, points, rules = browser.execute_script(
        "const total = document.querySelector('#wz-verkenner [data-out=\"dt\"]').getAttribute('data-value');"
        "const points = [...document.querySelectorAll('#wz-chart path[aria-label]')]"
        "  .map(e => e.getAttribute('aria-label')).filter(t => t.indexOf(' bij ') > 0);"
        "const rules = [...document.querySelectorAll('[data-out=\"rules\"] li')].map(li => li.getAttribute('data-rule'));"
        "return [total, points, rules];")
    return int(total), tuple(points), tuple(rules)


def test_every_option_of_every_control_changes_the_page_as_the_model_says(browser, page_url, read_logs, clean_logs):
    """Each choice in each list and three positions of each slider, for a couple with children (for a
    single parent the page disables the partner's controls): the total is the model's for the
    controls the page shows, and every control changes what the reader sees."""
    base = "?huishouden=paar&uren1=40&uren2=16&kinderen=2&huur=610"
    _open(browser, page_url, base)
    controls = [el.get_attribute("data-param")
                for el in browser.find_elements(By.CSS_SELECTOR, "#wz-verkenner select[data-param], "
                                                                  "#wz-verkenner input[type=range][data-param]")]
    assert len(controls) >= 10, controls
    for name in controls:
        if name.startswith("leeftijd") and int(name[-1]) > 2:
            continue  # shown only with more children
        _open(browser, page_url, base)
        el = browser.find_element(By.ID, f"wz-{name}")
        if el.tag_name == "select":
            choices = [o.get_attribute("value") for o in Select(el).options]
            if name.startswith("leeftijd"):
                choices = choices[::4]
        else:
            lo, hi = int(el.get_attribute("min")), int(el.get_attribute("max"))
            choices = [str(lo), str((lo + hi) // 2 + 1), str(hi)]
        seen = set()
        for choice in choices:
            el = browser.find_element(By.ID, f"wz-{name}")
            assert el.is_enabled() or name == "huishouden", f"{name} is disabled for a couple with children"
            if el.tag_name == "select":
                Select(el).select_by_value(choice)
            else:
                browser.execute_script("arguments[0].value = arguments[1];"
                                       "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", el, choice)
            if name == "ouderleeftijd" and choice == "18":
                assert browser.find_element(By.CSS_SELECTOR, '[data-out="refusal"]').is_displayed()
                seen.add(("refused",))
                continue
            want = month(explorer.outputs_for(_page_state(browser)), "dt")
            WebDriverWait(browser, 10).until(lambda d, want=want: _shown(d, "dt")[0] == want,
                                             f"{name}={choice}: total is not the model's {want}")
            seen.add(_what_changes(browser))
        assert len(seen) > 1, f"changing '{name}' changed nothing a reader sees"
    _clean(read_logs, browser)


def generated_states(n: int, seed: int) -> list[str]:
    """Links to random states: single parents and couples, every child age, whole hours 0-40,
    wages per partner, own prices, housemates, parents 21-26, both years."""
    rng = np.random.default_rng(seed)
    links = []
    for _ in range(n):
        kids = int(rng.integers(0, 4))
        q = {"huishouden": str(rng.choice(["paar", "alleen"])), "jaar": str(rng.choice([2025, 2026])),
             "kinderen": str(kids), "uren1": str(rng.integers(0, 41)), "uren2": str(rng.integers(0, 41)),
             "loon1": str(rng.choice(["min", "17.5", "24", "31.25"])), "loon2": str(rng.choice(["min", "15", "22"])),
             "opvang": str(rng.choice(["uren", "0", "2", "3", "5"])),
             "opvangsoort": str(rng.choice(["centrum", "centrum", "gastouder"])),
             "kostendelers": str(rng.choice([0, 0, 0, 1])), "ouderleeftijd": str(rng.choice([27, 27, 21])),
             "huur": str(rng.choice([0, 480, 610, 850, 1000]))}
        for i in range(1, kids + 1):
            q[f"leeftijd{i}"] = str(rng.integers(0, 18))
        if rng.random() < 0.3:
            q["prijs"] = "9.5"
        links.append("?" + urlencode(q))
    return links


@pytest.mark.parametrize("width", [390, 1366])
def test_generated_states_headline_rows_chart_and_sentences_agree_with_the_model(width, browser, page_url, read_logs,
                                                                                   clean_logs):
    """For generated households the headline, every visible row, the summary bar, the chart's dot,
    the sentences on the disregard and on lost credits all show the model's numbers for that state."""
    browser.set_window_size(width, 900 if width > 500 else 844)
    try:
        for link in generated_states(8, seed=width):
            _open(browser, page_url, link)
            state = state_of(link)
            out = explorer.outputs_for(state)
            first = explorer.outputs_for(state, vrijlating=1)
            assert _shown(browser, "dt")[0] == month(out, "dt"), link
            assert int(browser.find_element(By.CSS_SELECTOR, '[data-out="summary"]').get_attribute("data-value")) == month(out, "dt")
            for key in SHOWN:
                row = browser.find_elements(By.CSS_SELECTOR, f'tr[data-row="{key}"]')
                if row and row[0].is_displayed():
                    assert _shown(browser, key)[0] == month(out, key), (link, key)
            along = "uren1" if state["huishouden"] == "alleen" or state["as"] == 1 else "uren2"
            WebDriverWait(browser, 10).until(lambda d, hours=state[along]: _chart_point(d, hours) is not None)
            assert _chart_point(browser, state[along]) == month(out, "dt"), link
            phase = browser.find_element(By.CSS_SELECTOR, '[data-out="phase"]')
            if phase.is_displayed():
                assert int(phase.get_attribute("data-first")) == month(first, "dt"), link
                assert int(phase.get_attribute("data-after")) == month(out, "dt"), link
            marked = explorer.marked_rows(state)  # the "≈" map: one table, the same on page and in Python
            for key in SHOWN:
                row = browser.find_elements(By.CSS_SELECTOR, f'tr[data-row="{key}"]')
                if row and row[0].is_displayed() and key in explorer.APPROX_ROWS:
                    assert ("≈" in _shown(browser, key)[1]) == (key in marked), (link, key, marked)
            status = browser.find_element(By.CSS_SELECTOR, '[data-out="status1"]').text
            assert ("≈" in status) == ("status" in marked), (link, status)
            lost = browser.find_element(By.CSS_SELECTOR, '[data-out="lost"]')
            lost_month = int(round((out["lost_credits1"] + out["lost_credits2"]) / 12))
            assert lost.is_displayed() == (lost_month > 0), link
            if lost_month:
                assert int(lost.get_attribute("data-value")) == lost_month
            if out["bijstand"] > 0:
                assert not lost.is_displayed()  # nothing is lost while the bijstand tops up
    finally:
        browser.set_window_size(1366, 900)
    _clean(read_logs, browser)


def test_phone_keeps_the_result_in_view_while_a_control_moves(browser, page_url, read_logs, clean_logs):
    browser.set_window_size(390, 844)
    try:
        q = "?huishouden=alleen&kinderen=2&leeftijd1=2&leeftijd2=6&uren1=8"
        _open(browser, page_url, q)
        slider = browser.find_element(By.ID, "wz-uren1")
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", slider)
        browser.find_element(By.CSS_SELECTOR, '.wz-step[data-for="uren1"][data-step="1"]').click()  # as a thumb does
        want = month(model(q, uren1=9), "dt")
        summary = browser.find_element(By.CSS_SELECTOR, '[data-out="summary"]')
        WebDriverWait(browser, 5).until(lambda d: summary.get_attribute("data-value") == str(want))
        box = browser.execute_script("""var r = document.querySelector('.wz-summary').getBoundingClientRect(),
            s = document.getElementById('wz-uren1').getBoundingClientRect();
            return [r.top, r.bottom, window.innerHeight, s.top, s.bottom];""")
        top, bottom, height, s_top, s_bottom = box
        assert 0 <= top and bottom <= height, box  # the result is on screen ...
        assert 0 <= s_top and s_bottom <= height, box  # ... together with the slider the reader moves
        # it stays on screen when the reader scrolls on to the results, and lets taps through
        browser.execute_script("document.querySelector('.wz-results').scrollIntoView({block: 'start'});")
        bar = browser.execute_script("""var e = document.querySelector('.wz-summary'), r = e.getBoundingClientRect(),
            c = getComputedStyle(e); return [r.top, r.bottom, window.innerHeight, c.position, c.pointerEvents];""")
        assert 0 <= bar[0] and bar[1] <= bar[2] and bar[3] == "fixed" and bar[4] == "none", bar
    finally:
        browser.set_window_size(1366, 900)
    _clean(read_logs, browser)


def test_print_sheet_for_the_conversation(browser, page_url, read_logs, clean_logs):
    q = "?huishouden=alleen&kinderen=1&leeftijd1=2&uren1=24&jaar=2026"
    _open(browser, page_url, q + "&nu=uren1:0")
    browser.execute_script("window.print = function () {};")  # no dialog in a test
    browser.find_element(By.ID, "wz-print").click()
    sheet = browser.find_element(By.CSS_SELECTOR, '[data-out="print"]')
    text = sheet.get_attribute("textContent")
    now, wished = model(q, uren1=0), model(q)
    assert "2026" in text and "Nu:" in text and "Gewenst:" in text and "Wat er niet in zit" in text
    assert "doelgroepouder" in text.lower()
    euro = lambda v: ("−\u00a0" if v < 0 else "") + "€\u00a0" + f"{abs(v):,}".replace(",", ".")
    assert euro(month(wished, "dt")) in text and euro(month(now, "dt")) in text, text[:400]
    _clean(read_logs, browser)


@pytest.mark.parametrize("screen", [(390, 844), (320, 568)], ids=["390", "320"])
def test_on_a_phone_the_first_control_is_near_the_top_with_the_result_beside_it(browser, page_url, clean_logs, screen):
    """She opens the explorer on a phone: the first control is in the first screen at 390 px and
    within one short scroll at 320 px (the how-to comes after the explorer), and with that control
    in view the monthly result is on screen too."""
    width, height = screen
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": width, "height": height, "deviceScaleFactor": 2, "mobile": True})
    try:
        _open(browser, page_url)  # scrolls to the chart, as a reader does, so the explorer is ready
        browser.execute_script("window.scrollTo(0, 0)")
        WebDriverWait(browser, 5).until(lambda d: d.execute_script("return window.scrollY") == 0)
        first = browser.execute_script("""
            const c = [...document.querySelectorAll('#wz-verkenner select, #wz-verkenner input')]
              .find(e => e.getBoundingClientRect().height > 0);
            return [c.id, c.getBoundingClientRect().bottom, window.scrollY];""")
        control_id, bottom, scrolled = first
        assert scrolled == 0
        limit = height if width >= 390 else 1.6 * height
        assert bottom <= limit, f"{width} px: the first control ends at {bottom:.0f} px (limit {limit:.0f})"
        browser.execute_script("document.getElementById(arguments[0]).scrollIntoView({block: 'center'});", control_id)
        box = browser.execute_script("""var r = document.querySelector('.wz-summary').getBoundingClientRect();
            return [r.top, r.bottom, r.height, window.innerHeight];""")
        assert box[2] > 0 and 0 <= box[0] and box[1] <= box[3], f"{width} px: the result is not on screen: {box}"
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
