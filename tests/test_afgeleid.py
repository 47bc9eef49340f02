"""Derived layers point to the chapter passage they rest on, or say that they are the book's own.

Lesson plans, exercise answers, glossary entries, case cards, barrier tables and work forms
restate what the guides say. A reader (a trainer, a student) must be able to check such a line
against the chapter that retells the guide. So every derived item that attributes something to
a guide (names it: "de gids", "de toolkit", "de handreiking", "de Inspiratiegids", …) carries a
link to its chapter passage, or a label that it is the book's own addition.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
GUIDE_KEYS = ("movisie2021toolbox", "verweyjonker2025klaar", "nvr2021regiobijeenkomsten",
              "samensterkmetwerk2025", "verweyjonker2024inspiratiegids")
# Words with which a derived text attributes something to one of the five guides.
NAMES_A_GUIDE = re.compile(
    r"\b(de gids|de gidsen|beide gidsen|toolkit|handreiking|Inspiratiegids|Movisie-toolbox|"
    r"Vrouwen Raad|NVR|Samen Sterk met Werk)\b", re.I)
OWN_LABEL = re.compile(r"(aanvulling van dit boek|van dit boek|suggestie van dit boek|redenering van dit boek)", re.I)
CHAPTER_LINK = re.compile(r"\{ref\}`[^`]+`")


def _linked_or_labelled(text: str) -> bool:
    return bool(CHAPTER_LINK.search(text) or OWN_LABEL.search(text))


def _load(name: str):
    return yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))


def test_lesson_plan_lines_that_name_a_guide_point_to_the_chapter():
    bad = []
    for m in _load("lessen.yaml")["modules"]:
        texts = [(f"leerdoel {i + 1}", t, False) for i, t in enumerate(m.get("leerdoelen", []))]
        texts += [(f"voorbereiding {i + 1}", t, False) for i, t in enumerate(m.get("voorbereiding", []))]
        texts += [(f"aanpassen/{k}", t, False) for k, t in (m.get("aanpassen") or {}).items()]
        if m.get("veiligheid"):
            texts.append(("veiligheid", m["veiligheid"], False))
        for vname, v in (m.get("varianten") or {}).items():
            for j, step in enumerate(v.get("stappen", []), start=1):
                # a step's `gebruikt` lists the chapter passages it rests on (rendered as links)
                texts.append((f"{vname} stap {j} ({step.get('titel')})", step.get("uitleg", ""), bool(step.get("gebruikt"))))
        for where, text, linked in texts:
            if NAMES_A_GUIDE.search(text) and not (linked or _linked_or_labelled(text)):
                bad.append(f"{m['id']}: {where}: {text[:90]}")
    assert not bad, "lesson-plan lines that attribute to a guide without a chapter link or own-work label:\n" + "\n".join(bad)


def _solutions():
    for path in sorted((ROOT / "book" / "oefenen").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"```\{solution\}\s*(\S+)[^\n]*\n(.*?)\n```", text, re.S):
            yield path.name, m.group(1), m.group(2)


def test_answer_keys_that_name_a_guide_point_to_the_chapter():
    solutions = list(_solutions())
    assert len(solutions) > 50  # the parser finds the answer keys
    bad = [f"{f}: {label}" for f, label, body in solutions
           if NAMES_A_GUIDE.search(body) and not (_linked_or_labelled(body) or "{cite" in body)]
    assert not bad, "answer keys that attribute to a guide without a chapter link or own-work label:\n" + "\n".join(bad)


def _glossary_entries():
    text = (ROOT / "book" / "begrippen" / "woordenlijst.md").read_text(encoding="utf-8")
    # a MyST definition list: a term line, then indented definition lines
    for m in re.finditer(r"^([^\s#(`:][^\n]*)\n((?:  [^\n]*\n?)+)", text, re.M):
        yield m.group(1).strip(), m.group(2)


def test_glossary_entries_citing_a_guide_point_to_the_chapter():
    entries = list(_glossary_entries())
    assert len(entries) > 40
    bad = [term for term, body in entries
           if any(k in body for k in GUIDE_KEYS) and not _linked_or_labelled(body)]
    assert not bad, f"glossary entries that cite a guide but link no chapter passage: {bad}"


def test_case_cards_name_their_guide_place_and_chapters():
    for c in _load("casussen.yaml")["casussen"]:
        assert c.get("bron") in GUIDE_KEYS and c.get("bron_plek"), f"{c['id']}: guide and place of the situation"
        assert c.get("hoofdstukken"), f"{c['id']}: no chapter to read the guide's account in"


def test_every_intervention_says_where_its_pairing_comes_from():
    # The barrier table is rendered inside the chapter on barriers, so its rows are the
    # chapter passage; each says whether the guide or the book pairs it, and where in the guide.
    bel = _load("belemmeringen.yaml")
    bad = []
    for b in bel["barriers"]:
        for i in b.get("interventions", []):
            origin = i.get("origin") or {}
            if origin.get("by") not in {"gids", "boek"}:
                bad.append(f"{b['id']}: {i['short']}: origin must be 'gids' or 'boek'")
            if origin.get("key") and not origin.get("plek"):
                bad.append(f"{b['id']}: {i['short']}: origin names a guide but no place in it")
    assert not bad, "\n".join(bad)


def test_work_forms_say_where_in_the_toolkit():
    for w in _load("werkvormen.yaml")["werkvormen"]:
        assert w.get("plek"), f"{w['id']}: the toolkit's account has no place"


def test_statements_from_the_toolkit_say_where_and_own_statements_say_so():
    for s in _load("stellingen.yaml")["stellingen"]:
        herkomst = s.get("herkomst")
        assert herkomst in {"toolkit", "boek"}, f"{s['id']}: herkomst must be toolkit or boek"
        if herkomst == "toolkit":
            assert s.get("bron"), f"{s['id']}: a toolkit statement names its place"


@pytest.mark.parametrize("page", ["index.md", "checklist-klantmanagers.md", "veiligheid.md"])
def test_trainer_pages_label_what_no_guide_gives(page):
    # The trainer pages mix the guides' advice with the book's own; each says which is which.
    text = (ROOT / "book" / "voor-trainers" / page).read_text(encoding="utf-8")
    assert OWN_LABEL.search(text), f"{page}: no own-work label"
