"""Search finds the book's own words.

Sphinx stems the words of every page into the search index with Python (snowballstemmer) and
stems the reader's query in the browser with the JavaScript stemmer it ships
(``_static/language_data.js``). When the two stemmers differ, a word that is in the book is
not found (``belemmeringen``: the index had ``belemmeer``, the browser looked for
``belemmer``). These tests take their words from the built book, not from a hand-made list:

- every word of every page, stemmed by the browser's own stemmer in Chromium, is a term of the
  search index (and the browser's and Python's stemmers agree on every word): this fails as soon
  as a new Sphinx ships another JavaScript stemmer or snowballstemmer changes its algorithms;
- at least 40 words drawn from the headings and the glossary, looked up with the real search
  page's own code (the first few also typed into the page, which must list the same pages in
  the same order), each return results, and the page where the word is a heading (or the
  glossary, for a term) is among them.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from urllib.parse import quote, urlparse

import pytest
from bs4 import BeautifulSoup
from selenium.webdriver.common.by import By
from waiting import WebDriverWait

pytestmark = [pytest.mark.build, pytest.mark.browser]

MIN_SEARCH_WORDS = 40
SKIP_PREFIXES = ("_static/", "vendor/", "@jupyter-widgets/", "reports/", "_sources/")
NON_CONTENT = ["script", "style", ".cell_output", ".headerlink", ".wz-az", "nav", ".toggle-button"]


def _pages(built_site: Path) -> list[Path]:
    out = []
    for p in sorted(built_site.rglob("*.html")):
        rel = p.relative_to(built_site).as_posix()
        if rel.startswith(SKIP_PREFIXES) or rel in {"search.html", "genindex.html", "index.html"}:
            continue
        out.append(p)
    return out


def _article(path: Path) -> BeautifulSoup | None:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    art = soup.select_one("article.bd-article")
    if art is None:
        return None
    for sel in NON_CONTENT:
        for el in art.select(sel):
            el.decompose()
    return art


def _search_index(built_site: Path) -> dict:
    text = (built_site / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1: text.rindex(")")])


def _stopwords(browser) -> set[str]:
    return set(browser.execute_script("return stopwords"))


@pytest.fixture(scope="module")
def search_page(browser, page_url):
    """The real search page, with the browser's stemmer (language_data.js) loaded."""
    browser.get(page_url("search.html"))
    WebDriverWait(browser, 20).until(lambda d: d.execute_script(
        "return typeof Stemmer === 'function' && typeof Search === 'object' && Search.hasIndex()"))
    return browser


_WORD = re.compile(r"\w+")


def test_the_browser_finds_every_word_of_the_book_in_the_index(search_page, built_site):
    """Each word of every page, stemmed as the browser stems a query, is a term of the index."""
    from sphinx.search import IndexBuilder  # noqa: F401  (the project's Sphinx)

    from werkzorg.sphinxext.wayfinding import SearchDutchAligned

    stop = _stopwords(search_page)
    words: set[str] = set()
    for page in _pages(built_site):
        art = _article(page)
        if art is None:
            continue
        for w in _WORD.findall(art.get_text(" ").lower()):
            if len(w) >= 3 and not w.isdigit() and w not in stop and not any(c.isdigit() for c in w) and "_" not in w:
                words.add(w)
    words_sorted = sorted(words)
    assert len(words_sorted) > 3000, f"only {len(words_sorted)} words found in the built book"

    js = search_page.execute_script(
        "const s = new Stemmer(); return arguments[0].map(w => s.stemWord(w));", words_sorted)
    index = _search_index(built_site)
    terms = set(index["terms"]) | set(index["titleterms"])

    # The stemmer the index was built with (the build's search language) must agree with the
    # browser on every word.
    py = SearchDutchAligned({})
    disagree = [(w, p, j) for w, j in zip(words_sorted, js) if (p := py.stem(w)) != j]
    assert not disagree, (
        f"the index stemmer and the browser's stemmer disagree on {len(disagree)} of {len(words_sorted)} "
        f"words of the book, e.g. {disagree[:10]} (word, Python, JavaScript)")

    # And the browser finds each word's stem in the index (the end result a reader sees).
    missing = [(w, j) for w, j in zip(words_sorted, js) if j not in terms and w not in terms]
    assert len(missing) <= len(words_sorted) // 200, (
        f"{len(missing)} of {len(words_sorted)} words of the book cannot be found by search, "
        f"e.g. {missing[:15]} (word, stem looked up)")


def _left_out_of_search(rel: str) -> bool:
    """A page whose source asks to be left out of the search index (``nosearch: true`` in its front
    matter): the course pack pages, which copy other pages that the search finds themselves."""
    source = Path(__file__).resolve().parents[2] / (rel[: -len(".html")] + ".md")
    if not source.is_file():
        return False
    head = re.match(r"---\n(.*?)\n---\n", source.read_text(encoding="utf-8"), flags=re.S)
    return bool(head and re.search(r"^nosearch:\s*true\s*$", head.group(1), flags=re.M))


def _candidate_words(built_site: Path, stop: set[str]) -> tuple[dict[str, set[str]], dict[str, str]]:
    """Words of headings (word -> pages where it is in a heading) and one-word glossary terms."""
    heading_pages: dict[str, set[str]] = {}
    glossary: dict[str, str] = {}
    for page in _pages(built_site):
        rel = page.relative_to(built_site).as_posix()
        art = _article(page)
        if art is None or _left_out_of_search(rel):
            continue
        for h in art.select("section > h1, section > h2, section > h3"):
            for w in _WORD.findall(h.get_text(" ").lower()):
                if len(w) >= 6 and w.isalpha() and w not in stop:
                    heading_pages.setdefault(w, set()).add(rel)
        for dt in art.select("dl.glossary > dt"):
            term = dt.get_text(" ").strip()
            if re.fullmatch(r"[A-Za-zÀ-ÿ]{5,}", term) and term.lower() not in stop:
                glossary[term.lower()] = rel
    return heading_pages, glossary


def _sample(words, n: int) -> list[str]:
    """A fixed, spread-out sample: ordered by a hash of the word, not by hand."""
    return sorted(words, key=lambda w: hashlib.sha1(w.encode()).hexdigest())[:n]


def _search(browser, page_url, word: str) -> list[str]:
    browser.get(page_url("search.html?q=" + quote(word)))
    WebDriverWait(browser, 60).until(lambda d: d.execute_script(
        "const t = document.querySelector('#search-results h2');"
        "return !!t && t.innerText.trim() === 'Zoekresultaten' && !document.querySelector('#search-progress:not(:empty)') ;"))
    hrefs = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#search-results ul.search li > a")]
    return [urlparse(h).path for h in hrefs]


#: The search page's own code, as its search box runs it, without drawing the list: the query
#: parsed and stemmed, the index searched and ranked. The list shows the results in the reverse
#: of this array (it pops them off the end), so the array is reversed into reading order.
_RANKED = """
const [query, terms, excluded, highlight, objects] = Search._parseQuery(arguments[0]);
return Search._performSearch(query, terms, excluded, highlight, objects).reverse()
  .map(r => '/' + r[0] + DOCUMENTATION_OPTIONS.LINK_SUFFIX);
"""

#: Words also typed into the search page itself, to hold the shortcut above to what a reader sees.
TYPED = 3


def _ranked(search_page, word: str) -> list[str]:
    return search_page.execute_script(_RANKED, word)


def test_words_from_headings_and_glossary_are_found_on_their_own_pages(search_page, built_site, page_url):
    """Each word is looked up with the search page's own code (opening the page once per word,
    with Sphinx fetching every result page for its snippet, cost a minute); the first few are
    also typed into the page, and the list a reader sees must be the same, in the same order."""
    browser = search_page
    stop = _stopwords(browser)
    heading_pages, glossary = _candidate_words(built_site, stop)
    # Words that are a heading on more than a few pages say little about where they belong.
    specific = {w: p for w, p in heading_pages.items() if len(p) <= 3}
    words = _sample(specific, 45) + _sample(set(glossary) - set(specific), 15)
    assert len(words) >= MIN_SEARCH_WORDS, f"only {len(words)} words drawn from the book"
    ranked = {word: _ranked(browser, word) for word in words}
    # Two heading words and one glossary term go through the page itself.
    for word in words[:TYPED - 1] + words[-1:]:
        shown = [urlparse(page_url(p.lstrip("/"))).path for p in ranked[word]]
        typed = _search(browser, page_url, word)
        assert typed == shown, f"{word!r}: the search page shows {typed}, its code ranks {shown}"

    problems = []
    for word in words:
        expected = specific.get(word) or {glossary[word]}
        found = ranked[word]
        if not found:
            problems.append(f"{word!r}: no results (expected {sorted(expected)})")
            continue
        missing = [p for p in expected if not any(f.endswith("/" + p) for f in found)]
        if missing:
            problems.append(f"{word!r}: {len(found)} results, but not {missing}")
    assert not problems, f"{len(problems)} of {len(words)} words from the book not found where they are:\n" + "\n".join(problems)


@pytest.mark.parametrize("query", ["Veilig Thuis", "112", "geweld", "mishandeling", "huiselijk geweld", "vrouwenopvang"])
def test_words_for_help_with_violence_put_the_safety_protocol_first(search_page, page_url, query):
    """A volunteer whose participant tells about violence types one of these words: the
    protocol with the phone numbers is the first result (the words come from
    werkzorg.sphinxext.wayfinding.SAFETY_SEARCH_WORDS, which the protocol page is indexed under)."""
    from werkzorg.sphinxext.wayfinding import SAFETY_DOC, SAFETY_SEARCH_WORDS

    assert query.lower() in SAFETY_SEARCH_WORDS
    found = _search(search_page, page_url, query)
    assert found, f"{query!r}: no results"
    assert found[0].endswith("/" + SAFETY_DOC + ".html"), f"{query!r}: first result is {found[0]}"
