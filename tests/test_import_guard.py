"""Imports that cannot wreck the book: a wrong table is refused, --dry-run writes nothing, every import
can be undone with one command, and the change report reads by CBS key and label.

Every refusal is checked as the analyst would notice it: the Dutch message names what differs, and
every file under data/ is byte-identical afterwards (sha256).
"""

from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

from cbs_helpers import FULL, REAL
from cli_helpers import run_cli

from werkzorg.data import cbs

ROOT = Path(__file__).resolve().parents[1]
CPI = REAL / "Consumentenprijzen__prijsindex_2015_100_07012021_123946.csv"   # a real website CSV of 83131NED
GGD = REAL / "50140NED_TypedDataSet_22092025_192544.csv"                     # a real raw download of 50140NED



def sha_tree(root: Path) -> dict[str, str]:
    """sha256 of every file under data/ (the undo folder data/.herstel included)."""
    base = root / "data"
    return {str(p.relative_to(base)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(base.rglob("*")) if p.is_file()}


def _80590_download(tmp_path: Path, revise: dict[str, float] | None = None) -> Path:
    """The real cbsodataR download of 80590NED with the composed data file; ``revise`` replaces the
    2024KW01 value of a sex (a revision made by the test)."""
    folder = tmp_path / "dl" / "80590ned"
    shutil.copytree(REAL / "80590ned_cbsodataR", folder)
    text = (FULL / "80590NED_data_composed.csv").read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    if revise:
        header = next(csv.reader([lines[0]]))
        col = header.index("NietSeizoengecorrigeerd_13")
        codes = {"Vrouwen": "4000   ", "Mannen": "3000   "}
        for i, line in enumerate(lines[1:], 1):
            row = next(csv.reader([line]))
            for sex, value in revise.items():
                if row[1] == codes[sex] and row[3] == "2024KW01":
                    old = row[col]
                    assert line.count(old) == 1, line
                    lines[i] = line.replace(old, repr(value))
    (folder / "data.csv").write_text("".join(lines), encoding="utf-8")
    return folder


# --------------------------------------------------------------------------- wrong tables are refused

def test_a_website_csv_of_another_table_does_not_replace_a_book_table(data_repo):
    before = sha_tree(data_repo)
    rc, out, err = run_cli("data", "import", str(CPI), "--table", "84070NED")
    assert rc == 1
    assert "passen niet bij de tabel die het boek gebruikt" in err
    # what differs, named: the dimensions, the topics the book reads and the title
    assert "Geslacht, Inkomensgrens" in err
    assert "Aandeel personen boven de inkomensgrens" in err
    assert "Economische zelfstandigheid personen 15 jaar tot AOW-leeftijd; kenmerken" in err
    assert "Consumentenprijzen; prijsindex 2015=100" in err
    assert "--vervang-tabel" in err and "Er is niets veranderd" in err
    assert sha_tree(data_repo) == before


def test_a_renamed_file_without_labels_does_not_replace_a_book_table(data_repo, tmp_path):
    renamed = tmp_path / "80590NED_TypedDataSet_01012026_000000.csv"
    shutil.copy(GGD, renamed)
    before = sha_tree(data_repo)
    rc, out, err = run_cli("data", "import", str(renamed), "--zonder-labels")
    assert rc == 1 and "passen niet bij de tabel die het boek gebruikt" in err
    assert "ontbreekt: Geslacht, Leeftijd" in err and "'Niet-seizoengecorrigeerd' in de groep 'Netto arbeidsparticipatie'" in err
    assert sha_tree(data_repo) == before


def test_a_deliberate_replacement_is_allowed_and_undone_by_one_command(data_repo):
    before = sha_tree(data_repo)
    rc, out, err = run_cli("data", "import", str(CPI), "--table", "84070NED", "--vervang-tabel", "--zonder-labels")
    assert rc == 0, err
    assert "84070NED: bijgewerkt" in out and "data herstel" in out
    assert cbs.Manifest.load(data_repo / "data" / "cbs").tables["84070NED"]["title"] == "Consumentenprijzen; prijsindex 2015=100"
    rc, out, err = run_cli("data", "herstel")
    assert rc == 0, err
    assert "84070NED: de vorige versie teruggezet" in out
    assert sha_tree(data_repo) == before
    # nothing left to undo: said so, nothing changed
    rc, out, err = run_cli("data", "herstel")
    assert rc == 1 and "geen import om terug te draaien" in err
    assert sha_tree(data_repo) == before


def test_a_new_table_is_removed_again_by_herstel(data_repo, tmp_path):
    before = sha_tree(data_repo)
    rc, out, err = run_cli("data", "import", str(CPI), "--table", "83131NED")
    assert rc == 0, err
    assert (data_repo / "data" / "cbs" / "83131NED.csv").exists()
    # 83131NED is used by no claim: the closing line names none
    assert "Klaar." in out and "cijfers uit de gidsen" not in out
    assert run_cli("data", "herstel")[0] == 0
    assert sha_tree(data_repo) == before


def test_a_real_refresh_of_a_book_table_needs_no_flag_and_names_its_claims(data_repo, tmp_path):
    before = sha_tree(data_repo)
    rc, out, err = run_cli("data", "import", str(_80590_download(tmp_path)))
    assert rc == 0, err
    assert "arbeidsparticipatie-2025" in out      # the claim whose audit reads 80590NED
    assert run_cli("data", "herstel")[0] == 0
    assert sha_tree(data_repo) == before


# --------------------------------------------------------------------------- dry run and change report

def test_dry_run_shows_a_revision_by_cbs_key_and_label_and_writes_nothing(data_repo, tmp_path):
    before = sha_tree(data_repo)
    # the research read 68,9 for women in 2024KW01 (CBS news 2024/21); the test revises it to 69,6
    rc, out, err = run_cli("data", "import", str(_80590_download(tmp_path, {"Vrouwen": 69.6})), "--dry-run")
    assert rc == 0, err
    assert "er is niets geschreven" in out and "Proefimport: er is niets veranderd" in out
    assert ("gewijzigd: 2024 1e kwartaal, Vrouwen, 15 tot 75 jaar, Netto arbeidsparticipatie: "
            "Niet-seizoengecorrigeerd: 68,9 → 69,6") in out
    assert "1 gewijzigd" in out
    assert sha_tree(data_repo) == before


def test_first_import_of_the_real_table_lines_up_with_the_extract(data_repo, tmp_path):
    # The extract (117 cells, manifest) and the real table share exactly the two 2024KW01 cells of the
    # composed file (Mannen/Vrouwen, 15 tot 75 jaar, at the values the research read: fulltable/README.md);
    # the extract's totals are for 2018 only (grep T001038 data/cbs/80590NED.csv), the real rows for
    # 2019-2022. So 115 cells go, none "changes", and the shared two are not reported as gone and new.
    rc, out, err = run_cli("data", "import", str(_80590_download(tmp_path)), "--dry-run")
    assert rc == 0, err
    assert "115 weg, 0 gewijzigd" in out
    assert "Netto arbeidsparticipatie: Niet-seizoengecorrigeerd: 20 nieuw, 79 weg, 0 gewijzigd" in out
