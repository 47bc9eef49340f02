"""Files an analyst really meets, read right or refused with the fix, never stored wrong.

Each refusal asserts the Dutch message and that every file under data/ is byte-identical afterwards.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from cbs_helpers import REAL
from cli_helpers import run_cli
from test_import_guard import sha_tree

from werkzorg.data import cbs

FIX = Path(__file__).parent / "fixtures" / "cbs"
GOOD = FIX / "85264NED_TypedDataSet_23112026_101500.csv"     # hand-made raw download, 9 rows, IDs 40-48
META = FIX / "85264NED_metadata.csv"



def test_decimal_commas_without_metadata_are_refused_not_stored_as_text(data_repo, tmp_path):
    # What Excel makes of the download when it saves it again: "72,9" instead of "72.9"; no metadata beside it.
    text = GOOD.read_text(encoding="utf-8")
    comma = re.sub(r'"(\d+)\.(\d+)"', r'"\1,\2"', text)
    assert comma != text
    path = tmp_path / "dl" / GOOD.name
    path.parent.mkdir()
    path.write_text(comma, encoding="utf-8")
    before = sha_tree(data_repo)
    rc, out, err = run_cli("data", "import", str(path), "--table", "85264NED", "--vervang-tabel", "--zonder-labels")
    assert rc == 1
    assert "decimaalkomma" in err and "NettoArbeidsparticipatie_24" in err and "'72,9'" in err
    assert "Download het opnieuw" in err and "Er is niets veranderd" in err
    assert sha_tree(data_repo) == before


def test_a_file_cut_at_a_line_boundary_is_refused_against_the_metadata(data_repo, tmp_path):
    # A whole download numbers its rows 0, 1, 2, …; this one stops after 6 of the 9 rows its metadata
    # describe (3 sexes x 1 age x 3 periods), at a line end.
    lines = GOOD.read_bytes().decode("utf-8").split("\r\n")
    body = [ln for ln in lines[1:] if ln][:6]
    renumbered = [lines[0]] + [re.sub(r'^"\d+"', f'"{i}"', ln) for i, ln in enumerate(body)]
    folder = tmp_path / "dl"
    folder.mkdir()
    path = folder / GOOD.name
    path.write_text("\r\n".join(renumbered) + "\r\n", encoding="utf-8")
    shutil.copy(META, folder / META.name)
    meta = cbs.read_statline_metadata(META)
    full = 1
    for codes in meta["dimensions"].values():
        full *= len(codes)
    assert full > len(body)
    before = sha_tree(data_repo)
    rc, out, err = run_cli("data", "import", str(path), "--vervang-tabel")
    assert rc == 1
    assert f"stopt na {len(body)} rijen" in err and f"heeft de tabel er {full}" in err and "Download het bestand opnieuw" in err
    assert sha_tree(data_repo) == before


def test_latin1_metadata_from_cbsodatar_on_windows_is_read_right(tmp_path):
    # cbsodataR on Windows writes the metadata in Windows-1252: "potentiële" (DataProperties) becomes byte 0xeb.
    utf8 = tmp_path / "utf8" / "80590ned"
    latin = tmp_path / "latin" / "80590ned"
    shutil.copytree(REAL / "80590ned_cbsodataR", utf8)
    shutil.copytree(REAL / "80590ned_cbsodataR", latin)
    for name in ("TableInfos.csv", "DataProperties.csv"):
        raw = (latin / name).read_text(encoding="utf-8").encode("cp1252")
        assert b"\xeb" in raw or name == "TableInfos.csv"
        (latin / name).write_bytes(raw)
    a, b = cbs.read_file(utf8), cbs.read_file(latin)
    assert a.drop(columns=[]).equals(b)
    assert b.attrs["title"] == a.attrs["title"] == "Arbeidsdeelname en werkloosheid per maand"
    notes = " ".join(b.attrs["notes"])
    assert "DataProperties.csv is als Windows-1252" in notes and "TableInfos.csv is als Windows-1252" in notes


def test_latin1_data_is_still_refused_with_the_fix(data_repo, tmp_path):
    # Only metadata is decoded as Windows-1252; a data file that is not UTF-8 is refused as before.
    folder = tmp_path / "80590ned"
    shutil.copytree(REAL / "80590ned_cbsodataR", folder)
    (folder / "data.csv").write_bytes((folder / "data.csv").read_bytes().replace(b'"2019KW01"', b'"2019KW01\xe9"', 1))
    before = sha_tree(data_repo)
    rc, out, err = run_cli("data", "import", str(folder))
    assert rc == 1 and "sla het bestand op als UTF-8" in err and "data.csv" in err
    assert sha_tree(data_repo) == before


#: The names the answers had in the repository they come from (tests/fixtures/cbs/real/README.md).
META_NAMES_V3 = {"index": "meta_1", "TableInfos": "meta_2", "CategoryGroups": "meta_3", "Persoonskenmerken": "meta_4",
                 "BedrijfstakkenSBI93": "meta_5", "Perioden": "meta_6", "DataProperties": "meta_7", "TypedDataSet": "meta_8"}
META_NAMES_V4 = {"index": "meta_2", "Observations": "meta_4", "MeasureCodes": "meta_5", "Dimensions": "meta_6",
                 "Properties": "meta_7", "PeriodenGroups": "meta_8", "PeriodenCodes": "meta_9",
                 "BedrijfskenmerkenSBI2008Groups": "meta_10", "BedrijfskenmerkenSBI2008Codes": "meta_11"}


@pytest.mark.parametrize("folder, names", [("v3_80137ned", META_NAMES_V3), ("v4_80072ned", META_NAMES_V4)])
def test_saved_odata_answers_named_meta_n_are_read_by_the_entity_they_declare(tmp_path, folder, names):
    as_saved = tmp_path / folder
    as_saved.mkdir()
    for entity, meta in names.items():
        shutil.copy(REAL / folder / f"{entity}.json", as_saved / f"{meta}.json")
    expected = cbs.read_file(REAL / folder)
    got = cbs.read_file(as_saved)
    assert got.equals(expected)
    assert any("odata.metadata" in n for n in got.attrs["notes"])


def test_two_answers_for_one_entity_name_the_fix(tmp_path):
    folder = tmp_path / "v3_80137ned"
    shutil.copytree(REAL / "v3_80137ned", tmp_path / "orig")
    folder.mkdir()
    for entity, meta in META_NAMES_V3.items():
        shutil.copy(tmp_path / "orig" / f"{entity}.json", folder / f"{meta}.json")
    shutil.copy(folder / "meta_8.json", folder / "meta_9.json")     # a second page saved under its own name
    with pytest.raises(cbs.CBSDataError, match="meta_8.json en meta_9.json .* TypedDataSet_skip<N>.json"):
        cbs.read_file(folder)
