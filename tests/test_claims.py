"""The claims registry loader: validation errors say what and where; values render in Dutch."""

from __future__ import annotations

import pytest

from werkzorg.data.claims import ClaimsError, format_number, load_claims, resolve

GOOD = """\
claims:
  - id: a-claim
    statement: Iets
    values: {vrouwen: 77.1, mannen: 86.8}
    unit: "%"
    period: "2021"
    population: 15 tot 65 jaar
    guides: [verweyjonker2024inspiratiegids]
    guide_places:
      - {guide: verweyjonker2024inspiratiegids, place: "§ waarom gendersensitief"}
    authority: CBS
    cite: c
"""


def _write(tmp_path, text):
    p = tmp_path / "claims.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def test_values_render_with_decimal_comma(tmp_path):
    claims = load_claims(_write(tmp_path, GOOD))
    assert claims["a-claim"].render("vrouwen") == "77,1% (2021)"


@pytest.mark.parametrize(
    "value, text", [(69, "69"), (1463.95, "1.463,95"), (1300000, "1.300.000"), (1.6, "1,6"), (69.0, "69")]
)
def test_format_number_dutch(value, text):
    assert format_number(value) == text


@pytest.mark.parametrize(
    "change, needle",
    [
        (("unit: \"%\"", "unit: procent"), "unknown unit"),
        (("vrouwen: 77.1", "vrouwen: veel"), "not a number"),
        (("    cite: c\n", ""), "missing field(s) cite"),
        (("id: a-claim", "id: A Claim"), "lower-case"),
    ],
)
def test_bad_claims_name_the_file_the_claim_and_the_problem(tmp_path, change, needle):
    path = _write(tmp_path, GOOD.replace(*change))
    with pytest.raises(ClaimsError) as exc:
        load_claims(path)
    assert needle in str(exc.value)
    assert str(path) in str(exc.value)


def test_duplicate_ids_are_refused(tmp_path):
    body = GOOD.split("claims:\n", 1)[1]
    with pytest.raises(ClaimsError, match="duplicate id 'a-claim'"):
        load_claims(_write(tmp_path, "claims:\n" + body + body))


def test_unknown_references_suggest_close_ids(tmp_path):
    claims = load_claims(_write(tmp_path, GOOD))
    with pytest.raises(ClaimsError, match="unknown claim id 'a-clam'"):
        resolve(claims, "a-clam")
    with pytest.raises(ClaimsError, match="has no value 'kinderen'"):
        resolve(claims, "a-claim:kinderen")


def test_the_shipped_registry_loads():
    claims = load_claims()
    assert claims, "data/claims.yaml is empty"
