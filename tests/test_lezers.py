"""Reader aids decided at build time (werkzorg.sphinxext.wayfinding, werkzorg.sphinxext.bibstyle): which chapters end
with links to their exercises and lesson plan, the search stemmer, and bibliography entries.
The built pages themselves are checked in tests/test_lezers_build.py and tests/browser/."""

from __future__ import annotations

from pathlib import Path

import yaml

from werkzorg.sphinxext.wayfinding import chapter_links_for, js_compatible_dutch_algorithm

ROOT = Path(__file__).resolve().parent.parent
#: Parts of the book that are not content chapters: the reader is already at the exercises,
#: the trainers' material or the sources.
NOT_CONTENT = {"Oefenen", "Voor trainers", "Verantwoording"}


def _content_chapters() -> list[tuple[str, str]]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    return [(part["caption"], ch["file"]) for part in toc["parts"] if part["caption"] not in NOT_CONTENT
            for ch in part["chapters"]]


def test_every_content_chapter_has_exercises_and_a_lesson_plan_that_exist():
    chapters = _content_chapters()
    assert len(chapters) >= 30
    for caption, doc in chapters:
        pair = chapter_links_for(doc)
        assert pair is not None, f"{doc} ({caption}) ends without links to exercises and lesson plan"
        exercises, plan = pair
        assert exercises.startswith("book/oefenen/") and (ROOT / f"{exercises}.md").is_file(), (doc, exercises)
        assert plan.startswith("book/voor-trainers/") and (ROOT / f"{plan}.md").is_file(), (doc, plan)


def test_chapters_of_one_part_share_their_links_and_parts_differ():
    by_part: dict[str, set] = {}
    for caption, doc in _content_chapters():
        by_part.setdefault(caption, set()).add(chapter_links_for(doc))
    for caption, pairs in by_part.items():
        assert len(pairs) == 1, f"chapters of '{caption}' link to different exercises/lesson plans: {pairs}"
    exercises = [next(iter(p))[0] for p in by_part.values()]
    assert len(set(exercises)) == len(exercises), "two parts share one exercise page"


def test_exercise_page_title_names_the_part():
    """The exercise page a part links to is about that part: its title holds the part's longest
    word ("Rolpatronen doorbreken met mannen" -> "Oefenen: rolpatronen doorbreken met mannen")."""
    for caption, doc in _content_chapters():
        exercises, _plan = chapter_links_for(doc)
        title = next(line for line in (ROOT / f"{exercises}.md").read_text(encoding="utf-8").splitlines()
                     if line.startswith("# "))
        longest = max(caption.replace("-", " ").split(), key=len).lower()
        assert longest in title.lower(), f"{doc}: part '{caption}' links to '{title}'"


def test_pages_outside_the_content_parts_get_no_chapter_links():
    for doc in ["book/intro/index", "book/oefenen/begrippen", "book/voor-trainers/index",
                "book/cijfers/claims", "book/bronnen/literatuur"]:
        assert chapter_links_for(doc) is None, doc


def test_the_index_stemmer_is_the_classic_dutch_snowball_algorithm():
    """Sphinx 7.4's browser stemmer is the classic Dutch Snowball stemmer; whichever name the
    installed snowballstemmer gives it, the index uses that algorithm. Known classic stems
    (from the Snowball project's Dutch vocabulary) pin the behaviour; the browser test
    compares both stemmers over every word of the built book."""
    import snowballstemmer

    st = snowballstemmer.stemmer(js_compatible_dutch_algorithm())
    assert st.stemWord("belemmeringen") == "belemmer"
    assert st.stemWord("gemeente") == "gemeent"
    assert st.stemWord("werkloosheid") == "werklos"


def test_a_misc_entry_does_not_repeat_the_year_of_its_title():
    from pybtex.database import parse_string

    from werkzorg.sphinxext.bibstyle import Style

    bib = parse_string("""
@misc{a, title = {{Magazine Doen! 2019}}, year = {2019}, note = {Over de eerste groep}}
@misc{b, title = {{Jaarverslag}}, year = {2021}}
""", "bibtex")
    out = {e.key: e.text.render_as("text") for e in Style().format_entries(bib.entries.values())}
    assert out["a"].count("2019") == 1, out["a"]
    assert "2021" in out["b"], out["b"]


def test_safety_search_words_are_lower_case_and_cover_the_reviewers_words():
    from werkzorg.sphinxext.wayfinding import SAFETY_DOC, SAFETY_SEARCH_WORDS

    # The browser compares the lower-cased query with the index entries as they are.
    assert all(w == w.lower() for w in SAFETY_SEARCH_WORDS)
    assert {"veilig thuis", "112", "geweld", "mishandeling"} <= set(SAFETY_SEARCH_WORDS)
    assert (ROOT / f"{SAFETY_DOC}.md").is_file()


def test_the_catalogue_synonyms_are_safe_inside_a_script_element():
    import json

    from werkzorg.sphinxext.wayfinding import catalogue_synonyms_json

    text = catalogue_synonyms_json([["</script><b>", "x"]])
    assert "<" not in text
    data = json.loads(text)
    assert ["</script><b>", "x"] in data["groups"]
    assert {g["id"] for g in data["targetGroups"]} >= {"nieuwkomers", "mantelzorgers"}
