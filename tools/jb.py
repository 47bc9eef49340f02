"""`jupyter-book` for this repository: the same command, started without a slow import.

jupyter-book imports jsonschema as it starts, and jsonschema imports rfc3987-syntax, which
builds a parser for the whole RFC 3987 grammar on import (about 7 s of every build, also of a
warm rebuild after one page). Importing ``werkzorg`` first puts a stand-in in its place that
loads the real module on first use (see ``werkzorg/__init__.py``); nothing in the build uses it.
Everything else is jupyter-book's own command line: ``python tools/jb.py build . -W -n``.
"""

from __future__ import annotations

import sys

import werkzorg  # noqa: F401  (defers rfc3987-syntax; must come before jupyter_book)

if __name__ == "__main__":
    from jupyter_book.cli.main import main

    sys.argv[0] = "jupyter-book"
    sys.exit(main())
