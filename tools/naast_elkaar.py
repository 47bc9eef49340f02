"""Side by side, for reviewers: each book passage that cites a place in a guide, with that place.

Usage:
    python tools/naast_elkaar.py GUIDE_OR_CHAPTER [--gidsen FOLDER] [--kort]

GUIDE_OR_CHAPTER is a guide's bib key (``verweyjonker2025klaar``), a location within it
(``verweyjonker2025klaar:thema 5``), or a book file or folder (``book/begeleiding``).
FOLDER holds the guides as plain text (file names starting with the guide's ``bestand`` prefix,
e.g. ``004_….txt``); it is read, never copied. Default: the ``WERKZORG_GIDSEN`` environment
variable. Without a folder the tool prints the location titles only.

For every citation of a guide in ``book/`` (Markdown) and ``data/`` (YAML, CSV) the tool prints
the book's passage (the paragraph or data item around the citation; for a statistic of
``data/claims.yaml``, the whole claim with each place in ``guide_places``), the location id and its
title from ``data/gidsen/<key>.yaml``, and, with a guides folder, the guide's own text under
that heading, so a reviewer reads them as pairs. ``--kort`` leaves the guide text out.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from werkzorg.data.guides import CITE_ROLE, Gids, load_gidsen, parse_targets, split_post  # noqa: E402

# Data fields that cite a guide location without a cite role: `{key: <bib key>, section: <id>}`.
DATA_REF = re.compile(r"key:\s*(?P<key>[a-z0-9_]+)\s*,\s*section:\s*\"[^\"]*\"\s*,\s*plek:\s*\"(?P<post>[^\"]+)\"")
# Where a guide cites a statistic of data/claims.yaml: `{guide: <bib key>, place: "<id>"}`.
CLAIM_PLACE = re.compile(r"\{\s*guide:\s*(?P<key>[a-z0-9_]+)\s*,\s*place:\s*\"(?P<post>[^\"]+)\"\s*\}")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^0-9a-zà-ÿ]+", " ", text.lower())).strip()


def guide_sections(gids: Gids, folder: Path) -> dict[str, str]:
    """The guide's text under each location, found by its heading (in the guide's order).

    A heading is a line (or two or three consecutive lines: 003 prints headings in capitals over
    several lines) whose words equal the location's anchor; list items and table-of-contents
    lines (which end in a page number) are not headings. An ``anker`` in the data may instead
    be the start of an untitled paragraph.
    """
    files = sorted(folder.glob(f"{gids.bestand}_*.txt")) or sorted(folder.glob(f"{gids.bestand}*.txt"))
    if not files:
        raise SystemExit(f"Geen gids met het voorvoegsel {gids.bestand!r} in {folder}")
    lines = files[0].read_text(encoding="utf-8").splitlines()
    nonempty = [i for i, line in enumerate(lines) if line.strip()]
    norm = {i: re.sub(r"^\d+ ", "", _norm(lines[i])) for i in nonempty}

    def is_heading_at(k: int, needle: str, prefix: bool = False) -> bool:
        # prefix: the title is shortened ("Breng de groep beter in kaart en …"), so the heading
        # only has to start with it.
        i = nonempty[k]
        if lines[i].lstrip().startswith(("-", "•")):
            return False
        text = ""
        for j in range(k, min(k + 3, len(nonempty))):
            text = (text + " " + norm[nonempty[j]]).strip()
            if text == needle or (prefix and text.startswith(needle)):
                return True
            if not needle.startswith(text):
                return False
        return False

    found: list[tuple[int, str]] = []
    # Named parts and pages ("p. 24") are each in the guide's order; search them separately.
    named = [(lid, t) for lid, t in gids.locaties.items() if not lid.startswith("p. ")]
    pages = [(lid, t) for lid, t in gids.locaties.items() if lid.startswith("p. ")]
    for group in (named, pages):
        found += _find(group, gids, nonempty, norm, is_heading_at)
    starts = sorted({start for start, _ in found})
    sections: dict[str, str] = {}
    for start, lid in found:
        later = [s for s in starts if s > start]
        end = later[0] if later else len(lines)
        sections[lid] = "\n".join(lines[start:end]).strip()
    return sections


def _find(group, gids, nonempty, norm, is_heading_at) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    k0 = 0
    for lid, titel in group:
        explicit = gids.ankers.get(lid)
        anchor = explicit
        if anchor is None:
            anchor = re.sub(r"^(methodiek \d+|leerpunt \d+|interview met|uitgelicht)\s*:?\s*", "", titel, flags=re.I)
            anchor = re.sub(r"\s*\[.*$", "", anchor)
            if lid.startswith("p. "):
                anchor = anchor.split(" · ")[0]
        prefix = anchor.rstrip().endswith("…")
        needle = re.sub(r"^\d+ ", "", _norm(anchor))
        if not needle or needle.startswith("vervolg van"):
            continue
        hit = next((k for k in range(k0, len(nonempty)) if is_heading_at(k, needle, prefix)), None)
        if hit is None and explicit:
            hit = next((k for k in range(k0, len(nonempty)) if needle in norm[nonempty[k]]), None)
        if hit is not None:
            found.append((nonempty[hit], lid))
            k0 = hit + 1
    return found


def _passage(lines: list[str], i: int) -> str:
    """The paragraph (Markdown) or data item (YAML) around line *i*."""
    lo = i
    while lo > 0 and lines[lo - 1].strip() and not lines[lo - 1].lstrip().startswith(("#", "- id:", "```", ":::")):
        lo -= 1
    hi = i
    while hi + 1 < len(lines) and lines[hi + 1].strip() and not lines[hi + 1].lstrip().startswith(("#", "- id:", "```", ":::")):
        hi += 1
    return "\n".join(lines[lo:hi + 1]).strip()


def _claim_passage(lines: list[str], i: int) -> str:
    """The whole claim (from its ``- id:`` line to the blank line after it) around line *i*."""
    lo = i
    while lo > 0 and not lines[lo].lstrip().startswith("- id:"):
        lo -= 1
    hi = i
    while hi + 1 < len(lines) and lines[hi + 1].strip() and not lines[hi + 1].lstrip().startswith("- id:"):
        hi += 1
    return textwrap.dedent("\n".join(lines[lo:hi + 1])).strip()


def citations(paths: list[Path]):
    """``(file, line, key, location id, passage)`` for each guide location cited in *paths*."""
    for path in paths:
        lines = path.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            for m in CITE_ROLE.finditer(line):
                for key, post in parse_targets(m.group(1)):
                    for lid in split_post(post) or [""]:
                        yield path, i + 1, key, lid, _passage(lines, i)
            for m in DATA_REF.finditer(line):
                for lid in split_post(m.group("post")):
                    yield path, i + 1, m.group("key"), lid, _passage(lines, i)
            for m in CLAIM_PLACE.finditer(line):
                yield path, i + 1, m.group("key"), m.group("post").strip(), _claim_passage(lines, i)


def _files(target: Path) -> list[Path]:
    if target.is_file():
        return [target]
    exts = ("*.yaml", "*.csv") if target.name == "data" else ("*.md", "*.yaml", "*.csv", "*.j2")
    return sorted(p for ext in exts for p in target.rglob(ext) if "_build" not in p.parts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("doel", help="bib key of a guide, key:location, or a book file/folder")
    ap.add_argument("--gidsen", default=os.environ.get("WERKZORG_GIDSEN"), help="folder with the guides as text")
    ap.add_argument("--kort", action="store_true", help="titles only, no guide text")
    args = ap.parse_args(argv)

    gidsen = load_gidsen(ROOT / "data" / "gidsen")
    want_key, want_loc, paths = None, None, None
    key_part, _, loc_part = args.doel.partition(":")
    if key_part in gidsen:
        want_key, want_loc = key_part, (loc_part or None)
        paths = _files(ROOT / "book") + _files(ROOT / "data")
    else:
        target = Path(args.doel)
        target = target if target.is_absolute() else (Path.cwd() / target)
        if not target.exists():
            ap.error(f"{args.doel}: geen gids-sleutel ({', '.join(gidsen)}) en geen bestand of map")
        paths = _files(target)
    folder = Path(args.gidsen) if args.gidsen else None
    if folder is not None and not folder.is_dir():
        ap.error(f"--gidsen {folder}: geen map")
    texts: dict[str, dict[str, str]] = {}

    count = 0
    for path, lineno, key, lid, passage in citations(paths):
        if key not in gidsen or (want_key and key != want_key) or (want_loc and lid != want_loc):
            continue
        count += 1
        gids = gidsen[key]
        titel = gids.locaties.get(lid, "!! onbekende plaats" if lid else "!! geen plaats genoemd")
        rel = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        print("=" * 100)
        print(f"{rel}:{lineno}   {key} · {lid or '-'} · {titel}")
        print("-- boek " + "-" * 92)
        print(textwrap.indent(passage, "  "))
        if folder is not None and not args.kort and lid in gids.locaties:
            if key not in texts:
                texts[key] = guide_sections(gids, folder)
            guide_text = texts[key].get(lid)
            print("-- gids " + "-" * 92)
            if lid == "hele gids":
                guide_text = "(verwijzing naar de hele gids: er is geen passage om naast te leggen)"
            print(textwrap.indent(guide_text or "(kop niet gevonden in de gidstekst; zoek op de titel hierboven)", "  "))
    print(f"\n{count} citaten")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
