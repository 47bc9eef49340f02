"""Where the project's files are, resolved once so notebooks never rely on the working directory."""

from __future__ import annotations

import os
from pathlib import Path


def repo_root() -> Path:
    """Return the repository root (the folder holding ``_config.yml`` and ``data/``).

    ``WERKZORG_ROOT`` overrides the search, for tests that work on a copy of the repo.
    """
    override = os.environ.get("WERKZORG_ROOT")
    if override:
        return Path(override).resolve()
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "_config.yml").is_file() and (parent / "data").is_dir():
            return parent
    raise FileNotFoundError(
        "Cannot find the repository root (a folder with _config.yml and data/) "
        f"above {here}; set WERKZORG_ROOT."
    )


def data_dir() -> Path:
    """Return the ``data/`` folder of the repository."""
    return repo_root() / "data"
