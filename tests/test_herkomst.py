"""Where each barrier-intervention pairing comes from: the guide itself, or this book.

A reader of the barrier tables must be able to tell what a guide says from what this book
adds. Researched facts behind these checks (from reading the guides side by side):

- the Rotterdam guide (001) lists challenges on four levels but attaches no interventions
  to them; its advice and tips stand in separate sections, so any pairing of a 001
  challenge with an intervention is the book's;
- the Inspiratiegids (004, §3.2.2) gives interventions per *level*, so a pairing it makes
  is always with the level of the barrier.
"""

from __future__ import annotations

import re

import jinja2
import pytest
import yaml

from werkzorg.paths import data_dir, repo_root

ROTTERDAM = "verweyjonker2025klaar"
INSPIRATIEGIDS = "verweyjonker2024inspiratiegids"
LABELS = {"gids": "uit de gids", "koppeling": "koppeling van dit boek", "boek": "aanvulling van dit boek"}


@pytest.fixture(scope="module")
def data() -> dict:
    return yaml.safe_load((data_dir() / "belemmeringen.yaml").read_text(encoding="utf-8"))


def render(data: dict, **options: str) -> str:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(repo_root() / "book" / "_templates")),
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
    )
    return env.get_template("belemmeringen.md.j2").render(data=data, claims={}, options=options)


def pairings(data):
    for b in data["barriers"]:
        for i in b["interventions"]:
            yield b, i


def kind(i) -> str:
    o = i["origin"]
    if o["by"] == "gids":
        return "gids"
    return "koppeling" if o.get("key") else "boek"


def test_every_pairing_carries_an_origin(data):
    missing = [f"{b['id']}: {i['short']}" for b, i in pairings(data) if not isinstance(i.get("origin"), dict)]
    assert not missing, f"pairings without origin: {missing}"
    for b, i in pairings(data):
        o = i["origin"]
        assert o.get("by") in {"gids", "boek"}, f"{b['id']}: {i['short']}: origin.by must be gids or boek"
        if o["by"] == "gids":
            assert o.get("key") in data["sources"], f"{b['id']}: {i['short']}: origin names no known guide"
            assert str(o.get("section", "")).strip(), f"{b['id']}: {i['short']}: origin from a guide needs a section"
        elif o.get("key"):
            assert o["key"] in data["sources"], f"{b['id']}: {i['short']}: unknown guide {o['key']}"
            assert str(o.get("section", "")).strip(), f"{b['id']}: {i['short']}: name the section the advice comes from"


def test_an_origin_gids_names_a_guide_in_the_bibliography(data):
    bib = (repo_root() / "references.bib").read_text(encoding="utf-8")
    keys = set(re.findall(r"^@\w+\{([^,\s]+),", bib, flags=re.M))
    for _b, i in pairings(data):
        if i["origin"]["by"] == "gids":
            assert i["origin"]["key"] in keys


def test_no_pairing_is_credited_to_a_guide_that_makes_none(data):
    wrong = [f"{b['id']}: {i['short']}" for b, i in pairings(data)
             if b["source"]["key"] == ROTTERDAM and i["origin"]["by"] == "gids"]
    assert not wrong, f"001 attaches no interventions to its challenges, yet credited: {wrong}"


def test_inspiratiegids_pairings_are_with_the_barriers_level(data):
    numbers = {lv["id"]: lv["number"] for lv in data["levels"]}
    for b, i in pairings(data):
        o = i["origin"]
        if o["by"] == "gids" and o["key"] == INSPIRATIEGIDS:
            assert f"niveau {numbers[b['level']]}" in o["section"], (
                f"{b['id']}: {i['short']}: the Inspiratiegids gives interventions per level; "
                f"the section must be that of level {numbers[b['level']]}")


def test_table_shows_each_pairings_origin_next_to_it(data):
    out = " ".join(render(data, part="table").split())
    for b, i in pairings(data):
        text = " ".join(i["text"].split())
        at = out.index(text)
        # the label sits after the intervention, before the next bullet or cell
        tail = out[at + len(text): at + len(text) + 400].split(" - ")[0]
        want = LABELS[kind(i)]
        assert want in tail, f"{b['id']}: {i['short']}: label '{want}' not shown next to it"
        for other in set(LABELS.values()) - {want}:
            assert other not in tail, f"{b['id']}: {i['short']}: wrong label '{other}'"
    n = sum(1 for _ in pairings(data))
    assert sum(out.count(lbl) for lbl in LABELS.values()) == n


def test_chapter_does_not_credit_the_books_pairings_to_the_guides():
    text = " ".join((repo_root() / "book" / "belemmeringen" / "belemmeringen.md").read_text(encoding="utf-8").split())
    assert "interventies die de gidsen daarbij noemen" not in text
    assert "koppeling van dit boek" in text and "uit de gids" in text


# ---------------------------------------------------------------- chapters

OWN_PARTS = ("voor-trainers", "verkennen", "oefenen")


def _chapters():
    for page in sorted((repo_root() / "book").rglob("*.md")):
        if not any(part in page.parts for part in OWN_PARTS):
            yield page


def test_the_books_own_tips_are_labelled_as_such():
    """'Zo pak je het zelf aan' sections and 'Zo doe je het' tips are the book's own work."""
    found = 0
    for page in _chapters():
        text = page.read_text(encoding="utf-8")
        for m in re.finditer(r"^## Zo pak je het zelf aan\s*$", text, flags=re.M):
            found += 1
            assert "aanvulling van dit boek" in text[m.end(): m.end() + 300], f"{page.name}: unlabelled 'Zo pak je het zelf aan'"
        for m in re.finditer(r"^\*Zo doe je het[^*]*\*", text, flags=re.M):
            found += 1
            assert "aanvulling van dit boek" in m.group(0), f"{page.name}: unlabelled tip {m.group(0)!r}"
    assert found >= 10, "expected the method pages and the safe-dialogue chapter to have tips"


def test_a_box_from_practice_names_its_source():
    """A box titled 'Uit de praktijk', 'Uit de gids' or 'Uit de toolkit' retells a source and
    cites it; the book's own invented cases are titled 'Voorbeeld (aanvulling van dit boek)'."""
    for page in _chapters():
        text = page.read_text(encoding="utf-8")
        for m in re.finditer(r"^```\{admonition\} (Uit de (?:praktijk|gids|toolkit)[^\n]*)\n(.*?)^```", text, flags=re.M | re.S):
            assert "{cite" in m.group(2), f"{page.name}: box '{m.group(1)}' has no source; label it as the book's own"
