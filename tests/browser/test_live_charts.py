"""The statistics pages as a reader uses them: every control redraws the chart, tooltips give value and status,
the table beside the chart holds the figures of the page's CSV, and no widget manager is loaded."""

from __future__ import annotations

import csv
import io
import json
import re
import urllib.request
from pathlib import Path

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from waiting import Select, WebDriverWait

pytestmark = [pytest.mark.build, pytest.mark.browser]

STATS_PAGES = ["arbeidsparticipatie", "deeltijd", "economische-zelfstandigheid", "migratieachtergrond", "zorg-in-cijfers"]
STATUSES = {"voorlopig", "nader voorlopig", "definitief", "herzien", "niet vermeld",
            "klopt", "afgerond", "andere definitie", "niet te controleren", "wijkt af"}

#: The data of every mark Vega drew for one chart (walks the scenegraph of the live view).
MARKS_JS = """
const key = arguments[0];
const view = window.werkzorgLive && window.werkzorgLive.views[key];
if (!view) return null;
const out = [];
(function walk(node) {
  if (!node) return;
  if (node.marktype && ['symbol', 'rect', 'line'].includes(node.marktype)) {
    for (const item of node.items || []) {
      const d = item.datum || {};
      if ('waarde' in d || 'sum_waarde' in d) out.push([d.periode, d.groep, d.kenmerk, d.eenheid, d.jaar, d.waarde ?? d.sum_waarde].join('|'));
    }
    return;
  }
  for (const item of node.items || []) { walk(item); }
})(view.scenegraph().root);
return out.sort();
"""


def _wait_drawn(browser, n):
    WebDriverWait(browser, 30).until(
        lambda d: d.execute_script("return document.querySelectorAll('figure.werkzorg-live.werkzorg-live-drawn').length") == n)


def _marks(browser, key):
    return browser.execute_script(MARKS_JS, key)


def _open(browser, page_url, stem):
    browser.get(page_url(f"notebooks/{stem}.html"))
    figs = browser.find_elements(By.CSS_SELECTOR, "figure.werkzorg-live")
    assert figs, f"{stem}: no live chart"
    # Each chart is drawn when a reader scrolls near it (_static/laden.js): scroll as a reader does.
    for fig in figs:
        browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});"
                               "return new Promise(r => requestAnimationFrame(() => setTimeout(r, 50)))", fig)
    _wait_drawn(browser, len(figs))
    return figs


def _changed(browser, key, before):
    WebDriverWait(browser, 10).until(lambda d: _marks(d, key) != before)
    return _marks(browser, key)


def _check_filter(marks, ctl, value):
    """Every drawn mark agrees with the control's value (field order in MARKS_JS)."""
    index = {"periode": 0, "groep": 1, "kenmerk": 2, "eenheid": 3, "jaar": 4}[ctl["field"]]
    for m in marks:
        got = m.split("|")[index]
        if ctl["kind"] == "range":
            assert int(got) >= int(value), (ctl, value, m)
        else:
            assert got == str(value), (ctl, value, m)


@pytest.mark.parametrize("stem", STATS_PAGES)
def test_every_control_redraws_the_chart_with_what_it_names(stem, browser, page_url, read_logs, clean_logs):
    figs = _open(browser, page_url, stem)
    tried = 0
    for fig in figs:
        key = fig.get_attribute("data-chart")
        controls = json.loads(fig.get_attribute("data-controls"))
        assert controls, f"{key}: a live chart without controls"
        binds = fig.find_elements(By.CSS_SELECTOR, ".vega-bindings .vega-bind")
        assert len(binds) == len(controls), key
        for ctl, bind in zip(controls, binds):
            if ctl["kind"] == "select":
                sel = Select(bind.find_element(By.TAG_NAME, "select"))
                values = [o.get_attribute("value") for o in sel.options]
                assert len(values) >= 2, (key, ctl)
                for i in range(1, len(values)):
                    before = _marks(browser, key)
                    sel.select_by_index(i)
                    after = _changed(browser, key, before)
                    assert after, (key, ctl, values[i])
                    if not (ctl["all"] and values[i] == "alle"):
                        _check_filter(after, ctl, json.loads(values[i]) if values[i].isdigit() else values[i])
                    tried += 1
                sel.select_by_index(0)
            elif ctl["kind"] == "radio":
                radios = bind.find_elements(By.CSS_SELECTOR, "input[type=radio]")
                assert len(radios) >= 2, (key, ctl)
                for r in radios[1:] + radios[:1]:
                    before = _marks(browser, key)
                    # a reader sees what they tap: not under the sticky header
                    browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", r)
                    r.click()
                    after = _changed(browser, key, before)
                    assert after, (key, ctl, r.get_attribute("value"))
                    _check_filter(after, ctl, r.get_attribute("value"))
                    tried += 1
            else:
                rng = bind.find_element(By.CSS_SELECTOR, "input[type=range]")
                top = rng.get_attribute("max")
                before = _marks(browser, key)
                browser.execute_script("arguments[0].value = arguments[1];"
                                       "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", rng, top)
                after = _changed(browser, key, before)
                assert after and len(after) < len(before), (key, ctl)
                _check_filter(after, ctl, top)
                browser.execute_script("arguments[0].value = arguments[0].min;"
                                       "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", rng)
                tried += 1
    assert tried >= len(figs) * 2
    errors, hosts = read_logs(browser)
    assert not errors, errors
    assert not hosts, hosts


@pytest.mark.parametrize("stem", STATS_PAGES)
def test_hovering_a_mark_shows_its_value_and_status(stem, browser, page_url, clean_logs):
    figs = _open(browser, page_url, stem)
    for fig in figs:
        browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", fig)
        marks = fig.find_elements(By.CSS_SELECTOR, ".werkzorg-live-chart svg g.role-mark:is(.mark-symbol, .mark-rect) path")
        assert marks, fig.get_attribute("data-chart")
        # Vega listens to pointer moves: land on the mark, then move within it.
        mark = marks[len(marks) // 2]
        browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", mark)
        ActionChains(browser).move_to_element(mark).perform()
        ActionChains(browser).move_by_offset(1, 1).perform()
        tip = WebDriverWait(browser, 10).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, "#vg-tooltip-element.visible"),
            message=f"no tooltip on {fig.get_attribute('data-chart')}")[0]
        text = tip.text
        assert re.search(r"\d", text), text
        status = re.search(r"Status\s*:?\s*(.+)", text)
        assert status and status.group(1).strip() in STATUSES, text
        ActionChains(browser).move_to_element(fig.find_element(By.CSS_SELECTOR, "figcaption")).perform()


@pytest.mark.parametrize("stem", STATS_PAGES)
def test_table_beside_each_chart_holds_the_figures_of_the_page_csv(stem, browser, page_url, clean_logs):
    figs = _open(browser, page_url, stem)
    link = browser.find_element(By.CSS_SELECTOR, "p.werkzorg-live-download a")
    assert link.get_attribute("download") is not None
    with urllib.request.urlopen(link.get_attribute("href")) as resp:
        text = resp.read().decode("utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    rows = list(csv.DictReader(io.StringIO("\n".join(line for line in text.splitlines() if not line.startswith("#")))))
    assert any("opgehaald" in h and "tabel" in h and "periode" in h for h in header)
    for fig in figs:
        key = fig.get_attribute("data-chart")
        mine = [r for r in rows if r["grafiek"] == key]
        table = fig.find_element(By.CSS_SELECTOR, ".werkzorg-live-table table")
        # Every row's cells in one look (a round trip to the browser per cell took seconds per table).
        body = browser.execute_script(
            "return [...arguments[0].querySelectorAll('tbody tr')]"
            ".map(tr => [...tr.querySelectorAll('td')].map(td => td.textContent.trim()));", table)
        assert len(body) == len(mine), key
        for cells, r in zip(body, mine):
            assert cells[0] == r["periode"] and cells[1] == r["groep"] and cells[2] == r["kenmerk"], (cells, r)
            number = float(re.sub(r"[^\d,]", "", cells[3]).replace(",", "."))
            assert abs(number - float(r["waarde"])) <= 0.051, (cells, r)
            assert cells[4] == r["status"]
        # the source line links the table to StatLine or its publication, and claims to the claims page
        source = fig.find_element(By.CSS_SELECTOR, ".werkzorg-live-source")
        hrefs = [a.get_attribute("href") for a in source.find_elements(By.TAG_NAME, "a")]
        assert hrefs, key
        for table_id in {r["tabel"] for r in mine if re.fullmatch(r"\d{5}NED", r["tabel"])}:
            assert f"https://opendata.cbs.nl/statline/#/CBS/nl/dataset/{table_id}/table" in hrefs, (key, table_id)


@pytest.mark.parametrize("stem", STATS_PAGES + ["verkenner-notebook"])
def test_notebook_pages_load_no_widget_manager(stem, browser, page_url, clean_logs):
    browser.get(page_url(f"notebooks/{stem}.html"))
    WebDriverWait(browser, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")
    loaded = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert not [u for u in loaded if "widgets/" in u or "require.js" in u or "embed-amd" in u], loaded
    assert not browser.find_elements(By.CSS_SELECTOR, "[class*='widget-'], script[type*='jupyter.widget']")


def test_no_page_of_the_site_shows_a_widget_without_a_kernel(built_site: Path):
    """ipywidgets need a live kernel; the website has none, so no page may embed one."""
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 30
    dead = []
    for p in pages:
        text = p.read_text(encoding="utf-8", errors="replace")
        if ("application/vnd.jupyter.widget-view+json" in text or "application/vnd.jupyter.widget-state+json" in text
                or "embed-amd.js" in text):
            dead.append(str(p.relative_to(built_site)))
    assert not dead, dead


def test_verkenner_notebook_points_to_the_static_explorer(browser, page_url, clean_logs):
    browser.get(page_url("notebooks/verkenner-notebook.html"))
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "main a")]
    assert any("/book/verkennen/" in (h or "") for h in links), links
    assert not browser.find_elements(By.CSS_SELECTOR, "main select, main input, main button.widget-button")


@pytest.mark.parametrize("stem", ["deeltijd", "migratieachtergrond"])
def test_charts_follow_dark_mode_and_keep_every_group_visible(stem, browser, page_url, clean_logs):
    figs = _open(browser, page_url, stem)
    key = figs[0].get_attribute("data-chart")
    browser.execute_script("document.documentElement.setAttribute('data-theme', 'dark')")
    WebDriverWait(browser, 20).until(
        lambda d: all(f.get_attribute("data-theme-drawn") == "dark" for f in figs) and _marks(d, key))
    fills = browser.execute_script(
        "return Array.from(document.querySelectorAll('figure.werkzorg-live g.role-mark path'))"
        ".map(p => (p.getAttribute('fill') || '') + '/' + (p.getAttribute('stroke') || ''))")
    assert fills and not [f for f in fills if "#000000" in f.lower()], fills[:5]
    # the axis text is light on the dark page
    label = browser.execute_script(
        "const t = document.querySelector('figure.werkzorg-live g.role-axis-label text'); return t && t.getAttribute('fill')")
    assert label and label.lower() not in ("#000", "#000000", "#222222")
    browser.execute_script("document.documentElement.setAttribute('data-theme', 'light')")


_CHART_STATE = """
const chart = document.querySelector(arguments[0]);
const names = performance.getEntriesByType('resource').map(e => e.name);
return {top: chart.getBoundingClientRect().top, height: innerHeight,
        vega: names.filter(n => /vendor\\/vega-(view|bundle)\\.js/.test(n)).length,
        drawn: !!chart.querySelector('svg')};
"""


@pytest.mark.parametrize("page,chart", [(f"notebooks/{s}.html", "figure.werkzorg-live") for s in STATS_PAGES]
                         + [("book/verkennen/verkenner.html", "#wz-chart")])
def test_a_phone_fetches_the_chart_runtime_when_the_reader_reaches_a_chart(page, chart, browser, page_url, clean_logs):
    """Vega (170-300 KB gzipped, a long parse on a phone) comes with the first chart the reader
    gets near, not with the page; a chart in the first screens is drawn without scrolling."""
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True})
    try:
        browser.get(page_url(page))
        WebDriverWait(browser, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")
        browser.execute_script("return new Promise(r => setTimeout(r, 800))")
        state = browser.execute_script(_CHART_STATE, chart)
        if state["top"] > 1.5 * state["height"]:
            assert state["vega"] == 0 and not state["drawn"], f"{page}: Vega loaded for a chart {state['top']:.0f} px down"
            browser.execute_script("document.querySelector(arguments[0]).scrollIntoView({block: 'center'})", chart)
        WebDriverWait(browser, 30).until(lambda d: d.execute_script(_CHART_STATE, chart)["drawn"],
                                         message=f"{page}: the chart was not drawn once the reader reached it")
        assert browser.execute_script(_CHART_STATE, chart)["vega"] == 1
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


#: Vega's own screen-reader texts are English ("X-axis titled 'jaar' for a linear scale …",
#: "Symbol legend titled …"); a Dutch reader's screen reader must not read them.
ENGLISH_ARIA = re.compile(r"X-axis|Y-axis|\btitled\b|\blegend\b|\bscale with\b|\bvalues from\b", re.I)


def test_no_chart_gives_a_screen_reader_english_texts(built_site: Path, browser, page_url, clean_logs):
    pages = [p.relative_to(built_site).as_posix() for p in sorted(built_site.rglob("*.html"))
             if not p.relative_to(built_site).as_posix().startswith(("_static/", "vendor/", "_sources/"))
             and re.search(r'class="werkzorg-live"|id="wz-chart"', p.read_text(encoding="utf-8"))]
    assert {f"notebooks/{s}.html" for s in STATS_PAGES} | {"book/verkennen/verkenner.html"} <= set(pages), pages
    problems = []
    for page in pages:
        browser.get(page_url(page))
        charts = browser.find_elements(By.CSS_SELECTOR, ".werkzorg-live-chart, #wz-chart")
        for chart in charts:
            browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", chart)
            WebDriverWait(browser, 30).until(lambda d, c=chart: c.find_elements(By.CSS_SELECTOR, "svg g"),
                                             message=f"{page}: a chart was not drawn")
        texts = browser.execute_script(
            "return Array.from(document.querySelectorAll('.werkzorg-live-chart svg, .werkzorg-live-chart svg *,"
            " #wz-chart svg, #wz-chart svg *')).flatMap(e => ['aria-label', 'aria-roledescription', 'aria-description']"
            ".map(a => e.getAttribute(a)).filter(Boolean))")
        problems += [f"{page}: {t[:100]}" for t in dict.fromkeys(texts) if ENGLISH_ARIA.search(t)]
    assert not problems, f"{len(problems)} English screen-reader text(s) in charts:\n" + "\n".join(problems[:20])
