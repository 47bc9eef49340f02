"""Light pages (issue 11): what every page of the built site asks the browser to load.

- No page loads the 1.45 MB fontawesome.js, and yet every icon a page shows is in the (cut
  down) Font Awesome font the theme's stylesheet uses: no empty boxes instead of icons.
- Scripts do not block the first paint: every script file in a page's <head> is deferred or
  async, except documentation_options.js (an inline script writes to it at once).
- The search index (hundreds of kB) and thebe are loaded by no page but the search page.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.build

SCRIPT = re.compile(r"<script\b([^>]*)>", re.S)
ICON = re.compile(r'<i\b[^>]*class="([^"]*\bfa-[^"]*)"')
CLASS_RULE = re.compile(r'((?:\.fa-[\w-]+:before,?)+)\{content:"\\([0-9a-fA-F]+)"\}')
STYLE_FAMILIES = {"fa-brands": "fa-brands-400", "fab": "fa-brands-400", "fa-regular": "fa-regular-400", "far": "fa-regular-400"}


def _pages(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("*.html"))
            if p.relative_to(site).parts[0] not in {"_static", "vendor", "@jupyter-widgets", "reports"}]


def _head(html: str) -> str:
    return html.split("</head>", 1)[0]


def test_no_page_loads_fontawesome_js_or_a_cdn_script(built_site: Path):
    offenders = []
    for page in _pages(built_site):
        for attrs in SCRIPT.findall(page.read_text(encoding="utf-8")):
            src = re.search(r'src="([^"]+)"', attrs)
            if src and ("fontawesome" in src.group(1) or "://" in src.group(1)):
                offenders.append(f"{page.relative_to(built_site)}: {src.group(1)}")
    assert not offenders, offenders[:10]


def test_every_icon_on_every_page_is_in_the_font(built_site: Path):
    from fontTools.ttLib import TTFont

    css = (built_site / "_static" / "styles" / "pydata-sphinx-theme.css").read_text(encoding="utf-8")
    codepoint = {}
    for selectors, hexcode in CLASS_RULE.findall(css):
        for sel in filter(None, selectors.split(",")):
            codepoint[sel[1:-len(":before")]] = int(hexcode, 16)
    fonts = built_site / "_static" / "vendor" / "fontawesome" / "webfonts"
    cmaps = {name: set(TTFont(fonts / f"{name}.woff2").getBestCmap())
             for name in ("fa-solid-900", "fa-regular-400", "fa-brands-400")}
    # The cut-down font is small: the full fa-solid-900.woff2 is 156 kB.
    assert (fonts / "fa-solid-900.woff2").stat().st_size < 20_000
    missing, seen = [], 0
    for page in _pages(built_site):
        for classes in ICON.findall(page.read_text(encoding="utf-8")):
            names = classes.split()
            family = next((STYLE_FAMILIES[n] for n in names if n in STYLE_FAMILIES), "fa-solid-900")
            icons = [n for n in names if n in codepoint]
            assert icons, f"{page.relative_to(built_site)}: icon classes {classes!r} name no Font Awesome icon"
            seen += 1
            for icon in icons:
                if codepoint[icon] not in cmaps[family]:
                    missing.append(f"{page.relative_to(built_site)}: {icon} ({family})")
    assert seen > 100, "expected the theme's icons (menu, search, colour mode) on every page"
    assert not missing, sorted(set(missing))[:10]


def test_scripts_in_the_head_do_not_block_the_first_paint(built_site: Path):
    blocking = []
    for page in _pages(built_site):
        if page.name == "search.html":
            continue
        for attrs in SCRIPT.findall(_head(page.read_text(encoding="utf-8"))):
            src = re.search(r'src="([^"]+)"', attrs)
            if not src or "documentation_options.js" in src.group(1):
                continue
            if not re.search(r"\b(defer|async)\b", attrs):
                blocking.append(f"{page.relative_to(built_site)}: {src.group(1)}")
    assert not blocking, blocking[:10]


def test_search_index_and_thebe_only_where_needed(built_site: Path):
    pages = _pages(built_site)
    heavy = [f"{p.relative_to(built_site)}" for p in pages if p.name != "search.html"
             and re.search(r"searchindex\.js|sphinx-thebe|THEBE_JS_URL", p.read_text(encoding="utf-8"))]
    assert not heavy, heavy[:10]
    search = (built_site / "search.html").read_text(encoding="utf-8")
    assert "searchindex.js" in search and "searchtools.js" in search
