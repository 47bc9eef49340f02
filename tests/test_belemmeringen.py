"""Barriers on four levels (data/belemmeringen.yaml) and its template.

What a reader or trainer would notice: a barrier without a level or without help,
a source that does not exist in the bibliography, a level that is missing, a guide
that is not represented, a cross-reference to a chapter that does not exist, or a
table that drops a barrier.
"""

from __future__ import annotations

import re

import jinja2
import pytest
import yaml

from werkzorg.paths import data_dir, repo_root

LEVEL_IDS = {"persoonlijk", "netwerk", "vraagzijde", "gemeente"}
GUIDES = {"verweyjonker2025klaar", "verweyjonker2024inspiratiegids"}
TEMPLATE = "belemmeringen.md.j2"


@pytest.fixture(scope="module")
def data() -> dict:
    return yaml.safe_load((data_dir() / "belemmeringen.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def bib_keys() -> set[str]:
    text = (repo_root() / "references.bib").read_text(encoding="utf-8")
    return set(re.findall(r"^@\w+\{([^,\s]+),", text, flags=re.M))


@pytest.fixture(scope="module")
def labels() -> set[str]:
    """Labels of pages that are in the table of contents (so a {ref} to them resolves)."""
    toc = (repo_root() / "_toc.yml").read_text(encoding="utf-8")
    files = re.findall(r"^\s*-?\s*file:\s*(\S+)", toc, flags=re.M)
    out = set()
    for f in files:
        page = repo_root() / f"{f}.md"
        if page.is_file():
            out |= set(re.findall(r"^\(([\w-]+)\)=\s*$", page.read_text(encoding="utf-8"), flags=re.M))
    return out


def render(data: dict, **options: str) -> str:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(repo_root() / "book" / "_templates")),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template(TEMPLATE).render(data=data, claims={}, options=options)


# ---------------------------------------------------------------- schema


def test_four_levels_in_order(data):
    levels = data["levels"]
    assert {lv["id"] for lv in levels} == LEVEL_IDS
    assert [lv["number"] for lv in levels] == [1, 2, 3, 4]
    for lv in levels:
        for field in ("name", "question", "description"):
            assert str(lv.get(field, "")).strip(), f"level {lv['id']}: '{field}' is empty"


def test_sources_exist_in_bibliography(data, bib_keys):
    assert set(data["sources"]) == GUIDES
    marks = [s["mark"] for s in data["sources"].values()]
    assert len(set(marks)) == len(marks), "two guides share the same mark in the compact table"
    assert set(data["sources"]) <= bib_keys


def test_every_barrier_is_complete(data, bib_keys):
    ids = [b["id"] for b in data["barriers"]]
    assert len(ids) == len(set(ids)), f"duplicate barrier ids: {sorted({i for i in ids if ids.count(i) > 1})}"
    for b in data["barriers"]:
        where = f"barrier '{b.get('id')}'"
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", b["id"]), f"{where}: id must be lower-case words joined by hyphens"
        assert b.get("level") in LEVEL_IDS, f"{where}: unknown level {b.get('level')!r}"
        assert str(b.get("short", "")).strip() and str(b.get("text", "")).strip(), f"{where}: short and text are required"
        assert b.get("interventions"), f"{where}: needs at least one intervention"
        for i in b["interventions"]:
            assert str(i.get("short", "")).strip() and str(i.get("text", "")).strip(), f"{where}: intervention without short/text"
            for key in i.get("based_on", []):
                assert key in bib_keys, f"{where}: intervention cites '{key}', not in references.bib"
        src = b.get("source") or {}
        assert src.get("key") in data["sources"], f"{where}: source {src.get('key')!r} is not one of the guides"
        assert src["key"] in bib_keys, f"{where}: source '{src['key']}' is not in references.bib"
        assert str(src.get("section", "")).strip(), f"{where}: source section is empty"
        for key in b.get("based_on", []):
            assert key in bib_keys, f"{where}: based_on '{key}' is not in references.bib"


def test_every_level_has_barriers_from_both_guides(data):
    for level in LEVEL_IDS:
        guides = {b["source"]["key"] for b in data["barriers"] if b["level"] == level}
        assert guides == GUIDES, f"level '{level}' has barriers from {sorted(guides)} only"


def test_opportunities_from_the_rotterdam_project(data, bib_keys):
    opps = data["opportunities"]
    assert len(opps) >= 3
    for o in opps:
        assert str(o.get("text", "")).strip() and str(o.get("use", "")).strip(), f"opportunity '{o['id']}' incomplete"
        assert o["source"]["key"] == "verweyjonker2025klaar"


def test_cross_references_point_to_existing_chapters(data, labels):
    wanted = {i["see"] for b in data["barriers"] for i in b["interventions"] if i.get("see")}
    missing = sorted(wanted - labels)
    assert not missing, f"interventions refer to labels that no page in _toc.yml defines: {missing}"


def test_reader_text_has_no_typed_statistics(data):
    """Statistics go through {claim}; the data shown to readers carries no digits."""
    strings = []
    for b in data["barriers"]:
        strings += [b["short"], b["text"], b.get("trainer_question", "")]
        strings += [i["short"] for i in b["interventions"]] + [i["text"] for i in b["interventions"]]
    for o in data["opportunities"]:
        strings += [o["short"], o["text"], o["use"]]
    with_digits = [s for s in strings if re.search(r"\d", s)]
    assert not with_digits, with_digits


# ---------------------------------------------------------------- template


def test_table_shows_every_barrier_and_intervention(data):
    out = render(data, part="table")
    assert out.count("```{list-table} Niveau") == 4
    for b in data["barriers"]:
        assert " ".join(b["text"].split()) in out, f"barrier '{b['id']}' missing from the table"
        for i in b["interventions"]:
            assert " ".join(i["text"].split()) in out


def test_table_for_one_level_shows_only_that_level(data):
    out = render(data, part="table", level="netwerk")
    assert out.count("```{list-table}") == 1
    for b in data["barriers"]:
        assert (b["text"] in out) == (b["level"] == "netwerk")


def test_compact_lists_each_barrier_once_with_its_guide_mark(data):
    out = render(data, part="compact")
    for b in data["barriers"]:
        mark = data["sources"][b["source"]["key"]]["mark"]
        assert out.count(f"- {b['short']} [{mark}]") == 1, b["id"]
    only_k = render(data, part="compact", source="verweyjonker2025klaar")
    assert "[I]" not in only_k, "source filter let another guide (or its legend) through"
    assert "[K] = " in only_k, "legend for the shown guide is missing"


def test_kansen_and_vragen_parts(data):
    kansen = render(data, part="kansen")
    for o in data["opportunities"]:
        assert o["short"] in kansen
    vragen = render(data, part="vragen")
    for b in data["barriers"]:
        if b.get("trainer_question"):
            assert " ".join(b["trainer_question"].split()) in vragen


def test_unknown_part_or_level_fails_loudly(data):
    with pytest.raises(jinja2.UndefinedError, match="unknown_part"):
        render(data, part="kaartjes")
    with pytest.raises(jinja2.UndefinedError, match="unknown_level"):
        render(data, part="table", level="buurt")


def test_chapter_renders_all_four_levels():
    chapter = (repo_root() / "book" / "belemmeringen" / "belemmeringen.md").read_text(encoding="utf-8")
    assert chapter.startswith("(belemmeringen)=")
    used = set(re.findall(r":arg: part=table;level=(\w+)", chapter))
    assert used == LEVEL_IDS
    assert ":arg: part=compact" in chapter and ":arg: part=kansen" in chapter
