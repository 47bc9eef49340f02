"""Every page a reader can open, opened once and checked for everything that holds on every page:

- it loads with no console error and no request to another host than the local server (a
  reader offline, or one who does not want to be tracked), its charts drawn as a reader who
  scrolls to them sees them;
- ``<html lang="nl">``, so a screen reader speaks Dutch;
- axe-core's full WCAG 2.0/2.1/2.2 A/AA rule set finds nothing of impact serious or critical,
  in light and in dark mode (the theme switch in the top bar sets dark mode);
- HTML_CodeSniffer (the engine pa11y runs), a second opinion, finds no WCAG2AA error, in light
  and in dark mode. Its warnings and notices ask a human to look, and are counted in the output
  (pytest -s), as are axe's minor findings;
- no selector that the CSS cut removed from the theme's stylesheets matches an element, in light
  and in dark mode, so the cut changes nothing on the page (tests/browser/test_css_cut.py).

One walk serves all checks: opening a page costs as much as one check on it, and each check
once walked the whole site on its own. The walk is split into parts (page 1, 7, … in the
first), so the two test processes of `make test` share it.
"""

from __future__ import annotations

import time
from pathlib import Path

import cut_css
import pytest
from checkers import (
    HTMLCS_ERROR,
    RUN_AXE,
    RUN_HTMLCS,
    SWITCH_TO_DARK,
    WCAG_TAGS,
    axe_source,
    blocking,
    draw_every_chart,
    htmlcs_source,
    load,
)
from selenium.common.exceptions import TimeoutException
from sitebuild import reader_pages

pytestmark = [pytest.mark.build, pytest.mark.browser]

PARTS = 6


@pytest.fixture(scope="module")
def engines(built_site: Path) -> tuple:
    return axe_source(), htmlcs_source(), cut_css.removed_at_rest(built_site)


def _check_page(browser, url: str, page: str, engines, read_logs, counts: dict) -> dict[str, list[str]]:
    axe, htmlcs, removed = engines
    found: dict[str, list[str]] = {kind: [] for kind in _HEADINGS}
    read_logs(browser)  # what the page before left behind is not this page's
    load(browser, url)
    try:
        draw_every_chart(browser, page)
    except TimeoutException as exc:  # reported with the rest, and the walk goes on
        found["charts"].append(exc.msg or f"{page}: a chart was not drawn")
    time.sleep(0.4)  # let module scripts, the chart runtime and the widget manager run and report
    errors, hosts = read_logs(browser)
    if errors:
        found["offline"].append(f"{page}: console errors {errors}")
    if hosts:
        found["offline"].append(f"{page}: requests to {sorted(hosts)}")
    lang = browser.execute_script("return document.documentElement.getAttribute('lang')")
    if lang != "nl":
        found["lang"].append(f"{page}: <html lang={lang!r}>, expected 'nl'")
    browser.execute_script(axe)
    browser.execute_script(htmlcs)
    for mode in ("light", "dark"):
        if mode == "dark":
            browser.execute_async_script(SWITCH_TO_DARK)
        found["cut"] += [f"{page} ({mode}): {m}" for m in cut_css.matching_removed(browser, removed)]
        result = browser.execute_async_script(RUN_AXE, WCAG_TAGS)
        if isinstance(result, dict):
            found["axe"].append(f"{page}: axe failed ({mode}): {result['error']}")
        else:
            for v in result:
                for n in v["nodes"]:
                    key = ("axe", n["impact"] or v["impact"], v["id"])
                    counts[key] = counts.get(key, 0) + 1
            for v in blocking(result):
                targets = "; ".join(f"{n['target']} ({n['summary']})" for n in v["nodes"][:6])
                more = f" … and {len(v['nodes']) - 6} more" if len(v["nodes"]) > 6 else ""
                found["axe"].append(f"{page} ({mode}): [{v['impact']}] {v['id']} — {v['help']}: {targets}{more}")
        result = browser.execute_async_script(RUN_HTMLCS)
        if isinstance(result, dict):
            found["htmlcs"].append(f"{page} ({mode}): HTML_CodeSniffer failed: {result['error']}")
            continue
        for m in result:
            kind = {1: "error", 2: "warning", 3: "notice"}.get(m["type"], str(m["type"]))
            if kind != "notice":
                counts[("HTML_CodeSniffer", kind, m["code"])] = counts.get(("HTML_CodeSniffer", kind, m["code"]), 0) + 1
            if m["type"] == HTMLCS_ERROR:
                found["htmlcs"].append(f"{page} ({mode}): {m['code']}: {m['msg'][:160]} [{m['where']}]")
    return found


_HEADINGS = {
    "charts": "charts not drawn when brought into view",
    "offline": "console errors or requests to other hosts",
    "lang": "pages not marked as Dutch",
    "axe": "serious or critical accessibility problems (axe-core, WCAG 2 A/AA)",
    "htmlcs": "WCAG2AA errors (HTML_CodeSniffer)",
    "cut": "elements that a selector the CSS cut removed would style",
}


def test_the_walk_holds_every_kind_of_page(built_site: Path):
    pages = reader_pages(built_site)
    assert len(pages) >= 60 and {"index.html", "404.html", "search.html"} <= set(pages), pages[:5]


@pytest.mark.parametrize("part", range(PARTS), ids=lambda p: f"part{p + 1}")
def test_every_page_loads_offline_in_dutch_and_passes_axe_and_htmlcs(browser, built_site, page_url, read_logs,
                                                                     engines, part):
    pages = reader_pages(built_site)[part::PARTS]
    browser.set_script_timeout(120)
    problems: dict[str, list[str]] = {kind: [] for kind in _HEADINGS}
    counts: dict[tuple[str, str, str], int] = {}
    for page in pages:
        for kind, found in _check_page(browser, page_url(page), page, engines, read_logs, counts).items():
            problems[kind].extend(found)
    print(f"\n{len(pages)} pages (part {part + 1} of {PARTS}), light and dark (engine, impact or type, rule: nodes):")
    for (engine, impact, rule), n in sorted(counts.items()):
        print(f"  {engine:16} {impact:9} {rule}: {n}")
    report = [f"{len(found)} {_HEADINGS[kind]}:\n" + "\n".join(found[:120])
              for kind, found in problems.items() if found]
    assert not report, "\n\n".join(report)
