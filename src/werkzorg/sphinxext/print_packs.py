"""One page per course pack: everything a course prints, one part after another.

The course packs (``cursusmappen`` in ``data/handouts.yaml``) list what one lesson plan needs on
paper: the plan, whole handouts and single sheets. ``make handouts`` joins their PDFs after the
build; this module gives the trainer the same pack inside the site, so "Print" in her browser
prints it. A pack page (``book/voor-trainers/cursusmap-<module>.md``) holds only the directive
``{cursusmap} <module>``; when the page is written, the directive is replaced by a copy of each
part, taken from the built pages it comes from:

- a lesson plan or protocol: the whole page (its own on-screen course-pack box left out);
- a page of sheets (cases, worksheets, cards): only the sheets, as the page itself prints them;
- one sheet (``blad``): only that sheet, found by its printed title.

Each part is a section that starts on a new sheet of paper (``_static/trainers.css``); its ids
get the part's number as a prefix, so no id appears twice on the page, and links between pages
are rewritten for the pack page's folder. Pack pages are left out of the search index
(``nosearch``), so a search finds each text once, on its own page.
"""

from __future__ import annotations

import posixpath
import re
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from ..paths import data_dir
from ..postbuild.handouts import CoursePack, Handout, load_course_packs, load_handouts

PACK_DOC = "book/voor-trainers/cursusmap-{module}"

#: The classes of a printable sheet, and the named print page each one uses.
SHEET_CLASSES = {"wz-blad": "wz-bladen", "werkzorg-casus": "", "wz-kaarten": "wz-kaarten", "wz-werkblad": "wz-werkblad"}
_RAW_SHEET = re.compile(r'class="(wz-kaarten|wz-werkblad)\b')
_URL_ATTR = re.compile(r'\b(href|src)="([^"#:][^"]*)"')


class cursusmap_node(nodes.General, nodes.Element):
    """Stands for the parts of one course pack until the page is written."""


def _visit_skip(self, node):  # the node is always replaced before writing
    raise nodes.SkipNode


class CursusmapDirective(SphinxDirective):
    """``{cursusmap} <module>``: the parts of that module's course pack, in order."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        module = self.arguments[0].strip()
        path = data_dir() / "handouts.yaml"
        self.env.note_dependency(str(path))
        known = {p.module for p in load_course_packs(path)}
        if module not in known:
            raise self.error(f"cursusmap '{module}' staat niet in {path.name} (cursusmappen: {', '.join(sorted(known))})")
        return [cursusmap_node(module=module)]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _sheet_class(node: nodes.Node) -> str | None:
    if isinstance(node, nodes.container):
        return next((c for c in node["classes"] if c in SHEET_CLASSES), None)
    if isinstance(node, nodes.raw):
        m = _RAW_SHEET.search(node.astext())
        return m.group(1) if m else None
    return None


def _top_section(tree: nodes.document) -> nodes.section:
    return next(iter(tree.findall(nodes.section)))


def _rebase(uri: str, from_doc: str, to_doc: str) -> str:
    """A relative link written on ``from_doc``'s page, as written on ``to_doc``'s page."""
    if not uri or uri.startswith(("#", "/")) or re.match(r"^[a-z][a-z0-9+.-]*:", uri):
        return uri
    target = posixpath.normpath(posixpath.join(posixpath.dirname(from_doc), uri))
    return posixpath.relpath(target, posixpath.dirname(to_doc))


def _adopt(part: nodes.Element, prefix: str, from_doc: str, to_doc: str, page_uri: str) -> None:
    """Give every id in ``part`` the prefix, point links inside the part at the prefixed ids and
    links elsewhere on the original page at that page, and rebase relative links."""
    own = {i for n in part.findall(nodes.Element) for i in n.get("ids", [])}
    for n in part.findall(nodes.Element):
        if n.get("ids"):
            n["ids"] = [f"{prefix}{i}" for i in n["ids"]]
        if isinstance(n, nodes.reference) or n.get("refid"):
            if n.get("refid"):
                if n["refid"] in own:
                    n["refid"] = prefix + n["refid"]
                else:
                    n["refuri"] = f"{page_uri}#{n['refid']}"
                    del n["refid"]
            uri = n.get("refuri")
            if uri is not None:
                if uri.startswith("#"):
                    n["refuri"] = f"#{prefix}{uri[1:]}" if uri[1:] in own else f"{page_uri}{uri}"
                else:
                    n["refuri"] = _rebase(uri, from_doc, to_doc)
        if isinstance(n, nodes.raw) and posixpath.dirname(from_doc) != posixpath.dirname(to_doc):
            text = _URL_ATTR.sub(lambda m: f'{m.group(1)}="{_rebase(m.group(2), from_doc, to_doc)}"', n.astext())
            n.children[0] = nodes.Text(text)


def _part(app: Sphinx, pack_doc: str, number: int, handout: Handout, blad: str | None) -> nodes.section:
    doc = handout.page[: -len(".html")]
    tree = app.env.get_and_resolve_doctree(doc, app.builder)
    top = _top_section(tree)
    sheets = [n for n in top.children if _sheet_class(n)]
    if blad:
        chosen = [n for n in sheets if isinstance(n, nodes.container)
                  and any(_flat(blad) == _flat(r.astext()) for r in n.findall(nodes.rubric))]
        if not chosen:
            raise ValueError(f"data/handouts.yaml, cursusmap {pack_doc}: blad '{blad}' staat niet op {handout.page}")
        body: list[nodes.Node] = chosen[:1]
    elif sheets:
        body = sheets
    else:
        body = []
    if body:
        part = nodes.section(classes=["wz-pakdeel", "wz-pakdeel--bladen"])
        kind = _sheet_class(body[0])
        if SHEET_CLASSES.get(kind):
            part["classes"].append(f"wz-pakdeel--{SHEET_CLASSES[kind]}")
        if blad:
            shown = f"{'Casus' if kind == 'werkzorg-casus' else 'Werkblad'}: {blad}"
        else:
            shown = app.env.titles[doc].astext()
        part += nodes.title("", shown, classes=["wz-pakdeel__kop"])
        part.extend(n.deepcopy() for n in body)
    else:
        part = top.deepcopy()
        part["classes"] += ["wz-pakdeel"]
        for box in list(part.findall(nodes.container)):
            if "wz-cursusmap" in box["classes"]:
                box.parent.remove(box)
        for raw in list(part.findall(nodes.raw)):
            if 'class="wz-verder"' in raw.astext():
                raw.parent.remove(raw)
    part["ids"] = []
    part["names"] = []
    page_uri = app.builder.get_relative_uri(pack_doc, doc)
    _adopt(part, f"d{number}-", doc, pack_doc, page_uri)
    part["ids"] = [f"deel-{number}"]
    return part


def _fill_packs(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    found = list(doctree.findall(cursusmap_node))
    if not found:
        return
    handouts = {h.name: h for h in load_handouts()}
    packs: dict[str, CoursePack] = {p.module: p for p in load_course_packs()}
    for node in found:
        pack = packs[node["module"]]
        parts = [_part(app, docname, i, handouts[p.handout], p.blad) for i, p in enumerate(pack.parts, start=1)]
        node.replace_self([_contents(parts), *parts])


def _contents(parts: list[nodes.section]) -> nodes.container:
    """What the page holds, in order, each linked to its part: for the screen, not printed."""
    box = nodes.container(classes=["wz-pak-inhoud"])
    box += nodes.paragraph("", "Op deze pagina, in deze volgorde:")
    items = nodes.enumerated_list(enumtype="arabic", prefix="", suffix=".")
    for part in parts:
        title = next(iter(part.findall(nodes.title))).astext()
        items += nodes.list_item("", nodes.paragraph("", "", nodes.reference(
            "", title, refuri=f"#{part['ids'][0]}", internal=True)))
    box += items
    return box


def _packs_always_rewritten(app: Sphinx, env: Any, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    """A pack page copies other pages when it is written: re-read it whenever any page changed."""
    if not (added or changed or removed):
        return []
    return sorted(d for d in env.found_docs if d.startswith(PACK_DOC.format(module="")))


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_node(cursusmap_node, html=(_visit_skip, None), latex=(_visit_skip, None), text=(_visit_skip, None))
    app.add_directive("cursusmap", CursusmapDirective)
    app.connect("doctree-resolved", _fill_packs, priority=950)
    app.connect("env-get-outdated", _packs_always_rewritten)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
