"""Full CBS tables built from the real fixtures, shared by the tests that compare them with the extracts."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pandas as pd

from werkzorg.data import cbs

REAL = Path(__file__).parent / "fixtures" / "cbs" / "real"
FULL = Path(__file__).parent / "fixtures" / "cbs" / "fulltable"


def read_full_80590() -> pd.DataFrame:
    """80590NED as a full table: CBS's real metadata (cbsodataR output, topic groups) with its real data
    rows and two hand-added rows for 2024KW01 (tests/fixtures/cbs/fulltable/README.md)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "80590ned"
        shutil.copytree(REAL / "80590ned_cbsodataR", folder)
        shutil.copy(FULL / "80590NED_data_composed.csv", folder / "data.csv")
        return cbs.read_file(folder)


def cell(df: pd.DataFrame, **kw) -> pd.Series:
    """The one row of ``df`` with the given column values (fails when there is not exactly one)."""
    sel = df
    for k, v in kw.items():
        sel = sel[sel[k] == v]
    assert len(sel) == 1, (kw, len(sel))
    return sel.iloc[0]
