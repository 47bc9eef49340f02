"""The book's Sphinx layer: the one werkzorg entry in ``_config.yml``.

:func:`setup` sets up every werkzorg piece of the build, each of which registers its own
roles, directives, hooks and build outputs:

- :mod:`.roles_and_pages` — the ``{claim}``, ``{param}`` and ``{verkenner}`` roles, the claims
  overview, the edition switch, script de-duplication, Vega on demand, the idle widget manager
  dropped, and the explorer grid and chart CSV downloads written after the build;
- :mod:`.render_data` — the ``render-data`` directive (YAML/CSV through a Jinja template);
- :mod:`.sources` — "Zelf narekenen" downloads on notebook pages, the data behind the claims page;
- :mod:`.wayfinding` — the glossary's A–Z bar, term previews, links to a part's exercises, the
  Dutch search stemmer;
- :mod:`.bibstyle` — the Dutch author–year citation style;
- :mod:`.light_pages` — lighter pages: no fontawesome.js, deferred scripts, one CSS bundle, cut
  fonts and stylesheets (with :mod:`werkzorg.postbuild.csspurge`);
- :mod:`.guide_locations` — every citation of a guide names a place in it;
- :mod:`.print_packs` — one page per course pack that prints everything a course needs;
- :mod:`.parallel_notebooks` — the notebooks a clean build must run, run two at a time before
  Sphinx reads them.

Only this layer imports Sphinx or docutils (``pyproject.toml``, import-linter).
"""

from __future__ import annotations

from typing import Any

from .. import nbexec
from . import (
    bibstyle,
    guide_locations,
    light_pages,
    parallel_notebooks,
    print_packs,
    render_data,
    roles_and_pages,
    sources,
    wayfinding,
)


def setup(app: Any) -> dict[str, Any]:
    # Notebook execution that never waits for a reply that has already arrived (ipywidgets
    # cells); installed before MyST-NB executes anything.
    app.setup_extension(nbexec.__name__)
    app.setup_extension(parallel_notebooks.__name__)
    bibstyle.remember_plugin_lookups()
    bibstyle.register()
    bibstyle.register_reference_style()
    app.setup_extension(render_data.__name__)
    app.setup_extension(light_pages.__name__)
    app.setup_extension(wayfinding.__name__)
    app.setup_extension(guide_locations.__name__)
    app.setup_extension(roles_and_pages.__name__)
    app.setup_extension(print_packs.__name__)
    # Last, so that its doctree-resolved handler runs after the claims are linked.
    app.setup_extension(sources.__name__)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
