"""Traceable citations of the five guides: every citation names where in the guide.

A citation of a guide carries a location as sphinxcontrib-bibtex post-text, written after the key::

    {cite:p}`verweyjonker2025klaar{thema 5}`          -> (De Gruijter e.a., 2025, thema 5)
    {cite:p}`samensterkmetwerk2025{methode 1; principes}`

The locations a guide has are kept as data, one file per guide in ``data/gidsen/<key>.yaml``
(ids and titles only, never the guide's text; data dictionary ``data/gidsen.md``). During the
build, a citation of a guide without a location, or with a location that is not in that list,
is a warning, so the strict build (``-W``) fails on it. The lists are read by
:func:`werkzorg.data.guides.load_gidsen`, the same reader the claims registry and
``tools/naast_elkaar.py`` use.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

# The guides' place lists and the citation parsing live in the data layer (one reader for the
# claims, this check and the tools); their names stay importable from here.
from ..data.guides import (  # noqa: F401
    CITE_ROLE,
    SEPARATOR,
    Gids,
    GidsLocatieFout,
    load_gidsen,
    parse_targets,
    problems,
    split_post,
)

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
