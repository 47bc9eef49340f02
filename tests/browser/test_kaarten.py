"""Printing the trainer material of "Rolpatronen doorbreken met mannen" from the browser.

A trainer opens the statement-card page or the worksheet and prints it. Headless Chromium
prints the served page to PDF (as the browser's print dialog does, honouring the page's print
CSS); the PDF must be A4, hold every card, eight to a sheet, with no navigation chrome.
"""

from __future__ import annotations

import io
import math
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from werkzorg.paths import data_dir

pytestmark = [pytest.mark.build, pytest.mark.browser]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CARDS_PER_SHEET = 8
A4_POINTS = (595.0, 842.0)
#: Text of the site navigation (search, page contents, sidebar) that must not end up on paper.
CHROME_TEXT = ("Zoeken", "Inhoud", "Woordenlijst", "Verantwoording", "Rolpatronen doorbreken met mannen")


def _print_to_pdf(url: str) -> PdfReader:
    if not Path(CHROMIUM).exists():
        pytest.fail("chromium missing: run `make browser-deps`")
    work = Path(tempfile.mkdtemp(prefix="werkzorg-print-"))
    pdf = work / "page.pdf"
    cmd = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run", "--disable-background-networking", "--no-pdf-header-footer",
        f"--user-data-dir={work / 'profile'}", f"--print-to-pdf={pdf}", url,
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=90)
    assert pdf.is_file() and pdf.stat().st_size > 0, (
        f"chromium wrote no PDF for {url} (exit {proc.returncode}):\n{proc.stderr[-2000:]}"
    )
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    shutil.rmtree(work, ignore_errors=True)
    return reader


def _statements() -> list[dict]:
    return yaml.safe_load((data_dir() / "stellingen.yaml").read_text(encoding="utf-8"))["stellingen"]


@pytest.fixture(scope="module")
def cards_pdf(page_url) -> PdfReader:
    return _print_to_pdf(page_url("book/rolpatronen/stellingenkaarten.html"))


def _page_texts(reader: PdfReader) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in reader.pages]


def test_cards_print_on_a4(cards_pdf):
    for page in cards_pdf.pages:
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(w - A4_POINTS[0]) < 3 and abs(h - A4_POINTS[1]) < 3, f"page size {w}x{h} pt is not A4"


def test_card_page_count_is_sane(cards_pdf):
    n = len(_statements())
    expected = math.ceil(n / CARDS_PER_SHEET)
    assert abs(len(cards_pdf.pages) - expected) <= 1, (
        f"{n} cards printed on {len(cards_pdf.pages)} pages; expected about {expected}"
    )


def test_every_card_is_printed_once_and_at_most_eight_per_sheet(cards_pdf):
    texts = _page_texts(cards_pdf)
    per_page = [len(re.findall(r"Stelling s\d{2}", t)) for t in texts]
    assert all(c <= CARDS_PER_SHEET for c in per_page), per_page
    assert per_page[0] == CARDS_PER_SHEET, f"first sheet holds {per_page[0]} cards (blank or intro page?)"
    assert sum(per_page) == len(_statements()), per_page


def test_printed_cards_carry_the_statement_text(cards_pdf):
    text = " ".join(_page_texts(cards_pdf))
    first = _statements()[0]["tekst"]
    # Compare without spacing: line breaks inside a card split words differently.
    assert re.sub(r"\s", "", first) in re.sub(r"\s", "", text)


def test_no_navigation_chrome_on_paper(cards_pdf):
    text = " ".join(_page_texts(cards_pdf))
    leaked = [t for t in CHROME_TEXT if t in text]
    assert not leaked, f"navigation text printed: {leaked}"
    assert "Om over door te praten" not in text


def test_worksheet_prints_on_one_a4_page(page_url):
    reader = _print_to_pdf(page_url("book/rolpatronen/werkblad-huis-van-vroeger.html"))
    assert len(reader.pages) == 1, f"worksheet prints on {len(reader.pages)} pages"
    text = " ".join(_page_texts(reader))
    assert "Huis van vroeger" in text and "Huis van nu" in text
    # a line to write on, asking for no more than a first name or initials (the safety page
    # advises no full names on sheets that stay on the table)
    assert "Voornaam of initialen" in text
