"""The explorer's one control description (werkzorg.explorer.controls): every control or option a
chapter, exercise, lesson plan or case card names exists in it, and the page, its script and the
notebook widget show the labels it gives."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import parse_qsl

import yaml

from werkzorg.explorer import controls, page

ROOT = Path(__file__).resolve().parents[1]
GLUE_JS = ROOT / "_static" / "verkenner.js"
ROLE = re.compile(r"\{verkenner\}`([^`]+)`")
LINK = re.compile(r"verkenner\.html\?([^\"'\s)<>`]+)")


def _sources() -> list[Path]:
    """Every text the book is made from that can name the explorer: chapters, exercises, templates,
    notebooks and the data files rendered into pages (lesson plans, case cards)."""
    return sorted([*ROOT.joinpath("book").rglob("*.md"), *ROOT.joinpath("book").rglob("*.j2"),
                   *ROOT.joinpath("notebooks").glob("*.md"), *ROOT.joinpath("data").glob("*.yaml")])


def _mentions() -> list[tuple[str, str]]:
    return [(path.relative_to(ROOT).as_posix(), ref) for path in _sources()
            for ref in ROLE.findall(path.read_text(encoding="utf-8"))]


def test_every_explorer_control_or_option_the_book_names_exists():
    mentions = _mentions()
    files = {f for f, _ in mentions}
    # the scan reaches the explorer page, the exercises, a chapter and a lesson plan in data/
    assert {"book/verkennen/verkenner.md", "book/oefenen/verkennen.md", "data/lessen.yaml"} <= files, files
    bad = []
    for where, ref in mentions:
        try:
            controls.mention(ref)
        except controls.UnknownControl as exc:
            bad.append(f"{where}: {{verkenner}}`{ref}`: {exc}")
    assert not bad, "\n".join(bad)


def test_every_link_and_case_card_opens_the_explorer_with_values_it_has():
    """A link into the explorer (chapters, exercises) and a case card's scenario only use controls
    and values of the description; the explorer would silently ignore anything else."""
    links = 0
    for path in _sources():
        for query in LINK.findall(path.read_text(encoding="utf-8")):
            if "{{" in query:
                continue  # the case cards' template: their scenarios are checked below
            links += 1
            _, ignored = controls.state_from_query(dict(parse_qsl(query.replace("&amp;", "&"))))
            assert not ignored, f"{path.relative_to(ROOT)}: the explorer ignores {ignored} in ?{query}"
    cases = yaml.safe_load((ROOT / "data" / "casussen.yaml").read_text(encoding="utf-8"))["casussen"]
    scenarios = [c for c in cases if c.get("scenario")]
    for case in scenarios:
        _, ignored = controls.state_from_query({k: str(v) for k, v in case["scenario"].items()})
        assert not ignored, f"data/casussen.yaml, {case['id']}: the explorer ignores {ignored}"
    assert links >= 10 and len(scenarios) >= 4


def test_an_unknown_name_is_refused_with_the_names_that_exist():
    for ref, expected in (("huishoudens", ", ".join(controls.CONTROLS)), ("kinderen=5", "0, 1, 2, 3, 4"),
                          ("jaar=1999", ", ".join(str(y) for y, _ in controls.CONTROLS["jaar"]["options"]))):
        try:
            controls.mention(ref)
        except controls.UnknownControl as exc:
            assert expected in str(exc), (ref, str(exc))
        else:
            raise AssertionError(f"{ref} was accepted")


def _labels(name: str) -> set[str]:
    c = controls.CONTROLS[name]
    return {c["label"], c.get("label_single", c["label"])} | {t for _, t in c.get("options", [])}


def test_the_page_shows_every_label_of_the_description():
    form = page.controls_html()
    for name, c in controls.CONTROLS.items():
        for text in _labels(name):
            assert html.escape(text) in form, (name, text)
        for value, text in c.get("options", []):
            assert f'<option value="{html.escape(str(value))}">{html.escape(text)}</option>' in form, (name, value)


def test_the_pages_script_gets_the_description_and_types_no_label_of_its_own():
    """The glue reads labels from the data script (meta.controls); a label typed into the scripts
    would be a second copy that can drift."""
    shipped = page.grid_payload()["meta"]["controls"]
    assert json.loads(json.dumps(shipped)) == json.loads(json.dumps(controls.CONTROLS))
    scripts = GLUE_JS.read_text(encoding="utf-8") + page.MODEL_JS.read_text(encoding="utf-8")
    scripts = re.sub(r"(?m)(^|\s)//\s.*$", "", re.sub(r"/\*.*?\*/", "", scripts, flags=re.S))  # code, not comments
    literals = set(re.findall(r'"([^"\n]*)"', scripts)) | set(re.findall(r"'([^'\n]*)'", scripts))
    typed = {(name, text) for name in controls.CONTROLS for text in _labels(name)
             if text in literals and not text.isdigit()
             and text not in {str(v) for v, _ in controls.CONTROLS[name].get("options", [])}}  # a value, e.g. gastouder
    assert not typed, f"labels typed in the explorer's scripts instead of read from the description: {typed}"


def _widgets(widget) -> list:
    out, todo = [], [widget]
    while todo:
        w = todo.pop()
        out.append(w)
        todo.extend(getattr(w, "children", ()))
    return out


def test_the_notebook_widget_offers_the_pages_options_under_the_pages_labels():
    from werkzorg.explorer import widgets

    found = {}
    for w in _widgets(widgets.explorer_widget()):
        options = getattr(w, "options", None)
        if not options or not getattr(w, "description", ""):
            continue
        name = next((n for n, c in controls.CONTROLS.items() if w.description == c["label"]), None)
        if name is None:
            continue
        found[name] = [(value, text) for text, value in options]
        if name in ("opvang", "kostendelers"):  # the widget shows the description's help as its tooltip
            assert w.tooltip == controls.CONTROLS[name]["help"], name
    assert {"huishouden", "kinderen", "leeftijd1", "opvang", "opvangsoort", "kostendelers", "ouderleeftijd",
            "jaar"} <= set(found), sorted(found)
    for name, offered in found.items():
        described = [tuple(o) for o in controls.CONTROLS[name]["options"]]
        # the widget leaves out what it cannot compute (parents under 21), nothing else
        assert set(offered) <= set(described) and (name == "ouderleeftijd" or offered == described), name
