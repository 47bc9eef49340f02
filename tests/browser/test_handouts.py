"""The handouts a trainer prints: `make handouts` turns the pages of data/handouts.yaml into PDFs.

Each handout is printed once with :func:`werkzorg.postbuild.handouts.build_handouts` (one headless Chromium for all,
the pages' own print CSS). What a trainer would notice is checked: the PDF is there, it has the
expected number of A4 sheets, it carries the handout's title, it holds no navigation of the
site, every case card and every worksheet starts on a sheet of its own, and a worksheet never
runs onto a second sheet.
"""

from __future__ import annotations

import base64
import io
import posixpath
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader
from selenium.webdriver.common.by import By
from waiting import WebDriverWait

from werkzorg.paths import data_dir, repo_root
from werkzorg.postbuild.handouts import build_course_packs, build_handouts, load_course_packs, load_handouts

pytestmark = [pytest.mark.build, pytest.mark.browser]

HANDOUTS = load_handouts()
A4_POINTS = (595.0, 842.0)


def _flat(text: str) -> str:
    """Collapse line breaks and runs of spaces, as a reader sees the words."""
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def printed(built_site: Path, tmp_path_factory, browser) -> dict[str, PdfReader]:
    out = tmp_path_factory.mktemp("handouts")
    pdfs = build_handouts(built_site, out, HANDOUTS, driver=browser)  # the session's Chromium prints
    assert [p.name for p in pdfs] == [f"{h.name}.pdf" for h in HANDOUTS]
    readers = {p.stem: PdfReader(p) for p in pdfs if p.is_file() and p.stat().st_size > 0}
    packs = build_course_packs(pdfs, out)
    readers.update({p.stem: PdfReader(p) for p in packs if p.is_file() and p.stat().st_size > 0})
    return readers


def _pages_text(reader: PdfReader) -> list[str]:
    return [_flat(page.extract_text() or "") for page in reader.pages]


@pytest.mark.parametrize("handout", HANDOUTS, ids=lambda h: h.name)
def test_handout_prints_with_its_title_and_page_count(printed, handout):
    assert handout.name in printed, f"no PDF written for {handout.name} ({handout.page})"
    reader = printed[handout.name]
    n = len(reader.pages)
    assert handout.min_pages <= n <= handout.max_pages, (
        f"{handout.name}: {n} pages, expected {handout.min_pages} to {handout.max_pages}"
    )
    text = " ".join(_pages_text(reader))
    assert _flat(handout.title) in text, f"{handout.name}: title '{handout.title}' not in the PDF"


@pytest.mark.parametrize("handout", HANDOUTS, ids=lambda h: h.name)
def test_handout_is_a4_without_site_navigation(printed, handout):
    reader = printed[handout.name]
    for i, page in enumerate(reader.pages, start=1):
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(w - A4_POINTS[0]) < 3 and abs(h - A4_POINTS[1]) < 3, (
            f"{handout.name}, page {i}: {w:.0f} x {h:.0f} pt is not A4 portrait"
        )
    text = " ".join(_pages_text(reader))
    # The search field ("Zoeken Ctrl + K") and the on-screen printing tips ("Ctrl+P") must not print.
    assert "Ctrl" not in text, f"{handout.name}: navigation or on-screen instructions on paper"


def test_every_case_card_starts_on_its_own_sheet(printed):
    cases = yaml.safe_load((data_dir() / "casussen.yaml").read_text(encoding="utf-8"))["casussen"]
    pages = _pages_text(printed["casussen"])
    assert len(pages) == len(cases), f"{len(cases)} cases printed on {len(pages)} sheets"
    for i, (case, page) in enumerate(zip(cases, pages), start=1):
        assert _flat(case["titel"]) in page, f"sheet {i} does not hold case '{case['titel']}'"
        others = [c["titel"] for c in cases if c is not case and _flat(c["titel"]) in page]
        assert not others, f"sheet {i} also holds {others}"


def _worksheet_titles() -> list[str]:
    """The worksheet headings, read from the page source (one '## ' heading per wz-blad block)."""
    source = (repo_root() / "book" / "voor-trainers" / "werkbladen.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^:::\{div\} wz-blad\n(.*?)^:::$", source, flags=re.M | re.S)
    titles = [re.search(r"^## (.+)$", b, flags=re.M).group(1).strip() for b in blocks]
    assert len(titles) >= 3, "expected at least three worksheets on the page"
    return titles


def test_each_worksheet_fills_exactly_one_sheet(printed):
    titles = _worksheet_titles()
    pages = _pages_text(printed["werkbladen"])
    assert len(pages) == len(titles), f"{len(titles)} worksheets printed on {len(pages)} sheets"
    for i, (title, page) in enumerate(zip(titles, pages), start=1):
        assert page.startswith(title), f"sheet {i} does not start with worksheet '{title}'"
        # The footer of each worksheet names its number: it must be on the same sheet.
        assert f"Werkblad {i} van {len(titles)}" in page, f"worksheet '{title}' runs onto another sheet"
    # The page's on-screen introduction and closing sections are not printed.
    everything = " ".join(pages)
    for screen_only in ("Werkbladen om uit te delen", "Om over door te praten", "Verder lezen"):
        assert screen_only not in everything, f"'{screen_only}' should not be printed"


def _sheet_titles(stem: str) -> list[str]:
    """Headings of the printable sheets (':::{div} wz-blad' blocks) in a page's source."""
    source = (repo_root() / f"{stem}.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^:::\{div\} wz-blad[^\n]*\n(.*?)^:::$", source, flags=re.M | re.S)
    return [re.search(r"^## (.+)$", b, flags=re.M).group(1).strip() for b in blocks]


SHEET_HANDOUTS = [h for h in HANDOUTS if h.name != "werkbladen" and _sheet_titles(h.page[: -len(".html")])]


@pytest.mark.parametrize("handout", SHEET_HANDOUTS, ids=lambda h: h.name)
def test_every_sheet_prints_on_a_page_of_its_own(printed, handout):
    """Forms, role briefs, the checklist, the one-page summary: one sheet per A4, nothing else."""
    titles = _sheet_titles(handout.page[: -len(".html")])
    pages = _pages_text(printed[handout.name])
    assert len(pages) == len(titles), f"{handout.name}: {len(titles)} sheets printed on {len(pages)} pages"
    for i, (title, page) in enumerate(zip(titles, pages), start=1):
        assert page.startswith(_flat(title)), f"{handout.name}, page {i} does not start with '{title}'"
    everything = " ".join(pages)
    for screen_only in ("Zo druk je", "Verder lezen"):
        assert screen_only not in everything, f"{handout.name}: '{screen_only}' should not be printed"


def test_the_safety_protocol_prints_the_help_numbers(printed):
    text = " ".join(_pages_text(printed["veiligheid"]))
    for needed in ("0800-2000", "112", "Veilig Thuis", "meldcode"):
        assert needed in text, f"the printed safety protocol lacks '{needed}'"


def test_the_two_hour_course_prints_both_variants_with_their_timings(printed):
    text = " ".join(_pages_text(printed["lesplan-cursus-klantmanagers"]))
    assert "Lange versie (120 minuten)" in text and "Korte versie (45 minuten)" in text
    assert "Veiligheid in deze bijeenkomst" in text


# --- Course packs (cursusmappen, issue 23): one PDF with everything a course prints ---------

PACKS = load_course_packs()
_BY_NAME = {h.name: h for h in HANDOUTS}


def _sheets_the_plan_names(built_site: Path, module: str) -> set[str]:
    """Titles of the sheets the lesson plan page links to as sheets to print (its "Print …" lines,
    its materials list, its steps), read from the built sheet pages by their anchors."""
    plan = BeautifulSoup((built_site / "book" / "voor-trainers" / f"{module}.html").read_text(encoding="utf-8"),
                         "html.parser")
    titles = set()
    for a in plan.select("article a[href*='#']"):
        page, anchor = a["href"].split("#", 1)
        if page not in ("casussen.html", "werkbladen.html") or not anchor.startswith(("casus-", "werkblad-")):
            continue
        sheet_page = BeautifulSoup((built_site / "book" / "voor-trainers" / page).read_text(encoding="utf-8"),
                                   "html.parser")
        box = sheet_page.find(id=anchor)
        assert box is not None, f"{module}: link to #{anchor} on {page}, which has no such sheet"
        heading = box.select_one("h2, .rubric")
        assert heading is not None, f"sheet #{anchor} on {page} has no title"
        titles.add(_flat(heading.get_text(" ", strip=True)).rstrip("#¶ "))
    return titles


def test_every_lesson_plan_with_sheets_to_print_has_a_course_pack(built_site):
    # the course pack pages (cursusmap-*) hold a copy of their plan, but are no plan themselves
    modules = [p.stem for p in (built_site / "book" / "voor-trainers").glob("*.html")
               if "werkzorg-lesplan" in p.read_text(encoding="utf-8") and not p.stem.startswith("cursusmap-")]
    assert len(modules) >= 8
    needing = sorted(m for m in modules if _sheets_the_plan_names(built_site, m))
    assert needing and set(needing) <= {p.module for p in PACKS}, f"plans that print sheets: {needing}"


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.name)
def test_course_pack_holds_the_plan_and_every_sheet_it_names_and_nothing_more(printed, built_site, pack):
    """The trainer prints one PDF: it starts with the lesson plan, holds every sheet the plan
    tells her to print, each whole handout it lists, and of a page of sheets only the sheets the
    course uses."""
    assert pack.name in printed, f"no PDF written for {pack.name}"
    pages = _pages_text(printed[pack.name])
    plan = pack.parts[0].handout
    assert plan.startswith("lesplan-") and pages[0].startswith(_flat(_BY_NAME[plan].title)), pages[0][:80]
    expected = 0
    for part in pack.parts:
        whole = _pages_text(printed[part.handout])
        if part.blad:
            expected += sum(_flat(part.blad) in p for p in whole)
        else:
            expected += len(whole)
    assert len(pages) == expected, f"{pack.name}: {len(pages)} pages, its parts have {expected}"
    plan_pages = len(printed[plan].pages)
    rest = pages[plan_pages:]
    for title in _sheets_the_plan_names(built_site, pack.module):
        assert any(title in p for p in rest), f"{pack.name}: the plan names sheet '{title}', the pack lacks it"
    for reader in (printed[pack.name],):
        for i, page in enumerate(reader.pages, start=1):
            w, h = float(page.mediabox.width), float(page.mediabox.height)
            assert abs(w - A4_POINTS[0]) < 3 and abs(h - A4_POINTS[1]) < 3, f"{pack.name}, page {i} is not A4"


def test_the_printed_protocol_has_the_help_numbers_on_its_first_page(printed):
    """The one sheet a trainer pins to the wall: the help box is on page 1."""
    first = _pages_text(printed["veiligheid"])[0]
    for needed in ("Hulp in één oogopslag", "112", "0800-2000", "veiligthuis.nl"):
        assert needed in first, f"the first printed page of the protocol lacks '{needed}'"


# --- Course pack pages (issue 23): the whole pack inside the site, printed from the browser ------

def _pack_markers(pack) -> list[tuple[str, list[str]]]:
    """Per part of the pack: the text that heads its first printed sheet, and every sheet title
    it holds (read from data/casussen.yaml and the pages' sources, not from the pack page)."""
    cases = [c["titel"] for c in yaml.safe_load((data_dir() / "casussen.yaml").read_text(encoding="utf-8"))["casussen"]]
    out = []
    for part in pack.parts:
        h = _BY_NAME[part.handout]
        if part.blad:
            out.append((part.blad, [part.blad]))
        elif part.handout == "casussen":
            out.append((cases[0], cases))
        else:
            out.append((h.title, _sheet_titles(h.page[: -len(".html")]) or [h.title]))
    return out


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.name)
def test_a_course_pack_page_prints_every_part_on_new_a4_sheets(browser, built_site, page_url, pack):
    """The trainer opens the lesson plan, follows its link to the course pack and prints that page
    from her browser: it holds the plan and every sheet of the pack, each part starts a new A4
    sheet, in the pack's order, and every link on the page leads somewhere."""
    plan_page = f"book/voor-trainers/{pack.module}.html"
    pack_page = f"book/voor-trainers/cursusmap-{pack.module}.html"
    browser.get(page_url(plan_page))
    links = [a for a in browser.find_elements(By.CSS_SELECTOR, "article a[href]")
             if a.get_attribute("href").split("#")[0].endswith("/" + pack_page)]
    assert links, f"{plan_page}: no link to its course pack page"
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", links[0])
    links[0].click()
    WebDriverWait(browser, 10).until(lambda d: d.current_url.split("#")[0].endswith(pack_page))
    WebDriverWait(browser, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")

    on_screen = _flat(browser.find_element(By.CSS_SELECTOR, "article").text)
    markers = _pack_markers(pack)
    for _, titles in markers:
        for title in titles:
            assert _flat(title) in on_screen, f"{pack_page}: '{title}' is not on the page"
    for title in _sheets_the_plan_names(built_site, pack.module):
        assert title in on_screen, f"{pack_page}: the plan names sheet '{title}', the page lacks it"

    pdf = browser.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})
    reader = PdfReader(io.BytesIO(base64.b64decode(pdf["data"])))
    pages = _pages_text(reader)
    for i, page in enumerate(reader.pages, start=1):
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(w - A4_POINTS[0]) < 3 and abs(h - A4_POINTS[1]) < 3, f"{pack_page}, page {i}: {w:.0f} x {h:.0f} pt"
    assert "Ctrl" not in " ".join(pages), f"{pack_page}: on-screen instructions or navigation on paper"
    # Where each part begins on paper: the first words of the part as printed (print media, so
    # what the screen alone shows is left out); each must head a sheet, in the pack's order.
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        firsts = browser.execute_script(
            "return [...document.querySelectorAll('article section.wz-pakdeel')]"
            ".map(s => s.innerText.replace(/\\s+/g, ' ').trim().slice(0, 40));")
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert len(firsts) == len(pack.parts), f"{pack_page}: {len(firsts)} parts on the page, the pack has {len(pack.parts)}"
    last = -1
    begins = []
    for (head, _), first in zip(markers, firsts):
        starts = [i for i, p in enumerate(pages) if i > last and p.startswith(first)]
        assert first and starts, (f"{pack_page}: the part '{head}' does not start a new sheet after sheet {last + 1} "
                                  f"(sheets start with: {[p[:40] for p in pages]})")
        assert _flat(head) in " ".join(pages[starts[0]:]), f"{pack_page}: '{head}' is not printed"
        last = starts[0]
        begins.append(last)
    # A single sheet (one worksheet or case, a one-page handout) stays on one sheet of paper.
    for part, begin, end in zip(pack.parts, begins, [*begins[1:], len(pages)]):
        if part.blad or _BY_NAME[part.handout].max_pages == 1:
            assert end - begin == 1, f"{pack_page}: '{part.blad or part.handout}' runs over {end - begin} sheets"
    soup = BeautifulSoup((built_site / pack_page).read_text(encoding="utf-8"), "html.parser")
    ids = [t["id"] for t in soup.select("[id]")]
    assert len(ids) == len(set(ids)), f"{pack_page}: ids used twice: {sorted({i for i in ids if ids.count(i) > 1})[:5]}"
    broken = []
    for a in soup.select("article a[href]"):
        href = a["href"]
        if re.match(r"^[a-z]+:", href):
            continue
        path, _, anchor = href.partition("#")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(pack_page), path.split("?")[0])) if path else pack_page
        file = built_site / target
        if not file.is_file():
            broken.append(href)
        elif anchor and f'id="{anchor}"' not in file.read_text(encoding="utf-8"):
            broken.append(href)
    assert not broken, f"{pack_page}: links that lead nowhere: {broken[:5]}"
