"""Every claim the data cannot check says which open table or publication would decide it."""

from __future__ import annotations

import re

import pytest
import yaml

from werkzorg.data import audit


def test_every_unchecked_claim_names_what_would_decide_it():
    results = audit.run_audit()
    unchecked = [r for r in results.values() if r.status == "niet te controleren"]
    assert unchecked
    for r in unchecked:
        assert len(r.decided_by.split()) >= 6, (r.claim_id, r.decided_by)
        # a deciding StatLine table is named in the text too, so the reader sees it
        if r.decider_table:
            assert re.fullmatch(r"\d{5}(NED|ned)", r.decider_table)
            assert r.decider_table in r.decided_by


def test_deciders_hold_no_values_only_sources():
    raw = yaml.safe_load(audit.deciders_path().read_text(encoding="utf-8"))["deciders"]
    for cid, e in raw.items():
        assert set(e) <= {"decided_by", "table", "open"}, cid


def test_a_missing_decider_is_an_error_that_names_the_claim(tmp_path):
    results = audit.run_audit()
    deciders = audit.load_deciders()
    victim = next(c for c, r in results.items() if r.status == "niet te controleren" and r.method == "cited only")
    del deciders[victim]
    with pytest.raises(audit.AuditError, match=victim):
        audit.attach_deciders(results, deciders)
    bad = tmp_path / "d.yaml"
    bad.write_text("deciders:\n  x: {table: 80590NED}\n", encoding="utf-8")
    with pytest.raises(audit.AuditError, match="decided_by"):
        audit.load_deciders(bad)
