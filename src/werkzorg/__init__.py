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

import importlib
import importlib.util
import sys
import types

from . import _moved

__version__ = "0.1.0"


def _defer_rfc3987_syntax() -> None:
    """Load rfc3987-syntax on first use instead of on import.

    jsonschema imports it (for its optional "iri" format check) and it builds a parser for the
    whole RFC 3987 grammar as it is imported: about 7 s, paid by every process that imports
    jsonschema, that is every notebook (through altair), the book build (through jupyter-book and
    nbformat) and the tests. Nothing here checks the "iri" format, so a stand-in takes its place;
    the first call of any of its functions loads the real module and hands over to it.
    """
    name = "rfc3987_syntax"
    if name in sys.modules or importlib.util.find_spec(name) is None:
        return

    def real() -> types.ModuleType:
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]
            try:
                importlib.import_module(name)
            except BaseException:
                sys.modules[name] = stand_in
                raise
        return sys.modules[name]

    class StandIn(types.ModuleType):
        def __getattr__(self, attr: str):
            if attr.startswith("__"):  # the import system asks for __path__ and the like
                raise AttributeError(attr)
            return getattr(real(), attr)

    stand_in = StandIn(name, "stand-in until first use (werkzorg._defer_rfc3987_syntax)")
    stand_in.is_valid_syntax = lambda *args, **kwargs: real().is_valid_syntax(*args, **kwargs)
    sys.modules[name] = stand_in


_defer_rfc3987_syntax()
_moved.install()
