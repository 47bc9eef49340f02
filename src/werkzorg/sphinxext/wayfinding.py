"""Sphinx extension: helping readers find their way (issue 11).

- **Search that finds the book's own words.** Sphinx builds the search index with Python's
  ``snowballstemmer`` and searches in the browser with a JavaScript stemmer it ships
  (``sphinx/search/minified-js/dutch-stemmer.js``). Since snowballstemmer 3.0, the Python name
  ``dutch`` is a *new* Dutch algorithm, while Sphinx 7.4's JavaScript is still the classic
  Porter-style Dutch stemmer, called ``dutch_porter`` in snowballstemmer 3. The index then
  held ``belemmeer`` while the browser looked for ``belemmer``: half of the book's words could
  not be found. :class:`SearchDutchAligned` stems the index with the algorithm the shipped
  JavaScript implements. tests/browser/test_zoeken.py runs the browser's own stemmer over
  every word of the built book and fails if the two ever disagree again (a new Sphinx with a
  new JavaScript stemmer, or a snowballstemmer that renames its algorithms).
- **Glossary A–Z bar and term previews.** The glossary page gets a bar of letters that link
  to the first term of each letter; every ``{term}`` link elsewhere carries the term's
  definition as its ``title`` (a tooltip without JavaScript) and the class ``wz-begrip``,
  which ``_static/toegankelijk.js`` turns into a preview that also shows on keyboard focus.
- **Chapter-end links.** Every content chapter ends with links to the exercises and the
  lesson plan of its part (:data:`CHAPTER_LINKS`), added at build time so chapter files stay
  untouched.
- **Help in one tap.** Every content chapter's closing block also links to the safety
  protocol (:data:`SAFETY_DOC`) under "Iemand vertelt over geweld?", and the protocol page gets
  main index entries for the words a reader in a hurry types (:data:`SAFETY_SEARCH_WORDS`).
  Sphinx's search puts a page with a main index entry that matches the query above every
  full-text hit, so "Veilig Thuis" or "112" finds the protocol first without editing its text.
- **Catalogue synonyms.** The catalogue page carries the book's one synonym list
  (data/synoniemen.yaml merged with the glossary's terms that have several names) as JSON
  for ``_static/catalogus.js``.
- **Touch and markup repairs.** Solution headers without a link inside (a tap opens the
  answer; the way back sits under it), unique ids for exercise bodies, no ``aria-controls``
  on sphinx-design tab labels, a download menu without source formats, "Print …" lines in
  lesson plans linked to their sheet, a Dutch ``404.html`` and a valid root ``index.html``.
- **Locale folder** made absolute, so Sphinx finds ``locales/nl/LC_MESSAGES/sphinx.js`` (the
  Dutch texts of the search page) whatever the working directory of the build.
"""

from __future__ import annotations

import html
import re
import unicodedata
import urllib.parse
from pathlib import Path
from typing import Any

import snowballstemmer
from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.search import languages
from sphinx.search.nl import SearchDutch
from sphinx.util import logging

logger = logging.getLogger(__name__)

# --------------------------------------------------------------------------- search


def js_compatible_dutch_algorithm() -> str:
    """The snowballstemmer algorithm that Sphinx's shipped ``dutch-stemmer.js`` implements.

    Sphinx 7.4 ships the classic Dutch Snowball stemmer in JavaScript. snowballstemmer < 3
    calls that algorithm ``dutch``; snowballstemmer 3 renamed it ``dutch_porter`` and gave
    the name ``dutch`` to a different algorithm.
    """
    return "dutch_porter" if "dutch_porter" in snowballstemmer.algorithms() else "dutch"


class SearchDutchAligned(SearchDutch):
    """Sphinx's Dutch search language, stemming the index like the browser stems the query."""

    def init(self, options: dict[str, str]) -> None:
        self.stemmer = snowballstemmer.stemmer(js_compatible_dutch_algorithm())
        self._stems: dict[str, str] = {}

    def stem(self, word: str) -> str:
        # Each word is stemmed once: the index stems every occurrence, some 40,000 in this book,
        # with the stemmer in pure Python (seconds of every build).
        stem = self._stems.get(word)
        if stem is None:
            stem = self._stems[word] = self.stemmer.stemWord(word.lower())
        return stem


# --------------------------------------------------------------------------- chapter links

#: Content chapters (by docname prefix) -> (exercise page, lesson plan) of their part.
CHAPTER_LINKS: dict[str, tuple[str, str]] = {
    "book/begrippen/": ("book/oefenen/begrippen", "book/voor-trainers/begrippen"),
    "book/gendersensitief/": ("book/oefenen/gendersensitief", "book/voor-trainers/gendersensitief"),
    "book/belemmeringen/": ("book/oefenen/belemmeringen", "book/voor-trainers/belemmeringen"),
    "book/begeleiding/": ("book/oefenen/begeleiding", "book/voor-trainers/moeders-bijstand"),
    "book/rolpatronen/": ("book/oefenen/rolpatronen", "book/voor-trainers/rolpatronen"),
    "book/toolbox/": ("book/oefenen/toolbox", "book/voor-trainers/toolbox"),
    "book/cijfers/analist": ("book/oefenen/cijfers", "book/voor-trainers/cijfers"),
    "notebooks/verkenner-notebook": ("book/oefenen/verkennen", "book/voor-trainers/verkennen"),
    "notebooks/": ("book/oefenen/cijfers", "book/voor-trainers/cijfers"),
    "book/verkennen/": ("book/oefenen/verkennen", "book/voor-trainers/verkennen"),
}


#: The page a reader needs when someone tells her about violence at home.
SAFETY_DOC = "book/voor-trainers/veiligheid"
#: Link text of the help link at every chapter end, on the home page, toolbox and footer.
SAFETY_LINK_LABEL = "Iemand vertelt over geweld?"
#: Search words that must find the safety protocol first (lower case: the browser compares
#: the lower-cased query with these entries).
SAFETY_SEARCH_WORDS: tuple[str, ...] = (
    "veilig thuis", "112", "geweld", "huiselijk geweld", "mishandeling", "kindermishandeling",
    "vrouwenopvang", "hulp bij geweld", "slaat",
)


def chapter_links_for(docname: str) -> tuple[str, str] | None:
    """The (exercises, lesson plan) pair for a content chapter; None for other pages."""
    for prefix, pair in CHAPTER_LINKS.items():
        if docname == prefix or docname.startswith(prefix):
            return pair
    return None


def _add_chapter_links(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    pair = chapter_links_for(docname)
    if pair is None or app.builder.format != "html":
        return
    env = app.env
    items = []
    for label, target in zip(("Oefeningen", "Lesplan voor trainers"), pair):
        if target not in env.found_docs or target == docname:
            if target not in env.found_docs:
                logger.warning("werkzorg: chapter link target '%s' is not in the book", target,
                               location=docname, type="werkzorg", subtype="chapter-links")
            continue
        uri = app.builder.get_relative_uri(docname, target)
        title = env.titles[target].astext() if target in env.titles else target
        items.append(
            f'<li><span class="wz-verder__soort">{label}</span> '
            f'<a class="reference internal" href="{html.escape(uri)}">{html.escape(title)}</a></li>'
        )
    if not items:
        return
    if SAFETY_DOC in env.found_docs and SAFETY_DOC != docname:
        uri = app.builder.get_relative_uri(docname, SAFETY_DOC)
        items.append(
            f'<li class="wz-verder__hulp"><span class="wz-verder__soort">{SAFETY_LINK_LABEL}</span> '
            f'<a class="reference internal" href="{html.escape(uri)}">Wat je doet en wie je belt</a></li>'
        )
    block = (
        '<nav class="wz-verder" aria-label="Verder met dit deel">\n'
        '<p class="wz-verder__kop">Verder met dit deel</p>\n<ul>\n' + "\n".join(items) + "\n</ul>\n</nav>\n"
    )
    doctree += nodes.raw("", block, format="html")


# --------------------------------------------------------------------------- glossary

PREVIEW_CHARS = 240


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _definition_text(definition: nodes.Node) -> str:
    """The definition as plain text: citations dropped, whitespace collapsed, shortened."""
    copy = definition.deepcopy()
    for ref in list(copy.findall(addnodes.pending_xref)):
        if ref.get("refdomain") in {"cite", "bibtex"} or ref.get("reftype") in {"p", "t", "cite"}:
            ref.parent.remove(ref)
    for cit in list(copy.findall(nodes.citation_reference)):
        cit.parent.remove(cit)
    text = _plain(copy.astext())
    text = re.sub(r"\s+([.,;:])", r"\1", text).replace("()", "").strip()
    text = re.sub(r"\s+([.,;:])", r"\1", text)
    if len(text) > PREVIEW_CHARS:
        cut = text[:PREVIEW_CHARS].rsplit(" ", 1)[0].rstrip(",;:")
        text = cut + " …"
    return text


def _glossary_items(doctree: nodes.Node):
    """Yield (term ids, term texts, definition node) for every glossary entry."""
    for glossary in doctree.findall(addnodes.glossary):
        for item in glossary.findall(nodes.definition_list_item):
            terms = [t for t in item.children if isinstance(t, nodes.term)]
            definition = next((c for c in item.children if isinstance(c, nodes.definition)), None)
            if terms and definition is not None:
                yield [t["ids"][0] for t in terms if t["ids"]], [t.astext() for t in terms], definition


def _collect_definitions(app: Sphinx, doctree: nodes.document) -> None:
    env = app.env
    store = getattr(env, "werkzorg_term_defs", {})
    defs = {}
    names = []
    for ids, texts, definition in _glossary_items(doctree):
        text = _definition_text(definition)
        for i in ids:
            defs[i] = text
        names.append(texts)
    groups = getattr(env, "werkzorg_term_groups", {})
    if names:
        groups[env.docname] = names
    else:
        groups.pop(env.docname, None)
    env.werkzorg_term_groups = groups
    if defs:
        store[env.docname] = defs
    else:
        store.pop(env.docname, None)
    env.werkzorg_term_defs = store


def _purge(app: Sphinx, env: Any, docname: str) -> None:
    getattr(env, "werkzorg_term_defs", {}).pop(docname, None)
    getattr(env, "werkzorg_term_groups", {}).pop(docname, None)


def _merge(app: Sphinx, env: Any, docnames: Any, other: Any) -> None:
    store = getattr(env, "werkzorg_term_defs", {})
    store.update(getattr(other, "werkzorg_term_defs", {}))
    env.werkzorg_term_defs = store
    groups = getattr(env, "werkzorg_term_groups", {})
    groups.update(getattr(other, "werkzorg_term_groups", {}))
    env.werkzorg_term_groups = groups


def _letter(term: str) -> str:
    base = unicodedata.normalize("NFKD", term.strip())
    for ch in base:
        if ch.isalpha():
            return ch.upper()
    return ""


def _add_az_bar(doctree: nodes.document) -> None:
    first = None
    targets: dict[str, str] = {}
    for ids, texts, _definition in _glossary_items(doctree):
        for tid, text in zip(ids, texts):
            letter = _letter(text)
            if letter and letter not in targets:
                targets[letter] = tid
    glossaries = list(doctree.findall(addnodes.glossary))
    if not glossaries or not targets:
        return
    first = glossaries[0]
    cells = []
    for code in range(ord("A"), ord("Z") + 1):
        letter = chr(code)
        if letter in targets:
            cells.append(f'<li><a href="#{html.escape(targets[letter])}">{letter}</a></li>')
        else:
            cells.append(f'<li><span class="wz-az__leeg" title="Geen begrippen met een {letter}">{letter}</span></li>')
    bar = (
        '<nav class="wz-az" aria-label="Begrippen op beginletter">\n<ul>\n' + "\n".join(cells) + "\n</ul>\n</nav>\n"
    )
    first.parent.insert(first.parent.index(first), nodes.raw("", bar, format="html"))


def _add_previews(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    store = getattr(app.env, "werkzorg_term_defs", {})
    if not store:
        return
    defs = {tid: text for per_doc in store.values() for tid, text in per_doc.items()}
    for ref in doctree.findall(nodes.reference):
        target = ref.get("refuri", "")
        tid = target.split("#", 1)[1] if "#" in target else ref.get("refid", "")
        if not tid.startswith("term-") or tid not in defs:
            continue
        if not any(isinstance(c, nodes.inline) and "std-term" in c.get("classes", []) for c in ref.findall(nodes.inline)):
            continue
        ref["reftitle"] = defs[tid]
        ref["classes"] = [*ref.get("classes", []), "wz-begrip"]


def _add_safety_index_entries(doctree: nodes.document) -> None:
    """Main index entries on the protocol page, for the search index (not shown on the page)."""
    entries = [("single", word, "", "main", None) for word in SAFETY_SEARCH_WORDS]
    index = addnodes.index(entries=entries, inline=False)
    doctree.insert(0, index)


def _fix_exercises(doctree: nodes.document, docname: str) -> None:
    """Exercises and solutions as a reader taps them.

    - sphinx-exercise gives every exercise's and solution's body the same id
      (``exercise-content``, ``solution-content``): ids must be unique on a page, so each gets
      its own, with the old name kept as a class.
    - A solution's title links back to its exercise over most of its width; on a folded
      solution a tap on the title then scrolled away instead of opening the answer. The title
      becomes plain text (the whole bar opens the answer), and the link back to the exercise
      moves into the answer, under it.
    """
    try:
        from sphinx_exercise.nodes import solution_node, solution_title
    except ImportError:  # pragma: no cover - the book always has sphinx-exercise
        return
    counts: dict[str, int] = {}
    for section in list(doctree.findall(nodes.section)):
        for old in ("exercise-content", "solution-content"):
            if old in section["ids"]:
                counts[old] = counts.get(old, 0) + 1
                section["ids"] = [i if i != old else f"{old}-{counts[old]}" for i in section["ids"]]
                section["classes"] = [*section.get("classes", []), old]
    for solution in doctree.findall(solution_node):
        # sphinx-exercise replaces the solution_title by a plain title holding the link.
        title = next((c for c in solution.children if isinstance(c, (solution_title, nodes.title))), None)
        if title is None:
            continue
        for ref in list(title.findall(nodes.reference)):
            back = nodes.paragraph(classes=["wz-terug-naar-opgave"])
            link = nodes.reference("", "", *[c.deepcopy() for c in ref.children], **{
                k: ref[k] for k in ("refid", "refuri", "internal") if k in ref})
            link["classes"] = ["reference", "internal"]
            back += nodes.Text("Terug naar ")
            back += link
            ref.replace_self(ref.children)
            solution += back


#: Pages with sheets a trainer prints: each sheet a container with a label and a title.
SHEET_PAGES = {"book/voor-trainers/werkbladen": "werkblad-", "book/voor-trainers/casussen": "casus-"}
_QUOTED = re.compile(r"[“\"]([^”\"]{4,80})[”\"]")
_CASE_OF = re.compile(r"\bde casus over ([A-Z][a-zà-ÿ]+)")


def _sheets(app: Sphinx) -> dict[str, tuple[str, str, int, str]]:
    """Print sheets by key -> (docname, anchor, sheet number on its page, page title).
    Keys: a worksheet's or case's title (lower case) and, for a case, "casus over <Name>"
    with the first word of its story (the person it is about)."""
    cached = getattr(app, "_werkzorg_sheets", None)  # per build, never pickled with the environment
    if cached is not None:
        return cached
    out: dict[str, tuple[str, str, int, str]] = {}
    for doc, prefix in SHEET_PAGES.items():
        if doc not in app.env.found_docs:
            continue
        tree = app.env.get_doctree(doc)
        page_title = app.env.titles[doc].astext() if doc in app.env.titles else doc
        number = 0
        for box in tree.findall(nodes.container):
            anchor = next((i for i in box["ids"] if i.startswith(prefix)), None)
            if anchor is None:
                continue
            number += 1
            rubric = next(iter(box.findall(nodes.rubric)), None)
            if rubric is not None:
                out[rubric.astext().strip().lower()] = (doc, anchor, number, page_title)
            story = next((p for p in box.findall(nodes.paragraph) if p.astext().strip()), None)
            if prefix == "casus-" and story is not None:
                out["casus over " + story.astext().split()[0].strip(",.").lower()] = (doc, anchor, number, page_title)
    app._werkzorg_sheets = out
    return out


def _link_print_lines(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """In a lesson plan, "Print het werkblad “…” en de casus over Nadia" links each sheet to
    its place on the sheet page and says which sheet to print (sheets print one per page).
    The same happens in the materials list and wherever a list item names a sheet."""
    if not docname.startswith("book/voor-trainers/") or docname in SHEET_PAGES:
        return
    sheets = _sheets(app)
    if not sheets:
        return
    # Every list item: the "Print …" lines of the preparation and the materials list, which
    # names the same sheets.
    for item in list(doctree.findall(nodes.list_item)):
        for text in list(item.findall(nodes.Text)):
            if isinstance(text.parent, (nodes.reference, nodes.literal)):
                continue
            source = str(text)
            pieces: list[nodes.Node] = []
            pos = 0
            matches = [(m.start(), m.end(), m.group(0), m.group(1).lower()) for m in _QUOTED.finditer(source)]
            matches += [(m.start(), m.end(), m.group(0), "casus over " + m.group(1).lower()) for m in _CASE_OF.finditer(source)]
            for start, end, shown, key in sorted(matches):
                if key not in sheets or start < pos:
                    continue
                doc, anchor, number, page_title = sheets[key]
                uri = app.builder.get_relative_uri(docname, doc) + "#" + anchor
                pieces.append(nodes.Text(source[pos:start]))
                pieces.append(nodes.reference("", shown, refuri=uri, internal=True, classes=["wz-printblad"]))
                pieces.append(nodes.Text(f" (afdrukken: blad {number})"))
                pos = end
            if pieces:
                pieces.append(nodes.Text(source[pos:]))
                text.parent.replace(text, pieces)
    _link_used_sheets(app, doctree, docname, sheets)


def _link_used_sheets(app: Sphinx, doctree: nodes.document, docname: str,
                      sheets: dict[str, tuple[str, str, int, str]]) -> None:
    """In a lesson plan's step table, "Gebruikt: casussen, werkbladen" links to the sheets the
    step names (a sheet's title, or the person a case is about), not to the top of their page.
    A step that names no sheet of that page (it uses all cases) keeps the link to the page."""
    pages = {app.builder.get_relative_uri(docname, doc): doc for doc in SHEET_PAGES}
    for row in doctree.findall(nodes.row):
        text = row.astext()
        named = {k for k in sheets if not k.startswith("casus over ") and k in text.lower()}
        named |= {k for k in sheets if k.startswith("casus over ")
                  and re.search(rf"\b{re.escape(k.removeprefix('casus over ').capitalize())}\b", text)}
        for ref in list(row.findall(nodes.reference)):
            page, _, anchor = ref.get("refuri", "").partition("#")
            doc = pages.get(page)
            if doc is None or anchor.startswith(SHEET_PAGES[doc]):
                continue
            chosen = {}  # anchor -> (title, number), in the order of the page
            for key in sorted(named):
                if key in sheets and sheets[key][0] == doc:
                    _, sheet_anchor, number, _ = sheets[key]
                    title = next((k for k, v in sheets.items() if v[1] == sheet_anchor
                                  and not k.startswith("casus over ")), key)
                    chosen[sheet_anchor] = (title, number)
            if not chosen:
                continue
            kind = "casus" if SHEET_PAGES[doc] == "casus-" else "werkblad"
            new: list[nodes.Node] = []
            for i, (sheet_anchor, (title, number)) in enumerate(sorted(chosen.items(), key=lambda x: x[1][1])):
                if i:
                    new.append(nodes.Text(", "))
                new.append(nodes.reference("", f"{kind} “{title[:1].upper()}{title[1:]}”",
                                           refuri=f"{page}#{sheet_anchor}", internal=True,
                                           classes=["wz-printblad"]))
                new.append(nodes.Text(f" (blad {number})"))
            ref.parent.replace(ref, new)


#: The page with the toolbox catalogue, which searches with the book's synonyms.
CATALOGUE_DOC = "book/toolbox/catalogus"


def catalogue_synonyms_json(glossary_groups: list[list[str]]) -> str:
    """The synonyms and target groups the catalogue's script reads, as JSON that is safe
    inside a ``<script>`` element."""
    import json

    from ..data.toolbox import load_target_groups, synonym_groups

    data = {
        "groups": synonym_groups(glossary_groups),
        "targetGroups": [{"id": g.id, "label": g.label} for g in load_target_groups()],
    }
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")


def _add_catalogue_synonyms(app: Sphinx, doctree: nodes.document) -> None:
    groups = [names for per_doc in getattr(app.env, "werkzorg_term_groups", {}).values() for names in per_doc]
    block = ('<script type="application/json" id="catalogus-synoniemen">'
             + catalogue_synonyms_json(groups) + "</script>\n")
    doctree += nodes.raw("", block, format="html")


def _resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if app.builder.format != "html":
        return
    if docname == SAFETY_DOC:
        _add_safety_index_entries(doctree)
    if docname == CATALOGUE_DOC:
        _add_catalogue_synonyms(app, doctree)
    _fix_exercises(doctree, docname)
    _link_print_lines(app, doctree, docname)
    if any(True for _ in doctree.findall(addnodes.glossary)):
        _add_az_bar(doctree)
    _add_previews(app, doctree, docname)
    _add_chapter_links(app, doctree, docname)


# --------------------------------------------------------------------------- setup


def _absolute_locale_dirs(app: Sphinx, config: Any) -> None:
    """Sphinx looks for ``<locale_dir>/nl/LC_MESSAGES/sphinx.js`` relative to the working
    directory, but compiles the .po files relative to the source folder: anchor both there."""
    config.locale_dirs = [str(Path(app.confdir, d)) for d in config.locale_dirs]


def _visit_citation(self: Any, node: nodes.citation) -> None:
    """docutils writes each bibliography entry as ``role="doc-biblioentry"`` inside a
    ``role="list"``; ARIA 1.2 deprecated doc-biblioentry and no longer counts it as a list
    item, so the list had no valid children (axe aria-required-children, critical). The
    entries are written as list items of that list instead."""
    if not isinstance(node.previous_sibling(), type(node)):
        self.body.append('<div role="list" class="citation-list">\n')
    self.body.append(self.starttag(node, "div", classes=[node.tagname], role="listitem"))


def _depart_citation(self: Any, node: nodes.citation) -> None:
    self.body.append("</div>\n")
    if not isinstance(node.next_node(descend=False, siblings=True), type(node)):
        self.body.append("</div>\n")


def _visit_hidden_code(self: Any, node: Any) -> None:
    """MyST-NB's folded code cell, without its English ``aria-label="Toggle hidden content"``
    on the summary: the summary is then named by its visible text ("Toon de code"), in Dutch,
    and a voice-control user can say what she sees."""
    classes = " ".join(node["classes"])
    self.body.append(f'<details class="admonition hide {classes}">\n<summary>\n')
    # Spans, not paragraphs: a <summary> may hold phrasing content only (HTML checker).
    self.body.append(f'<span class="collapsed admonition-title">{html.escape(node["prompt_show"])}</span>\n')
    self.body.append(f'<span class="expanded admonition-title">{html.escape(node["prompt_hide"])}</span>\n')
    self.body.append("</summary>\n")


def _depart_hidden_code(self: Any, node: Any) -> None:
    self.body.append("</details>\n")


def _override_hidden_code(app: Sphinx) -> None:
    if "myst_nb" not in app.extensions:
        return
    from myst_nb.sphinx_ import HideCodeCellNode

    app.add_node(HideCodeCellNode, override=True, html=(_visit_hidden_code, _depart_hidden_code))


def _reader_download_menu(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """The theme's download menu offers the page's source file (".md", ".ipynb") and ".pdf":
    the source formats mean nothing to a reader, and ".pdf" only opens the print dialog. The
    menu keeps one item, named for what it does."""
    for button in context.get("header_buttons", []):
        if button.get("label") != "download-buttons":
            continue
        items = [b for b in button.get("buttons", []) if b.get("label") == "download-pdf-button"]
        for item in items:
            item["text"] = "Afdrukken of als PDF bewaren"
            item["tooltip"] = "Afdrukken of als PDF bewaren"
        button["buttons"] = items
        button["tooltip"] = "Afdrukken"


_TAB_LABEL_ARIA = re.compile(r'(<label\b[^>]*?)\s+aria-controls="[^"]*"([^>]*\bclass="sd-tab-label")')


def _valid_tab_labels(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """sphinx-design writes its tab labels as ``<label aria-controls=… for=…>``; ``aria-controls``
    is not allowed on a label that belongs to a control (HTML checker). The label already
    names its radio button, and the tab's content follows it; the attribute goes."""
    body = context.get("body")
    if body and "sd-tab-label" in body:
        context["body"] = _TAB_LABEL_ARIA.sub(r"\1\2", body)


_HEAD_CELL = re.compile(r'<th class="head( stub)?"')
_STUB_CELL = re.compile(r'<th class="stub"')


def _table_header_scope(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """Docutils writes table headers as bare ``<th>``. In a table with a header row and a stub
    column, a screen reader cannot tell which header a cell belongs to (WCAG 1.3.1, HTML_CodeSniffer
    H63): column headers get ``scope="col"``, row headers ``scope="row"``, and the empty corner
    cell is an empty data cell."""
    body = context.get("body")
    if not body or "<th class=" not in body:
        return
    body = body.replace('<th class="head stub"></th>', '<td class="head stub"></td>')
    body = _HEAD_CELL.sub(lambda m: f'<th scope="col" class="head{m.group(1) or ""}"', body)
    context["body"] = _STUB_CELL.sub('<th scope="row" class="stub"', body)


#: A bare page of the site's own (404, root). Its icon is inline (see _write_site_pages), so the
#: browser never asks for /favicon.ico, an address outside the book on a host that serves it
#: below a sub-path.
_PAGE = """<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{head}<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 38rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5; color: #1a1a1a; background: #fff; }}
a {{ color: #0a58ca; }}
@media (prefers-color-scheme: dark) {{ body {{ color: #e6e6e6; background: #121212; }} a {{ color: #8ab4f8; }} }}
</style>
</head>
<body>
<main>
{body}
</main>
{footer}</body>
</html>
"""

#: The page a host shows for an address that does not exist: Dutch, with the way to the
#: start page, the search and the help page. It is served at any depth of the site, so it
#: loads nothing and finds the site's root from the address itself.
NOT_FOUND = _PAGE.format(
    footer="{footer}",
    head="{icon}",
    title="Pagina niet gevonden · Werk &amp; Zorg",
    body="""<h1>Deze pagina bestaat niet (meer)</h1>
<p>Het adres klopt niet, of de pagina is verhuisd. Dat is niet jouw fout.</p>
<ul>
<li><a data-pad="book/intro/index.html" href="/">Naar de startpagina van Werk &amp; Zorg</a></li>
<li><a data-pad="search.html" href="/search.html">Zoeken in het boek</a></li>
<li><a data-pad="book/voor-trainers/veiligheid.html" href="/book/voor-trainers/veiligheid.html">Iemand vertelt over geweld? Lees wat je doet en wie je belt</a></li>
</ul>
<script>
(function () {
  var path = window.location.pathname;
  var cut = path.search(/\\/(book|notebooks)\\//);
  var root = cut >= 0 ? path.slice(0, cut + 1) : path.slice(0, path.lastIndexOf("/") + 1);
  var links = document.querySelectorAll("a[data-pad]");
  for (var i = 0; i < links.length; i++) links[i].href = root + links[i].getAttribute("data-pad");
})();
</script>""",
)


def _write_site_pages(app: Sphinx, exception: Exception | None) -> None:
    """A Dutch ``404.html``, and the root ``index.html`` (a bare redirect written by
    sphinx-external-toc) as a valid page with a title and a link."""
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    licence = str(app.config.html_theme_options.get("extra_footer", "")).strip()
    footer = f'<footer class="bd-footer-content">{licence}</footer>\n' if licence else ""
    # The site's icon inline: without one a browser asks the host's root for /favicon.ico, a
    # failed request in the console (the 404 page is served at any depth, so no relative link).
    icon = '<link rel="icon" href="data:,">\n'  # no icon configured: an empty one, still no request
    favicon = Path(app.confdir) / str(app.config.html_favicon or "")
    if app.config.html_favicon and favicon.suffix == ".svg" and favicon.is_file():
        svg = urllib.parse.quote(" ".join(favicon.read_text(encoding="utf-8").split()), safe="=:/'")
        icon = f'<link rel="icon" href="data:image/svg+xml,{html.escape(svg)}">\n'
    (out / "404.html").write_text(NOT_FOUND.replace("{footer}", footer).replace("{icon}", icon), encoding="utf-8")
    index = out / "index.html"
    if index.is_file():
        text = index.read_text(encoding="utf-8")
        m = re.fullmatch(r'\s*<meta http-equiv="Refresh" content="0; url=([^"]+)" />\s*', text)
        if m:
            target = html.escape(m.group(1))
            index.write_text(_PAGE.format(
                footer="",
                head=f'<meta http-equiv="Refresh" content="0; url={target}">\n{icon}',
                title="Werk &amp; Zorg",
                body=f'<p><a href="{target}">Naar de startpagina van Werk &amp; Zorg</a></p>',
            ), encoding="utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_node(nodes.citation, override=True, html=(_visit_citation, _depart_citation))
    app.connect("builder-inited", _override_hidden_code)
    languages["nl"] = SearchDutchAligned
    # Stored with the environment: when the algorithm changes, every page is re-indexed.
    app.add_config_value("werkzorg_search_stemmer", js_compatible_dutch_algorithm(), "env")
    app.connect("config-inited", _absolute_locale_dirs)
    app.connect("doctree-read", _collect_definitions)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("doctree-resolved", _resolved, priority=900)
    app.connect("html-page-context", _reader_download_menu, priority=600)  # after the theme adds its buttons
    app.connect("html-page-context", _valid_tab_labels)
    app.connect("html-page-context", _table_header_scope)
    app.connect("build-finished", _write_site_pages, priority=900)  # after sphinx-external-toc's redirect  # after other page additions (sources box): the links end the chapter
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
