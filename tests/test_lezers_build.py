"""The finish of every built page, read from the HTML as it is served: Dutch interface texts,
the licence footer, chapter-end links that resolve, the glossary's A–Z bar, clean bibliography
entries. (Print is checked in tests/browser/test_wegwijs.py on a real PDF.)"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
import yaml
from bs4 import BeautifulSoup

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parent.parent
SKIP_PREFIXES = ("_static/", "vendor/", "@jupyter-widgets/", "reports/", "_sources/")

#: English interface texts of Sphinx, the themes and their extensions, as they appear in
#: attributes or text of a page (the book itself is Dutch; code cells are not scanned).
ENGLISH_UI = [
    "Toggle hidden content", "Toggle primary sidebar", "Toggle secondary sidebar", "Search...",
    "Skip to main content", "Color mode", "Back to top", "On this page", "Site navigation",
    "Link to this heading", "Link to this definition", "Link to this term", "previous page",
    "next page", "Download source file", "Download this page", "Print to PDF", "Fullscreen mode",
    "Show code cell source", "Hide code cell source", "Please activate JavaScript",
    "Search Results", "Contents", "By Werk", "Version warning", "System Settings",
]
ENGLISH_EXACT_ATTRS = {"Main", "Page", "Search", "Dark", "Light", "Contents"}


def _pages(built_site: Path) -> list[Path]:
    """Every page of the site, without the root redirect (a bare meta refresh)."""
    return [p for p in sorted(built_site.rglob("*.html"))
            if not p.relative_to(built_site).as_posix().startswith(SKIP_PREFIXES)
            and 'http-equiv="Refresh"' not in p.read_text(encoding="utf-8")[:2000]]


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _interface_texts(soup: BeautifulSoup) -> list[str]:
    """Texts of the page's chrome and the attributes a screen reader or tooltip shows."""
    for el in soup.select("script, style, .cell_input, pre, code"):
        el.decompose()
    texts = []
    for el in soup.find_all(True):
        for attr in ("aria-label", "title", "placeholder", "data-bs-title", "alt"):
            if el.has_attr(attr):
                texts.append(el[attr])
    for sel in ("header", "footer", ".bd-sidebar-primary", ".bd-sidebar-secondary", ".bd-header-article",
                ".prev-next-area", "#search-results", ".bd-search", "summary", ".skip-link"):
        texts += [el.get_text(" ", strip=True) for el in soup.select(sel)]
    return texts


def test_no_page_shows_english_interface_texts(built_site):
    problems = []
    for page in _pages(built_site):
        texts = _interface_texts(_soup(page))
        bad = sorted({phrase for phrase in ENGLISH_UI for t in texts if phrase in t}
                     | {t for t in texts if t.strip() in ENGLISH_EXACT_ATTRS})
        if bad:
            problems.append(f"{page.relative_to(built_site)}: {bad}")
    assert not problems, "English interface texts:\n" + "\n".join(problems[:40])


def test_the_search_page_speaks_to_the_reader_with_je(built_site):
    """The search page's own texts (template and the browser's translations) use "je", not "u"."""
    js = (built_site / "_static" / "translations.js").read_text(encoding="utf-8")
    texts = re.findall(r'":\s*"([^"]*)"', js)
    formal = [t for t in texts if re.search(r"\b(u|uw|U|Uw)\b", t)]
    assert not formal, f"formal 'u' in the search page's texts: {formal}"
    assert "leverde niets op" in js and "Klaar met zoeken" in js
    soup = _soup(built_site / "search.html")
    main = soup.select_one("main").get_text(" ", strip=True)
    assert not re.search(r"\b(u|uw)\b", main), main[:300]


def test_every_page_shows_the_licence_footer(built_site):
    missing = []
    for page in _pages(built_site):
        footer = _soup(page).select_one("footer.bd-footer-content")
        text = footer.get_text(" ", strip=True) if footer else ""
        if not ("CC BY 4.0" in text and "MIT" in text and "CBS" in text):
            missing.append(page.relative_to(built_site).as_posix())
    assert not missing, f"{len(missing)} pages without the licence footer: {missing[:10]}"


def _content_chapters() -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    skip = {"Oefenen", "Voor trainers", "Verantwoording"}
    return [ch["file"] for part in toc["parts"] if part["caption"] not in skip for ch in part["chapters"]]


def test_every_content_chapter_ends_with_links_to_exercises_and_lesson_plan(built_site):
    problems = []
    chapters = _content_chapters()
    assert len(chapters) >= 30
    for doc in chapters:
        page = built_site / f"{doc}.html"
        soup = _soup(page)
        nav = soup.select_one("article nav.wz-verder")
        if nav is None:
            problems.append(f"{doc}: no links to exercises and lesson plan")
            continue
        # The block is the last thing of the chapter.
        later = [el for el in nav.find_all_next() if el.find_parent("article") is not None
                 and el.name in {"p", "section", "h2", "h3", "table", "div"} and not el.find_parent("nav")]
        if later:
            problems.append(f"{doc}: the links are not at the end ({later[0].name}.{later[0].get('class')} follows)")
        hrefs = [a["href"] for a in nav.select("a[href]")]
        targets = [(page.parent / unquote(urlparse(h).path)).resolve() for h in hrefs]
        kinds = {t.relative_to(built_site.resolve()).parts[1] for t in targets if t.is_file()}
        if {"oefenen", "voor-trainers"} - kinds or not all(t.is_file() for t in targets):
            problems.append(f"{doc}: links {hrefs} do not reach an exercise page and a lesson plan")
    assert not problems, "\n".join(problems)


def test_glossary_a_to_z_bar_links_each_letter_to_its_first_term(built_site):
    soup = _soup(built_site / "book" / "begrippen" / "woordenlijst.html")
    bar = soup.select_one("nav.wz-az")
    assert bar is not None, "the glossary has no A–Z bar"
    terms = soup.select("dl.glossary > dt")
    assert len(terms) >= 40
    first: dict[str, str] = {}
    for dt in terms:
        letter = dt.get_text(strip=True)[0].upper()
        first.setdefault(letter, dt["id"])
    cells = bar.select("li")
    assert [c.get_text(strip=True) for c in cells] == [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    for cell in cells:
        letter, link = cell.get_text(strip=True), cell.select_one("a")
        if letter in first:
            assert link is not None and link["href"] == "#" + first[letter], f"{letter}: {cell}"
        else:
            assert link is None, f"{letter} has no terms but is a link"


def test_bibliography_entries_are_clean(built_site):
    soup = _soup(built_site / "book" / "bronnen" / "literatuur.html")
    entries = [re.sub(r"\s+", " ", c.get_text("")).strip() for c in soup.select(".citation")]
    assert len(entries) >= 20
    problems = []
    for e in entries:
        if re.search(r"\b(\d{4})\.\s+\1\.", e):
            problems.append(f"year twice: {e[:120]}")
        if re.search(r"\.\s*\.(?!\.)|,\s*\.|\s[,.;:]\s", e):
            problems.append(f"stray punctuation: {e[:120]}")
    assert not problems, "\n".join(problems)


# --- Only reader text on a page (issue 23) ----------------------------------------------------

#: What a maintainer needs but a reader must not meet on a page: paths in the repository, make
#: targets, source formats, claim codes, and the English "n.d." for a source without a year.
MAINTAINER_TEXT = {
    "repository path": re.compile(r"(?<![\w/.:-])(?:data|src|notebooks|tests|tools|_static|_build|extra)/[\w.-]+"),
    "make target": re.compile(r"\bmake (?:book|handouts|test|test-fast|vendor|venv|serve|data|claims|book-\w+)\b"),
    "source format": re.compile(r"(?<![\w/])\.(?:md|ipynb|py|yaml|yml)\b"),
    "claim code": re.compile(r"\bCode:\s*(?!MIT\b)[a-z0-9]+(?:-[a-z0-9]+)+"),
    "English 'n.d.'": re.compile(r"\bn\.d\."),
}

#: Pages written by other lines of work whose text still holds such a finding, with the
#: finding. Reported to them; each entry must still be needed (the next test fails once a
#: page is clean, so the exception is removed with the fix).
OTHERS: dict[str, str] = {}


def _reader_text(path: Path) -> str:
    """Everything a reader sees or hears on the page: its text outside code, and the texts of
    its menus (also the closed ones), tooltips and labels."""
    soup = _soup(path)
    for el in soup.select("script, style, .cell_input, pre, code.download, .highlight"):
        el.decompose()
    parts = [soup.get_text(" ")]
    for el in soup.find_all(True):
        for attr in ("aria-label", "title", "placeholder", "data-bs-title", "alt"):
            if el.has_attr(attr):
                parts.append(el[attr])
    return " ".join(parts)


_FINDINGS: dict[str, dict[str, list[str]]] = {}


def _maintainer_findings(built_site: Path) -> dict[str, list[str]]:
    """One scan of the site per test session, shared by the two tests below."""
    if str(built_site) not in _FINDINGS:
        _FINDINGS[str(built_site)] = _scan_for_maintainer_text(built_site)
    return _FINDINGS[str(built_site)]


def _scan_for_maintainer_text(built_site: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for page in _pages(built_site):
        rel = page.relative_to(built_site).as_posix()
        text = _reader_text(page)
        for what, pattern in MAINTAINER_TEXT.items():
            for m in pattern.finditer(text):
                context = " ".join(text[max(0, m.start() - 40): m.end() + 20].split())
                found.setdefault(rel, []).append(f"{what}: …{context}…")
    return found


def test_no_page_shows_text_that_is_for_maintainers(built_site):
    found = _maintainer_findings(built_site)
    problems = [f"{rel}: {hits[0]} ({len(hits)}×)" for rel, hits in sorted(found.items()) if rel not in OTHERS]
    assert not problems, f"{len(problems)} page(s) show maintainers' text:\n" + "\n".join(problems)


def test_every_exception_for_maintainer_text_is_still_needed(built_site):
    found = _maintainer_findings(built_site)
    fixed = [rel for rel in OTHERS if rel not in found]
    assert not fixed, f"these pages are clean now; remove them from OTHERS: {fixed}"


# --- The trainer's print run (issue 23) --------------------------------------------------------

def _sheet_titles(built_site: Path, page: str, prefix: str) -> dict[str, str]:
    """Title (lower case) -> anchor of every sheet on a built sheet page; for a case also
    'casus over <first word of its story>'."""
    soup = _soup(built_site / "book" / "voor-trainers" / page)
    out = {}
    for box in soup.select(f'div[id^="{prefix}"]'):
        title = box.select_one(".rubric")
        if title:
            out[title.get_text(" ", strip=True).lower()] = box["id"]
        story = next((p for p in box.find_all("p") if p.get_text(strip=True)), None)
        if prefix == "casus-" and story:
            out["casus over " + story.get_text(" ", strip=True).split()[0].strip(",.").lower()] = box["id"]
    return out


def test_every_print_line_in_a_course_plan_links_to_the_exact_sheet(built_site):
    sheets = {**{k: "werkbladen.html#" + v for k, v in _sheet_titles(built_site, "werkbladen.html", "werkblad-").items()},
              **{k: "casussen.html#" + v for k, v in _sheet_titles(built_site, "casussen.html", "casus-").items()}}
    assert len(sheets) >= 6
    checked = 0
    for plan in sorted((built_site / "book" / "voor-trainers").glob("*.html")):
        if plan.name in {"werkbladen.html", "casussen.html"}:
            continue
        for li in _soup(plan).select("article li"):
            text = li.get_text(" ", strip=True).lstrip("☐ ")
            if not text.startswith("Print"):
                continue
            names = [q.lower() for q in re.findall(r"[“\"]([^”\"]{4,80})[”\"]", text)]
            names += ["casus over " + n.lower() for n in re.findall(r"de casus over ([A-Z][a-zà-ÿ]+)", text)]
            hrefs = [a.get("href", "") for a in li.find_all("a")]
            for name in names:
                if name in sheets:
                    checked += 1
                    assert sheets[name] in hrefs, f"{plan.name}: '{text[:90]}' does not link {name!r} to {sheets[name]}"
    assert checked >= 5, f"only {checked} print lines name a sheet"


def test_a_dutch_404_page_and_a_valid_root_page(built_site):
    page = (built_site / "404.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'lang="nl"' in page
    assert "niet gevonden" in page.lower() and "veiligheid.html" in page
    root = (built_site / "index.html").read_text(encoding="utf-8")
    assert root.startswith("<!DOCTYPE html>") and "<title>" in root and 'http-equiv="Refresh"' in root


def test_a_step_that_names_a_sheet_links_gebruikt_to_that_sheet_not_the_top_of_its_page(built_site):
    """"Gebruikt: casussen, werkbladen" in a step that names a worksheet or the person of a case
    leads to that sheet on its page: the trainer lands on what she prints."""
    titles = {**{k: "werkbladen.html#" + v for k, v in _sheet_titles(built_site, "werkbladen.html", "werkblad-").items()},
              **{k: "casussen.html#" + v for k, v in _sheet_titles(built_site, "casussen.html", "casus-").items()}}
    checked = 0
    for plan in sorted((built_site / "book" / "voor-trainers").glob("*.html")):
        for row in _soup(plan).select("article table tr"):
            text = row.get_text(" ", strip=True)
            if "Gebruikt:" not in text:
                continue
            hrefs = [a.get("href", "") for a in row.find_all("a")]
            named = {target for key, target in titles.items()
                     if (re.search(r"\b" + key.removeprefix("casus over ").capitalize() + r"\b", text)
                         if key.startswith("casus over ") else key in text.lower())}
            used_pages = {h.split("#")[0] for h in hrefs}
            for target in named:
                page = target.split("#")[0]
                if page not in used_pages:  # the step names the sheet but does not use its page
                    continue
                checked += 1
                assert target in hrefs, f"{plan.name}: step '{text[:60]}' names {target} but does not link it"
                tops = [h for h in hrefs if h.split("#")[0] == page and h not in named]
                assert not tops, f"{plan.name}: step '{text[:60]}' links {tops} instead of the sheet"
    assert checked >= 15, f"only {checked} steps name a sheet"
