"""The yearly parameter files load, carry a source and status for every value, and bad files fail clearly."""

from __future__ import annotations

import copy

import pytest
import yaml

from werkzorg.data.params import (
    STATUSES,
    ParamsError,
    available_years,
    load_params,
    load_params_file,
    params_dir,
)


def test_years_2025_and_2026_are_available():
    assert {2025, 2026} <= set(available_years())


@pytest.mark.parametrize("year", [2025, 2026])
def test_every_parameter_has_status_and_resolvable_sources(year):
    p = load_params(year)
    for name in p:
        e = p.entry(name)
        assert e["status"] in STATUSES, name
        for ref in p.source_refs(name):
            assert ref["url"].startswith("http"), (name, ref)
        if e["status"] == "approximation":
            assert e.get("note"), f"{name} is an approximation without a note"


@pytest.mark.parametrize("year", [2025, 2026])
def test_kot_table_never_rises_with_income(year):
    rows = load_params(year)["kot_table"]
    firsts = [r[1] for r in rows]
    nexts = [r[2] for r in rows]
    assert firsts == sorted(firsts, reverse=True)
    assert nexts == sorted(nexts, reverse=True)
    # next children never get less than the first child (Besluit kinderopvangtoeslag, two tables)
    assert all(n >= f for f, n in zip(firsts, nexts))


def test_known_gaps_are_marked_as_approximations():
    # The research found no full KOT table for either year and no 2026 bijstand norm.
    assert "kot_table" in load_params(2025).approximations()
    assert {"kot_table", "bijstand_single_jan"} <= set(load_params(2026).approximations())


def test_unknown_year_names_the_allowed_years():
    with pytest.raises(ValueError, match=r"year: .*2024.*allowed years: 2025, 2026"):
        load_params(2024)


@pytest.mark.parametrize("bad", ["2025", 2025.5, None])
def test_year_must_be_a_whole_number(bad):
    with pytest.raises(ValueError, match="year"):
        load_params(bad)


def _broken_copy(tmp_path, mutate):
    raw = yaml.safe_load((params_dir() / "2025.yaml").read_text(encoding="utf-8"))
    raw = copy.deepcopy(raw)
    mutate(raw)
    path = tmp_path / "2025.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda r: r["params"]["ahk_max"].pop("status"), r"params\.ahk_max: missing field 'status'"),
        (lambda r: r["params"]["ahk_max"].pop("sources"), r"params\.ahk_max: missing field 'sources'"),
        (lambda r: r["params"].pop("iack_max"), r"missing parameter 'iack_max'"),
        (lambda r: r["params"]["ahk_max"].update(status="guess"), r"ahk_max\.status: 'guess' is not one of"),
        (lambda r: r["params"]["ahk_max"].update(sources=["nowhere"]), r"unknown source key 'nowhere'"),
        (lambda r: r["params"]["iack_rate"].update(value=11.45), r"iack_rate\.value: must be a fraction"),
        (lambda r: r["params"]["kot_table"]["value"].reverse(), r"kot_table\.value\[\d+\]"),
        (lambda r: r.update(year=2026), r"year: says 2026"),
    ],
)
def test_broken_file_names_file_parameter_and_field(tmp_path, mutate, message):
    path = _broken_copy(tmp_path, mutate)
    with pytest.raises(ParamsError, match=message) as info:
        load_params_file(path, 2025)
    assert str(path) in str(info.value)
