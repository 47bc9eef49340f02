"""Data the book rests on, read and checked here; nothing in this layer draws or renders.

- :mod:`.cbs` — CBS tables in every shape they reach an analyst, one tidy shape, snapshots;
- :mod:`.series` — one way to select a CBS series by CBS identity (charts, figures, audit);
- :mod:`.import_guard` — refuses an imported table that would lose a series the book uses;
- :mod:`.claims` — the registry of numbers in prose (``data/claims.yaml``);
- :mod:`.audit` — every claim compared with the snapshots and with CBS's latest figure;
- :mod:`.params` — model parameters per year (``data/params/``);
- :mod:`.toolbox` — the toolbox catalogue (``data/tools.csv``) and search synonyms.
"""
