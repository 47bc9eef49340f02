"""The claims registry: every statistic the guides cite, loaded and validated from ``data/claims.yaml``.

A claim is one statistic as a guide cites it: its value(s), unit, period, population,
the guide(s) that cite it and the original source. Chapters show claims through the
``{claim}`` role (see :mod:`werkzorg.sphinxext.roles_and_pages`), never as typed digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .. import format_nl
from ..paths import data_dir

#: Units a claim may have, with how a value is written in Dutch prose.
UNITS = {
    "%": "{v}%",
    "euro per maand": "€\u00a0{v} per maand",
    "euro": "€\u00a0{v}",
    "keer": "{v} keer",
    "personen": "{v}",
    "miljoen personen": "{v} miljoen",
    "aantal": "{v}",
}

REQUIRED = ("id", "statement", "values", "unit", "period", "population", "guides", "authority", "cite")
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class ClaimsError(ValueError):
    """A problem in the claims registry or in a reference to it; the message says where."""


@dataclass(frozen=True)
class Claim:
    """One cited statistic."""

    id: str
    statement: str
    values: dict[str, float]
    unit: str
    period: str
    population: str
    guides: tuple[str, ...]
    authority: str
    cite: str
    text: dict[str, str] = field(default_factory=dict)
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    #: False when the guide cites the figure without a year; ``period`` is then the year of
    #: the source, shown on the claims overview but not next to the figure in prose.
    guide_year: bool = True

    def value(self, key: str | None = None) -> float:
        """Return the value for ``key`` (a group such as ``vrouwen``), or the only value."""
        if key is None:
            if len(self.values) != 1:
                raise ClaimsError(
                    f"claim '{self.id}' has several values ({', '.join(self.values)}); "
                    f"name one, e.g. {self.id}:{next(iter(self.values))}"
                )
            return next(iter(self.values.values()))
        if key not in self.values:
            raise ClaimsError(
                f"claim '{self.id}' has no value '{key}'; it has: {', '.join(self.values)}"
            )
        return self.values[key]

    def render(self, key: str | None = None, with_period: bool | None = None) -> str:
        """Return the value(s) as Dutch prose, e.g. ``69% (2025)`` or ``vrouwen 69%, mannen 77% (2025)``.

        The period follows the value only when the guide itself gives it (``guide_year``),
        unless ``with_period`` says otherwise.
        """
        if with_period is None:
            with_period = self.guide_year
        if key is None and len(self.values) > 1:
            body = ", ".join(f"{k} {self._render_one(k)}" for k in self.values)
        else:
            k = key if key is not None else next(iter(self.values))
            self.value(k)  # validates the key
            body = self._render_one(k)
        return f"{body} ({self.period})" if with_period else body

    def _render_one(self, key: str) -> str:
        if key in self.text:
            return self.text[key]
        return UNITS[self.unit].format(v=format_number(self.values[key]))


def format_number(value: float) -> str:
    """Write a number the Dutch way: decimal comma, dot for thousands (``1.463,95``).

    Whole numbers print without decimals (CBS never writes "69,0%"); others keep the
    decimals they were recorded with.
    """
    return format_nl.as_recorded(value)


def _parse_claim(raw: Any, where: str) -> Claim:
    if not isinstance(raw, dict):
        raise ClaimsError(f"{where}: a claim must be a mapping, got {type(raw).__name__}")
    missing = [k for k in REQUIRED if raw.get(k) in (None, "", [], {})]
    if missing:
        raise ClaimsError(f"{where} (id {raw.get('id', '?')}): missing field(s) {', '.join(missing)}")
    cid = str(raw["id"])
    if not ID_PATTERN.match(cid):
        raise ClaimsError(f"{where}: id '{cid}' must be lower-case words joined by hyphens")
    values = raw["values"]
    if not isinstance(values, dict):
        values = {"waarde": values}
    clean: dict[str, float] = {}
    for k, v in values.items():
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise ClaimsError(f"{where} (id {cid}): value '{k}' is not a number: {v!r}")
        clean[str(k)] = v
    unit = str(raw["unit"])
    if unit not in UNITS:
        raise ClaimsError(f"{where} (id {cid}): unknown unit '{unit}'; use one of {', '.join(UNITS)}")
    guides = raw["guides"]
    if isinstance(guides, str):
        guides = [guides]
    text = raw.get("text") or {}
    for k in text:
        if k not in clean:
            raise ClaimsError(f"{where} (id {cid}): text given for unknown value '{k}'")
    guide_year = raw.get("guide_year", True)
    if not isinstance(guide_year, bool):
        raise ClaimsError(f"{where} (id {cid}): guide_year must be true or false, got {guide_year!r}")
    known = set(REQUIRED) | {"text", "note", "guide_year"}
    return Claim(
        id=cid,
        statement=str(raw["statement"]).strip(),
        values=clean,
        unit=unit,
        period=str(raw["period"]),
        population=str(raw["population"]).strip(),
        guides=tuple(str(g) for g in guides),
        authority=str(raw["authority"]).strip(),
        cite=str(raw["cite"]),
        text={str(k): str(v) for k, v in text.items()},
        note=str(raw.get("note") or "").strip(),
        extra={k: v for k, v in raw.items() if k not in known},
        guide_year=guide_year,
    )


def load_claims(path: Path | str | None = None) -> dict[str, Claim]:
    """Load and validate the registry; return claims by id, in file order.

    Raises :class:`ClaimsError` naming the file and the claim for any problem.
    """
    path = Path(path) if path is not None else data_dir() / "claims.yaml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ClaimsError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("claims"), list):
        raise ClaimsError(f"{path}: expected a top-level 'claims:' list")
    claims: dict[str, Claim] = {}
    for i, item in enumerate(raw["claims"], start=1):
        claim = _parse_claim(item, f"{path}, claim #{i}")
        if claim.id in claims:
            raise ClaimsError(f"{path}, claim #{i}: duplicate id '{claim.id}'")
        claims[claim.id] = claim
    return claims


def parse_reference(ref: str) -> tuple[str, str | None]:
    """Split a role target ``id`` or ``id:key`` into its parts."""
    cid, _, key = ref.strip().partition(":")
    return cid.strip(), (key.strip() or None)


def resolve(claims: dict[str, Claim], ref: str) -> tuple[Claim, str | None]:
    """Return the claim and value key for a role target, or raise :class:`ClaimsError`."""
    cid, key = parse_reference(ref)
    if cid not in claims:
        close = [c for c in claims if c.split("-")[0] == cid.split("-")[0]][:3]
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        raise ClaimsError(f"unknown claim id '{cid}'.{hint}")
    claim = claims[cid]
    if key is not None:
        claim.value(key)
    return claim, key
