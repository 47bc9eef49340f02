"""Dark mode follows the system setting (issue 11): a reader whose phone is set to dark gets
the dark theme without touching the colour-mode button, and the worksheets, the stacked table
cards and the claims entries are dark boxes with readable text, not white islands."""

from __future__ import annotations

import base64
import io

import pytest
from PIL import Image

pytestmark = [pytest.mark.build, pytest.mark.browser]

#: (page, CSS selector of the boxes that must turn dark, phone width or None for desktop)
CASES = [
    ("book/voor-trainers/werkbladen.html", ".wz-blad", None),
    ("book/voor-trainers/werkbladen.html", "table.wz-rooster td, table.wz-rooster th", None),
    ("book/belemmeringen/belemmeringen.html", "table.werkzorg-belemmeringen tbody tr", 390),
    ("book/cijfers/claims.html", "table.werkzorg-audit-table tbody tr", 390),
]

#: For every matched box: its effective background (first non-transparent one up the tree)
#: and the colour of the text in it, as relative luminances (WCAG 2.x).
_COLOURS = """
const lum = (css) => {
  const m = css.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
  const [r, g, b, a] = m[1].split(',').map(Number);
  if (a === 0) return null;
  const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
};
const out = [];
for (const el of document.querySelectorAll(arguments[0])) {
  if (!el.getClientRects().length) continue;
  let bg = null;
  for (let p = el; p && bg === null; p = p.parentElement) bg = lum(getComputedStyle(p).backgroundColor);
  const texts = [el, ...el.querySelectorAll('p, td, th, li, span, strong, small, div')]
    .filter(t => t.childNodes.length && [...t.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()));
  const fg = texts.length ? lum(getComputedStyle(texts[0]).color) : lum(getComputedStyle(el).color);
  out.push({bg: bg === null ? 1 : bg, fg, text: el.textContent.trim().slice(0, 30)});
}
return {theme: document.documentElement.dataset.theme, boxes: out};
"""


@pytest.fixture
def dark(browser):
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    yield browser
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.mark.parametrize(("page", "selector", "width"), CASES)
def test_dark_system_setting_gives_dark_readable_boxes(dark, page_url, page, selector, width):
    if width:
        dark.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                             {"width": width, "height": 844, "deviceScaleFactor": 2, "mobile": True})
    dark.get(page_url(page))
    dark.execute_script("localStorage.removeItem('mode'); localStorage.removeItem('theme');")
    dark.refresh()
    got = dark.execute_script(_COLOURS, selector)
    assert got["theme"] == "dark", f"{page}: the system is set to dark, the page is {got['theme']}"
    assert got["boxes"], f"{page}: nothing matches {selector}"
    for box in got["boxes"]:
        assert box["bg"] < 0.1, f"{page}: {selector} '{box['text']}' is a light box on the dark page"
        ratio = (max(box["fg"], box["bg"]) + 0.05) / (min(box["fg"], box["bg"]) + 0.05)
        assert ratio >= 4.5, f"{page}: text '{box['text']}' has contrast {ratio:.1f}:1 in dark mode"


def test_light_system_setting_stays_light(browser, page_url):
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "light"}]})
    try:
        browser.get(page_url("book/voor-trainers/werkbladen.html"))
        browser.execute_script("localStorage.removeItem('mode'); localStorage.removeItem('theme');")
        browser.refresh()
        assert browser.execute_script("return document.documentElement.dataset.theme") == "light"
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


# --- White paper whatever the screen mode (issue 23) ------------------------------------------

PRINTED_FROM_DARK = ["book/voor-trainers/veiligheid.html", "book/voor-trainers/cursus-klantmanagers.html",
                     "book/voor-trainers/casussen.html", "book/begeleiding/tips-klantmanagers.html"]


@pytest.mark.parametrize("page", PRINTED_FROM_DARK)
def test_printing_from_dark_mode_gives_white_paper_with_dark_text(dark, page_url, page):
    """A trainer reads in dark mode and prints with background graphics on: the sheet is white
    (margins included) and the text dark, as when she prints from light mode."""
    dark.get(page_url(page))
    assert dark.execute_script("return document.documentElement.dataset.theme") == "dark"
    dark.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "media": "print", "features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    try:
        shot = dark.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})["data"]
        text = dark.execute_script(
            "const p = document.querySelector('main p'); const c = getComputedStyle(p).color.match(/\\d+/g).map(Number);"
            "return (c[0] + c[1] + c[2]) / 3;")
    finally:
        dark.execute_cdp_cmd("Emulation.setEmulatedMedia", {
            "media": "", "features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    img = Image.open(io.BytesIO(base64.b64decode(shot))).convert("L")
    w, h = img.size
    dark_share = sum(img.histogram()[:80]) / (w * h)
    corners = [img.getpixel((x, y)) for x in (2, w - 3) for y in (2, h - 3)]
    assert min(corners) > 240, f"{page}: the margins of the printed page are not white ({corners})"
    assert dark_share < 0.2, f"{page}: {dark_share:.0%} of the printed page is dark"
    assert text < 100, f"{page}: printed text is light (mean channel {text:.0f})"
