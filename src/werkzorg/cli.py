"""Command line for analysts: refresh the CBS snapshots or import a StatLine download.

    python -m werkzorg data refresh [TABLE ...]   fetch full tables from CBS (network needed)
    python -m werkzorg data import FILE|FOLDER    take a CBS download (any form in cbs.FORMATS)
    python -m werkzorg data check                 verify every snapshot against the manifest
    python -m werkzorg audit                      recompute every claim, print the statuses

Messages are in Dutch (the analyst reads them); nothing is replaced unless the new data
passed every check, and files are replaced atomically.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import cbs


def _print_change(change: dict, out) -> None:
    tid = change["table_id"]
    print(f"{tid}: bijgewerkt ({change['file']})", file=out)
    if change.get("note"):
        print(f"  {change['note']}", file=out)
    print(f"  {change['added']} cellen nieuw, {change['removed']} weg, {change['changed']} gewijzigd", file=out)
    for ex in change.get("examples", []):
        print(f"  gewijzigd: {ex}", file=out)


def cmd_refresh(args, out=sys.stdout, err=sys.stderr, get_json=None) -> int:
    man = cbs.Manifest.load()
    wanted = [t.upper() if t.upper() in man.tables else t for t in args.tables] or list(man.tables)
    unknown = [t for t in wanted if t not in man.tables]
    if unknown:
        print(f"Onbekende tabel: {', '.join(unknown)}. Bekend: {', '.join(man.tables)}", file=err)
        return 1
    statline = [t for t in wanted if man.tables[t].get("kind") == "statline"]
    for t in wanted:
        if t not in statline:
            print(f"{t}: geen StatLine-tabel (bron: {man.tables[t].get('title')}); wordt niet ververst.", file=out)
    get_json = get_json or cbs.http_json
    fetched = {}
    try:
        for t in statline:
            print(f"{t}: ophalen bij CBS (OData v3) ...", file=out)
            fetched[t] = cbs.read_odata_v3(t, get_json)
    except cbs.NetworkUnavailable as exc:
        print("Geen netwerk: CBS (opendata.cbs.nl) is niet bereikbaar.\n"
              f"  ({exc})\n"
              "Er is niets veranderd. Probeer het later opnieuw, of download de tabel als CSV via StatLine\n"
              "en gebruik: python -m werkzorg data import BESTAND.csv", file=err)
        return 2
    except cbs.CBSDataError as exc:
        print(f"Fout in de gegevens van CBS: {exc}\nEr is niets veranderd.", file=err)
        return 1
    for t, df in fetched.items():
        try:
            cbs.validate_tidy(df, t)
        except cbs.CBSDataError as exc:
            print(f"Fout: {exc}\nEr is niets veranderd.", file=err)
            return 1
    for t, df in fetched.items():
        change = cbs.install_table(df, source=t, origin=cbs.V3_FEED.format(table=t, entity="TypedDataSet"))
        _print_change(change, out)
    if fetched:
        print("Klaar. Bouw het boek opnieuw (make book) en lees op de cijferpagina welke claims veranderd zijn.", file=out)
    return 0


def cmd_import(args, out=sys.stdout, err=sys.stderr) -> int:
    path = Path(args.file)
    if not path.exists():
        print(f"Fout: {path}: bestand niet gevonden.\nEr is niets veranderd.", file=err)
        return 1
    try:
        meta = Path(args.metadata) if args.metadata else None
        if meta is not None and not meta.is_file():
            raise cbs.CBSDataError(meta, None, "metadatabestand niet gevonden")
        table = cbs.normalise_table_id(args.table, "--table") if args.table else None
        df = cbs.read_file(path, table_id=table, metadata=meta)
        title = df.attrs.get("title") or None
        if not title and path.is_file():
            mpath = meta or cbs.find_metadata(path)
            if mpath:
                title = cbs.read_statline_metadata(mpath)["table"].get("Title") or None
        for note in df.attrs.get("notes") or []:
            print(f"Let op: {note}", file=out)
        if df.attrs.get("selection"):
            print("Let op: dit is een selectie uit de CBS-tabel (niet alle rijen); het manifest legt dat vast.", file=out)
        change = cbs.install_table(df, source=str(path), title=title, origin=f"CBS-download {path.name}",
                                   allow_unlabelled=args.zonder_labels)
    except cbs.CBSDataError as exc:
        print(f"Fout: {exc}\nEr is niets veranderd.", file=err)
        return 1
    _print_change(change, out)
    print("Klaar. Bouw het boek opnieuw (make book) en lees op de cijferpagina welke claims veranderd zijn.", file=out)
    return 0


def cmd_check(args, out=sys.stdout, err=sys.stderr) -> int:
    man = cbs.Manifest.load()
    bad = 0
    for tid, entry in man.tables.items():
        path = man.path.parent / entry["file"]
        if not path.exists():
            print(f"{tid}: bestand {path} ontbreekt", file=err)
            bad += 1
            continue
        if cbs.sha256_file(path) != entry.get("sha256"):
            print(f"{tid}: sha256 klopt niet met het manifest (met de hand bewerkt?)", file=err)
            bad += 1
            continue
        df = cbs.load_snapshot(tid)
        kind = "uittreksel" if entry.get("extract") else "volledige tabel"
        print(f"{tid}: {len(df)} rijen, {kind}, opgehaald {entry.get('retrieved')}", file=out)
    return 1 if bad else 0


def cmd_audit(args, out=sys.stdout, err=sys.stderr) -> int:
    from . import audit

    results = audit.run_audit()
    for r in results.values():
        print(f"{r.claim_id:40s} {r.status:22s} {r.method:12s} {r.summary}", file=out)
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m werkzorg", description="Werk & Zorg: gegevens en cijfercontrole")
    sub = p.add_subparsers(dest="command", required=True)
    data = sub.add_parser("data", help="CBS-snapshots verversen of importeren")
    dsub = data.add_subparsers(dest="action", required=True)
    r = dsub.add_parser("refresh", help="haal volledige tabellen op bij CBS (netwerk nodig)")
    r.add_argument("tables", nargs="*", help="tabelnummers, bijvoorbeeld 80590NED (standaard: alle)")
    r.set_defaults(func=cmd_refresh)
    i = dsub.add_parser("import", help="neem een CBS-download over (StatLine-CSV, website-CSV, cbsodata(R), OData)")
    i.add_argument("file", help="<ID>_TypedDataSet_<datum>_<tijd>.csv, een website-CSV, of een map met OData/cbsodataR-bestanden")
    i.add_argument("--metadata", help="bijbehorend <ID>_metadata.csv (standaard: naast het bestand gezocht)")
    i.add_argument("--table", help="tabelnummer, als de bestandsnaam het niet zegt (zoals 80590NED)")
    i.add_argument("--zonder-labels", action="store_true",
                   help="vervang een tabel met labels toch door gegevens zonder labels (alleen codes)")
    i.set_defaults(func=cmd_import)
    c = dsub.add_parser("check", help="controleer de snapshots tegen het manifest")
    c.set_defaults(func=cmd_check)
    a = sub.add_parser("audit", help="herbereken alle claims en toon de status")
    a.set_defaults(func=cmd_audit)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)
