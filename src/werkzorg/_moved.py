"""Old module names of the flat package, kept importable: one table, one import hook.

Until the package got its floors (issue 19) every module sat directly in ``werkzorg``. A
notebook or a reader's script that still says ``from werkzorg import cijfers`` gets the module
that now holds that code — the same module object, not a copy — and a DeprecationWarning that
names the new place. A name below a moved package (``werkzorg.cbs.store``) maps the same way.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
import warnings
from types import ModuleType

#: old name -> new name. The only list of moved modules; tests/test_moved_names.py reads it.
MOVED: dict[str, str] = {
    "werkzorg.sphinx_ext": "werkzorg.sphinxext.roles_and_pages",
    "werkzorg.render": "werkzorg.sphinxext.render_data",
    "werkzorg.sources": "werkzorg.sphinxext.sources",
    "werkzorg.lezers": "werkzorg.sphinxext.wayfinding",
    "werkzorg.bibstyle": "werkzorg.sphinxext.bibstyle",
    "werkzorg.assets": "werkzorg.sphinxext.light_pages",
    "werkzorg.gidslocaties": "werkzorg.sphinxext.guide_locations",
    "werkzorg.csspurge": "werkzorg.postbuild.csspurge",
    "werkzorg.handouts": "werkzorg.postbuild.handouts",
    "werkzorg.explorer": "werkzorg.explorer.page",
    "werkzorg.widgets": "werkzorg.explorer.widgets",
    "werkzorg.cijfers": "werkzorg.stats.figures",
    "werkzorg.charts": "werkzorg.stats.live_charts",
    "werkzorg.plots": "werkzorg.stats.plot_style",
    "werkzorg.household": "werkzorg.model.household",
    "werkzorg.cbs": "werkzorg.data.cbs",
    "werkzorg.series": "werkzorg.data.series",
    "werkzorg.claims": "werkzorg.data.claims",
    "werkzorg.audit": "werkzorg.data.audit",
    "werkzorg.params": "werkzorg.data.params",
    "werkzorg.tools": "werkzorg.data.toolbox",
    "werkzorg.import_guard": "werkzorg.data.import_guard",
}


#: An old name that is now a package of its own name: ``werkzorg.explorer`` is the explorer's
#: package, whose ``__getattr__`` hands out the old module's names from :mod:`werkzorg.explorer.page`.
SAME_NAME_PACKAGES = {"werkzorg.explorer"}

#: Old names of packages: a name below them maps too (``werkzorg.cbs.store``).
OLD_PACKAGES = {"werkzorg.cbs"}


def new_name(old: str) -> str | None:
    """The module's name now, for an old name or a name below an old package; None if not moved."""
    if old in SAME_NAME_PACKAGES:
        return None
    if old in MOVED:
        return MOVED[old]
    for package in OLD_PACKAGES:
        if old.startswith(package + "."):
            return MOVED[package] + old[len(package):]
    return None


class _Alias(importlib.abc.Loader):
    """Loads an old name as the module that now holds its code."""

    def __init__(self, target: str) -> None:
        self.target = target

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        module = importlib.import_module(self.target)
        self._spec = module.__spec__
        return module

    def exec_module(self, module: ModuleType) -> None:
        # The import system stamped the old name's spec on the module; give it back its own.
        module.__spec__ = self._spec


class _MovedFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname: str, path=None, target=None):
        new = new_name(fullname)
        if new is None:
            return None
        # stacklevel 2: the line that imports the old name (warnings skips importlib's own
        # frames), so Python's default filters show it where that line is in __main__.
        warnings.warn(f"{fullname} has moved to {new}; import it from there", DeprecationWarning, stacklevel=2)
        return importlib.machinery.ModuleSpec(fullname, _Alias(new), is_package=fullname in OLD_PACKAGES)


_FINDER = _MovedFinder()


def install() -> None:
    """Put the finder first on ``sys.meta_path`` (once), so an old name never loads a second copy."""
    if not any(isinstance(f, _MovedFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _FINDER)
