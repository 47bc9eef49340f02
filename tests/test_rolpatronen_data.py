"""Trainer material of "Rolpatronen doorbreken met mannen" (guide 003) as data.

Checks data/methoden.yaml, data/werkvormen.yaml and data/stellingen.yaml: every method and
work form of the toolkit is there in one complete shape, statements have a known theme and
point at work forms and methods that exist, and the templates turn the data into the pages
a trainer uses (a method page, the comparison table, cards on A4 sheets).
"""

from __future__ import annotations

import math
import re

import jinja2
import pytest
import yaml
from guides import SKIP_REASON, guide_file

from werkzorg.paths import data_dir, repo_root

TEMPLATES = repo_root() / "book" / "_templates"
#: The toolkit's text (guide 003), found as the copy check finds it (tests/guides.py); None without it.
SEED_003 = guide_file("003_38507eebc7ed45db.txt")

#: The four methods and four work forms of the toolkit (issue 5).
METHODS = {"huiskamergesprekken", "gelijke-kansen", "dialoog-mannen", "dialoog-mannen-vrouwen"}
WORK_FORMS = {"werken-met-stellingen", "huis-van-vroeger-huis-van-nu", "check-in-met-de-bal", "dialoogafspraken"}
#: Statement themes: the toolkit's examples plus the other parts of the book.
THEMES = {"rolpatronen", "mannelijkheid", "geld", "zorg", "werk", "cultuur", "toekomst", "eigen-keuzes"}
#: The five themes of the workshop series Gelijke Kansen, as the toolkit lists them.
GELIJKE_KANSEN_THEMES = [
    "Rolverdeling in het gezin",
    "Durven, dromen, doen",
    "Belangrijke voorzieningen en regelingen",
    "De vrouwenorganisatie in het stadsdeel",
    "In gesprek met professionals",
]

METHOD_TEXT_FIELDS = ("naam", "kortenaam", "kort", "ontwikkeld_door", "over_ontwikkelaar", "doelgroep",
                      "doel", "sessies", "setting", "taal", "website")
METHOD_LIST_FIELDS = ("rollen", "stappen", "werkzame_elementen", "valkuilen", "partners")
COMPARISON_FIELDS = ("voor_wie", "bijeenkomsten", "begeleiding", "taal", "vrouwen", "valkuil")
WORK_FORM_TEXT_FIELDS = ("naam", "kort", "doel", "uit_toolkit", "groepsgrootte", "duur")
WORK_FORM_LIST_FIELDS = ("materialen", "voorbereiding", "stappen", "tips", "valkuilen", "gebruikt_in")


def _load(name: str):
    return yaml.safe_load((data_dir() / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def methoden():
    return _load("methoden.yaml")


@pytest.fixture(scope="module")
def werkvormen():
    return _load("werkvormen.yaml")


@pytest.fixture(scope="module")
def stellingen():
    return _load("stellingen.yaml")


def _render(template: str, data, **options) -> str:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template(template).render(data=data, claims={}, options=options)


# --- methods -------------------------------------------------------------------------


def test_the_four_methods_are_there_once_numbered_1_to_4(methoden):
    ids = [m["id"] for m in methoden["methoden"]]
    assert sorted(ids) == sorted(METHODS), ids
    assert sorted(m["nummer"] for m in methoden["methoden"]) == [1, 2, 3, 4]


@pytest.mark.parametrize("field", METHOD_TEXT_FIELDS + METHOD_LIST_FIELDS)
def test_every_method_fills_every_field(methoden, field):
    empty = [m["id"] for m in methoden["methoden"] if not m.get(field)]
    assert not empty, f"data/methoden.yaml: field '{field}' missing or empty in {empty}"


def test_every_method_has_all_comparison_cells(methoden):
    for m in methoden["methoden"]:
        missing = [f for f in COMPARISON_FIELDS if not (m.get("vergelijking") or {}).get(f)]
        assert not missing, f"data/methoden.yaml, {m['id']}: vergelijking lacks {missing}"


def test_roles_steps_and_partners_are_complete_records(methoden):
    for m in methoden["methoden"]:
        for r in m["rollen"]:
            assert r.get("rol") and r.get("taak"), f"{m['id']}: incomplete role {r}"
        for s in m["stappen"]:
            assert s.get("titel") and s.get("tekst"), f"{m['id']}: incomplete step {s}"
        for p in m["partners"]:
            assert p.get("naam"), f"{m['id']}: partner without a name {p}"


def test_session_numbers_match_the_toolkit(methoden):
    by_id = {m["id"]: m for m in methoden["methoden"]}
    assert by_id["gelijke-kansen"]["sessies_aantal"] == 5
    assert by_id["gelijke-kansen"]["sessies_duur"] == "2 uur"
    assert by_id["dialoog-mannen"]["sessies_aantal"] == 6
    assert by_id["dialoog-mannen-vrouwen"]["sessies_aantal"] == 6
    for m in methoden["methoden"]:
        n = m["sessies_aantal"]
        assert n is None or (isinstance(n, int) and n > 0), f"{m['id']}: sessies_aantal {n!r}"


def test_gelijke_kansen_has_its_five_themes_in_order(methoden):
    by_id = {m["id"]: m for m in methoden["methoden"]}
    assert by_id["gelijke-kansen"]["themas"] == GELIJKE_KANSEN_THEMES


def test_dialogue_sessions_name_interpreters_and_a_male_trainer(methoden):
    by_id = {m["id"]: m for m in methoden["methoden"]}
    for mid in ("dialoog-mannen", "dialoog-mannen-vrouwen"):
        roles = " ".join(r["rol"] for r in by_id[mid]["rollen"]).lower()
        assert "tolk" in roles, f"{mid}: interpreters missing from the roles"
        assert "minstens één man" in by_id[mid]["vergelijking"]["begeleiding"]


def test_methods_point_at_existing_work_forms(methoden, werkvormen):
    known = {w["id"] for w in werkvormen["werkvormen"]}
    for m in methoden["methoden"]:
        unknown = set(m["werkvormen"]) - known
        assert not unknown, f"data/methoden.yaml, {m['id']}: unknown work form(s) {unknown}"


# --- work forms ----------------------------------------------------------------------


def test_the_four_work_forms_are_there_once(werkvormen):
    ids = [w["id"] for w in werkvormen["werkvormen"]]
    assert sorted(ids) == sorted(WORK_FORMS), ids


@pytest.mark.parametrize("field", WORK_FORM_TEXT_FIELDS + WORK_FORM_LIST_FIELDS)
def test_every_work_form_is_a_complete_recipe(werkvormen, field):
    empty = [w["id"] for w in werkvormen["werkvormen"] if not w.get(field)]
    assert not empty, f"data/werkvormen.yaml: field '{field}' missing or empty in {empty}"


def test_work_forms_are_used_by_existing_methods(werkvormen):
    for w in werkvormen["werkvormen"]:
        unknown = set(w["gebruikt_in"]) - METHODS
        assert not unknown, f"data/werkvormen.yaml, {w['id']}: unknown method(s) {unknown}"


def test_huis_van_vroeger_has_questions_for_the_worksheet(werkvormen):
    huis = next(w for w in werkvormen["werkvormen"] if w["id"] == "huis-van-vroeger-huis-van-nu")
    assert len(huis["vragen"]) >= 6
    assert all(q.rstrip().endswith("?") for q in huis["vragen"])


def test_dialogue_agreements_include_confidentiality(werkvormen):
    afspraken = next(w for w in werkvormen["werkvormen"] if w["id"] == "dialoogafspraken")
    assert any("gezegd wordt, blijft hier" in a for a in afspraken["voorbeeldafspraken"])


# --- statements ----------------------------------------------------------------------


def test_there_are_at_least_30_statements_with_unique_ids(stellingen):
    ids = [s["id"] for s in stellingen["stellingen"]]
    assert len(ids) >= 30
    dupes = {i for i in ids if ids.count(i) > 1}
    assert not dupes, f"data/stellingen.yaml: duplicate id(s) {dupes}"
    bad = [i for i in ids if not re.fullmatch(r"s\d{2}", i)]
    assert not bad, f"data/stellingen.yaml: ids not of the form s00: {bad}"


def test_theme_list_is_the_fixed_one(stellingen):
    assert {t["id"] for t in stellingen["themas"]} == THEMES
    assert all(t.get("naam") for t in stellingen["themas"])


def test_every_statement_is_complete_and_points_at_known_things(stellingen):
    for s in stellingen["stellingen"]:
        where = f"data/stellingen.yaml, {s.get('id')}"
        for field in ("tekst", "doorvraag", "thema", "werkvorm"):
            assert s.get(field), f"{where}: field '{field}' missing or empty"
        assert s["thema"] in THEMES, f"{where}: unknown theme '{s['thema']}'"
        assert s["werkvorm"] in WORK_FORMS, f"{where}: unknown work form '{s['werkvorm']}'"
        # A suggested method is optional (cards for women's groups have none).
        if "methode" in s:
            assert s["methode"] in METHODS, f"{where}: unknown method '{s['methode']}'"
        assert len(s["tekst"]) <= 110, f"{where}: statement too long for a card ({len(s['tekst'])} chars)"


def test_every_theme_has_several_statements(stellingen):
    for theme in THEMES:
        n = sum(1 for s in stellingen["stellingen"] if s["thema"] == theme)
        assert n >= 3, f"theme '{theme}' has only {n} statement(s)"


def _normalise(text: str) -> str:
    return " ".join(re.findall(r"[a-zà-ÿ]+", text.lower()))


@pytest.mark.skipif(SEED_003 is None, reason=SKIP_REASON)
def test_no_statement_is_taken_from_the_toolkit(stellingen):
    guide = _normalise(SEED_003.read_text(encoding="utf-8"))
    copied = [s["id"] for s in stellingen["stellingen"] if _normalise(s["tekst"]) in guide]
    assert not copied, f"statements copied from the toolkit: {copied}"


# --- templates on the data -----------------------------------------------------------


def test_each_method_page_renders_with_its_steps(methoden):
    for m in methoden["methoden"]:
        text = _render("methoden.md.j2", methoden, part="method", id=m["id"])
        for step in m["stappen"]:
            assert step["titel"] in text


def test_comparison_table_has_a_column_per_method(methoden):
    text = _render("methoden.md.j2", methoden, part="table")
    assert "{list-table}" in text
    for m in methoden["methoden"]:
        assert f"<methode-{m['id']}>" in text


def test_cards_come_in_sheets_of_eight(stellingen):
    html = _render("stellingen.md.j2", stellingen, part="kaarten", per_vel="8")
    n = len(stellingen["stellingen"])
    assert html.count('class="wz-kaart ') == n
    assert html.count('class="wz-kaartenvel"') == math.ceil(n / 8)


def test_statement_list_groups_every_statement_under_its_theme(stellingen):
    text = _render("stellingen.md.j2", stellingen, part="list")
    for s in stellingen["stellingen"]:
        assert s["tekst"] in text
    positions = [text.index(f"(stelling-thema-{t['id']})=") for t in stellingen["themas"]]
    assert positions == sorted(positions)


def test_an_unknown_part_fails_loudly(stellingen):
    with pytest.raises(jinja2.UndefinedError):
        _render("stellingen.md.j2", stellingen, part="nonsense")


def test_every_work_form_has_its_own_section_in_the_chapter(werkvormen):
    chapter = (repo_root() / "book" / "rolpatronen" / "werkvormen-dialoog.md").read_text(encoding="utf-8")
    for w in werkvormen["werkvormen"]:
        block = f"(werkvorm-{w['id']})=\n## {w['naam']}\n"
        assert block in chapter, f"werkvormen-dialoog.md lacks the section for '{w['id']}' headed '{w['naam']}'"
        assert f"part=recipe;id={w['id']}" in chapter


def test_each_recipe_renders_its_steps(werkvormen):
    for w in werkvormen["werkvormen"]:
        text = _render("werkvormen.md.j2", werkvormen, part="recipe", id=w["id"])
        for step in w["stappen"]:
            assert step in text


# --- origin of the statements, the toolkit's own examples (issue 15) -------------------


def _toolkit_examples() -> list[list[str]]:
    """The example statements the toolkit prints, read from guide 003 itself: one list per
    box "Voorbeelden van stellingen zijn:", one line per example, until the photo caption
    ("- Man" / "- Vrouw") or the next heading."""
    lines = SEED_003.read_text(encoding="utf-8").splitlines()
    boxes, current = [], None
    for line in lines:
        text = line.strip()
        if text.startswith("Voorbeelden van stellingen zijn"):
            current = []
            boxes.append(current)
            continue
        if current is None or not text:
            continue
        if text.startswith("- ") or text.isupper():
            current = None
            continue
        current.append(re.sub(r"^[«+•]\s*", "", text))
    return boxes


def test_every_statement_carries_its_origin(stellingen):
    for s in stellingen["stellingen"]:
        where = f"data/stellingen.yaml, {s['id']}"
        assert s.get("herkomst") in {"toolkit", "boek"}, f"{where}: herkomst must be 'toolkit' or 'boek'"
        if s["herkomst"] == "toolkit":
            assert isinstance(s.get("voorbeeld"), int), f"{where}: toolkit example without its number"
            assert s.get("bron", "").startswith("Methodiek "), f"{where}: toolkit example without its place"
        else:
            assert "voorbeeld" not in s and "bron" not in s, f"{where}: the book's own card claims a toolkit source"


@pytest.mark.skipif(SEED_003 is None, reason=SKIP_REASON)
def test_each_toolkit_example_is_retold_once_and_mapped_to_the_books_cards(stellingen, methoden):
    boxes = _toolkit_examples()
    assert [len(b) for b in boxes] == [5, 7], f"unexpected example boxes in guide 003: {boxes}"
    cards = {s["id"]: s for s in stellingen["stellingen"]}
    retold = [s for s in stellingen["stellingen"] if s["herkomst"] == "toolkit"]
    numbers = sorted(s["voorbeeld"] for s in retold)
    assert numbers == list(range(1, 13)), f"toolkit examples retold: {numbers}, expected 1 to 12 once each"
    # Examples 1-5 stand in the box of method 1, 6-12 in that of method 4 (the toolkit's order).
    by_number = {m["nummer"]: m for m in methoden["methoden"]}
    for s in retold:
        method = by_number[1] if s["voorbeeld"] <= len(boxes[0]) else by_number[4]
        assert s["bron"].startswith(f"Methodiek {method['nummer']}"), f"{s['id']}: wrong place {s['bron']}"
        assert s.get("methode") == method["id"], f"{s['id']}: belongs to method {method['id']}"
        assert s.get("kaarten"), f"{s['id']}: toolkit example not mapped to any card of the book"
        for k in s["kaarten"]:
            assert k in cards and cards[k]["herkomst"] == "boek", f"{s['id']}: maps to {k}, not a card of the book"


def test_statements_suggest_only_methods_that_use_statements(stellingen, methoden):
    """The toolkit uses statements only in some methods (e.g. not in the Trias Pedagogica series)."""
    uses = {m["id"] for m in methoden["methoden"] if "werken-met-stellingen" in (m.get("werkvormen") or [])}
    wrong = [s["id"] for s in stellingen["stellingen"] if s.get("methode") and s["methode"] not in uses]
    assert not wrong, f"statements linked to a method that uses no statements: {wrong}"


def test_cards_that_speak_for_women_are_reworded(stellingen):
    texts = " ".join(s["tekst"].lower() for s in stellingen["stellingen"])
    for phrase in ("leert een vrouw sneller nederlands", "laten haar ook haar eigen weg gaan",
                   "moet genoeg kunnen verdienen"):
        assert phrase not in texts, f"card still says '{phrase}'"


def test_womens_groups_have_cards_on_norms_guilt_and_ambition(stellingen):
    own = [s for s in stellingen["stellingen"] if s.get("groep") == "vrouwen"]
    assert len(own) >= 6, f"only {len(own)} cards for women's groups"
    text = " ".join(s["tekst"].lower() for s in own)
    for word in ("schuldig", "moeder", "willen"):
        assert word in text, f"no card for women's groups about '{word}'"


def test_later_cards_are_marked_on_the_card_and_in_the_list(stellingen):
    later = [s for s in stellingen["stellingen"] if s.get("later")]
    assert later, "no statement is marked for later sessions"
    html = _render("stellingen.md.j2", stellingen, part="kaarten", per_vel="8")
    listing = _render("stellingen.md.j2", stellingen, part="list")
    for s in later:
        card = html.split(f"Stelling {s['id']}")[1].split("</p>")[0]
        assert "Voor later" in card, f"card {s['id']} does not say it is for later sessions"
        item = listing.split(f"*({s['id']})*")[1].split("\n-")[0]
        assert "Voor later" in item, f"list entry {s['id']} does not say it is for later sessions"


def test_toolkit_table_lists_the_twelve_examples_in_order(stellingen):
    table = _render("stellingen.md.j2", stellingen, part="toolkit")
    rows = [r for r in table.splitlines() if re.match(r"\| \d+ \|", r)]
    assert [int(r.split("|")[1]) for r in rows] == list(range(1, 13))
