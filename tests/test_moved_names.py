"""Every old module name of the flat package still imports, as the very module that moved.

A notebook or a reader's script written before the package got its floors (issue 19) says
``from werkzorg import cijfers`` or ``from werkzorg.claims import load_claims``. It must keep
working, get the same objects as the new name (one module, not a second copy with its own
caches), and be told where the module went.
"""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
import warnings

import pytest

from werkzorg._moved import MOVED, SAME_NAME_PACKAGES

#: The flat package as it was before the move (module files of src/werkzorg at 8c4baca), so a
#: name dropped from the alias table fails here rather than only in a reader's notebook.
OLD_MODULES = [
    "assets", "audit", "bibstyle", "cbs", "charts", "cijfers", "claims", "csspurge", "explorer",
    "gidslocaties", "handouts", "household", "import_guard", "lezers", "params", "plots", "render",
    "series", "sources", "sphinx_ext", "tools", "widgets",
]


def _public_names(module) -> list[str]:
    """The names a module defines at its top level (not imported ones), without a leading underscore."""
    tree = ast.parse(open(module.__file__, encoding="utf-8").read())
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(t.id for t in targets if isinstance(t, ast.Name))
    if hasattr(module, "__all__"):
        names.update(module.__all__)
    return sorted(n for n in names if not n.startswith("_"))


def test_the_table_covers_every_old_module():
    assert sorted(name.split(".", 1)[1] for name in MOVED) == sorted(OLD_MODULES)


@pytest.mark.parametrize("old", [m for m in OLD_MODULES if f"werkzorg.{m}" not in SAME_NAME_PACKAGES])
def test_old_name_is_the_moved_module_and_warns(old):
    new = importlib.import_module(MOVED[f"werkzorg.{old}"])
    sys.modules.pop(f"werkzorg.{old}", None)
    with pytest.warns(DeprecationWarning, match=MOVED[f"werkzorg.{old}"].replace(".", r"\.")):
        module = importlib.import_module(f"werkzorg.{old}")
    assert module is new
    assert module.__spec__.name == new.__name__  # the module keeps its own identity
    names = _public_names(new)
    assert names, f"{new.__name__} defines no public name"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        for name in names:
            exec(f"from werkzorg.{old} import {name} as got", (scope := {}))
            assert scope["got"] is getattr(new, name), f"werkzorg.{old}.{name}"


def test_the_explorer_package_still_hands_out_the_old_modules_names():
    # werkzorg.explorer was a module and is now the explorer's package; its old names come
    # from werkzorg.explorer.page, the same objects, with a warning.
    import werkzorg.explorer
    from werkzorg.explorer import page

    for name in _public_names(page):
        with pytest.warns(DeprecationWarning, match=rf"werkzorg\.explorer\.page\.{name}\b"):
            got = getattr(werkzorg.explorer, name)
        assert got is getattr(page, name), name
    with pytest.raises(AttributeError):
        werkzorg.explorer.no_such_name  # noqa: B018


def test_a_module_below_a_moved_package_is_not_loaded_twice():
    import werkzorg.data.cbs.store as store

    with pytest.warns(DeprecationWarning):
        old = importlib.import_module("werkzorg.cbs.store")
    assert old is store


def test_old_names_work_in_a_fresh_interpreter_as_a_notebook_uses_them():
    # A fresh process: nothing imported yet, so the old name is the first import of the module.
    code = (
        "import warnings\n"
        "warnings.simplefilter('error', DeprecationWarning)\n"
        "try:\n"
        "    from werkzorg import cijfers\n"
        "except DeprecationWarning as w:\n"
        "    print('warned:', w)\n"
        "warnings.simplefilter('ignore', DeprecationWarning)\n"
        "from werkzorg import cijfers, charts, plots\n"
        "from werkzorg.stats import figures, live_charts, plot_style\n"
        "print(cijfers is figures, charts is live_charts, plots is plot_style)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "warned: werkzorg.cijfers has moved to werkzorg.stats.figures" in out
    assert out.strip().endswith("True True True")


def test_an_unknown_name_still_fails():
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("werkzorg.no_such_module")
