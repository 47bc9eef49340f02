"""The copy check: no passage of the book repeats one of the guides word for word.

The book retells five guides in its own words; facts, figures, names and titles may be reused,
running sentences may not. Every run of ten or more consecutive words that a text file in book/,
notebooks/, data/ or the README shares with a guide is reported with the file and the words.
The guides' text is not in the repository (see tests/guides.py): without it the check skips and
says what it needs.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from guides import GUIDE_FILES, ROOT, SKIP_REASON, guides_dir

WORDS = 10
TEXT_SUFFIXES = {".md", ".ipynb", ".csv", ".yml", ".yaml", ".txt", ".rst", ".py", ".json", ".html", ".j2"}
SKIP_PARTS = {"_build", ".git", ".venv", "node_modules", ".ipynb_checkpoints", "__pycache__"}
WORD = re.compile(r"[a-z0-9à-ÿ]+(?:['’][a-z]+)?")


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).lower().replace("-\n", "")  # hyphenation in the guides
    return WORD.findall(text)


def shared_runs(text: str, index: dict[tuple[str, ...], str]) -> list[tuple[str, str]]:
    """Each maximal run of WORDS or more words of ``text`` found in a guide: (guide, words)."""
    seq, runs, i = words(text), [], 0
    while i <= len(seq) - WORDS:
        gram = tuple(seq[i:i + WORDS])
        if gram not in index:
            i += 1
            continue
        j = i + WORDS
        while j < len(seq) and tuple(seq[j - WORDS + 1:j + 1]) in index:
            j += 1
        runs.append((index[gram], " ".join(seq[i:j])))
        i = j
    return runs


def _index(folder: Path) -> dict[tuple[str, ...], str]:
    index: dict[tuple[str, ...], str] = {}
    for name in GUIDE_FILES:
        seq = words((folder / name).read_text(encoding="utf-8"))
        for i in range(len(seq) - WORDS + 1):
            index.setdefault(tuple(seq[i:i + WORDS]), name)
    return index


def test_the_check_finds_a_copied_run_and_not_a_shorter_one():
    index = {tuple("een twee drie vier vijf zes zeven acht negen tien elf".split()[k:k + WORDS]): "gids"
             for k in range(2)}
    assert shared_runs("Zo: Een twee drie vier vijf, zes zeven acht negen tien elf!", index) == \
        [("gids", "een twee drie vier vijf zes zeven acht negen tien elf")]
    assert shared_runs("een twee drie vier vijf zes zeven acht negen", index) == []


@pytest.mark.skipif(guides_dir() is None, reason=SKIP_REASON)
def test_no_text_of_the_book_repeats_a_guide_word_for_word():
    index = _index(guides_dir())
    roots = [ROOT / "book", ROOT / "notebooks", ROOT / "data", *ROOT.glob("README*")]
    files = [f for r in roots for f in ([r] if r.is_file() else sorted(r.rglob("*")))
             if f.is_file() and f.suffix in TEXT_SUFFIXES and not SKIP_PARTS.intersection(f.parts)]
    assert len(files) > 50, f"the check found only {len(files)} files to read"
    copied = [f"{f.relative_to(ROOT)}: {len(run.split())} words from {guide}: \"{run}\""
              for f in files for guide, run in shared_runs(f.read_text(encoding="utf-8", errors="replace"), index)]
    assert not copied, "passages that repeat a guide word for word (retell them in your own words):\n" + \
        "\n".join(copied)
