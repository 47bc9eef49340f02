"""The cut stylesheets look exactly like the full ones (issue 11, werkzorg.postbuild.csspurge).

After the build the theme's stylesheets are cut to the selectors the site can use. A reader must
not see any difference. Three checks prove it together:

- the cut only removes: every rule it keeps is the original rule, in the same place, with the same
  declarations (read from both stylesheets, tests/cut_css.py);
- no removed selector matches an element of any page, in any state: the walks over every page
  (tests/browser/test_every_page.py in light and dark mode, tests/browser/test_mobiel.py on a
  phone) look for each one, and a rule this browser would have dropped whole is not revived;
- on one page of every type the computed style of every element, and of its ``::before`` and
  ``::after``, is compared with and without the cut: the test serves a second copy of the site
  with the stylesheets as the theme shipped them (kept in ``_build/werkzorg-css-original``), on a
  phone in light mode, on a desktop in dark mode, with the phone menu opened and with a tooltip.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

import cut_css
import pytest
from conftest import serve_below_subpath

from werkzorg.postbuild import csspurge

pytestmark = [pytest.mark.build, pytest.mark.browser]

#: One page of each type (as in tools/bench_lighthouse.py), the glossary and the search page.
PAGE_TYPES = [
    "index.html", "book/intro/index.html", "book/gendersensitief/waarom-gendersensitief.html",
    "book/belemmeringen/belemmeringen.html", "notebooks/arbeidsparticipatie.html", "book/verkennen/verkenner.html",
    "book/toolbox/catalogus.html", "book/oefenen/belemmeringen.html", "book/cijfers/claims.html",
    "book/begrippen/woordenlijst.html", "search.html",
]

#: Custom properties that scripts on the pages read through getComputedStyle (Bootstrap reads
#: --bs-position to place a dropdown; the widget embedder --jp-layout-color0). Every other custom
#: property reaches a reader only through the standard properties that use it.
SCRIPT_READ_CUSTOM = ["--bs-position", "--jp-layout-color0"]

#: Selectors of states no compared page is in (a pointer over a button, a focused field, selected
#: text): custom properties that only such rules use show in no standard property at rest.
_STATE = re.compile(r":(?:hover|focus|focus-visible|focus-within|active|disabled|checked|invalid)\b"
                    r"|::(?:placeholder|selection|-webkit-scrollbar)")
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_VAR = re.compile(r"var\(\s*(--[\w-]+)")


def state_only_custom_properties(css_texts: list[str]) -> list[str]:
    """Custom properties that the stylesheets use (in ``var()``) only in rules for a state."""
    at_rest: set[str] = set()
    in_state: set[str] = set()
    for text in css_texts:
        for selector, body in _RULE.findall(re.sub(r"/\*.*?\*/", "", text, flags=re.S)):
            names = set(_VAR.findall(body))
            (in_state if _STATE.search(selector) else at_rest).update(names)
    return sorted(in_state - at_rest)


@pytest.fixture(scope="module")
def custom_read(built_site: Path) -> list[str]:
    """The custom properties each fingerprint reads one by one: those scripts read and those only
    rules for a state use (read from the stylesheets as the theme shipped them)."""
    originals = built_site.parent / csspurge.ORIGINALS
    states = state_only_custom_properties([f.read_text(encoding="utf-8") for f in originals.rglob("*.css")])
    assert len(states) >= 20, f"only {len(states)} custom properties found that only states use"
    return SCRIPT_READ_CUSTOM + states

#: One short fingerprint per element: every standard computed property (what the page is drawn
#: from), the custom properties of :func:`custom_read` (those scripts read, and those only a state
#: such as :hover uses), and the same for its ::before and ::after where they exist (content other
#: than none). The theme's other custom properties are not read one by one: they change nothing a
#: reader sees unless a standard property takes them up, and reading them doubled the cost.
_FINGERPRINTS = """
const [base, custom] = arguments;
const h = (s) => { let x = 2166136261; for (let i = 0; i < s.length; i++) { x ^= s.charCodeAt(i); x = Math.imul(x, 16777619); } return (x >>> 0).toString(36); };
const all = getComputedStyle(document.documentElement);
const names = [];
for (let i = 0; i < all.length; i++) if (!all[i].startsWith('--')) names.push(all[i]);
names.push(...custom);
const style = (cs) => { const parts = new Array(names.length);
  for (let i = 0; i < names.length; i++) parts[i] = cs.getPropertyValue(names[i]); return parts.join(';').split(base).join('BASE/'); };
const pseudo = (el, p) => { const cs = getComputedStyle(el, p);
  return cs.content === 'none' || cs.content === 'normal' ? '' : style(cs); };
return [...document.querySelectorAll('body *')].map((el) =>
  h(style(getComputedStyle(el)) + '|' + pseudo(el, '::before') + '|' + pseudo(el, '::after')));
"""

#: Cheap signs that scripts are still laying the page out (stacked tables, charts).
_LAYOUT = ("const h = document.documentElement; return [document.querySelectorAll('body *').length, "
           "document.body.scrollHeight, document.body.className, h.dataset.mode, h.dataset.theme].join('/')")

#: The properties of one element that differ are listed when a fingerprint differs.
_STYLE_OF = """
const [base, i] = arguments;
const el = [...document.querySelectorAll('body *')][i];
const out = {};
for (const pseudo of [null, '::before', '::after']) { const cs = getComputedStyle(el, pseudo);
  for (let k = 0; k < cs.length; k++) { const n = cs[k]; out[(pseudo || '') + n] = cs.getPropertyValue(n).split(base).join('BASE/'); } }
const path = []; for (let e = el; e && e !== document.body; e = e.parentElement) path.unshift(e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : ''));
return {path: path.join(' > '), style: out};
"""


@pytest.fixture(scope="module")
def full_css_site(built_site: Path):
    """The built site with the stylesheets as shipped, served below the same sub-path."""
    originals = built_site.parent / csspurge.ORIGINALS
    assert originals.is_dir(), f"no original stylesheets beside the build ({originals})"
    copy = Path(tempfile.mkdtemp(prefix="werkzorg-fullcss-")) / "html"
    shutil.copytree(built_site, copy, copy_function=os.symlink)  # links: the same files, but for the CSS
    restored = 0
    for f in originals.rglob("*.css"):
        (copy / f.relative_to(originals)).unlink()
        shutil.copyfile(f, copy / f.relative_to(originals))
        restored += 1
    assert restored >= 3, "expected the theme's stylesheets among the originals"
    try:
        with serve_below_subpath(copy) as url:
            yield url
    finally:
        shutil.rmtree(copy.parent, ignore_errors=True)


def _look(driver, url: str, base: str, width: int, dark: bool, open_menu: bool, tooltip: bool = False,
          custom: list[str] = SCRIPT_READ_CUSTOM) -> list[str]:
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 844 if width < 800 else 900, "deviceScaleFactor": 1,
                            "mobile": width < 800})
    # A first visit: no colour kept from an earlier page or test (the theme stores one on every load).
    origin = "/".join(url.split("/", 3)[:3])
    driver.execute_cdp_cmd("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "local_storage"})
    driver.get(url)
    driver.execute_script("return document.fonts ? document.fonts.ready : null")
    if open_menu:
        opened = driver.execute_script(
            "const b = [...document.querySelectorAll('.primary-toggle')].find(b => b.offsetParent);"
            "if (b) b.click(); return new Promise(r => setTimeout(() => r(!!document.querySelector('dialog[open]')), 500));")
        assert opened, f"{url}: the book-contents menu did not open"
    if tooltip:  # the pointer on the colour-mode button: Bootstrap draws its tooltip
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.by import By
        from waiting import WebDriverWait

        button = next(b for b in driver.find_elements(By.CSS_SELECTOR, ".theme-switch-button") if b.is_displayed())
        ActionChains(driver).move_to_element(button).perform()
        WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".tooltip.show"),
                                        message=f"{url}: no tooltip on the colour-mode button")
    # Colours fade when the theme's script sets the mode; the end state is what is compared.
    driver.execute_script("const s = document.createElement('style'); s.textContent ="
                          "'*, *::before, *::after { transition: none !important; animation: none !important; }';"
                          "document.head.appendChild(s);")
    # Scripts that lay out after load (stacked tables, charts) have settled when two looks agree.
    before = None
    for _ in range(10):
        now = driver.execute_script(_LAYOUT)
        if now == before:
            break
        before = now
        driver.execute_script("return new Promise(r => setTimeout(r, 200))")
    mode = driver.execute_script("return document.documentElement.dataset.theme")
    assert mode == ("dark" if dark else "light"), f"{url}: the page is in {mode} mode (a colour kept from before?)"
    return driver.execute_script(_FINGERPRINTS, base, custom)


def _compare(browser, page_url, full_css_site, page: str, width: int, dark: bool, open_menu: bool = False,
             tooltip: bool = False, custom: list[str] = SCRIPT_READ_CUSTOM) -> None:
    cut_base, full_base = page_url(""), full_css_site
    try:
        for _ in range(2):  # a second look when the first differs: the theme's scripts may still be switching an icon
            cut = _look(browser, cut_base + page, cut_base, width, dark, open_menu, tooltip, custom)
            full = _look(browser, full_base + page, full_base, width, dark, open_menu, tooltip, custom)
            assert len(cut) == len(full), f"{page}: {len(cut)} elements with the cut CSS, {len(full)} with the full CSS"
            diff = [i for i, (a, b) in enumerate(zip(cut, full)) if a != b]
            if not diff:
                break
        if diff:
            i = diff[0]
            full_style = browser.execute_script(_STYLE_OF, full_base, i)
            browser.get(cut_base + page)
            cut_style = browser.execute_script(_STYLE_OF, cut_base, i)
            props = {k: (cut_style["style"].get(k), v) for k, v in full_style["style"].items()
                     if cut_style["style"].get(k) != v}
            pytest.fail(f"{page} ({width} px, {'dark' if dark else 'light'}): {len(diff)} elements look different "
                        f"with the cut stylesheets; the first is {full_style['path']}: "
                        + "; ".join(f"{k}: {a!r} (cut) vs {b!r} (full)" for k, (a, b) in list(props.items())[:8]))
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_cut_stylesheets_are_much_smaller(built_site: Path):
    originals = built_site.parent / csspurge.ORIGINALS
    theme = "_static/styles/pydata-sphinx-theme.css"
    full, cut = (originals / theme).stat().st_size, (built_site / theme).stat().st_size
    assert cut < full / 2, f"the theme stylesheet was cut only from {full} to {cut} bytes"
    assert "@import" not in (built_site / "_static/styles/theme.css").read_text(encoding="utf-8"), \
        "theme.css still imports basic.css (a second, chained request before the first paint)"


@pytest.mark.parametrize("page", PAGE_TYPES)
def test_page_types_look_the_same_on_a_phone(browser, built_site, page_url, full_css_site, custom_read, page):
    assert (built_site / page).is_file(), page
    _compare(browser, page_url, full_css_site, page, 390, dark=False, custom=custom_read)


@pytest.mark.parametrize("page", PAGE_TYPES)
def test_page_types_look_the_same_on_a_desktop_in_dark_mode(browser, built_site, page_url, full_css_site, custom_read, page):
    assert (built_site / page).is_file(), page
    _compare(browser, page_url, full_css_site, page, 1366, dark=True, custom=custom_read)


@pytest.mark.parametrize("page", ["book/intro/index.html", "notebooks/deeltijd.html"])
def test_open_phone_menu_looks_the_same(browser, built_site, page_url, full_css_site, custom_read, page):
    _compare(browser, page_url, full_css_site, page, 390, dark=False, open_menu=True, custom=custom_read)


def test_a_button_tooltip_looks_the_same_on_a_desktop(browser, built_site, page_url, full_css_site, custom_read):
    """Bootstrap builds the tooltip's class names from pieces (bs-tooltip-auto): they must stay."""
    _compare(browser, page_url, full_css_site, "book/intro/index.html", 1366, dark=False, tooltip=True, custom=custom_read)


@pytest.fixture(scope="module")
def changed_css_site(built_site: Path, request):
    """Yield a function serving a copy of the built site with one rule added to the theme's
    stylesheet: the comparison above must see it."""
    stack = []

    def serve(rule: str) -> str:
        copy = Path(tempfile.mkdtemp(prefix="werkzorg-changedcss-")) / "html"
        shutil.copytree(built_site, copy, copy_function=os.symlink)
        sheet = copy / "_static/styles/sphinx-book-theme.css"
        text = sheet.read_text(encoding="utf-8")
        sheet.unlink()
        sheet.write_text(text + "\n" + rule + "\n", encoding="utf-8")
        server = serve_below_subpath(copy)
        stack.append((server, copy))
        return server.__enter__()

    yield serve
    for server, copy in stack:
        server.__exit__(None, None, None)
        shutil.rmtree(copy.parent, ignore_errors=True)


@pytest.mark.parametrize("rule,named", [
    ("h1 { letter-spacing: 0.01em; }", "letter-spacing"),              # a property the page is drawn from
    (".bd-article p { --bs-position: end; }", "--bs-position"),        # a custom property a script reads
    (".bd-article p { --bs-btn-hover-bg: #123456; }", "--bs-btn-hover-bg"),  # one only :hover uses
    (".bd-article p::before { content: ''; }", "::beforecontent"),     # a ::before that was not there
])
def test_the_comparison_sees_a_changed_rule(browser, page_url, changed_css_site, custom_read, rule, named):
    """The comparison is only as good as its fingerprint: one added rule must make it fail, on
    the element and property the rule changes."""
    assert "--bs-btn-hover-bg" in custom_read
    changed = changed_css_site(rule)
    with pytest.raises(pytest.fail.Exception, match="look different") as failed:
        _compare(browser, page_url, changed, "book/intro/index.html", 390, dark=False, custom=custom_read)
    assert named in str(failed.value), str(failed.value)[:400]


def test_the_cut_only_removes_selectors(built_site: Path):
    """Every rule of a cut stylesheet is the original rule in its place: same declarations, same
    @media around it, its selectors some of the original ones. Nothing is added, changed or moved."""
    sheets = cut_css.cut_sheets(built_site)
    assert len(sheets) >= 3, sheets
    removed_in_all = 0
    for rel in sheets:
        removed, wrong = cut_css.compare(cut_css.outline(cut_css.original_text(built_site, rel)),
                                         cut_css.outline((built_site / rel).read_text(encoding="utf-8")))
        assert not wrong, f"{rel}: the cut changed what it kept:\n" + "\n".join(wrong[:10])
        removed_in_all += len(removed)
    assert removed_in_all > 1000, f"only {removed_in_all} selectors removed: is the cut still made?"
    # The widening (cut_css.at_rest) reads selectors as text: an escape, or a state or a run of spaces
    # inside quotes, would be misread. None is among the removed selectors; a new theme must not add one.
    unreadable = [s for s, _ in cut_css.removed_selectors(built_site)
                  if "\\" in s or re.search(r"([\"'])[^\"']*(?::|\s\s)[^\"']*\1", s)]
    assert not unreadable, f"removed selectors the widening cannot read as text: {unreadable[:10]}"


def test_no_removed_selector_sat_in_a_rule_this_browser_drops(browser, built_site: Path, page_url):
    """A browser drops a whole rule when one selector of its list is one it cannot read. Had the cut
    removed such a selector and kept the others, it would have brought a dropped rule to life."""
    beside_kept = sorted({s for s, kept in cut_css.removed_selectors(built_site) if kept})
    assert beside_kept, "no rule lost only some of its selectors"
    browser.get(page_url("book/intro/index.html"))
    unreadable = browser.execute_script("return arguments[0].filter(s => !CSS.supports('selector(' + s + ')'))",
                                        beside_kept)
    assert not unreadable, f"removed from rules whose other selectors stay: {unreadable[:10]}"


def test_the_walks_find_an_element_a_removed_rule_styles(browser, built_site: Path, page_url):
    """The walks' check is only as good as its selectors: an element that a script gives a class
    the cut took out (as Bootstrap builds ``bs-tooltip-auto`` from pieces) must be found, as must an
    element that a removed rule styles only on hover or through ``::before``."""
    removed = cut_css.removed_at_rest(built_site)
    # tag.class:hover, .class::before, .class:not(:focus): each must be found through its widened form
    simple = re.compile(r"([a-z]*)\.([\w-]+)(:hover|::?before|:not\(:focus\))")
    picked = {}
    for selector, _ in cut_css.removed_selectors(built_site):
        m = simple.fullmatch(selector)
        if m:
            picked.setdefault(m.group(3).strip(":").split("(")[0], (m.group(1) or "span", m.group(2), selector))
    assert set(picked) == {"hover", "before", "not"}, picked
    browser.get(page_url("book/intro/index.html"))
    assert cut_css.matching_removed(browser, removed) == []
    for tag, name, selector in picked.values():
        browser.execute_script("const el = document.createElement(arguments[0]); el.className = arguments[1];"
                               "document.querySelector('main article').append(el);", tag, name)
        found = cut_css.matching_removed(browser, removed)
        widened = cut_css.at_rest(selector)
        assert widened != selector and any(f.startswith(f"{widened} matches <{tag}") for f in found), (
            selector, widened, found[:3])


def test_widening_a_selector_keeps_what_it_needs():
    """States and pseudo-elements go, compounds left empty match any element, the rest stays."""
    assert cut_css.at_rest(".btn:hover") == ".btn"
    assert cut_css.at_rest(".a:not(:focus) .b::before") == ".a .b"
    assert cut_css.at_rest(".f>:not(:placeholder-shown)~label") == ".f > * ~ label"
    assert cut_css.at_rest(':hover > .x') == "* > .x"
    assert cut_css.at_rest('[title="a b"] .c:nth-child(2)') == '[title="a b"] .c:nth-child(2)'
    assert cut_css.at_rest("html[data-theme=dark] .only-light") == "html[data-theme=dark] .only-light"
