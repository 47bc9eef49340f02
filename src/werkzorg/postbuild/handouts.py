"""Printable handouts: pages of the built site printed to PDF with headless Chromium.

The list of handouts lives in ``data/handouts.yaml`` (page, file name, title, expected
page range) and the course packs (``cursusmappen``: the parts one course prints, in order).
``make handouts`` (``python -m werkzorg.postbuild.handouts``) writes them to
``_build/handouts/``; with ``WERKZORG_EDITION=studenten`` it prints the students' edition
(no worked answers) into ``_build/handouts-studenten/``. Printing uses the pages' own print CSS, exactly as a trainer who
prints from the browser would get it.
"""

from __future__ import annotations

import argparse
import base64
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..data.yamlfile import load_yaml
from ..paths import data_dir, repo_root

CHROMIUM_FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run", "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
    "--virtual-time-budget=3000",
)


@dataclass(frozen=True)
class Handout:
    """One printable page of the site."""

    name: str  # file stem of the PDF
    page: str  # path of the page in the built site, e.g. book/rolpatronen/stellingenkaarten.html
    title: str  # text that must appear in the PDF
    min_pages: int
    max_pages: int


def load_handouts(path: Path | None = None) -> list[Handout]:
    """Read and validate ``data/handouts.yaml``."""
    path = path or data_dir() / "handouts.yaml"
    raw = load_yaml(path.read_text(encoding="utf-8"))
    out = []
    for i, item in enumerate(raw.get("handouts", []), start=1):
        missing = [k for k in ("name", "page", "title", "min_pages", "max_pages") if k not in item]
        if missing:
            raise ValueError(f"{path}, handout #{i}: missing {', '.join(missing)}")
        if not 1 <= item["min_pages"] <= item["max_pages"]:
            raise ValueError(f"{path}, handout #{i} ({item['name']}): need 1 <= min_pages <= max_pages")
        out.append(Handout(**{k: item[k] for k in ("name", "page", "title", "min_pages", "max_pages")}))
    names = [h.name for h in out]
    if len(set(names)) != len(names):
        raise ValueError(f"{path}: handout names must be unique")
    return out


@dataclass(frozen=True)
class PackPart:
    """One part of a course pack: a whole handout, or one sheet of it (by its printed title)."""

    handout: str
    blad: str | None = None


@dataclass(frozen=True)
class CoursePack:
    """Everything one course (a lesson plan of data/lessen.yaml) prints, as one PDF."""

    module: str
    parts: tuple[PackPart, ...]

    @property
    def name(self) -> str:
        return f"cursusmap-{self.module}"


def load_course_packs(path: Path | None = None, handouts: list[Handout] | None = None) -> list[CoursePack]:
    """Read and validate the ``cursusmappen`` of ``data/handouts.yaml``."""
    path = path or data_dir() / "handouts.yaml"
    raw = load_yaml(path.read_text(encoding="utf-8"))
    known = {h.name for h in (handouts if handouts is not None else load_handouts(path))}
    packs = []
    for i, item in enumerate(raw.get("cursusmappen") or [], start=1):
        if not item.get("module") or not item.get("onderdelen"):
            raise ValueError(f"{path}, cursusmap #{i}: needs 'module' and 'onderdelen'")
        parts = []
        for j, part in enumerate(item["onderdelen"], start=1):
            if part.get("handout") not in known:
                raise ValueError(f"{path}, cursusmap {item['module']}, onderdeel {j}: "
                                 f"unknown handout {part.get('handout')!r}")
            parts.append(PackPart(part["handout"], part.get("blad")))
        packs.append(CoursePack(item["module"], tuple(parts)))
    if len({p.module for p in packs}) != len(packs):
        raise ValueError(f"{path}: one cursusmap per module")
    return packs


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def sheet_pages(pdf: Path, title: str) -> list[int]:
    """The pages (0-based) of ``pdf`` that carry the sheet titled ``title``; each sheet prints
    on a page of its own, so these are the pages to take."""
    from pypdf import PdfReader

    found = [i for i, page in enumerate(PdfReader(pdf).pages) if _flat(title) in _flat(page.extract_text() or "")]
    if not found:
        raise ValueError(f"blad {title!r} staat niet in {pdf.name}")
    return found


def build_course_pack(pack: CoursePack, printed: dict[str, Path], out: Path) -> Path:
    """Join the printed handouts (``printed``: handout name -> PDF) into the course pack."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for part in pack.parts:
        reader = PdfReader(printed[part.handout])
        pages = sheet_pages(printed[part.handout], part.blad) if part.blad else range(len(reader.pages))
        for i in pages:
            writer.add_page(reader.pages[i])
    pdf = out / f"{pack.name}.pdf"
    with pdf.open("wb") as fh:
        writer.write(fh)
    return pdf


def chromium() -> str:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        raise RuntimeError("Chromium ontbreekt: installeer Debian's chromium (make browser-deps).")
    return exe


def print_page(html_file: Path, pdf: Path) -> None:
    """Print one built page to ``pdf`` with its own headless Chromium (``chromium --print-to-pdf``)."""
    if not html_file.is_file():
        raise FileNotFoundError(f"pagina niet gevonden in de gebouwde site: {html_file}")
    pdf.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="werkzorg-print-") as profile:
        subprocess.run(
            [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
             f"--print-to-pdf={pdf}", html_file.resolve().as_uri()],
            check=True, capture_output=True, timeout=120,
        )
    if not pdf.is_file() or pdf.stat().st_size == 0:
        raise RuntimeError(f"Chromium schreef geen PDF voor {html_file}")


#: What ``chromium --print-to-pdf --no-pdf-header-footer`` asks of the print engine, for
#: DevTools' ``Page.printToPDF``: the page's own ``@page`` size and margins, no header or footer,
#: backgrounds as the print CSS sets them.
PRINT_TO_PDF = {"displayHeaderFooter": False, "preferCSSPageSize": True, "printBackground": True,
                "generateDocumentOutline": False}

#: Flags for a single ``--print-to-pdf`` run: waiting is done by :data:`_SETTLED`, drawing
#: before printing by the print engine itself (with this flag chromedriver finds no page).
_CLI_ONLY = ("--virtual-time-budget=3000", "--run-all-compositor-stages-before-draw", "--no-pdf-header-footer")

#: A page is printed once it has loaded, its web fonts are ready and two frames have been drawn.
_SETTLED = """
const done = arguments[arguments.length - 1];
const frames = () => requestAnimationFrame(() => requestAnimationFrame(() => done(true)));
const ready = () => (document.fonts ? document.fonts.ready : Promise.resolve()).then(frames);
if (document.readyState === 'complete') ready(); else addEventListener('load', ready, {once: true});
"""


class Printer:
    """One headless Chromium (driven by chromedriver) that prints many pages to PDF.

    Starting Chromium costs seconds; printing a page a fraction of that. Every page is printed
    as ``chromium --print-to-pdf`` prints it (:func:`print_page`): its own print CSS, A4 from its
    ``@page`` rule, no header or footer. Without chromedriver, each page gets its own Chromium.
    """

    def __init__(self, driver: Any = None) -> None:
        """``driver``: a selenium Chromium session to print with (kept open), else one is started."""
        self._driver = driver
        self._own = driver is None
        self._profile: tempfile.TemporaryDirectory | None = None

    def __enter__(self) -> Printer:
        driver_exe = shutil.which("chromedriver")
        if self._driver is not None or driver_exe is None:
            return self
        from selenium import webdriver
        from selenium.webdriver.chrome.options import Options
        from selenium.webdriver.chrome.service import Service

        self._profile = tempfile.TemporaryDirectory(prefix="werkzorg-print-")
        opts = Options()
        opts.binary_location = chromium()
        for flag in CHROMIUM_FLAGS:
            if flag not in _CLI_ONLY:
                opts.add_argument(flag)
        opts.add_argument(f"--user-data-dir={self._profile.name}")
        self._driver = webdriver.Chrome(service=Service(driver_exe), options=opts)
        self._driver.set_page_load_timeout(120)
        self._driver.set_script_timeout(60)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._driver is not None and self._own:
            self._driver.quit()
        self._driver = None
        if self._profile is not None:
            self._profile.cleanup()
            self._profile = None

    def print(self, html_file: Path, pdf: Path) -> None:
        if self._driver is None:
            print_page(html_file, pdf)
            return
        if not html_file.is_file():
            raise FileNotFoundError(f"pagina niet gevonden in de gebouwde site: {html_file}")
        pdf.parent.mkdir(parents=True, exist_ok=True)
        self._driver.get(html_file.resolve().as_uri())
        self._driver.execute_async_script(_SETTLED)
        data = self._driver.execute_cdp_cmd("Page.printToPDF", PRINT_TO_PDF)["data"]
        pdf.write_bytes(base64.b64decode(data))
        if pdf.stat().st_size == 0:
            raise RuntimeError(f"Chromium schreef geen PDF voor {html_file}")


def build_handouts(site: Path, out: Path, handouts: list[Handout] | None = None, driver: Any = None) -> list[Path]:
    """Print every handout of the built ``site`` into ``out`` (one Chromium for all, or the selenium
    session ``driver``); return the PDF paths."""
    written = []
    with Printer(driver) as printer:
        for h in handouts or load_handouts():
            pdf = out / f"{h.name}.pdf"
            printer.print(site / h.page, pdf)
            written.append(pdf)
    return written


def build_course_packs(printed: list[Path], out: Path, packs: list[CoursePack] | None = None) -> list[Path]:
    """One PDF per course pack from the printed handouts; return the PDF paths."""
    by_name = {p.stem: p for p in printed}
    return [build_course_pack(pack, by_name, out) for pack in (packs if packs is not None else load_course_packs())]


def default_paths(edition: str | None = None) -> tuple[Path, Path]:
    """Built site and PDF folder for an edition: the trainers' book (default) or the students'
    edition (``WERKZORG_EDITION=studenten``, built by ``make book-students``, without answers)."""
    edition = (edition if edition is not None else os.environ.get("WERKZORG_EDITION", "trainers")).strip().lower()
    root = repo_root() / "_build"
    if edition == "studenten":
        return root / "studenten" / "_build" / "html", root / "handouts-studenten"
    if edition != "trainers":
        raise ValueError(f"WERKZORG_EDITION moet 'trainers' of 'studenten' zijn, niet '{edition}'")
    return root / "html", root / "handouts"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Print the handouts of the built book to PDF.")
    try:
        site, out = default_paths()
    except ValueError as err:
        print(err, file=sys.stderr)
        return 2
    parser.add_argument("--site", type=Path, default=site)
    parser.add_argument("--out", type=Path, default=out)
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        hint = "make book-students" if "studenten" in str(args.site) else "make book"
        print(f"Geen gebouwde site in {args.site}: draai eerst '{hint}'.", file=sys.stderr)
        return 2
    printed = build_handouts(args.site, args.out)
    for pdf in printed + build_course_packs(printed, args.out):
        print(f"geschreven: {pdf}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
