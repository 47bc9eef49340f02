"""The claims registry: every statistic the guides cite, loaded and validated from ``data/claims.yaml``.

A claim is one statistic as a guide cites it: its value(s), unit, period, population,
the guide(s) that cite it, where in each guide (``guide_places``) and the original source.
Chapters show claims through the ``{claim}`` role (see :mod:`werkzorg.sphinxext.roles_and_pages`), never as
typed digits.

Where a guide cites a figure is checked against that guide's list of places in
``data/gidsen/<key>.yaml`` (the same lists the build checks chapter citations against), so a
reviewer can put every figure beside the passage that cites it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .. import format_nl
from ..paths import data_dir
from .yamlfile import load_yaml

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

#: The anchor of a claim's entry on the claims page (``#claim-<id>``), for every link to it.
CLAIM_ANCHOR = "claim-"
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


#: A place that points at a guide as a whole; a figure always sits somewhere in particular.
WHOLE_GUIDE = "hele gids"


class ClaimsError(ValueError):
    """A problem in the claims registry or in a reference to it; the message says where."""


@dataclass(frozen=True)
class GuidePlace:
    """Where in a guide the guide cites a claim's figure: a place id of ``data/gidsen/<guide>.yaml``."""

    guide: str
    place: str


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
    #: Where each guide in ``guides`` cites the figure, in file order.
    guide_places: tuple[GuidePlace, ...] = ()

    def places_in(self, guide: str) -> list[str]:
        """The place ids where *guide* cites this figure (``["§ waarom gendersensitief"]``)."""
        return [gp.place for gp in self.guide_places if gp.guide == guide]

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


def _parse_claim(raw: Any, where: str, places: Mapping[str, Collection[str]]) -> Claim:
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
    guide_places = _parse_guide_places(raw.get("guide_places"), [str(g) for g in guides], places, f"{where} (cijfer {cid!r})")
    known = set(REQUIRED) | {"text", "note", "guide_year", "guide_places"}
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
        guide_places=guide_places,
    )


def _parse_guide_places(
    raw: Any, guides: list[str], places: Mapping[str, Collection[str]], where: str
) -> tuple[GuidePlace, ...]:
    """Check ``guide_places`` against ``guides`` and the guides' place lists; errors in Dutch.

    Every guide in ``guides`` must be one with a place list, and must have at least one place;
    every place must be in that guide's list (and not the whole guide).
    """
    known = ", ".join(sorted(places)) or "geen: de map data/gidsen is leeg of ontbreekt"
    for g in guides:
        if g not in places:
            raise ClaimsError(f"{where}: 'guides' noemt de gids '{g}', maar die gids heeft geen "
                              f"plaatsenlijst in data/gidsen/; bekende gidsen: {known}")
    if raw is None:
        raw = []
    if not isinstance(raw, list):
        raise ClaimsError(f"{where}: 'guide_places' moet een lijst zijn van "
                          "{guide: <gids>, place: <plaats>}")
    out: list[GuidePlace] = []
    for n, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or set(item) != {"guide", "place"}:
            raise ClaimsError(f"{where}: guide_places nr. {n} moet precies 'guide' en 'place' hebben, "
                              f"bijvoorbeeld {{guide: {guides[0]}, place: \"...\"}}; nu: {item!r}")
        guide, place = str(item["guide"]).strip(), str(item["place"]).strip()
        if guide not in places:
            raise ClaimsError(f"{where}: guide_places nr. {n} noemt de onbekende gids '{guide}' "
                              f"(plaats '{place}'); bekende gidsen: {known}")
        if guide not in guides:
            raise ClaimsError(f"{where}: guide_places nr. {n} noemt de gids '{guide}' (plaats '{place}'), "
                              f"maar die gids staat niet bij 'guides' ({', '.join(guides)})")
        if place == WHOLE_GUIDE:
            raise ClaimsError(f"{where}: guide_places nr. {n} noemt plaats '{place}' in '{guide}'; een cijfer "
                              "staat altijd ergens: noem de paragraaf, het thema of de pagina")
        if place not in places[guide]:
            close = difflib.get_close_matches(place, list(places[guide]), n=3)
            hint = f" Bedoel je: {', '.join(repr(c) for c in close)}?" if close else ""
            raise ClaimsError(f"{where}: plaats '{place}' staat niet in de plaatsenlijst van de gids "
                              f"'{guide}' (data/gidsen/{guide}.yaml).{hint}")
        gp = GuidePlace(guide, place)
        if gp in out:
            raise ClaimsError(f"{where}: guide_places noemt plaats '{place}' in '{guide}' twee keer")
        out.append(gp)
    for g in guides:
        if not any(gp.guide == g for gp in out):
            raise ClaimsError(f"{where}: de gids '{g}' citeert dit cijfer, maar 'guide_places' zegt niet waar; "
                              f"voeg toe: guide_places: [{{guide: {g}, place: \"...\"}}] met een plaats "
                              f"uit data/gidsen/{g}.yaml")
    return tuple(out)


def load_guide_places(folder: Path | str | None = None) -> dict[str, dict[str, str]]:
    """The places each guide has: ``{bib key: {place id: title}}`` from ``data/gidsen/*.yaml``,
    read by :func:`werkzorg.data.guides.load_gidsen` (the one reader, also used by the build)."""
    from .guides import GidsLocatieFout, load_gidsen

    folder = Path(folder) if folder is not None else data_dir() / "gidsen"
    try:
        return {key: dict(g.locaties) for key, g in load_gidsen(folder).items()}
    except GidsLocatieFout as exc:
        raise ClaimsError(f"{folder}: {exc}") from exc


def load_claims(
    path: Path | str | None = None, places: Mapping[str, Collection[str]] | Path | str | None = None
) -> dict[str, Claim]:
    """Load and validate the registry; return claims by id, in file order.

    *places* are the guides' place lists (``{bib key: place ids}``) or the folder holding them;
    default ``data/gidsen`` of this repository, also for a registry elsewhere (a test's copy).
    Raises :class:`ClaimsError` naming the file and the claim for any problem.
    """
    path = Path(path) if path is not None else data_dir() / "claims.yaml"
    if places is None or isinstance(places, (str, Path)):
        places = load_guide_places(places)
    try:
        raw = load_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ClaimsError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("claims"), list):
        raise ClaimsError(f"{path}: expected a top-level 'claims:' list")
    claims: dict[str, Claim] = {}
    for i, item in enumerate(raw["claims"], start=1):
        claim = _parse_claim(item, f"{path}, nr. {i}", places)
        if claim.id in claims:
            raise ClaimsError(f"{path}, nr. {i}: duplicate id '{claim.id}'")
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
