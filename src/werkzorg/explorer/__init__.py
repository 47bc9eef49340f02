"""The household explorer: the one description of its controls (:mod:`.controls`), the page's
form, grid and chart (:mod:`.page`), the notebook's
ipywidgets version (:mod:`.widgets`) and the model the page runs in the browser
(``static/huishouden.js``, a port of :mod:`werkzorg.model.household`).

Before the package got floors, ``werkzorg.explorer`` was the module that is now :mod:`.page`;
its names are still found here, with a DeprecationWarning (see :mod:`werkzorg._moved`).
"""

from __future__ import annotations

import warnings

_SUBMODULES = {"controls", "page", "widgets"}


def __getattr__(name: str):
    if name.startswith("__") or name in _SUBMODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from . import page

    try:
        value = getattr(page, name)
    except AttributeError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    warnings.warn(f"werkzorg.explorer.{name} has moved to werkzorg.explorer.page.{name}; import it from there",
                  DeprecationWarning, stacklevel=2)
    return value
