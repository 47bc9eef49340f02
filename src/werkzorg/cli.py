"""Command line for analysts: refresh the CBS snapshots or import a StatLine download.

    .venv/bin/python -m werkzorg data refresh [TABLE ...]   fetch full tables from CBS (network needed)
    .venv/bin/python -m werkzorg data import FILE|FOLDER    take a CBS download (any form in cbs.FORMATS)
        --dry-run        show what would change, write nothing
        --vervang-tabel  replace a book table even when its dimensions, topics or title differ
    .venv/bin/python -m werkzorg data herstel               undo the last import or refresh
    .venv/bin/python -m werkzorg data check                 verify every snapshot against the manifest
    .venv/bin/python -m werkzorg audit                      recompute every claim, print the statuses

Messages are in Dutch (the analyst reads them); nothing is replaced unless the new data
passed every check, and files are replaced atomically.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .data import cbs

#: How a user runs the command line from the repository (README, analyst page).
COMMAND = ".venv/bin/python -m werkzorg"


def _print_change(change: dict, out, dry_run: bool = False) -> None:
    tid = change["table_id"]
    if dry_run:
        print(f"{tid}: proefimport, er is niets geschreven ({change['file']} blijft zoals het is)", file=out)
    else:
        print(f"{tid}: bijgewerkt ({change['file']})", file=out)
    if change.get("note"):
        print(f"  {change['note']}", file=out)
    verb = "zou" if dry_run else ""
    print(f"  {change['added']} cellen nieuw, {change['removed']} weg, {change['changed']} gewijzigd"
          + (" (als je importeert)" if verb else ""), file=out)
    for topic, n in (change.get("per_topic") or {}).items():
        print(f"  {topic}: {n['nieuw']} nieuw, {n['weg']} weg, {n['gewijzigd']} gewijzigd", file=out)
    for ex in change.get("examples", []):
        print(f"  gewijzigd: {ex}", file=out)
    for ex in change.get("added_examples", []):
        print(f"  nieuw: {ex}", file=out)
    for ex in change.get("removed_examples", []):
        print(f"  weg: {ex}", file=out)
    if change.get("removed"):
        print(f"Let op: {change['removed']} cellen die nu in de gegevens staan, zitten niet in het nieuwe bestand; "
              "grafieken en cijfers die ze gebruiken, verliezen die perioden.", file=out)


def _claims_using(tables: list[str]) -> list[str]:
    """Ids of the claims whose audit reads one of ``tables``."""
    from .data import audit, series

    out = []
    try:
        spec = audit.load_audit_spec()
    except (OSError, audit.AuditError):
        return out
    for cid, entry in spec.items():
        for v in (entry.get("values") or {}).values():
            r = series.resolve_spec(v) if isinstance(v, dict) else {}
            t = r.get("table") or (r.get("of") or {}).get("table")
            if t in tables and cid not in out:
                out.append(cid)
    return out


def _closing(tables: list[str], out) -> None:
    claims = _claims_using(tables)
    line = "Klaar. Bouw het boek opnieuw (make book)"
    if claims:
        line += (f". Deze cijfers uit de gidsen gebruiken {' en '.join(tables)}: {', '.join(claims)}; "
                 "lees op de cijferpagina of hun status veranderd is")
    print(line + f". Terugdraaien: {COMMAND} data herstel", file=out)


def _guard(df, tid: str, title: str | None, force: bool) -> None:
    """Refuse to replace a table the book uses when it does not match (see werkzorg.data.import_guard)."""
    from .data import import_guard as guard

    man = cbs.Manifest.load()
    if tid not in man.tables or tid not in guard.book_tables():
        return
    diffs = guard.differences(df, tid, man.tables[tid], title)
    if diffs and not force:
        raise cbs.CBSDataError(tid, None, "deze gegevens passen niet bij de tabel die het boek gebruikt:\n  - "
                               + "\n  - ".join(diffs) + "\nKlopt het tabelnummer (--table) en het bestand? Wil je de "
                               "tabel toch bewust vervangen, gebruik dan --vervang-tabel")


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
              f"en gebruik: {COMMAND} data import BESTAND.csv", file=err)
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
        try:
            _guard(df, t, df.attrs.get("title"), args.vervang_tabel)
        except cbs.CBSDataError as exc:
            print(f"Fout: {exc}\nEr is niets veranderd.", file=err)
            return 1
    from .data import import_guard as guard

    if fetched:
        guard.keep_previous(list(fetched))
    for t, df in fetched.items():
        change = cbs.install_table(df, source=t, origin=cbs.V3_FEED.format(table=t, entity="TypedDataSet"))
        _print_change(change, out)
    if fetched:
        _closing(list(fetched), out)
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
        tids = sorted(set(df["table_id"]))
        if len(tids) == 1:
            _guard(df, tids[0], title, args.vervang_tabel)
        from .data import import_guard as guard

        change = cbs.install_table(df, source=str(path), title=title, origin=f"CBS-download {path.name}",
                                   allow_unlabelled=args.zonder_labels, dry_run=args.dry_run,
                                   before_write=guard.keep_previous)
    except cbs.CBSDataError as exc:
        print(f"Fout: {exc}\nEr is niets veranderd.", file=err)
        return 1
    _print_change(change, out, dry_run=args.dry_run)
    if args.dry_run:
        print("Proefimport: er is niets veranderd. Importeer zonder --dry-run om dit over te nemen.", file=out)
        return 0
    _closing([change["table_id"]], out)
    return 0


def cmd_restore(args, out=sys.stdout, err=sys.stderr) -> int:
    from .data import import_guard as guard

    try:
        info = guard.restore()
    except FileNotFoundError:
        print("Er is geen import om terug te draaien (alleen de laatste import of verversing kan terug).\n"
              "Er is niets veranderd.", file=err)
        return 1
    for item in info["tables"]:
        what = "de vorige versie teruggezet" if item.get("file") else "weer verwijderd (de tabel was nieuw)"
        print(f"{item['table']}: {what}, zoals het was voor de import van {info['when']}.", file=out)
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
    from .data import audit
    from .data.claims import load_claims

    claims = load_claims()
    results = audit.run_audit(claims)
    print(audit.headline_text(results, cbs.Manifest.load().tables), file=out)
    for r in results.values():
        print("", file=out)
        hand = " (status met de hand vastgesteld)" if r.status_by_hand else ""
        print(f"{r.claim_id}: {r.status}{hand}, {audit.METHOD_NL[r.method]}", file=out)
        period = claims[r.claim_id].period if r.claim_id in claims else ""
        data_periods = sorted({audit.period_label(v.period) for v in r.values.values() if v.period})
        print(f"  periode: gids {period or 'geen jaar'}"
              + (f"; gegevens {', '.join(data_periods)}" if data_periods else ""), file=out)
        if r.values:
            print(f"  {r.summary}", file=out)
        if r.explanation:
            print(f"  uitleg: {r.explanation}", file=out)
        if r.decided_by:
            print(f"  wat het zou beslissen: {r.decided_by}", file=out)
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=COMMAND, description="Werk & Zorg: gegevens en cijfercontrole")
    sub = p.add_subparsers(dest="command", required=True)
    data = sub.add_parser("data", help="CBS-snapshots verversen of importeren")
    dsub = data.add_subparsers(dest="action", required=True)
    r = dsub.add_parser("refresh", help="haal volledige tabellen op bij CBS (netwerk nodig)")
    r.add_argument("tables", nargs="*", help="tabelnummers, bijvoorbeeld 80590NED (standaard: alle)")
    r.add_argument("--vervang-tabel", action="store_true",
                   help="vervang een tabel van het boek ook als dimensies, onderwerpen of titel niet kloppen")
    r.set_defaults(func=cmd_refresh)
    i = dsub.add_parser("import", help="neem een CBS-download over (StatLine-CSV, website-CSV, cbsodata(R), OData)")
    i.add_argument("file", help="<ID>_TypedDataSet_<datum>_<tijd>.csv, een website-CSV, of een map met OData/cbsodataR-bestanden")
    i.add_argument("--metadata", help="bijbehorend <ID>_metadata.csv (standaard: naast het bestand gezocht)")
    i.add_argument("--table", help="tabelnummer, als de bestandsnaam het niet zegt (zoals 80590NED)")
    i.add_argument("--zonder-labels", action="store_true",
                   help="vervang een tabel met labels toch door gegevens zonder labels (alleen codes)")
    i.add_argument("--vervang-tabel", action="store_true",
                   help="vervang een tabel van het boek ook als dimensies, onderwerpen of titel niet kloppen")
    i.add_argument("--dry-run", action="store_true", help="toon wat er zou veranderen en schrijf niets")
    i.set_defaults(func=cmd_import)
    h = dsub.add_parser("herstel", help="draai de laatste import of verversing terug")
    h.set_defaults(func=cmd_restore)
    c = dsub.add_parser("check", help="controleer de snapshots tegen het manifest")
    c.set_defaults(func=cmd_check)
    a = sub.add_parser("audit", help="herbereken alle claims en toon de status")
    a.set_defaults(func=cmd_audit)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)
