"""The glossary (book/begrippen/woordenlijst.md) holds every term the content map asks for.

The list of required terms below is written by hand from the content map
(docs/CONTENT-MAP.md, part "Begrippen") and from the brief for the foundation issue.
It is deliberately not derived from the glossary itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "book" / "begrippen" / "woordenlijst.md"

#: Terms named in CONTENT-MAP.md, part "Begrippen" (synonyms listed there each count).
CONTENT_MAP_TERMS = [
    "Gender",
    "Sekse",
    "Genderstereotype",
    "Beschrijvend stereotype",
    "Voorschrijvend stereotype",
    "Gendersensitief",
    "Genderspecifiek",
    "Cultuursensitief",
    "Intercultureel vakmanschap",
    "Intersectionaliteit",
    "Kruispuntdenken",
    "Overculturalisering",
    "Zorgverantwoordelijkheid",
    "Onbetaalde zorgtaken",
    "Mantelzorg",
    "Werkzorgverdeling",
    "Economische zelfstandigheid",
    "Financiële onafhankelijkheid",
    "Nuggers",
    "Niet-uitkeringsgerechtigden",
    "Statushouders",
    "Nieuwkomers",
    "Bijstand",
    "Participatiewet",
    "Klantmanager",
    "Werkcoach",
    "Re-integratie",
    "Tussenstap",
    "Methode",
    "Tool",
    "Praktijkvoorbeeld",
    "Peer education",
    "Empowerment",
    "Dialoog",
    "Mannenemancipatie",
]

#: Terms the other chapters need (income rules, explorer, dialogue methods, toolbox).
CHAPTER_TERMS = [
    "Kinderopvangtoeslag",
    "Arbeidskorting",
    "Inkomensafhankelijke combinatiekorting",
    "Kindgebonden budget",
    "Toeslagen",
    "Deeltijd",
    "Arbeidsparticipatie",
    "Migratieachtergrond",
    "Herkomst",
    "Huiskamergesprek",
    "Dialoogsessie",
    "Regiobijeenkomst",
    "Vrouwenorganisatie",
    "Armoedeval",
]

#: Pairs the content map names as one concept: they must share one definition.
SYNONYMS = [
    ("Intersectionaliteit", "Kruispuntdenken"),
    ("Cultuursensitief", "Intercultureel vakmanschap"),
    ("Nuggers", "Niet-uitkeringsgerechtigden"),
    ("Statushouders", "Nieuwkomers"),
    ("Klantmanager", "Werkcoach"),
    ("Bijstand", "Participatiewet"),
]


@dataclass
class Entry:
    terms: list[str]
    definition: str
    line: int


class GlossaryFormatError(ValueError):
    pass


def parse_glossary(text: str, source: str = "woordenlijst.md") -> list[Entry]:
    """Split the first ```{glossary} block into entries: term lines, then an indented definition."""
    match = re.search(r"^```\{glossary\}[^\n]*\n(.*?)^```\s*$", text, re.S | re.M)
    if not match:
        raise GlossaryFormatError(f"{source}: no ```{{glossary}} block found")
    first_line = text[: match.start(1)].count("\n") + 1
    entries: list[Entry] = []
    current: Entry | None = None
    in_definition = False
    for offset, line in enumerate(match.group(1).splitlines()):
        lineno = first_line + offset
        if not line.strip():
            continue
        if line.startswith(":") and current is None:
            continue  # directive option such as :sorted:
        if line[0].isspace():
            if current is None:
                raise GlossaryFormatError(f"{source}:{lineno}: definition text before any term")
            current.definition += line.strip() + " "
            in_definition = True
        else:
            if current is None or in_definition:
                current = Entry(terms=[], definition="", line=lineno)
                entries.append(current)
                in_definition = False
            current.terms.append(line.strip())
    for entry in entries:
        if not entry.definition.strip():
            raise GlossaryFormatError(f"{source}:{entry.line}: term {entry.terms} has no definition")
    return entries


@pytest.fixture(scope="module")
def entries() -> list[Entry]:
    return parse_glossary(GLOSSARY.read_text(encoding="utf-8"), str(GLOSSARY))


def _index(entries: list[Entry]) -> dict[str, Entry]:
    return {term.casefold(): entry for entry in entries for term in entry.terms}


@pytest.mark.parametrize("term", CONTENT_MAP_TERMS + CHAPTER_TERMS)
def test_required_term_is_defined(entries: list[Entry], term: str) -> None:
    assert term.casefold() in _index(entries), f"glossary lacks the term {term!r}"


def test_no_term_is_defined_twice(entries: list[Entry]) -> None:
    seen: dict[str, int] = {}
    duplicates = []
    for entry in entries:
        for term in entry.terms:
            key = term.casefold()
            if key in seen:
                duplicates.append(f"{term} (lines {seen[key]} and {entry.line})")
            seen[key] = entry.line
    assert not duplicates, f"terms defined more than once: {duplicates}"


def test_every_definition_cites_a_source(entries: list[Entry]) -> None:
    missing = [e.terms[0] for e in entries if not re.search(r"\{cite(:[pt])?\}`[^`]+`", e.definition)]
    assert not missing, f"definitions without a {{cite}}: {missing}"


def test_every_term_starts_with_a_capital(entries: list[Entry]) -> None:
    lower = [t for e in entries for t in e.terms if not t[0].isupper()]
    assert not lower, f"terms must start with a capital letter (others link as {{term}}`Term`): {lower}"


@pytest.mark.parametrize(("first", "second"), SYNONYMS)
def test_synonyms_share_one_definition(entries: list[Entry], first: str, second: str) -> None:
    index = _index(entries)
    assert index[first.casefold()] is index[second.casefold()], f"{first} and {second} should share one entry"


def test_definitions_are_short(entries: list[Entry]) -> None:
    # One to four sentences (B1 Dutch); a citation role does not count as a sentence end.
    too_long = []
    for e in entries:
        prose = re.sub(r"\{[a-z:]+\}`[^`]*`", "", e.definition)
        sentences = [s for s in re.split(r"[.!?](?:\s|$)", prose) if s.strip()]
        if len(sentences) > 4:
            too_long.append((e.terms[0], len(sentences)))
    assert not too_long, f"definitions longer than four sentences: {too_long}"


def test_parser_rejects_a_page_without_glossary() -> None:
    with pytest.raises(GlossaryFormatError, match="no ```\\{glossary\\} block"):
        parse_glossary("# Woordenlijst\n\nGeen lijst.\n")


def test_parser_reports_a_term_without_definition() -> None:
    text = "```{glossary}\nGender\n  Rollen {cite:p}`x`.\n\nSekse\n```\n"
    with pytest.raises(GlossaryFormatError, match=r"Sekse"):
        parse_glossary(text)
