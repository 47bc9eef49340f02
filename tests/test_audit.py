"""The claims audit: every claim has a status, every recomputation reproduces the researched value."""

from __future__ import annotations

import math

import pytest

from werkzorg.data import audit, cbs
from werkzorg.data.claims import load_claims

CLAIMS = load_claims()
SPEC = audit.load_audit_spec()


def test_every_claim_has_an_audit_entry_and_none_is_dropped():
    missing = [c for c in CLAIMS if c not in SPEC]
    assert not missing, f"claims without an entry in data/audit.yaml: {missing}"
    assert audit.stale_entries(CLAIMS, SPEC) == []


@pytest.fixture(scope="module")
def results():
    return audit.run_audit(CLAIMS, SPEC)


def test_every_claim_has_a_known_status_and_method(results):
    assert set(results) == set(CLAIMS)
    for cid, r in results.items():
        assert r.status in audit.STATUSES, cid
        assert r.method in audit.METHODS, cid


@pytest.mark.parametrize("cid", [c for c, e in SPEC.items() if e.get("method") in ("computed", "looked up") and c in CLAIMS])
def test_recomputation_reproduces_the_researched_value(cid, results):
    r = results[cid]
    tol = max(0.05, SPEC[cid].get("expected_tolerance", 0.05))
    assert r.values, cid
    for key, v in r.values.items():
        assert v.data is not None, f"{cid}:{key} could not be recomputed: {v.error}"
        assert v.expected is not None, f"{cid}:{key} has no expected value in audit.yaml"
        assert abs(v.data - v.expected) <= tol, f"{cid}:{key}: recomputed {v.data}, research read {v.expected}"


@pytest.mark.parametrize("cid", [c for c, e in SPEC.items() if e.get("comparison", "same") == "same"
                                 and not e.get("fallback_period") and e.get("method") != "cited only" and c in CLAIMS])
def test_same_definition_claims_hold_within_their_tolerance(cid, results):
    r = results[cid]
    for key, v in r.values.items():
        assert abs(v.data - v.guide) <= r.tolerance + 1e-9, f"{cid}:{key}: guide {v.guide}, data {v.data}"
        assert r.status in ("klopt", "afgerond")


def test_every_mismatch_is_explained_in_dutch(results):
    for cid, r in results.items():
        if r.status != "klopt":
            assert len(r.explanation) > 40, cid
            words = set(r.explanation.lower().replace(";", " ").replace(",", " ").replace(".", " ").split())
            assert len(words & {"de", "het", "een", "van", "is", "geen", "niet", "daar"}) >= 2, cid


def test_statuses_for_the_known_cases(results):
    # figures read by hand from the research (summary.md), not by this code
    assert results["economische-zelfstandigheid-2019"].status == "klopt"
    assert results["financiele-onafhankelijkheid-2019"].status == "afgerond"  # 76.6 written as 76
    assert results["arbeidsparticipatie-2021"].status == "klopt"
    assert results["deeltijd-2020"].status == "andere definitie"
    assert results["drempel-financiele-onafhankelijkheid-2021"].status == "klopt"


def test_latest_value_is_newer_or_equal_to_the_checked_one(results):
    r = results["economische-zelfstandigheid-2019"]
    assert r.values["vrouwen"].latest_period == "2024JJ00" and r.values["vrouwen"].latest == 70


def test_compare_rules():
    assert audit.compare(64, 64.0, 0.5) == "klopt"
    assert audit.compare(81, 81.4, 0.5) == "klopt"
    assert audit.compare(76, 76.6, 1) == "afgerond"
    assert audit.compare(77.1, 77.3, 0.1) == "wijkt af"
    assert audit.compare(1464, 1463.95, 1) == "klopt"


def test_share_is_computed_from_counts_not_copied():
    ev = audit.Evaluator(cbs.load_all())
    spec = SPEC["deeltijd-2021"]["values"]["vrouwen"]
    assert math.isclose(ev.value(spec, "2021JJ00"), 100 * 2265 / 3376)


def test_missing_entry_is_an_error():
    spec = dict(SPEC)
    victim = next(iter(spec))
    del spec[victim]
    with pytest.raises(audit.AuditError, match=victim):
        audit.run_audit(CLAIMS, spec)


def test_unexplained_mismatch_is_an_error():
    spec = {k: dict(v) for k, v in SPEC.items()}
    spec["financiele-onafhankelijkheid-2019"]["explanation"] = ""
    with pytest.raises(audit.AuditError, match="explained"):
        audit.run_audit(CLAIMS, spec)


def test_a_lookup_that_no_longer_resolves_becomes_niet_te_controleren():
    tables = cbs.load_all()
    tables["84070NED"] = tables["84070NED"].iloc[0:0]
    r = audit.run_audit(CLAIMS, SPEC, tables)
    assert r["economische-zelfstandigheid-2019"].status == "niet te controleren"
