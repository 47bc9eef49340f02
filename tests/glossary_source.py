"""The glossary's entries as its source writes them, for tests that generate cases from it.

Read from book/begrippen/woordenlijst.md, not from the build: one or more unindented term lines
followed by an indented definition. The build reads the same entries from the doctree
(werkzorg.sphinxext.wayfinding), so a test that compares the two catches a parser that drifts.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def glossary_term_groups() -> list[list[str]]:
    """Every glossary entry as the list of its names (first the main term)."""
    text = (ROOT / "book" / "begrippen" / "woordenlijst.md").read_text(encoding="utf-8")
    block = text.split("```{glossary}", 1)[1].split("\n```", 1)[0]
    groups, current = [], []
    for line in block.splitlines():
        if line and not line[0].isspace() and not line.startswith(":"):
            current.append(line.strip())
        elif line.strip() and current:
            groups.append(current)
            current = []
    return groups
