"""The places in each of the five guides, as data: one file per guide in ``data/gidsen/<key>.yaml``
(ids and titles only, never the guide's text; data dictionary ``data/gidsen.md``).

This is the one reader of those files. The claims registry (:mod:`werkzorg.data.claims`) checks
each figure's ``guide_places`` against it, the build (:mod:`werkzorg.sphinxext.guide_locations`)
checks every citation of a guide against it, and ``tools/naast_elkaar.py`` lists book passages
beside the places they cite.

A citation of a guide carries a place as sphinxcontrib-bibtex post-text, written after the key::

    {cite:p}`verweyjonker2025klaar{thema 5}`          -> (De Gruijter e.a., 2025, thema 5)
    {cite:p}`samensterkmetwerk2025{methode 1; principes}`
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .yamlfile import load_yaml

#: Separator between several locations in one post-text: ``{thema 4; thema 5}``.
SEPARATOR = ";"


class GidsLocatieFout(ValueError):
    """A guide's location list is malformed."""


@dataclass(frozen=True)
class Gids:
    key: str
    naam: str
    bestand: str  # the guide's file prefix in the guides folder ("004")
    locaties: dict[str, str] = field(default_factory=dict)  # id -> title
    ankers: dict[str, str] = field(default_factory=dict)  # id -> text to find the spot in the guide


def load_gidsen(folder: Path) -> dict[str, Gids]:
    """Load every ``<key>.yaml`` in *folder*; a clear Dutch error names the file and the entry."""
    gidsen: dict[str, Gids] = {}
    for path in sorted(Path(folder).glob("*.yaml")):
        try:
            raw = load_yaml(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise GidsLocatieFout(f"{path.name}: geen geldige YAML ({exc})") from exc
        key = raw.get("key")
        if key != path.stem:
            raise GidsLocatieFout(f"{path.name}: 'key' moet gelijk zijn aan de bestandsnaam ({path.stem}), niet {key!r}")
        locaties: dict[str, str] = {}
        ankers: dict[str, str] = {}
        for n, item in enumerate(raw.get("locaties") or [], start=1):
            lid, titel = str(item.get("id", "")).strip(), str(item.get("titel", "")).strip()
            if not lid or not titel:
                raise GidsLocatieFout(f"{path.name}: locatie nr. {n} mist 'id' of 'titel'")
            if SEPARATOR in lid or "{" in lid or "}" in lid:
                raise GidsLocatieFout(f"{path.name}: locatie {lid!r} bevat een teken dat in een citaat niet kan")
            if lid in locaties:
                raise GidsLocatieFout(f"{path.name}: locatie {lid!r} staat er twee keer in")
            locaties[lid] = titel
            if item.get("anker"):
                ankers[lid] = str(item["anker"])
        if not locaties:
            raise GidsLocatieFout(f"{path.name}: geen locaties")
        gidsen[key] = Gids(key=key, naam=str(raw.get("gids", key)), bestand=str(raw.get("bestand", "")),
                           locaties=locaties, ankers=ankers)
    return gidsen


def split_post(post: str) -> list[str]:
    """The location ids in a post-text: ``"thema 4; thema 5"`` -> ``["thema 4", "thema 5"]``."""
    return [p.strip() for p in post.split(SEPARATOR) if p.strip()]


def problems(key: str, post: str, gidsen: dict[str, Gids]) -> list[str]:
    """What is wrong with citing *key* with post-text *post* (empty when fine or not a guide)."""
    gids = gidsen.get(key)
    if gids is None:
        return []
    if not post.strip():
        return [f"citaat van de gids '{key}' zonder plaats in de gids; schrijf bijvoorbeeld "
                f"{{cite:p}}`{key}{{{next(iter(gids.locaties))}}}`"]
    return [f"citaat van de gids '{key}' noemt plaats {lid!r}, die niet in data/gidsen/{key}.yaml staat"
            for lid in split_post(post) if lid not in gids.locaties]


# Citation targets as sphinxcontrib-bibtex parses them, for tools that read sources without Sphinx.
CITE_ROLE = re.compile(r"\{(?:cite|footcite)(?::[a-z]+)?\}`([^`]*)`")
_TARGET = re.compile(r"\s*(?:\{(?P<pre>[^{}]+)\})?\s*(?P<key>[^{}\s,]+)\s*(?:\{(?P<post>[^{}]+)\})?\s*")


def parse_targets(targets: str) -> Iterable[tuple[str, str]]:
    """``(key, post)`` for each target in a cite role's content."""
    pos = 0
    while pos < len(targets):
        m = _TARGET.match(targets, pos)
        if not m or m.end() == pos:
            return
        yield m.group("key"), m.group("post") or ""
        pos = m.end()
        if pos < len(targets) and targets[pos] == ",":
            pos += 1
