"""The handouts a trainer prints: `make handouts` turns the pages of data/handouts.yaml into PDFs.

Each handout is printed once with :func:`werkzorg.postbuild.handouts.build_handouts` (headless Chromium,
the pages' own print CSS). What a trainer would notice is checked: the PDF is there, it has the
expected number of A4 sheets, it carries the handout's title, it holds no navigation of the
site, every case card and every worksheet starts on a sheet of its own, and a worksheet never
runs onto a second sheet.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from werkzorg.paths import data_dir, repo_root
from werkzorg.postbuild.handouts import build_handouts, load_handouts

pytestmark = [pytest.mark.build, pytest.mark.browser]

HANDOUTS = load_handouts()
A4_POINTS = (595.0, 842.0)


def _flat(text: str) -> str:
    """Collapse line breaks and runs of spaces, as a reader sees the words."""
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def printed(built_site: Path, tmp_path_factory) -> dict[str, PdfReader]:
    out = tmp_path_factory.mktemp("handouts")
    pdfs = build_handouts(built_site, out, HANDOUTS)
    assert [p.name for p in pdfs] == [f"{h.name}.pdf" for h in HANDOUTS]
    return {p.stem: PdfReader(p) for p in pdfs if p.is_file() and p.stat().st_size > 0}


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
