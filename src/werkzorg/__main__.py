"""``python -m werkzorg ...``: see :mod:`werkzorg.cli`."""

from .cli import main

raise SystemExit(main())
