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


@pytest.mark.parametrize("module", PLANS, ids=lambda m: m["id"])
def test_every_referenced_chapter_exists(module):
    labels = _labels()
    refs = set(module["hoofdstukken"])
    for var in module["varianten"].values():
        for s in var["stappen"]:
            refs |= set(s.get("gebruikt") or [])
    missing = sorted(refs - labels)
    assert not missing, f"{module['id']} refers to unknown labels: {missing}"
