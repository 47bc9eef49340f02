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


# --- Safety protocol and the two-hour course (issue 15) ----------------------------------

WERKVORMEN = yaml.safe_load((ROOT / "data" / "werkvormen.yaml").read_text(encoding="utf-8"))["werkvormen"]
#: How a step names each dialogue work form of the toolkit in its own words (tied to the data below).
WORK_FORM_MARKERS = {
    "dialoogafspraken": "dialoogafspraken",
    "check-in-met-de-bal": "check-in",
    "werken-met-stellingen": "stelling",
    "huis-van-vroeger-huis-van-nu": "huis van vroeger",
}
#: Pages of the book that describe how to run a dialogue.
DIALOGUE_PAGES = {"veilige-dialoog", "dialoogmethoden", "werkvormen-dialoog", "stellingen-overzicht",
                  "stellingenkaarten", "werkblad-huis-van-vroeger"}


def _render_plan(module_id: str) -> str:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(ROOT / "book" / "_templates")),
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
    )
    data = yaml.safe_load((ROOT / "data" / "lessen.yaml").read_text(encoding="utf-8"))
    return env.get_template("lesplan.md.j2").render(data=data, options={"module": module_id})


def _runs_a_dialogue(module) -> bool:
    """A plan runs a dialogue when a step uses a dialogue work form (by label or by name) or a
    page on running a dialogue."""
    labels = DIALOGUE_PAGES | {f"werkvorm-{w['id']}" for w in WERKVORMEN}
    for var in module["varianten"].values():
        for s in var["stappen"]:
            if labels & set(s.get("gebruikt") or []):
                return True
            text = f"{s['titel']} {s['uitleg']}".lower()
            if any(marker in text for marker in WORK_FORM_MARKERS.values()):
                return True
    return False


def test_work_form_markers_match_the_work_forms():
    names = {w["id"]: w["naam"].lower() for w in WERKVORMEN}
    assert set(WORK_FORM_MARKERS) == set(names)
    for wid, marker in WORK_FORM_MARKERS.items():
        assert marker in names[wid], f"marker '{marker}' is not part of the work form '{names[wid]}'"


def test_safety_protocol_page_exists_with_the_help_numbers():
    page = (ROOT / "book" / "voor-trainers" / "veiligheid.md").read_text(encoding="utf-8")
    assert page.startswith("(veiligheid)=")
    assert "book/voor-trainers/veiligheid" in _toc_files()
    for needed in ("0800-2000", "112", "meldcode", "{cite:p}`veiligthuis"):
        assert needed in page, f"the safety protocol does not mention {needed}"


@pytest.mark.parametrize("module", [m for m in PLANS if _runs_a_dialogue(m)], ids=lambda m: m["id"])
def test_every_lesson_plan_that_runs_a_dialogue_links_the_safety_protocol(module):
    text = _render_plan(module["id"])
    assert "{ref}`veiligheid`" in text, f"lesson plan {module['id']} runs a dialogue but does not link the safety protocol"
    assert len((module.get("veiligheid") or "").split()) >= 15, f"{module['id']}: safety advice too thin"


def test_most_lesson_plans_run_a_dialogue():
    """Guard against a detector that finds nothing (the test above would then check no plan)."""
    dialogue = [m["id"] for m in PLANS if _runs_a_dialogue(m)]
    assert "rolpatronen" in dialogue and len(dialogue) >= len(PLANS) // 2, dialogue


def test_two_hour_course_combines_two_modules_in_exactly_120_minutes():
    course = next(m for m in PLANS if m["id"] == "cursus-klantmanagers")
    sources = course["samengesteld_uit"]
    assert len(sources) == 2 and all(s in {m["id"] for m in PLANS} for s in sources)
    lang = course["varianten"]["lang"]
    assert lang["duur"] == 120 and sum(s["minuten"] for s in lang["stappen"]) == 120
    used = set()
    for s in lang["stappen"]:
        if s["titel"] == "Pauze":
            continue
        assert s.get("uit") in sources, f"step '{s['titel']}' does not say which module it comes from"
        used.add(s["uit"])
    assert used == set(sources), f"the course uses only {used} of {sources}"
    text = _render_plan("cursus-klantmanagers")
    assert "| 1:50 | 10 |" in text, "the last step should start at 1:50 and take 10 minutes"
    for src in sources:
        assert f"{{ref}}`module-{src}`" in text
