"""The toolbox catalogue data (data/tools.csv, data/tool_questions.yaml), its loader and
the catalogue template.

The schema tests read the CSV with the plain ``csv`` module, independent of the loader,
so a bug in the loader cannot hide a bad row. The loader tests feed it broken files and
check that the error names the line, the tool id and the column.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import jinja2
import pytest
import yaml
from glossary_source import glossary_term_groups

from werkzorg.data import toolbox as tools
from werkzorg.paths import data_dir, repo_root

CSV_PATH = data_dir() / "tools.csv"
QUESTIONS_PATH = data_dir() / "tool_questions.yaml"
TEMPLATE = repo_root() / "book" / "_templates" / "catalogus.md.j2"

with CSV_PATH.open(encoding="utf-8", newline="") as _fh:
    ROWS = list(csv.DictReader(_fh))
QUESTIONS = yaml.safe_load(QUESTIONS_PATH.read_text(encoding="utf-8"))["questions"]
QUESTION_IDS = [q["id"] for q in QUESTIONS]

REQUIRED = ["id", "name", "organisations", "form", "form_text", "cost_text", "cost", "audience", "use_source",
            "questions", "kind", "description", "use_by_organisation", "source"]
TEXT_FIELDS = ["name", "organisations", "form_text", "cost_text", "description", "use_by_organisation"]


# --- the data as it is -------------------------------------------------------------------

def test_the_file_is_utf8_with_the_documented_header():
    raw = CSV_PATH.read_bytes()
    raw.decode("utf-8")  # raises if not UTF-8
    header = raw.decode("utf-8").splitlines()[0].split(",")
    documented = re.findall(r"^\| `([a-z_]+)` \|", (data_dir() / "tools.md").read_text(encoding="utf-8"), re.M)
    assert header == documented, "data/tools.md must document every column, in file order"


@pytest.mark.parametrize("column", REQUIRED)
def test_required_fields_are_filled(column):
    empty = [r["id"] or f"row {i}" for i, r in enumerate(ROWS, start=2) if not (r.get(column) or "").strip()]
    assert empty == [], f"empty '{column}' in {empty}"


def test_ids_are_unique_stable_slugs():
    ids = [r["id"] for r in ROWS]
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    assert [i for i in ids if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i)] == []


def test_every_question_id_comes_from_the_fixed_list():
    bad = [(r["id"], q) for r in ROWS for q in r["questions"].split(";") if q not in QUESTION_IDS]
    assert bad == []


def test_every_question_has_as_many_rows_as_entries_in_the_guide():
    """Completeness: guide_count is the number of entries the guide lists per question."""
    per_question = Counter(q for r in ROWS for q in r["questions"].split(";"))
    for q in QUESTIONS:
        assert per_question[q["id"]] == q["guide_count"], q["id"]
    assert sum(q["guide_count"] for q in QUESTIONS) == 86  # entries in the guide's contents
    assert len(ROWS) == 82  # four tools appear under two questions


def test_fixed_vocabularies():
    assert {r["form"] for r in ROWS} <= set(tools.FORMS)
    assert {r["cost"] for r in ROWS} <= {"gratis", "betaald", "op aanvraag", "onbekend"}
    assert {r["audience"] for r in ROWS} <= {"individu", "organisatie", "beide"}
    assert {r["kind"] for r in ROWS} <= {"tool", "methode", "praktijkvoorbeeld"}


def test_costs_parse_and_agree_with_the_normalised_cost():
    for r in ROWS:
        if r["cost_eur"]:
            amount = float(r["cost_eur"])  # raises if not a number
            assert amount > 0, r["id"]
            assert r["cost"] == "betaald", r["id"]
            # the amount is one the guide states, so it appears in the cost text
            shown = f"{amount:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".").removesuffix(",00")
            assert shown in r["cost_text"], (r["id"], shown, r["cost_text"])
        if r["cost"] == "gratis":
            assert not r["cost_eur"], r["id"]


def test_known_costs_from_the_guide():
    by_id = {r["id"]: r for r in ROWS}
    assert (by_id["ambitiespel"]["cost"], by_id["ambitiespel"]["cost_eur"]) == ("betaald", "29.95")
    assert (by_id["kix-works"]["cost"], by_id["kix-works"]["cost_eur"]) == ("betaald", "450")
    assert by_id["sterk-naar-werk"]["cost"] == "op aanvraag"
    assert by_id["pre-matching"]["cost"] == "onbekend"
    assert by_id["durven-doen-online"]["cost"] == "gratis"


def test_no_markup_or_line_breaks_in_text_that_is_rendered_raw():
    pattern = re.compile(r"<\s*/?\s*[a-zA-Z!]|&[#a-zA-Z0-9]+;|`|\{\{|\{%|javascript:", re.I)
    for r in ROWS:
        for field in TEXT_FIELDS:
            assert not pattern.search(r[field]), (r["id"], field, r[field])
            assert "\n" not in r[field] and "\r" not in r[field], (r["id"], field)


def test_practice_examples_are_the_guides_hoe_doen_anderen_het_entries():
    examples = {r["id"] for r in ROWS if r["kind"] == "praktijkvoorbeeld"}
    assert len(examples) == 12
    assert {"op-volle-kracht-vooruit", "mans-genoeg", "vadercafe", "sterk-onderhandelen"} <= examples


def test_audience_follows_the_part_of_the_guide():
    part = {q["id"]: q["part"] for q in QUESTIONS}
    for r in ROWS:
        parts = {part[q] for q in r["questions"].split(";")}
        expected = parts.pop() if len(parts) == 1 else "beide"
        assert r["audience"] == expected, r["id"]


def test_sources_cite_the_guide_with_a_page():
    assert all(re.fullmatch(r"movisie2021toolbox, p\. \d+(, \d+)*", r["source"]) for r in ROWS)


def test_loader_accepts_the_real_data():
    loaded = tools.load_tools()
    assert [t.id for t in loaded] == [r["id"] for r in ROWS]


def test_free_tools_to_involve_men_are_the_ones_the_guide_lists_without_a_price():
    found = {t.id for t in tools.tools_for(tools.load_tools(), question="org-mannen", cost="gratis")}
    # Not VDRS: its entry says "Gratis en op aanvraag" without saying which part is free.
    assert found == {
        "arbeid-en-zorg-emancipator", "en-de-vader-pharos", "handboek-trotsezonentrotsevaders",
        "menengage-nl", "mencare-nl", "platform-vaderschap-werk-en-zorg", "platform-vader-zoekt-verlof",
    }


def test_audience_filter_includes_tools_for_both():
    loaded = tools.load_tools()
    for_individuals = {t.id for t in tools.tools_for(loaded, audience="individu")}
    assert "aantafel" in for_individuals and "meldpunt-deuren-zijn-geopend" in for_individuals
    assert "lobbytraining" not in for_individuals


# --- broken input gives a clear error -----------------------------------------------------

def _write_copy(tmp_path: Path, edit) -> Path:
    rows = [dict(r) for r in ROWS]
    edit(rows)
    path = tmp_path / "tools.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(ROWS[0].keys()), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return path


@pytest.mark.parametrize(
    "row_index, column, value, message",
    [
        (4, "questions", "ind-balans;hoe-kook-ik", "'hoe-kook-ik' is not a question id"),
        (10, "description", "Goed <script>alert(1)</script>", "contains markup"),
        (11, "use_by_organisation", "Zie <a href='x'>hier</a>", "contains markup"),
        (20, "cost_eur", "€ 75", "is not an amount in euro"),
        (30, "cost", "duur", "'duur' is not one of"),
        (40, "name", "", "is empty but required"),
        (41, "audience", "iedereen", "'iedereen' is not one of"),
        (50, "form", "podcast", "'podcast' is not one of"),
        (60, "description", "Eerste regel.\nTweede regel.", "contains a line break"),
        (61, "related", "bestaat-niet", "unknown tool id 'bestaat-niet'"),
        (62, "source", "ergens", "must look like"),
    ],
)
def test_a_broken_row_is_named_by_line_id_and_column(tmp_path, row_index, column, value, message):
    def edit(rows):
        rows[row_index][column] = value

    path = _write_copy(tmp_path, edit)
    with pytest.raises(tools.ToolsError) as err:
        tools.load_tools(path)
    text = str(err.value)
    rid = ROWS[row_index]["id"]
    # the header is line 1, so the row with index i is on line i + 2 (no field has a line break)
    assert f"line {row_index + 2} (id '{rid}'), column '{column}'" in text
    assert message in text


def test_a_duplicate_id_names_both_lines(tmp_path):
    def edit(rows):
        rows[5]["id"] = rows[2]["id"]

    with pytest.raises(tools.ToolsError, match=r"line 7 \(id '.+'\), column 'id': duplicate of the id on line 4"):
        tools.load_tools(_write_copy(tmp_path, edit))


def test_every_problem_is_reported_at_once(tmp_path):
    def edit(rows):
        rows[1]["cost"] = "x"
        rows[70]["kind"] = "y"

    with pytest.raises(tools.ToolsError) as err:
        tools.load_tools(_write_copy(tmp_path, edit))
    assert "2 problem(s)" in str(err.value)
    assert "line 3" in str(err.value) and "line 72" in str(err.value)


def test_a_row_with_too_many_fields_is_named(tmp_path):
    path = tmp_path / "tools.csv"
    lines = CSV_PATH.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3] + ",surplus"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(tools.ToolsError, match=r"line 4 \(id '.+'\), column '-': has 1 field\(s\) more"):
        tools.load_tools(path)


def test_a_missing_column_is_named(tmp_path):
    path = tmp_path / "tools.csv"
    text = CSV_PATH.read_text(encoding="utf-8").replace(",kind,", ",soort,", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(tools.ToolsError, match=r"missing column\(s\) \['kind'\]"):
        tools.load_tools(path)


def test_a_bad_question_list_is_named(tmp_path):
    data = yaml.safe_load(QUESTIONS_PATH.read_text(encoding="utf-8"))
    data["questions"][3]["text"] = "<b>Vet</b>"
    del data["questions"][5]["guide_count"]
    path = tmp_path / "tool_questions.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(tools.ToolsError) as err:
        tools.load_questions(path)
    assert "question 4 (ind-gesprek): field 'text' contains markup" in str(err.value)
    assert "question 6 (org-werk): missing guide_count" in str(err.value)


# --- the template escapes data and gives every tool one anchor ---------------------------

def _render(data, **options) -> str:
    # The same Jinja settings as werkzorg.sphinxext.render_data.RenderData.
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATE.parent)), undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
    )
    return env.get_template(TEMPLATE.name).render(data=data, claims={}, options=options)


def test_the_template_escapes_data_text():
    evil = dict(ROWS[0])
    evil.update(name='Test "quote" <b>', description="<script>alert('x')</script>",
                organisations="A & B;<i>C</i>", cost_text="<img src=x onerror=alert(1)>")
    html = _render([evil], part="cards", question=evil["questions"].split(";")[0])
    assert "<script" not in html and "<img" not in html and "<i>" not in html
    assert "&lt;script&gt;" in html and "A &amp; B" in html and "&#34;quote&#34;" in html


def test_every_tool_gets_exactly_one_anchor_and_a_card_per_question():
    html = "".join(_render(ROWS, part="cards", question=q) for q in QUESTION_IDS)
    anchors = re.findall(r'<article[^>]* id="tool-([a-z0-9-]+)"', html)
    assert sorted(anchors) == sorted(r["id"] for r in ROWS)
    cards = re.findall(r'<article class="tool-card', html)
    assert len(cards) == sum(len(r["questions"].split(";")) for r in ROWS)


def test_the_filter_part_counts_all_tools_and_offers_only_used_forms():
    html = _render(ROWS, part="filters")
    assert f"{len(ROWS)} van {len(ROWS)} tools" in html
    offered = set(re.findall(r'<option value="([a-z-]+)">', html))
    assert offered == {r["form"] for r in ROWS}
    assert 'aria-live="polite"' in html


# --- target groups and synonyms (issue 23) -----------------------------------------------

def test_every_target_group_tag_is_named_in_the_tools_own_text():
    from werkzorg.data.toolbox import load_target_groups, normalise_word
    words = {g.id: [normalise_word(w) for w in g.words] for g in load_target_groups()}
    for r in ROWS:
        own = normalise_word(" ".join(r[c] for c in TEXT_FIELDS))
        for g in filter(None, r["target_groups"].split(";")):
            assert any(w in own for w in words[g]), f"{r['id']} is tagged '{g}' but its text names none of {words[g]}"


def test_every_target_group_has_tools_and_tools_name_their_groups():
    from werkzorg.data.toolbox import load_target_groups
    groups = load_target_groups()
    assert len(groups) >= 8
    for g in groups:
        tagged = [r["id"] for r in ROWS if g.id in r["target_groups"].split(";")]
        assert tagged, f"target group '{g.id}' has no tools: the filter would offer an empty choice"


def test_use_source_says_whether_the_guide_gives_the_advice():
    assert {r["use_source"] for r in ROWS} == {"gids", "boek"}
    # The guide's part for individuals gives no per-tool advice to organisations.
    individual = [r for r in ROWS if r["audience"] == "individu"]
    assert individual and all(r["use_source"] == "boek" for r in individual)


def test_the_glossary_synonyms_join_the_one_list_without_merging_two_target_groups():
    from werkzorg.data.toolbox import load_target_groups, normalise_word, synonym_groups
    glossary = glossary_term_groups()
    assert any(len(g) > 1 for g in glossary), "the glossary parser found no term with several names"
    merged = synonym_groups(glossary)
    for g in load_target_groups():
        holding = [m for m in merged if normalise_word(g.words[0]) in m]
        assert len(holding) == 1
        others = [o for o in load_target_groups() if o.id != g.id and normalise_word(o.words[0]) in holding[0]]
        assert not others, f"a glossary entry joins target groups '{g.id}' and {[o.id for o in others]}"
    for names in glossary:
        if len(names) > 1:
            holding = [m for m in merged if normalise_word(names[0]) in m]
            assert holding and all(normalise_word(n) in holding[0] for n in names), names


def test_no_maintainer_provenance_or_tool_names_in_the_data():
    for r in ROWS:
        for col in TEXT_FIELDS + ["url_source", "url_text"]:
            assert "zoektool" not in r[col] and "search tool" not in r[col], (r["id"], col)
