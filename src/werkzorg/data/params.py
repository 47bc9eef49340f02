"""Tax and benefit parameters per year, loaded from ``data/params/<year>.yaml``.

Every parameter carries its value, unit, status and sources (see ``data/params/README.md``).
The loader validates the files and fails with a message that names the file, the parameter
and the field, so a typo in the data never turns into a silent wrong number.

Usage::

    from werkzorg.data.params import load_params, available_years
    p = load_params(2025)
    p["ahk_max"]            # 3068
    p.entry("ahk_max")      # the whole entry: label, value, unit, status, sources, note
    p.approximations()      # names of parameters whose status is "approximation"
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from werkzorg.paths import data_dir

from .yamlfile import load_yaml

#: Allowed values of the ``status`` field, from most to least certain.
STATUSES = ("official", "official_derived", "secondary", "derived", "approximation")

#: Dutch words for the statuses, shown to readers.
STATUS_LABELS_NL = {
    "official": "officieel",
    "official_derived": "officieel (via overgenomen tabel)",
    "secondary": "secundaire bron",
    "derived": "afgeleid",
    "approximation": "benadering",
}

REQUIRED_FIELDS = ("label", "value", "unit", "status", "sources")

#: Parameters the household model needs, with the kind of value each must hold.
REQUIRED_PARAMS: dict[str, str] = {
    "wml_hourly_jan": "number", "wml_hourly_jul": "number", "vakantiebijslag_rate": "fraction",
    "weeks_per_year": "number",
    "box1_brackets": "brackets",
    "ahk_max": "number", "ahk_phaseout_start": "number", "ahk_phaseout_rate": "fraction", "ahk_zero_from": "number",
    "ak_table": "ak_table",
    "iack_threshold": "number", "iack_rate": "fraction", "iack_max": "number", "iack_child_age_below": "number",
    "kot_max_rate": "care_types", "kot_max_hours_month": "number", "kot_table": "kot_table",
    "kgb_per_child": "number", "kgb_supplement_12_15": "number", "kgb_supplement_16_17": "number",
    "kgb_alo_kop": "number", "kgb_threshold_single": "number", "kgb_threshold_partner": "number",
    "kgb_phaseout_rate": "fraction",
    "zt_standaardpremie": "number", "zt_drempel": "number", "zt_norm_single": "fraction",
    "zt_norm_partner": "fraction", "zt_afbouw": "fraction", "zt_min_payout": "number",
    "bijstand_single_jan": "number", "bijstand_single_jul": "number",
    "bijstand_couple_jan": "number", "bijstand_couple_jul": "number",
    "ez_share": "fraction", "fo_share": "fraction",
    # huurtoeslag (both rules) and the bijstand earnings disregard
    "ht_rule": "number", "ht_kkg": "number", "ht_aft_small": "number", "ht_aft_large": "number",
    "ht_max_rent": "number", "ht_max_rent_young": "number", "ht_max_rent_excludes": "number", "ht_rate_b": "fraction", "ht_rate_c": "fraction",
    "ht_ijkpunt_single": "number", "ht_ijkpunt_multi": "number",
    "vl_n_rate": "fraction", "vl_n_max_jan": "number", "vl_n_max_jul": "number", "vl_n_months": "number",
    "vl_r_rate": "fraction", "vl_r_max_jan": "number", "vl_r_max_jul": "number", "vl_r_months": "number",
    "vl_min_age": "number", "rent_default": "number",
    "kd_base": "fraction", "kd_per_person": "fraction", "kd_min_age": "number", "bijstand_norm_min_age": "number",
}

#: Extra huurtoeslag parameters per rule (``ht_rule``): 2025 has an income-dependent basishuur
#: (quadratic normhuur), 2026 a fixed basishuur with a linear income phase-out.
HT_RULE_PARAMS: dict[int, dict[str, str]] = {
    2025: {"ht_min_normhuur_single": "number", "ht_min_normhuur_multi": "number",
           "ht_factor_a_single": "signed", "ht_factor_b_single": "signed",
           "ht_factor_a_multi": "signed", "ht_factor_b_multi": "signed", "ht_verlaging": "number"},
    2026: {"ht_basishuur_single": "number", "ht_basishuur_multi": "number",
           "ht_afbouw_single": "fraction", "ht_afbouw_multi": "fraction"},
}

#: Childcare types known to the model (keys of ``kot_max_rate``).
CARE_TYPES = ("dagopvang", "bso", "gastouder")


class ParamsError(ValueError):
    """A parameter file is missing, malformed or incomplete."""


def params_dir() -> Path:
    """Folder with the yearly parameter files."""
    return data_dir() / "params"


def available_years() -> list[int]:
    """Years for which a parameter file exists (``data/params/<year>.yaml``)."""
    return sorted(int(p.stem) for p in params_dir().glob("*.yaml") if re.fullmatch(r"\d{4}", p.stem))


@dataclass(frozen=True)
class Params:
    """The validated parameters of one year."""

    year: int
    entries: Mapping[str, Mapping[str, Any]]
    sources: Mapping[str, Mapping[str, Any]]
    path: Path = field(repr=False)

    def __getitem__(self, name: str) -> Any:
        return self.entry(name)["value"]

    def entry(self, name: str) -> Mapping[str, Any]:
        try:
            return self.entries[name]
        except KeyError:
            raise KeyError(f"{self.path.name}: no parameter {name!r}; known: {', '.join(sorted(self.entries))}") from None

    def __iter__(self) -> Iterator[str]:
        return iter(self.entries)

    def status(self, name: str) -> str:
        return self.entry(name)["status"]

    def approximations(self) -> list[str]:
        """Names of the parameters marked ``approximation`` (shown to readers as such)."""
        return [k for k, e in self.entries.items() if e["status"] == "approximation"]

    def source_refs(self, name: str) -> list[Mapping[str, Any]]:
        """The source records (title, url) cited by a parameter."""
        return [dict(self.sources[k], key=k) for k in self.entry(name)["sources"]]


def _fail(path: Path, where: str, msg: str) -> None:
    raise ParamsError(f"{path}: {where}: {msg}")


def _is_number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _check_value(path: Path, name: str, kind: str, value: Any) -> None:
    where = f"params.{name}.value"
    if kind == "number":
        if not _is_number(value) or value < 0:
            _fail(path, where, f"must be a number >= 0, got {value!r}")
    elif kind == "signed":
        if not _is_number(value):
            _fail(path, where, f"must be a number, got {value!r}")
    elif kind == "fraction":
        if not _is_number(value) or not 0 <= value <= 1:
            _fail(path, where, f"must be a fraction between 0 and 1, got {value!r}")
    elif kind == "brackets":
        if not isinstance(value, list) or not value:
            _fail(path, where, "must be a non-empty list of {upto, rate}")
        last = 0
        for i, row in enumerate(value):
            if not isinstance(row, dict) or set(row) != {"upto", "rate"}:
                _fail(path, f"{where}[{i}]", "must have exactly the keys upto, rate")
            if not _is_number(row["rate"]) or not 0 <= row["rate"] <= 1:
                _fail(path, f"{where}[{i}].rate", f"must be a fraction between 0 and 1, got {row['rate']!r}")
            up = row["upto"]
            if up is None:
                if i != len(value) - 1:
                    _fail(path, f"{where}[{i}].upto", "only the last bracket may be open (null)")
            elif not _is_number(up) or up <= last:
                _fail(path, f"{where}[{i}].upto", f"must be a number above {last}, got {up!r}")
            else:
                last = up
        if value[-1]["upto"] is not None:
            _fail(path, f"{where}[-1].upto", "the last bracket must be open (null)")
    elif kind == "ak_table":
        if not isinstance(value, list) or not value:
            _fail(path, where, "must be a non-empty list of {from, base, rate}")
        last = -1
        for i, row in enumerate(value):
            if not isinstance(row, dict) or set(row) != {"from", "base", "rate"}:
                _fail(path, f"{where}[{i}]", "must have exactly the keys from, base, rate")
            if not all(_is_number(row[k]) for k in row) or row["from"] <= last:
                _fail(path, f"{where}[{i}]", f"needs numbers and ascending 'from' values, got {row!r}")
            last = row["from"]
        if value[0]["from"] != 0:
            _fail(path, f"{where}[0].from", "the first segment must start at 0")
    elif kind == "care_types":
        if not isinstance(value, dict) or set(value) != set(CARE_TYPES):
            _fail(path, where, f"must map exactly {', '.join(CARE_TYPES)} to an hourly rate, got {value!r}")
        for k, v in value.items():
            if not _is_number(v) or v <= 0:
                _fail(path, f"{where}.{k}", f"must be a positive number, got {v!r}")
    elif kind == "kot_table":
        if not isinstance(value, list) or not value:
            _fail(path, where, "must be a non-empty list of [from, first, next, status]")
        last = -1
        for i, row in enumerate(value):
            ok = isinstance(row, list) and len(row) == 4 and _is_number(row[0]) and row[0] > last
            ok = ok and all(_is_number(x) and 0 <= x <= 1 for x in row[1:3]) and row[3] in STATUSES
            if not ok:
                _fail(path, f"{where}[{i}]", f"must be [from (ascending), first (0-1), next (0-1), status], got {row!r}")
            last = row[0]
        if value[0][0] != 0:
            _fail(path, f"{where}[0]", "the first row must start at income 0")


def _validate(path: Path, raw: Any, year: int) -> Params:
    if not isinstance(raw, dict):
        _fail(path, "top level", "must be a mapping with keys year, sources, params")
    for key in ("year", "sources", "params"):
        if key not in raw:
            _fail(path, "top level", f"missing key {key!r}")
    if raw["year"] != year:
        _fail(path, "year", f"says {raw['year']!r} but the file name says {year}")
    sources, entries = raw["sources"], raw["params"]
    if not isinstance(sources, dict) or not isinstance(entries, dict):
        _fail(path, "top level", "sources and params must be mappings")
    for key, src in sources.items():
        if not isinstance(src, dict) or "title" not in src or "url" not in src:
            _fail(path, f"sources.{key}", "needs a title and a url")
    for name, entry in entries.items():
        if not isinstance(entry, dict):
            _fail(path, f"params.{name}", "must be a mapping")
        for fld in REQUIRED_FIELDS:
            if fld not in entry:
                _fail(path, f"params.{name}", f"missing field {fld!r} (required: {', '.join(REQUIRED_FIELDS)})")
        if entry["status"] not in STATUSES:
            _fail(path, f"params.{name}.status", f"{entry['status']!r} is not one of {', '.join(STATUSES)}")
        if not isinstance(entry["sources"], list):
            _fail(path, f"params.{name}.sources", "must be a list of source keys")
        for s in entry["sources"]:
            if s not in sources:
                _fail(path, f"params.{name}.sources", f"unknown source key {s!r}; define it under 'sources:'")
        if not entry["sources"] and entry["status"] != "approximation":
            _fail(path, f"params.{name}.sources", "only an approximation may have no source")
        if entry["status"] == "approximation" and not entry.get("note"):
            _fail(path, f"params.{name}.note", "an approximation must explain itself in a note")
    for name, kind in REQUIRED_PARAMS.items():
        if name not in entries:
            _fail(path, "params", f"missing parameter {name!r} that the household model needs")
        _check_value(path, name, kind, entries[name]["value"])
    rule = entries["ht_rule"]["value"]
    if rule not in HT_RULE_PARAMS:
        _fail(path, "params.ht_rule.value", f"must be one of {', '.join(map(str, HT_RULE_PARAMS))}, got {rule!r}")
    for name, kind in HT_RULE_PARAMS[rule].items():
        if name not in entries:
            _fail(path, "params", f"missing parameter {name!r} that the huurtoeslag rule of {rule} needs")
        _check_value(path, name, kind, entries[name]["value"])
    return Params(year=year, entries=entries, sources=sources, path=path)


def load_params_file(path: Path, year: int) -> Params:
    """Load and validate one parameter file (used by tests on broken copies)."""
    with open(path, encoding="utf-8") as fh:
        raw = load_yaml(fh)
    return _validate(Path(path), raw, year)


@functools.cache
def load_params(year: int) -> Params:
    """Return the validated parameters for ``year``.

    Raises :class:`ParamsError` (a ``ValueError``) naming the allowed years when there is no file.
    """
    years = available_years()
    try:
        whole = not isinstance(year, (bool, str)) and int(year) == year
    except (TypeError, ValueError):
        whole = False
    if not whole:
        raise ParamsError(f"year: must be a whole year, one of {', '.join(map(str, years))}; got {year!r}")
    year = int(year)
    if year not in years:
        raise ParamsError(
            f"year: no parameters for {year}; allowed years: {', '.join(map(str, years))} "
            f"(files in {params_dir()})"
        )
    return load_params_file(params_dir() / f"{year}.yaml", year)
