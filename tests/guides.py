"""Where the copy check finds the guides' text: the only place the tests look outside the repository.

The five guides the book retells are published by others (Movisie, Verwey-Jonker Instituut, the
Nederlandse Vrouwen Raad, Alliantie Samen Sterk met Werk); the repository does not ship their text.
The checks that compare the book with that text (``tests/test_eigen_woorden.py`` and two checks in
``tests/test_rolpatronen_data.py``) read it from the folder named by ``WERKZORG_GUIDES``, or else from
``../shared/seeds`` beside the repository, where the project's CI machine keeps the plain-text
extractions (``000_….txt`` … ``004_….txt``). Without either they skip and say so.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUIDES_ENV = "WERKZORG_GUIDES"
#: The guides' plain-text files, one per guide (names as the project's CI keeps them).
GUIDE_FILES = (
    "000_09ea77e2e108ecbc.txt",  # Movisie 2021, Zorg en werk in balans (toolbox)
    "001_bfd039317f4f0728.txt",  # Verwey-Jonker 2025, Klaar voor een kind, klaar voor werk
    "002_9c186c02696d0001.txt",  # NVR, Vrouwenpodium regiobijeenkomsten
    "003_38507eebc7ed45db.txt",  # Alliantie Samen Sterk met Werk 2025, toolkit
    "004_9b4152d782d2553c.txt",  # Verwey-Jonker 2024, Inspiratiegids
)
SKIP_REASON = (
    "needs the text of the five guides, which the repository does not ship: set WERKZORG_GUIDES "
    "to a folder with " + ", ".join(GUIDE_FILES) + " (CI finds them in ../shared/seeds beside the repository)"
)


def guides_dir() -> Path | None:
    """The folder with the guides' text, or None when it is not on this machine."""
    named = os.environ.get(GUIDES_ENV)
    folder = Path(named) if named else ROOT.parent / "shared" / "seeds"
    return folder if all((folder / name).is_file() for name in GUIDE_FILES) else None


def guide_file(name: str) -> Path | None:
    folder = guides_dir()
    return folder / name if folder else None
