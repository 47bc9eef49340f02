"""Lesson plans (data/lessen.yaml): complete, timed, and pointing at chapters that exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
PLANS = yaml.safe_load((ROOT / "data" / "lessen.yaml").read_text(encoding="utf-8"))["modules"]
LABEL = re.compile(r"^\(([A-Za-z0-9_-]+)\)=\s*$", re.M)

#: One module per main part of the book (issue 8).
EXPECTED_MODULES = {
    "begrippen", "gendersensitief", "belemmeringen", "moeders-bijstand",
    "rolpatronen", "cijfers", "verkennen", "toolbox",
}


def _labels() -> set[str]:
    found = set()
    for folder in ("book", "notebooks"):
        for md in (ROOT / folder).rglob("*.md"):
            found |= set(LABEL.findall(md.read_text(encoding="utf-8")))
    return found


def test_every_main_part_has_a_module():
    assert {m["id"] for m in PLANS} >= EXPECTED_MODULES


def test_every_module_has_a_page():
    for m in PLANS:
        page = ROOT / "book" / "voor-trainers" / f"{m['id']}.md"
        assert page.is_file(), f"no page for module {m['id']}"
        assert f":arg: module={m['id']}" in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("module", PLANS, ids=lambda m: m["id"])
def test_a_module_is_complete(module):
    for field in ("titel", "doelgroep", "leerdoelen", "voorbereiding", "materiaal", "hoofdstukken"):
        assert module.get(field), f"{module['id']}: '{field}' is empty"
    for group in ("migratieachtergrond", "laaggeletterdheid"):
        assert len(module["aanpassen"][group].split()) >= 15, f"{module['id']}: advice for {group} too thin"
    assert len(module["leerdoelen"]) >= 2
    for field in ("leerdoelen", "voorbereiding", "materiaal", "hoofdstukken"):
        for item in module[field]:
            # An unquoted "text: more text" in YAML becomes a mapping and prints as {'text': ...}.
            assert isinstance(item, str) and item.strip(), f"{module['id']}/{field}: not plain text: {item!r}"


@pytest.mark.parametrize("module", PLANS, ids=lambda m: m["id"])
def test_step_timings_add_up_to_the_duration(module):
    lang, kort = module["varianten"]["lang"], module["varianten"]["kort"]
    assert 120 <= lang["duur"] <= 180, "the long session is 2 to 3 hours"
    assert kort["duur"] == 45, "the short variant is 45 minutes"
    for name, var in (("lang", lang), ("kort", kort)):
        total = sum(s["minuten"] for s in var["stappen"])
        assert total == var["duur"], f"{module['id']}/{name}: steps add up to {total}, not {var['duur']}"
        for s in var["stappen"]:
            assert s["titel"] and s["uitleg"], f"{module['id']}/{name}: step without title or explanation"
            assert isinstance(s["titel"], str) and isinstance(s["uitleg"], str), (
                f"{module['id']}/{name}: step '{s['titel']}' is not plain text (unquoted ': ' in YAML?)"
            )


@pytest.mark.parametrize("module", PLANS, ids=lambda m: m["id"])
def test_every_referenced_chapter_exists(module):
    labels = _labels()
    refs = set(module["hoofdstukken"])
    for var in module["varianten"].values():
        for s in var["stappen"]:
            refs |= set(s.get("gebruikt") or [])
    missing = sorted(refs - labels)
    assert not missing, f"{module['id']} refers to unknown labels: {missing}"


# --- The trainers' part as a whole: table of contents, overview, handouts ---------------------

TOC = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
HANDOUTS = yaml.safe_load((ROOT / "data" / "handouts.yaml").read_text(encoding="utf-8"))["handouts"]


def _toc_files() -> set[str]:
    found: set[str] = set()

    def walk(items):
        for item in items or []:
            if "file" in item:
                found.add(item["file"])
            walk(item.get("sections"))
            walk(item.get("chapters"))

    walk(TOC.get("parts"))
    return found


def test_every_module_page_is_in_the_table_of_contents():
    files = _toc_files()
    missing = [m["id"] for m in PLANS if f"book/voor-trainers/{m['id']}" not in files]
    assert not missing, f"module pages not in _toc.yml: {missing}"
    assert "book/voor-trainers/index" in files and "book/voor-trainers/werkbladen" in files


def test_every_module_has_a_printable_lesson_plan():
    pages = {h["page"] for h in HANDOUTS}
    missing = [m["id"] for m in PLANS if f"book/voor-trainers/{m['id']}.html" not in pages]
    assert not missing, f"no handout in data/handouts.yaml for the lesson plan of: {missing}"


@pytest.mark.parametrize("handout", HANDOUTS, ids=lambda h: h["name"])
def test_every_handout_is_a_page_of_the_book(handout):
    page = handout["page"]
    assert page.endswith(".html"), f"{handout['name']}: page must be the built .html path"
    stem = page[: -len(".html")]
    assert stem in _toc_files(), f"{handout['name']}: {stem} is not in _toc.yml"
    assert (ROOT / f"{stem}.md").is_file(), f"{handout['name']}: no source file {stem}.md"
    assert handout["omschrijving"].strip(), f"{handout['name']}: 'omschrijving' is empty"


def test_overview_table_lists_every_module_with_both_durations():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(ROOT / "book" / "_templates")),
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
    )
    data = yaml.safe_load((ROOT / "data" / "lessen.yaml").read_text(encoding="utf-8"))
    text = env.get_template("lessen-overzicht.md.j2").render(data=data, options={"part": "modules"})
    rows = [line for line in text.splitlines() if line.startswith("| {ref}`")]
    assert len(rows) == len(PLANS)
    for m, row in zip(PLANS, rows):
        assert f"<module-{m['id']}>" in row
        assert f"| {m['varianten']['lang']['duur']} min. | {m['varianten']['kort']['duur']} min. |" in row
