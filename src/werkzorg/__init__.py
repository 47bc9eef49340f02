"""Werk & Zorg: the logic behind the knowledge base, in floors that import downward only.

- :mod:`werkzorg.sphinxext` — the book's Sphinx layer (the one werkzorg entry in ``_config.yml``);
- :mod:`werkzorg.postbuild` — steps on the built site (stylesheet cut, handouts);
- :mod:`werkzorg.explorer` — the household explorer: page, grid, widgets, its JavaScript;
- :mod:`werkzorg.stats` — figures, live charts and their one plot style;
- :mod:`werkzorg.model` — the household model;
- :mod:`werkzorg.data` — CBS tables, series, claims, audit, parameters, toolbox catalogue;
- top level: :mod:`.cli` (``python -m werkzorg``), :mod:`.paths`, :mod:`.nbexec`.

The old flat module names (``werkzorg.cijfers``, ``werkzorg.sphinx_ext`` …) still import, with a
DeprecationWarning; :mod:`werkzorg._moved` is their one table.
"""

from . import _moved

__version__ = "0.1.0"

_moved.install()
