"""CBS data layer: readers for the real formats, snapshots, and the analyst's import/refresh path.

The malformed-input cases each check what an analyst would see: the error names the file,
the line and the problem, and the snapshots in data/cbs/ stay byte-identical.
"""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pytest
from cli_helpers import run_cli

from werkzorg.data import cbs

FIX = Path(__file__).parent / "fixtures" / "cbs"
GOOD = FIX / "85264NED_TypedDataSet_23112026_101500.csv"
META = FIX / "85264NED_metadata.csv"
REPO = Path(__file__).resolve().parents[1]


# --------------------------------------------------------------------------- helpers

def snapshot_bytes(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / "data" / "cbs").iterdir())}


def good_lines() -> list[str]:
    return GOOD.read_bytes().decode("utf-8").split("\r\n")


def write_case(folder: Path, content: bytes | str, with_meta: bool = True, meta: bytes | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / GOOD.name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    if with_meta:
        (folder / META.name).write_bytes(meta if meta is not None else META.read_bytes())
    return path


def lines_to_text(lines: list[str]) -> str:
    return "\r\n".join(lines)


# --------------------------------------------------------------------------- period codes and cells

@pytest.mark.parametrize("code, year, quarter, month, freq", [
    ("2023JJ00", 2023, None, None, "jaar"),
    ("2023KW01", 2023, 1, None, "kwartaal"),
    ("2023KW04", 2023, 4, None, "kwartaal"),
    ("2023MM12", 2023, 4, 12, "maand"),
    ("2023MM01", 2023, 1, 1, "maand"),
    ("20060101", 2006, 1, 1, "dag"),
    ("2018W101", 2018, None, None, "week"),
    ("2016TM21", 2016, None, None, "meerjarig"),
])
def test_period_codes_parse(code, year, quarter, month, freq):
    p = cbs.parse_period(code)
    assert (p.year, p.quarter, p.month, p.freq) == (year, quarter, month, freq)


@pytest.mark.parametrize("code", ["2023QQ01", "2023KW05", "2023MM13", "2023JJ01", "23JJ00", "20231301", "", "2023"])
def test_unknown_period_codes_are_refused(code):
    with pytest.raises(ValueError, match="periodecode"):
        cbs.parse_period(code)


def test_period_labels_are_dutch():
    assert cbs.parse_period("2024KW01").label == "2024 1e kwartaal"
    assert cbs.parse_period("2022MM07").label == "2022 juli"


@pytest.mark.parametrize("cell, value, symbol", [
    ("72.9", 72.9, ""), ("  9656", 9656.0, ""), (None, math.nan, ""), ("", math.nan, ""),
    (".", math.nan, "."), ("x", math.nan, "x"), ("-", 0.0, "-"), ("\u2013", 0.0, "\u2013"),
    ("12.5*", 12.5, "*"), ("12.5**", 12.5, "**"), (3, 3.0, ""),
])
def test_cbs_cells_and_missing_symbols(cell, value, symbol):
    v, s = cbs.parse_value(cell)
    assert s == symbol
    assert (math.isnan(v) and math.isnan(value)) or v == value


@pytest.mark.parametrize("cell", ["72,9", "n.v.t.", "1.2.3", "abc", True])
def test_non_numbers_are_refused(cell):
    with pytest.raises(ValueError):
        cbs.parse_value(cell)


# --------------------------------------------------------------------------- the three readers

def test_statline_csv_reads_into_tidy_shape_with_labels_from_metadata():
    df = cbs.read_statline_csv(GOOD)
    assert len(df) == 18  # 9 records x 2 topics
    assert set(df["table_id"]) == {"85264NED"}
    # codes had trailing spaces in the file; they are stripped, labels come from the metadata
    assert set(df["Geslacht"]) == {"T001038", "3000", "4000"}
    row = df[(df["Geslacht_label"] == "Vrouwen") & (df["period"] == "2024KW01")
             & (df["measure"] == "NettoArbeidsparticipatie_24")].iloc[0]
    assert row["value"] == 68.9 and row["unit"] == "%" and row["quarter"] == 1 and row["year"] == 2024
    assert row["status"] == "voorlopig" and row["measure_label"] == "Netto arbeidsparticipatie"
    missing = df[(df["Geslacht_label"] == "Vrouwen") & (df["period"] == "2024KW02")]
    assert missing["value"].isna().all()


def test_statline_csv_without_metadata_uses_header_names(tmp_path):
    p = write_case(tmp_path, GOOD.read_bytes(), with_meta=False)
    df = cbs.read_statline_csv(p)
    assert set(df["measure"]) == {"WerkzameBeroepsbevolking_3", "NettoArbeidsparticipatie_24"}
    assert set(df["Geslacht_label"]) == {"T001038", "3000", "4000"}  # codes stand in for labels


def test_metadata_with_quoted_newlines_and_sections():
    meta = cbs.read_statline_metadata(META)
    assert meta["table"]["Identifier"] == "85264NED"
    assert "\n" in meta["table"]["Summary"]
    assert meta["dimensions"]["Perioden"]["2024KW01"]["Status"] == "Voorlopig"
    assert meta["dimensions"]["Geslacht"]["3000"]["Title"] == "Mannen"


def test_odata_v3_typed_follows_next_link_and_matches_csv():
    v3 = cbs.read_file(FIX / "v3_85264NED")
    csv_ = cbs.read_statline_csv(GOOD)
    assert len(v3) == 18  # two pages: 5 + 4 records
    cols = ["Geslacht", "Geslacht_label", "Leeftijd_label", "measure", "period", "value", "status"]
    assert v3[cols].equals(csv_[cols])


def test_odata_v3_untyped_strings_and_dot_symbol():
    df = cbs.read_file(FIX / "v3u_85264NED")
    cell = df[(df["Geslacht_label"] == "Vrouwen") & (df["period"] == "2024KW02")]
    assert cell["value"].isna().all() and set(cell["symbol"]) == {"."}
    assert df[(df["Geslacht_label"] == "Mannen") & (df["period"] == "2024KW01")
              & (df["measure"] == "NettoArbeidsparticipatie_24")]["value"].iloc[0] == 77.1


def test_odata_v4_observations_absent_cell_is_missing():
    df = cbs.read_file(FIX / "v4_85264NED")
    assert len(df) == 16  # the two empty cells are not returned by the v4 API
    assert df["measure"].isin(["M001179", "M001184"]).all()
    v = df[(df["Geslacht_label"] == "Vrouwen") & (df["period"] == "2024KW01") & (df["measure_label"] == "Netto arbeidsparticipatie")]
    assert v["value"].iloc[0] == 68.9
    assert df[df["period"] == "2023JJ00"]["status"].eq("definitief").all()


def test_odata_v4_unknown_measure_names_record(tmp_path):
    shutil.copytree(FIX / "v4_85264NED", tmp_path / "v4")
    obs = json.loads((tmp_path / "v4" / "Observations.json").read_text())
    obs["value"][2]["Measure"] = "M999999"
    (tmp_path / "v4" / "Observations.json").write_text(json.dumps(obs))
    with pytest.raises(cbs.CBSDataError, match=r"Observations, record 3 van Observations: onbekende Measure 'M999999'"):
        cbs.read_file(tmp_path / "v4", table_id="85264NED")


def test_truncated_json_names_file_and_line(tmp_path):
    shutil.copytree(FIX / "v3_85264NED", tmp_path / "v3")
    p = tmp_path / "v3" / "TypedDataSet_skip5.json"
    p.write_text(p.read_text()[:300])
    with pytest.raises(cbs.CBSDataError) as exc:
        cbs.read_file(tmp_path / "v3", table_id="85264NED")
    assert "TypedDataSet_skip5.json, regel" in str(exc.value) and "geen geldige JSON" in str(exc.value)


def test_v3_row_missing_dimension_names_record(tmp_path):
    shutil.copytree(FIX / "v3_85264NED", tmp_path / "v3")
    p = tmp_path / "v3" / "TypedDataSet.json"
    doc = json.loads(p.read_text())
    del doc["value"][1]["Leeftijd"]
    p.write_text(json.dumps(doc))
    with pytest.raises(cbs.CBSDataError, match=r"record 2 van TypedDataSet: dimensie 'Leeftijd' ontbreekt"):
        cbs.read_file(tmp_path / "v3", table_id="85264NED")


# --------------------------------------------------------------------------- malformed StatLine files

def _replace_line(n: int, new: str) -> str:
    lines = good_lines()
    lines[n - 1] = new
    return lines_to_text(lines)


L = good_lines()
MALFORMED = {
    # name: (content, with metadata, expected line text or None, expected problem text)
    "comma separator": (lines_to_text([ln.replace(";", ",") for ln in L]), True, "regel 1", "scheidingsteken ','"),
    "tab separator": (lines_to_text([ln.replace(";", "\t") for ln in L]), True, "regel 1", "scheidingsteken '\\t'"),
    "missing dimension column": (lines_to_text([";".join(c for i, c in enumerate(ln.split(";")) if i != 2) for ln in L]),
                                 True, "regel 1", "dimensie 'Leeftijd' ontbreekt"),
    "empty dimension value": (_replace_line(4, L[3].replace('"3000   "', '""').replace('"T001038"', '""')), True,
                              "regel 4", "dimensie 'Geslacht' is leeg"),
    "unknown period code": (_replace_line(3, L[2].replace("2024KW01", "2024QQ01")), True, "regel 3", "onbekende periodecode '2024QQ01'"),
    "quarter out of range": (_replace_line(3, L[2].replace("2024KW01", "2024KW05")), True, "regel 3", "kwartaal moet 01 t/m 04"),
    "decimal comma": (_replace_line(2, L[1].replace('"72.9"', '"72,9"')), True, "regel 2", "decimaalkomma"),
    "text in a number cell": (_replace_line(5, L[4].replace('"5085"', '"n.v.t."')), True, "regel 5",
                              "kolom WerkzameBeroepsbevolking_3: geen getal"),
    "truncated last line": (lines_to_text(L[:7]) + "\r\n" + L[7][:25], True, "regel 8", "velden, verwacht 6"),
    "truncated inside quotes": (lines_to_text(L[:7]) + "\r\n" + L[7][:14], True, "regel 8", "afgebroken"),
    "duplicate key": (_replace_line(4, L[1].replace('"40"', '"43"')), True, "regel 4", "dubbele sleutel"),
    "duplicate ID": (_replace_line(4, L[3].replace('"42"', '"40"')), True, "regel 4", "ID '40' komt dubbel voor (ook op regel 2)"),
    "empty file": ("", True, "regel 1", "leeg bestand"),
    "only whitespace": ("\r\n \r\n", True, "regel 1", "leeg bestand"),
    "header only": (L[0] + "\r\n", True, "regel 2", "alleen een kopregel"),
    "code not in code list": (_replace_line(8, L[7].replace('"4000   "', '"5000   "')), True, "regel 8",
                              "code '5000   ' staat niet in de codelijst van dimensie 'Geslacht'"),
    "column not in metadata": (lines_to_text([ln + (';"Extra_25"' if i == 0 else ';"1"') if ln else ln for i, ln in enumerate(L)]),
                               True, "regel 1", "niet in de metadata: Extra_25"),
    "too many fields": (_replace_line(7, L[6] + ';"9"'), True, "regel 7", "te veel"),
    "table layout instead of dataset": ('"Arbeidsdeelname; kerncijfers"\r\n\r\n"Onderwerp";"Perioden";"2023"\r\n', True,
                                        "regel 4", "geen gegevensregels onder de kop"),
    "BOM in the middle": (lines_to_text(L[:4]) + "\r\n\ufeff" + lines_to_text(L[4:]), True, "regel 5", "BOM"),
}


@pytest.mark.parametrize("name", list(MALFORMED))
def test_malformed_import_names_file_line_problem_and_keeps_snapshot(name, repo, tmp_path):
    content, with_meta, line, problem = MALFORMED[name]
    path = write_case(tmp_path / "download", content, with_meta)
    before = snapshot_bytes(repo)
    rc, out, err = run_cli("data", "import", str(path))
    assert rc == 1, (out, err)
    assert str(path) in err, err
    assert f"{line}:" in err, err
    assert problem in err, err
    assert "Er is niets veranderd" in err
    assert snapshot_bytes(repo) == before


def test_latin1_is_refused_with_file_and_line(repo, tmp_path):
    latin = GOOD.read_text(encoding="utf-8").replace('"Leeftijd"', '"Leeftijdsklasse é"', 1).encode("latin-1")
    path = write_case(tmp_path / "dl", latin, with_meta=False)
    before = snapshot_bytes(repo)
    rc, _, err = run_cli("data", "import", str(path))
    assert rc == 1 and f"{path}, regel 1:" in err and "Latin-1" in err
    assert snapshot_bytes(repo) == before


def test_latin1_metadata_is_refused_naming_the_metadata_file(repo, tmp_path):
    meta = META.read_text(encoding="utf-8").replace("Personen van 15 tot 75 jaar.", "Personen van 15 tot 75 jaar, één groep.")
    path = write_case(tmp_path / "dl", GOOD.read_bytes(), meta=meta.encode("latin-1"))
    before = snapshot_bytes(repo)
    rc, _, err = run_cli("data", "import", str(path))
    assert rc == 1 and "85264NED_metadata.csv, regel 20:" in err and "UTF-8" in err
    assert snapshot_bytes(repo) == before


def test_utf16_is_refused(repo, tmp_path):
    path = write_case(tmp_path / "dl", GOOD.read_text(encoding="utf-8").encode("utf-16"), with_meta=False)
    before = snapshot_bytes(repo)
    rc, _, err = run_cli("data", "import", str(path))
    assert rc == 1 and f"{path}, regel 1:" in err and "UTF-16" in err
    assert snapshot_bytes(repo) == before


def test_missing_file_is_reported(repo, tmp_path):
    before = snapshot_bytes(repo)
    rc, _, err = run_cli("data", "import", str(tmp_path / "nope.csv"))
    assert rc == 1 and "niet gevonden" in err
    assert snapshot_bytes(repo) == before


# --------------------------------------------------------------------------- good import, refresh

def test_bom_and_crlf_are_accepted(tmp_path):
    p = write_case(tmp_path, b"\xef\xbb\xbf" + GOOD.read_bytes())
    assert len(cbs.read_statline_csv(p)) == 18


# The hand-made 85264NED fixture has two of the table's three dimensions and a test title: replacing
# the book's table with it is deliberate (--vervang-tabel).
def test_good_import_replaces_extract_updates_manifest_and_reports_change(repo, tmp_path):
    path = write_case(tmp_path / "dl", GOOD.read_bytes())
    before = snapshot_bytes(repo)
    rc, out, err = run_cli("data", "import", str(path), "--vervang-tabel")
    assert rc == 0, err
    assert "85264NED: bijgewerkt" in out and "cellen nieuw" in out
    after = snapshot_bytes(repo)
    changed = {k for k in after if after[k] != before.get(k)}
    assert changed == {"85264NED.csv", "manifest.yaml"}
    man = cbs.Manifest.load(repo / "data" / "cbs")
    entry = man.tables["85264NED"]
    assert entry["rows"] == 18 and entry["extract"] is False
    assert entry["sha256"] == cbs.sha256_file(repo / "data" / "cbs" / "85264NED.csv")
    assert entry["title"] == "Arbeidsdeelname; kerncijfers (testuittreksel)"
    df = cbs.load_snapshot("85264NED", repo / "data" / "cbs")
    assert cbs.lookup(df, "Netto arbeidsparticipatie", "2024KW01", {"Geslacht": "Vrouwen"})["value"] == 68.9
    # importing the same file again changes no value
    rc, out, _ = run_cli("data", "import", str(path), "--vervang-tabel")
    assert rc == 0 and "0 cellen nieuw, 0 weg, 0 gewijzigd" in out
    assert snapshot_bytes(repo)["85264NED.csv"] == after["85264NED.csv"]


def test_import_reports_changed_values(repo, tmp_path):
    path = write_case(tmp_path / "dl", GOOD.read_bytes())
    assert run_cli("data", "import", str(path), "--vervang-tabel")[0] == 0
    path.write_bytes(_replace_line(6, L[5].replace('"77.1"', '"77.3"')).encode())
    rc, out, _ = run_cli("data", "import", str(path), "--vervang-tabel")
    assert rc == 0 and "1 gewijzigd" in out and "77,1 → 77,3" in out


def test_refresh_without_network_says_so_and_changes_nothing(repo):
    def offline(url):
        raise cbs.NetworkUnavailable(f"{url}: Name or service not known")

    before = snapshot_bytes(repo)
    rc, out, err = run_cli("data", "refresh", get_json=offline)
    assert rc == 2
    assert "Geen netwerk" in err and "Er is niets veranderd" in err
    assert snapshot_bytes(repo) == before


def test_refresh_with_a_reachable_source_replaces_the_table(repo):
    src = cbs.DirectorySource(FIX / "v3_85264NED")
    rc, out, err = run_cli("data", "refresh", "85264NED", "--vervang-tabel", get_json=src)
    assert rc == 0, err
    assert "85264NED: bijgewerkt" in out
    man = cbs.Manifest.load(repo / "data" / "cbs")
    assert man.tables["85264NED"]["rows"] == 18
    assert man.tables["85264NED"]["source"].startswith("https://opendata.cbs.nl/ODataFeed/odata/85264NED/")


def test_refresh_unknown_table(repo):
    rc, _, err = run_cli("data", "refresh", "99999NED")
    assert rc == 1 and "Onbekende tabel: 99999NED" in err


# --------------------------------------------------------------------------- shipped snapshots

def test_manifest_matches_every_snapshot_file():
    man = cbs.Manifest.load(REPO / "data" / "cbs")
    assert man.tables
    files = {p.name for p in (REPO / "data" / "cbs").glob("*.csv")}
    assert files == {e["file"] for e in man.tables.values()}
    for tid, entry in man.tables.items():
        path = REPO / "data" / "cbs" / entry["file"]
        assert cbs.sha256_file(path) == entry["sha256"], tid
        df = cbs.load_snapshot(tid, REPO / "data" / "cbs")
        assert len(df) == entry["rows"], tid
        for field in ("title", "definition", "retrieved", "source", "kind"):
            assert entry.get(field), (tid, field)


def test_every_snapshot_row_has_source_and_evidence_and_valid_period():
    for tid, df in cbs.load_all(REPO / "data" / "cbs").items():
        assert (df["source_url"].str.startswith("http")).all(), tid
        assert (df["evidence"] != "").all(), tid
        assert not df["evidence"].str.startswith("derived").any(), tid  # shares are computed, not copied
        for code in df["period"].unique():
            cbs.parse_period(code)
        cbs.validate_tidy(df, tid)


def test_lookup_takes_totals_for_unnamed_dimensions_and_refuses_ambiguity():
    df = cbs.read_statline_csv(GOOD)
    assert cbs.lookup(df, "Netto arbeidsparticipatie", "2023JJ00", {"Geslacht": "Mannen"})["value"] == 76.8
    assert cbs.lookup(df, "Netto arbeidsparticipatie", "2023JJ00")["value"] == 72.9  # Totaal mannen en vrouwen
    with pytest.raises(LookupError):
        cbs.lookup(df, "Netto arbeidsparticipatie", "2030JJ00")


def test_refresh_with_bad_data_from_cbs_changes_nothing(repo, tmp_path):
    shutil.copytree(FIX / "v3_85264NED", tmp_path / "v3")
    p = tmp_path / "v3" / "TypedDataSet_skip5.json"
    doc = json.loads(p.read_text())
    doc["value"][0]["Perioden"] = "2024XX01"
    p.write_text(json.dumps(doc))
    before = snapshot_bytes(repo)
    rc, _, err = run_cli("data", "refresh", "85264NED", get_json=cbs.DirectorySource(tmp_path / "v3"))
    assert rc == 1
    assert "record 1 van TypedDataSet" in err and "onbekende periodecode '2024XX01'" in err
    assert "Er is niets veranderd" in err
    assert snapshot_bytes(repo) == before


def test_check_command_reports_every_snapshot(repo):
    rc, out, _ = run_cli("data", "check")
    assert rc == 0
    assert out.count("uittreksel") == len(cbs.Manifest.load(repo / "data" / "cbs").tables)
    (repo / "data" / "cbs" / "80590NED.csv").write_text("table_id\n", encoding="utf-8")
    rc, _, err = run_cli("data", "check")
    assert rc == 1 and "80590NED: sha256 klopt niet" in err
