"""The same audit.yaml finds each claim's cell in the shipped extract and in the full CBS table.

The full-table fixture for 80590NED is CBS's real metadata (DataProperties with topic groups,
Geslacht, Leeftijd, Perioden, TableInfos: cbsodataR output committed to timemod/cbsots, see
tests/fixtures/cbs/real/README.md) with its real data rows; two rows for 2024KW01, which that
download predates, were added by hand with the values the research read (see
tests/fixtures/cbs/fulltable/README.md).

The full-table fixture for 85264NED is CBS's real metadata file of that table (85264NED_metadata.csv,
edition of August 2022, committed to upieks/C3_PredictingSickLeave_JADS2022) with a data file in the
raw-download shape whose 36 rows were composed by hand from the values read on cbs.nl
(tests/fixtures/cbs/fulltable/85264NED_cbs_nl_mannen15-25.csv, with its source page): the repository
never committed the data file that belonged to it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from cbs_helpers import FULL, REAL, read_full_80590

from werkzorg.data import audit, cbs, series
from werkzorg.data.claims import load_claims


@pytest.fixture(scope="module")
def full_80590():
    return read_full_80590()


@pytest.fixture(scope="module")
def full_85264():
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        shutil.copy(REAL / "85264NED_metadata.csv", folder)
        data = folder / "85264NED_TypedDataSet_composed.csv"
        shutil.copy(FULL / data.name, data)
        yield cbs.read_file(data)


def test_full_table_has_cbs_keys_titles_and_groups(full_80590):
    df = full_80590
    assert set(df["table_id"]) == {"80590NED"}
    nsa = df[df["measure_label"] == "Niet-seizoengecorrigeerd"]
    assert nsa["measure_group"].nunique() == 7   # the same title under seven topic groups
    # data.csv (real) line: 288,"T001038","52052   ","2019JJ00",9540,,9117,,423,,4.4,,34..
    c = cbs.lookup(df, {"title": "Niet-seizoengecorrigeerd", "group": "Werkloosheidspercentage"}, "2019JJ00",
                   {"Geslacht": "Totaal", "Leeftijd": "15 tot 75 jaar"})
    assert c["value"] == 4.4 and c["unit"] == "%"


def test_a_title_without_its_group_is_ambiguous_in_the_full_table(full_80590):
    with pytest.raises(LookupError, match="7 cells match"):
        cbs.lookup(full_80590, {"title": "Niet-seizoengecorrigeerd"}, "2019JJ00", {"Geslacht": "Totaal"})


def test_a_renumbered_key_still_finds_its_topic(full_80590):
    # CBS renumbers topic keys between editions; the name before the number stays.
    c = cbs.lookup(full_80590, {"key": "NietSeizoengecorrigeerd_15", "title": "Niet-seizoengecorrigeerd",
                                "group": "Netto arbeidsparticipatie"}, "2022JJ00", {"Geslacht": "Totaal"})
    assert c["measure"] == "NietSeizoengecorrigeerd_13" and c["value"] == 72.2


#: Tables with a full-table fixture (real metadata).
FULL_TABLES = ("80590NED", "85264NED")


def _entries_with_topic():
    spec = audit.load_audit_spec()
    out = []
    for cid, entry in spec.items():
        for key, v in (entry.get("values") or {}).items():
            v = series.resolve_spec(v)
            if isinstance(v, dict) and v.get("topic") and v.get("table") in FULL_TABLES:
                out.append((cid, key, v, entry.get("period")))
    return out


def test_some_audit_entries_name_cbs_topics():
    assert {(c, k) for c, k, _, _ in _entries_with_topic()} >= {("arbeidsparticipatie-2025", "vrouwen"),
                                                                ("arbeidsparticipatie-2025", "mannen")}


@pytest.mark.parametrize("cid, key, spec, period", _entries_with_topic())
def test_audit_entry_finds_its_cell_in_extract_and_full_table(cid, key, spec, period, full_80590, full_85264):
    fulltables = {"80590NED": full_80590, "85264NED": full_85264}
    if spec["table"] not in fulltables:
        pytest.fail(f"no full-table fixture for {spec['table']} (add one to tests/fixtures/cbs/fulltable)")
    extract = cbs.load_all()
    claims = {cid: load_claims()[cid]}
    entry = audit.load_audit_spec()[cid]
    from_extract = audit.run_audit(claims, {cid: entry}, extract)[cid].values[key]
    from_full = audit.run_audit(claims, {cid: entry}, {**extract, spec["table"]: fulltables[spec["table"]]})[cid].values[key]
    assert from_extract.data == pytest.approx(spec["expected"])
    assert from_full.data == pytest.approx(spec["expected"])
    assert not from_full.error


def test_without_topic_the_full_table_would_lose_the_claim(full_80590):
    # What the analyst page used to warn about: the extract's own name is not in the CBS table.
    with pytest.raises(LookupError):
        cbs.lookup(full_80590, "NettoArbeidsparticipatieNSA", "2024KW01", {"Geslacht": "Vrouwen"})


# --------------------------------------------------------------------------- 85264NED

#: The 36 values read on cbs.nl (85264NED, Mannen 15 tot 25 jaar); provenance in fulltable/README.md.
RESEARCH_85264 = FULL / "85264NED_cbs_nl_mannen15-25.csv"


def test_85264_full_table_is_shaped_by_its_real_metadata(full_85264):
    df = full_85264
    assert df.attrs["title"] == "Arbeidsdeelname; kerncijfers"          # metadata line 3 (TableInfos)
    # metadata DataProperties line 244: "36";"27";;"Topic";"NettoArbeidsparticipatie_24";"Netto arbeidsparticipatie"
    # (no ParentID: no topic group), unit "%" (line 246); Geslacht line 250: "3000   ";"Mannen";
    # Leeftijd line 256: "53050";"15 tot 25 jaar"; HoogstBehaaldOnderwijsniveau line 286: "T001143";"Totaal"
    c = cbs.lookup(df, {"title": "Netto arbeidsparticipatie", "group": ""}, "2013KW01",
                   {"Geslacht": "Mannen", "Leeftijd": "15 tot 25 jaar"})
    assert c["measure"] == "NettoArbeidsparticipatie_24" and c["unit"] == "%"
    assert c["Geslacht"] == "3000" and c["Leeftijd"] == "53050" and c["HoogstBehaaldOnderwijsniveau"] == "T001143"
    assert c["period_label"] == "2013 1e kwartaal" and c["status"] == "definitief"   # Perioden line 289
    # 24 topics in the real DataProperties (IDs 4…36 minus the TopicGroups)
    assert df["measure"].nunique() == 24
    groups = dict(zip(df["measure"], df["measure_group"]))
    # line 124: "8";"6";"7";"Topic";"WerkzameBeroepsbevolking_3" under TopicGroup 7 (line 120) "Werkzame beroepsbevolking",
    # itself under TopicGroup 5 (line 108) "Beroepsbevolking"
    assert groups["WerkzameBeroepsbevolking_3"] == "Beroepsbevolking | Werkzame beroepsbevolking"


def test_85264_every_extract_cell_is_found_in_the_full_table(full_85264):
    import csv

    research = {r["period_code"]: float(r["value"]) for r in csv.DictReader(RESEARCH_85264.open(encoding="utf-8"))}
    extract = cbs.load_all()["85264NED"]
    assert len(extract) == len(research) == 36
    for _, row in extract.iterrows():
        where = {"Geslacht": row["Geslacht_label"], "Leeftijd": row["Leeftijd_label"],
                 "HoogstBehaaldOnderwijsniveau": row["HoogstBehaaldOnderwijsniveau_label"]}
        full = cbs.lookup(full_85264, {"title": row["measure_label"], "group": ""}, row["period"], where)
        assert full["value"] == row["value"] == research[row["period"]], row["period"]
        assert full["unit"] == row["unit"]


def test_85264_a_renumbered_key_still_finds_its_topic(full_85264):
    # a later edition may number the topic _25; the name before the number stays
    c = cbs.lookup(full_85264, {"key": "NettoArbeidsparticipatie_25", "title": "Netto arbeidsparticipatie"},
                   "2021KW04", {"Geslacht": "Mannen", "Leeftijd": "15 tot 25 jaar"})
    assert c["measure"] == "NettoArbeidsparticipatie_24" and c["value"] == 71.7   # research series, 2021KW04


def test_a_key_from_another_edition_alone_finds_the_topics_with_that_name(full_80590):
    # Without title and group, a renumbered key still names its topic; in 80590NED seven topic groups
    # each have a NietSeizoengecorrigeerd_<n> (DataProperties), and none of the Seizoengecorrigeerd_<n>.
    rows = full_80590[cbs.topic_mask(full_80590, {"key": "NietSeizoengecorrigeerd_99"})]
    assert rows["measure"].nunique() == 7
    assert set(rows["measure_label"]) == {"Niet-seizoengecorrigeerd"}
