"""Traceable citations of the five guides: every citation names where in the guide.

A citation of a guide carries a location as sphinxcontrib-bibtex post-text, written after the key::

    {cite:p}`verweyjonker2025klaar{thema 5}`          -> (De Gruijter e.a., 2025, thema 5)
    {cite:p}`samensterkmetwerk2025{methode 1; principes}`

The locations a guide has are kept as data, one file per guide in ``data/gidsen/<key>.yaml``
(ids and titles only, never the guide's text; data dictionary ``data/gidsen.md``). During the
build, a citation of a guide without a location, or with a location that is not in that list,
is a warning, so the strict build (``-W``) fails on it.

The same data drive ``tools/naast_elkaar.py``, which lists each book passage beside the guide
location it cites, for reviewers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

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
            raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
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


# ---------------------------------------------------------------------------------------------
# Sphinx
# ---------------------------------------------------------------------------------------------


def _check_doctree(app: Any, doctree: Any) -> None:
    from sphinx import addnodes
    from sphinx.util import logging
    from sphinxcontrib.bibtex.citation_target import parse_citation_targets

    logger = logging.getLogger(__name__)
    gidsen = app.werkzorg_gidsen
    for node in doctree.findall(addnodes.pending_xref):
        if node.get("refdomain") != "cite":
            continue
        try:
            targets = list(parse_citation_targets(node.get("reftarget", "")))
        except ValueError:
            continue  # sphinxcontrib-bibtex reports malformed targets itself
        for t in targets:
            for message in problems(t.key, t.post, gidsen):
                logger.warning(message, location=node, type="werkzorg", subtype="gidslocatie")


def _load(app: Any, config: Any) -> None:
    from sphinx.errors import ConfigError

    folder = Path(app.srcdir) / config.werkzorg_gidsen_dir
    try:
        app.werkzorg_gidsen = load_gidsen(folder)
    except GidsLocatieFout as exc:
        raise ConfigError(f"data/gidsen: {exc}") from exc


def setup(app: Any) -> dict[str, Any]:
    app.add_config_value("werkzorg_gidsen_dir", "data/gidsen", "env")
    app.werkzorg_gidsen = {}
    app.connect("config-inited", _load)
    app.connect("doctree-read", _check_doctree)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
