"""The same audit.yaml finds each claim's cell in the shipped extract and in the full CBS table.

The full-table fixture for 80590NED is CBS's real metadata (DataProperties with topic groups,
Geslacht, Leeftijd, Perioden, TableInfos: cbsodataR output committed to timemod/cbsots, see
tests/fixtures/cbs/real/README.md) with its real data rows; two rows for 2024KW01, which that
download predates, were added by hand with the values the research read (see
tests/fixtures/cbs/fulltable/README.md).
"""

from __future__ import annotations

import pytest
from cbs_helpers import read_full_80590

from werkzorg import audit, cbs
from werkzorg.claims import load_claims


@pytest.fixture(scope="module")
def full_80590():
    return read_full_80590()


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


def _entries_with_topic():
    spec = audit.load_audit_spec()
    out = []
    for cid, entry in spec.items():
        for key, v in (entry.get("values") or {}).items():
            if isinstance(v, dict) and v.get("topic"):
                out.append((cid, key, v, entry.get("period")))
    return out


def test_some_audit_entries_name_cbs_topics():
    assert {(c, k) for c, k, _, _ in _entries_with_topic()} >= {("arbeidsparticipatie-2025", "vrouwen"),
                                                                ("arbeidsparticipatie-2025", "mannen")}


@pytest.mark.parametrize("cid, key, spec, period", _entries_with_topic())
def test_audit_entry_finds_its_cell_in_extract_and_full_table(cid, key, spec, period, full_80590):
    fulltables = {"80590NED": full_80590}
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


def test_a_key_from_another_edition_alone_finds_the_topics_with_that_name(full_80590):
    # Without title and group, a renumbered key still names its topic; in 80590NED seven topic groups
    # each have a NietSeizoengecorrigeerd_<n> (DataProperties), and none of the Seizoengecorrigeerd_<n>.
    rows = full_80590[cbs.topic_mask(full_80590, {"key": "NietSeizoengecorrigeerd_99"})]
    assert rows["measure"].nunique() == 7
    assert set(rows["measure_label"]) == {"Niet-seizoengecorrigeerd"}
