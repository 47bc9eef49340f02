"""The static household explorer as a trainer, a client manager or a student uses it: no kernel, no network.

Moving a control changes the numbers and the chart to the value the Python household model gives
for that scenario. The expected values are computed here by calling the model
(werkzorg.household.evaluate via explorer.outputs_for) on the scenario, with the rent the page
shows, not read from the page's precomputed grid.
"""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from werkzorg import explorer, household
from werkzorg.params import load_params

pytestmark = [pytest.mark.build, pytest.mark.browser]

PAGE = "book/verkennen/verkenner.html"
#: Page key -> (model output, sign): what each shown amount is in the model, per month.
SHOWN = {"dt": ("disposable_year", 1), "n1": ("net1", 1), "n2": ("net2", 1), "bb": ("bijstand", 1),
         "kgb": ("kgb", 1), "zt": ("zorgtoeslag", 1), "ht": ("huurtoeslag", 1), "kot": ("kot", 1),
         "kc": ("childcare_cost", -1)}


def model(huur=None, vrijlating=0, **controls):
    """The model's outputs for one setting of the explorer's controls and a rent (default: the page's proposal)."""
    settings = dict(explorer.DEFAULTS, **controls)
    rent = float(load_params(settings["jaar"])["rent_default"]) if huur is None else huur
    return explorer.outputs_for(settings, rent, vrijlating)


def month(out, key):
    col, sign = SHOWN[key]
    return int(round(sign * out[col] / 12))


def expected(key, **controls):
    return month(model(**controls), key)


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
    """Couple, children 1 and 3, minimum wage. Now he 40 h, she 0; wished he 32, she 16, two days childcare."""
    base = dict(huishouden="paar", kinderen="2", loon="min")
    _open(browser, page_url, "?huishouden=paar&kinderen=2&loon=min&uren1=32&uren2=16&opvang=2&nu=uren1:40,uren2:0,opvang:uren")
    now, wished = model(**base, uren1=40, uren2=0, opvang="uren"), model(**base, uren1=32, uren2=16, opvang=2)
    assert now["childcare_cost"] == 0 and now["kot"] == 0  # childcare follows the hours: none while she does not work
    for key in ("dt", "n1", "n2", "kot", "kc", "ht", "zt"):
        cell_now = browser.find_element(By.CSS_SELECTOR, f'[data-now="{key}"]')
        assert cell_now.is_displayed()
        assert int(cell_now.get_attribute("data-value")) == month(now, key), key
        assert _shown(browser, key)[0] == month(wished, key), key
        diff = browser.find_element(By.CSS_SELECTOR, f'[data-diff="{key}"]')
        assert int(diff.get_attribute("data-value")) == month(wished, key) - month(now, key), key
    assert not browser.find_element(By.CSS_SELECTOR, '[data-out="warn"]').is_displayed()
    # the lost credits are a sentence below the total, not a row among the amounts
    assert not browser.find_elements(By.CSS_SELECTOR, 'tr[data-row="lc"]')
    lost = browser.find_element(By.CSS_SELECTOR, '[data-out="lost"]')
    lost_month = int(round((wished["lost_credits1"] + wished["lost_credits2"]) / 12))
    assert lost.is_displayed() == (lost_month > 0)
    if lost_month:
        assert "valt weg" in lost.text and int(lost.get_attribute("data-value")) == lost_month
    # The reader chooses two days of childcare while she still works 0 hours: a visible warning, no toeslag.
    _open(browser, page_url, "?huishouden=paar&kinderen=2&loon=min&uren1=40&uren2=0&opvang=2")
    out = model(**base, uren1=40, uren2=0, opvang=2)
    assert out["kot"] == 0 and out["childcare_cost"] > 0
    warn = browser.find_element(By.CSS_SELECTOR, '[data-out="warn"]')
    assert warn.is_displayed() and "geen kinderopvangtoeslag" in warn.text and "ouder 2" in warn.text
    assert _shown(browser, "dt")[0] == month(out, "dt")
    # and with "volgt de uren" the warning goes and the costs with it
    Select(browser.find_element(By.ID, "wz-opvang")).select_by_value("uren")
    _wait_total(browser, expected("dt", **base, uren1=40, uren2=0, opvang="uren"))
    assert not browser.find_element(By.CSS_SELECTOR, '[data-out="warn"]').is_displayed()
    _clean(read_logs, browser)


def test_single_mother_on_bijstand_from_0_to_24_hours(browser, page_url, read_logs, clean_logs):
    state = dict(huishouden="alleen", kinderen="1", loon="min")
    _open(browser, page_url, "?huishouden=alleen&kinderen=1&loon=min&uren1=0")
    assert not browser.find_element(By.CSS_SELECTOR, '[data-out="n2"]').is_displayed()
    assert browser.find_element(By.ID, "wz-uren2").get_attribute("disabled")
    slider = browser.find_element(By.ID, "wz-uren1")
    shown_phase = []
    for hours in (0, 8, 16, 24):
        out, first = model(**state, uren1=hours), model(**state, uren1=hours, vrijlating=1)
        _wait_total(browser, month(out, "dt"))
        for key in ("bb", "kgb", "zt", "ht", "kot", "kc", "n1"):
            assert _shown(browser, key)[0] == month(out, key), (hours, key)
        rules = _rules(browser)
        phase = browser.find_element(By.CSS_SELECTOR, '[data-out="phase"]')
        if out["bijstand"] > 0:
            assert "bijstand" in rules
        if first["bijstand"] > out["bijstand"]:
            # both the first months and after the disregard are shown, with the model's amounts (at 24 hours
            # too: her net wage is just above the norm, but the disregard keeps a little bijstand at first)
            assert phase.is_displayed(), hours
            assert int(phase.get_attribute("data-first")) == month(first, "dt") > month(out, "dt")
            assert int(phase.get_attribute("data-after")) == month(out, "dt")
            assert "eerste maanden" in phase.text and "Na afloop van de vrijlating" in phase.text
            assert ("vrijlating_none" in rules) == (out["bijstand"] > 0)
            shown_phase.append(hours)
        else:
            assert not phase.is_displayed(), hours
        assert browser.find_element(By.CSS_SELECTOR, ".wz-left-out").is_displayed()
        slider.send_keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT)  # two steps of 4 hours
    assert shown_phase[:2] == [8, 16]  # starting work from bijstand: the disregard is shown
    # the chart shows the line for the first months next to the lasting one
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
    base = dict(huishouden="alleen", kinderen="1", loon="min", uren1=24)
    _open(browser, page_url, "?huishouden=alleen&kinderen=1&loon=min&uren1=24&jaar=2025")
    rent = browser.find_element(By.ID, "wz-huur")
    for year, huur, rule in ((2025, 950, "ht_excluded"), (2026, 1100, "ht_capped"), (2026, 500, None)):
        Select(browser.find_element(By.ID, "wz-jaar")).select_by_value(str(year))
        rent.clear()
        rent.send_keys(str(huur))
        out = model(**base, jaar=year, huur=huur)
        _wait_total(browser, month(out, "dt"))
        assert _shown(browser, "ht")[0] == month(out, "ht"), (year, huur)
        if rule:
            assert rule in _rules(browser), (year, huur)
    assert "huur=500" in browser.find_element(By.ID, "wz-permalink").get_attribute("href")
    # a rent that is not a number is refused; the last good result stays
    rent.clear()
    rent.send_keys("veel")
    assert rent.get_attribute("aria-invalid") == "true"
    assert _shown(browser, "ht")[0] == month(model(**base, jaar=2026, huur=500), "ht")
    _clean(read_logs, browser)


def test_url_presets_the_controls(browser, page_url, read_logs, clean_logs):
    _open(browser, page_url, "?huishouden=paar&uren1=40&uren2=16&opvang=3&kinderen=2s&jaar=2026&loon=30&huur=700")
    state = dict(uren1=40, uren2=16, opvang=3, kinderen="2s", jaar=2026, loon="30", huur=700)
    assert browser.find_element(By.ID, "wz-uren1").get_attribute("value") == "40"
    assert browser.find_element(By.ID, "wz-opvang").get_attribute("value") == "3"
    assert Select(browser.find_element(By.ID, "wz-kinderen")).first_selected_option.get_attribute("value") == "2s"
    assert _shown(browser, "dt")[0] == expected("dt", **state)
    # a hash works too, and a value that is not on the grid snaps to the nearest one
    _open(browser, page_url, "#huishouden=alleen&uren1=17")
    assert browser.find_element(By.ID, "wz-uren1").get_attribute("value") == "16"
    assert _shown(browser, "dt")[0] == expected("dt", huishouden="alleen", uren1=16)
    _clean(read_logs, browser)


def test_unknown_url_value_is_reported_not_fatal(browser, page_url, read_logs, clean_logs):
    _open(browser, page_url, "?huishouden=drie&uren2=12")
    box = browser.find_element(By.ID, "wz-approx")
    assert "huishouden=drie" in box.text
    assert _shown(browser, "dt")[0] == expected("dt", uren2=12)
    _clean(read_logs, browser)


def test_approximation_note_is_one_sentence_with_details_folded(browser, page_url, read_logs, clean_logs):
    # High joint income, 2025: the KOT percentage comes from an interpolated row.
    _open(browser, page_url, "?huishouden=paar&uren1=40&uren2=40&loon=30&jaar=2025&huur=0")
    assert model(uren1=40, uren2=40, loon="30", jaar=2025, huur=0)["approx"] & household.APPROX_BITS["kot"]
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
    _open(browser, page_url, "?huishouden=alleenstaand&uren1=16&uren2=0&opvang=2&loon=laag&jaar=2026")
    assert Select(browser.find_element(By.ID, "wz-huishouden")).first_selected_option.get_attribute("value") == "alleen"
    assert Select(browser.find_element(By.ID, "wz-loon")).first_selected_option.get_attribute("value") == "min"
    assert _shown(browser, "dt")[0] == expected("dt", huishouden="alleen", uren1=16, opvang=2, loon="min", jaar=2026)
    assert not browser.find_element(By.ID, "wz-approx").text.count("Niet gebruikt")
    _clean(read_logs, browser)


def test_without_children_the_childcare_control_is_off(browser, page_url, read_logs, clean_logs):
    _open(browser, page_url, "?huishouden=paar&kinderen=0&opvang=3&uren1=36&uren2=24")
    assert browser.find_element(By.ID, "wz-opvang").get_attribute("disabled")
    assert _shown(browser, "dt")[0] == expected("dt", kinderen="0", uren1=36, uren2=24)
    assert not browser.find_element(By.CSS_SELECTOR, 'tr[data-row="kot"]').is_displayed()
    _clean(read_logs, browser)


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
    assert _shown(browser, "dt")[0] == expected("dt", uren2=16)
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


def _page_state(browser) -> tuple[dict, float]:
    """The explorer's controls as the model takes them, read from the page itself, and the rent."""
    state = {}
    for el in browser.find_elements(By.CSS_SELECTOR, "#wz-verkenner [data-param]"):
        name, value = el.get_attribute("data-param"), el.get_attribute("value")
        if name == "huur":
            continue
        if name in ("jaar", "uren1", "uren2", "as") or (name == "opvang" and value != explorer.OPVANG_AUTO):
            value = int(value)
        state[name] = value
    return state, float(browser.find_element(By.ID, "wz-huur").get_attribute("value"))


def test_every_option_of_every_control_changes_the_page_as_the_model_says(browser, page_url, read_logs, clean_logs):
    """Each choice in each list and three positions of each slider, for a couple with children (for a
    single parent the page disables the partner's controls): the total is the model's, and every
    control changes what the reader sees (the total or, for the chart's axis, the chart)."""
    _open(browser, page_url)
    controls = [el.get_attribute("data-param")
                for el in browser.find_elements(By.CSS_SELECTOR, "#wz-verkenner select[data-param], "
                                                                  "#wz-verkenner input[type=range][data-param]")]
    assert len(controls) >= 7, controls
    for name in controls:
        _open(browser, page_url, "?huishouden=paar&uren1=40&uren2=16&kinderen=2")  # every control is enabled here
        el = browser.find_element(By.ID, f"wz-{name}")
        if el.tag_name == "select":
            choices = [o.get_attribute("value") for o in Select(el).options]
        else:
            lo, hi = int(el.get_attribute("min")), int(el.get_attribute("max"))
            choices = [str(lo), str((lo + hi) // 2 // 4 * 4), str(hi)]
        seen = set()
        for choice in choices:
            el = browser.find_element(By.ID, f"wz-{name}")
            assert el.is_enabled() or name == "huishouden", f"{name} is disabled for a couple with children"
            if el.tag_name == "select":
                Select(el).select_by_value(choice)
            else:
                browser.execute_script("arguments[0].value = arguments[1];"
                                       "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                                       "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", el, choice)
            state, rent = _page_state(browser)
            want = month(model(huur=rent, **state), "dt")
            WebDriverWait(browser, 10).until(lambda d: _shown(d, "dt")[0] == want,
                                             f"{name}={choice}: total is not the model's {want}")
            seen.add((_shown(browser, "dt")[0], tuple(_point_labels(browser))))
        assert len(seen) > 1, f"changing '{name}' changed nothing a reader sees"
    _clean(read_logs, browser)
