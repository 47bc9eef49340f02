"""The audit decides again when the data change: a claim whose own period arrives is decided from it,
and the sentences on the claims page that describe the state of the data follow the data."""

from __future__ import annotations

import pytest

from werkzorg.data import audit, cbs
from werkzorg.data.claims import load_claims
from werkzorg.paths import data_dir

CID = "arbeidsparticipatie-2025"   # the guide: 69% women, 77% men in 2025 (data/claims.yaml)


def _tables_with(rows: list[tuple[str, float]], drop_2024: bool = False) -> dict:
    """The shipped snapshots, with 80590NED given extra 15-75 cells (period, sex → value) by the test."""
    tables = cbs.load_all()
    df = tables["80590NED"]
    base = df[(df["measure"] == "NietSeizoengecorrigeerd_13") & (df["period"] == "2024KW01")
              & (df["Leeftijd_label"] == "15 tot 75 jaar")]
    assert set(base["Geslacht_label"]) >= {"Vrouwen", "Mannen"}
    new = []
    for period, sex, value in rows:
        r = base[base["Geslacht_label"] == sex].iloc[0].copy()
        p = cbs.parse_period(period)
        r["period"], r["period_label"], r["year"], r["quarter"], r["value"] = period, p.label, p.year, p.quarter, value
        new.append(r)
    import pandas as pd

    if drop_2024:
        df = df[df["period"] != "2024KW01"]
    if new:
        df = pd.concat([df[~((df["period"].isin([n["period"] for n in new]))
                             & df["measure"].eq("NietSeizoengecorrigeerd_13")
                             & df["Leeftijd_label"].eq("15 tot 75 jaar")
                             & df["Geslacht_label"].isin([n["Geslacht_label"] for n in new]))],
                        pd.DataFrame(new)], ignore_index=True)
    tables["80590NED"] = df
    return tables


def _run(tables):
    claims = load_claims()
    return audit.run_audit(claims, audit.load_audit_spec(), tables)[CID]


def test_without_its_period_the_claim_waits_and_says_why_from_the_data():
    r = _run(cbs.load_all())
    assert r.status == "niet te controleren" and not r.status_by_hand
    assert r.own_period_in_data is False
    # 2024KW01 in the extract: 68,9 and 77,1 (CBS news 2024/21), rounding to the guide's 69 and 77
    assert "2025 1e kwartaal zit nog niet in de meegeleverde gegevens" in r.explanation
    assert "68,9" in r.explanation and "77,1" in r.explanation and "dezelfde getallen als de gids" in r.explanation
    assert "beslist de audit zelf" in r.decided_by


def test_a_revision_changes_the_rounding_sentence():
    # a revised 2024KW01 (women 69,6: rounds to 70, not the guide's 69)
    r = _run(_tables_with([("2024KW01", "Vrouwen", 69.6)]))
    assert "69,6" in r.explanation and "niet de getallen van de gids" in r.explanation


@pytest.mark.parametrize("women, men, status", [(69.3, 77.2, "klopt"), (70.3, 77.6, "wijkt af")])
def test_when_the_period_arrives_the_audit_decides_from_it(women, men, status):
    # hand oracle: 69,3→69 and 77,2→77 equal the guide; 70,3 is 1,3 from 69 (tolerance 0,5)
    r = _run(_tables_with([("2025KW01", "Vrouwen", women), ("2025KW01", "Mannen", men)]))
    assert {k: (v.period, v.data) for k, v in r.values.items()} == {"vrouwen": ("2025KW01", women),
                                                                    "mannen": ("2025KW01", men)}
    assert r.status == status and r.own_period_in_data is True
    assert "zit nog niet" not in r.explanation
    assert r.decided_by == ""          # nothing left to decide it


def test_the_sentences_about_the_data_are_not_typed_in_the_audit_files():
    typed = (data_dir() / "audit.yaml").read_text(encoding="utf-8") + \
        (data_dir() / "audit_deciders.yaml").read_text(encoding="utf-8")
    for phrase in ("zit nog niet in de meegeleverde gegevens", "afgerond zijn dat", "dezelfde getallen als de gids",
                   "beslist de audit zelf", "de laatste periode"):
        assert phrase not in typed, phrase
    results = audit.run_audit()
    for cid, r in results.items():
        for sentence in r.generated:
            assert sentence not in typed, (cid, sentence)


def test_a_status_written_by_hand_is_marked_as_such():
    results = audit.run_audit()
    spec = audit.load_audit_spec()
    for cid, r in results.items():
        declared = "status" in spec[cid] and not spec[cid].get("fallback_period")
        assert r.status_by_hand == declared, cid


def test_the_terminal_audit_shows_the_headline_period_explanation_and_decider():
    from cli_helpers import run_cli

    rc, out, _ = run_cli("audit")
    assert rc == 0
    assert "cijfers uit de gidsen" in out.splitlines()[0] and "alleen geciteerd" in out.splitlines()[0]
    block = out.split("arbeidsparticipatie-2025:", 1)[1].split("\n\n", 1)[0]
    assert "periode: gids 2025; gegevens 2024 1e kwartaal" in block
    assert "uitleg: Het cijfer voor 2025 1e kwartaal zit nog niet" in block
    assert "wat het zou beslissen: Het eerste kwartaal van 2025 in CBS-tabel 80590NED" in block
    # a status typed in audit.yaml says so in the terminal too
    assert "deeltijd-2020: andere definitie (status met de hand vastgesteld)" in out
