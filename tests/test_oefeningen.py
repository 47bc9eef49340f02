"""The exercise pages (book/oefenen): every chapter has exercises, every exercise an answer.

The pages are parsed as text, the way a reader meets them: one section per chapter whose
heading links the chapter with ``{ref}``, exercises and solutions as sphinx-exercise blocks.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qsl, urlparse

import pytest
import yaml

from werkzorg.explorer import page as explorer

ROOT = Path(__file__).resolve().parent.parent
PAGES_DIR = ROOT / "book" / "oefenen"
#: Parts of the toc that are not content: no exercises are expected for their chapters.
NON_CONTENT_PARTS = {"Voor trainers", "Oefenen", "Verantwoording"}
MIN_EXERCISES = 3

LABEL_LINE = re.compile(r"^\(([\w-]+)\)=\s*$", re.M)
HEADING = re.compile(r"^## (.+)$", re.M)
REF = re.compile(r"\{ref\}`(?:[^`<]*<)?([\w-]+)>?`")
FENCE = re.compile(r"^```\{(exercise|solution)\}[ \t]*(.*)\n((?:.*\n)*?)^```[ \t]*$", re.M)
OPTION = re.compile(r"^:(\w+):[ \t]*(.*)$", re.M)
EXPLORER_LINK = re.compile(r'href="([^"]*verkenner\.html[^"]*)"')


def _toc() -> dict:
    return yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))


def _source(entry: str) -> Path:
    for ext in (".md", ".ipynb", ".rst"):
        path = ROOT / (entry + ext)
        if path.is_file():
            return path
    raise AssertionError(f"_toc.yml lists {entry!r}, but no such file exists")


def _label_of(entry: str) -> str:
    found = LABEL_LINE.search(_source(entry).read_text(encoding="utf-8"))
    assert found, f"{entry}: no label line '(label)=' to link exercises to"
    return found.group(1)


def content_chapters() -> dict[str, tuple[str, str]]:
    """Label -> (part caption, toc entry) for every chapter of a content part (not sections)."""
    out = {}
    for part in _toc()["parts"]:
        if part["caption"] in NON_CONTENT_PARTS:
            continue
        for chapter in part.get("chapters", []):
            out[_label_of(chapter["file"])] = (part["caption"], chapter["file"])
    return out


def exercise_pages() -> list[Path]:
    return sorted(PAGES_DIR.glob("*.md"))


def parse_page(path: Path) -> list[dict]:
    """One dict per chapter section: heading, chapter label, exercises and solutions."""
    text = path.read_text(encoding="utf-8")
    heads = list(HEADING.finditer(text))
    sections = []
    for i, head in enumerate(heads):
        body = text[head.end(): heads[i + 1].start() if i + 1 < len(heads) else len(text)]
        refs = REF.findall(head.group(1))
        exercises, solutions = [], []
        for kind, title, content in FENCE.findall(body):
            options = dict(OPTION.findall(content))
            item = {"title": title.strip(), "options": options, "content": content}
            (exercises if kind == "exercise" else solutions).append(item)
        sections.append({"heading": head.group(1), "chapter": refs[0] if refs else None,
                         "exercises": exercises, "solutions": solutions, "file": path.name})
    return sections


def all_sections() -> list[dict]:
    return [s for page in exercise_pages() for s in parse_page(page)]


def test_oefenen_part_lists_exactly_the_written_pages():
    parts = {p["caption"]: p for p in _toc()["parts"]}
    assert "Oefenen" in parts, "_toc.yml has no part 'Oefenen'"
    listed = [c["file"] for c in parts["Oefenen"]["chapters"]]
    on_disk = [f"book/oefenen/{p.stem}" for p in exercise_pages()]
    assert sorted(listed) == sorted(on_disk)
    captions = [p["caption"] for p in _toc()["parts"]]
    assert captions.index("Oefenen") + 1 == captions.index("Voor trainers"), "Oefenen must come right before Voor trainers"


@pytest.mark.parametrize("page", exercise_pages(), ids=lambda p: p.stem)
def test_page_has_its_label_and_explains_the_hidden_answers(page):
    text = page.read_text(encoding="utf-8")
    assert text.startswith(f"(oefenen-{page.stem})=\n"), f"{page.name} must start with (oefenen-{page.stem})="
    head = text.split("\n## ", 1)[0]
    assert "{admonition}" in head, f"{page.name}: no admonition before the first section"
    assert "studenteneditie" in head and "dichtgeklapt" in head, f"{page.name}: the note on answers is missing"


@pytest.mark.parametrize("page", exercise_pages(), ids=lambda p: p.stem)
def test_every_section_links_a_content_chapter(page):
    chapters = content_chapters()
    for section in parse_page(page):
        assert section["chapter"], f"{page.name}: heading '{section['heading']}' does not link its chapter with {{ref}}"
        assert section["chapter"] in chapters, (
            f"{page.name}: '{section['heading']}' links {section['chapter']!r}, which is not a chapter of a content part")


def test_every_content_chapter_has_at_least_three_exercises():
    counts: Counter[str] = Counter()
    for section in all_sections():
        counts[section["chapter"]] += len(section["exercises"])
    missing = {label: f"{part} / {entry}: {counts[label]}"
               for label, (part, entry) in content_chapters().items() if counts[label] < MIN_EXERCISES}
    assert not missing, f"chapters with fewer than {MIN_EXERCISES} exercises: {missing}"


def test_exercise_labels_are_unique_and_name_page_and_chapter():
    labels = []
    for section in all_sections():
        part = section["file"].removesuffix(".md")
        for ex in section["exercises"]:
            label = ex["options"].get("label")
            assert label, f"{section['file']}: an exercise under '{section['heading']}' has no :label:"
            assert re.fullmatch(rf"{re.escape(part)}-{re.escape(section['chapter'])}-ex\d+", label), (
                f"{section['file']}: label {label!r} should be {part}-{section['chapter']}-ex<n>")
            assert ex["title"], f"{label}: exercise without a title"
            labels.append(label)
    duplicates = [label for label, n in Counter(labels).items() if n > 1]
    assert not duplicates, f"duplicate exercise labels: {duplicates}"


def test_every_exercise_has_one_folded_solution_right_after_it():
    for page in exercise_pages():
        text = page.read_text(encoding="utf-8")
        blocks = FENCE.findall(text)
        kinds = [kind for kind, _, _ in blocks]
        assert kinds == ["exercise", "solution"] * (len(kinds) // 2), f"{page.name}: exercises and solutions do not alternate"
        for (_, _, ex), (_, target, sol) in zip(blocks[0::2], blocks[1::2]):
            label = dict(OPTION.findall(ex))["label"]
            assert target.strip() == label, f"{page.name}: solution for {target.strip()!r} follows exercise {label!r}"
            assert dict(OPTION.findall(sol)).get("class") == "dropdown", f"{label}: solution is not folded (:class: dropdown)"
            answer = OPTION.sub("", sol).strip()
            assert len(answer.split()) >= 40, f"{label}: the worked answer is too short to explain anything"


#: Exercise kinds, read from the title before the colon ("Casus: ..." counts as reflection).
KINDS = {"Reflectie": "reflection", "Casus": "reflection", "Analyse": "analysis", "Rekenen": "computation"}


def test_every_chapter_mixes_reflection_analysis_and_computation():
    kinds: dict[str, set[str]] = {label: set() for label in content_chapters()}
    for section in all_sections():
        for ex in section["exercises"]:
            prefix = ex["title"].split(":", 1)[0]
            assert prefix in KINDS, f"{section['file']}: exercise '{ex['title']}' does not start with one of {sorted(KINDS)}"
            kinds[section["chapter"]].add(KINDS[prefix])
    missing = {label: sorted({"reflection", "analysis", "computation"} - got) for label, got in kinds.items()
               if got != {"reflection", "analysis", "computation"}}
    assert not missing, f"chapters without every kind of exercise: {missing}"


@pytest.mark.parametrize("page", exercise_pages(), ids=lambda p: p.stem)
def test_no_typed_percentages(page):
    # Statistics go through {claim}; a typed "69%" would not follow the claims registry.
    text = page.read_text(encoding="utf-8")
    typed = re.findall(r"\d+(?:[.,]\d+)?\s*%", text)
    assert not typed, f"{page.name}: typed percentages {typed}; use the {{claim}} role"


@pytest.mark.parametrize("page", exercise_pages(), ids=lambda p: p.stem)
def test_explorer_links_use_the_explorers_parameters(page):
    text = page.read_text(encoding="utf-8")
    for href in EXPLORER_LINK.findall(text):
        url = urlparse(href.replace("&amp;", "&"))
        target = (page.parent / url.path).resolve().relative_to(ROOT)
        assert (ROOT / target).with_suffix(".md").is_file(), f"{page.name}: {href} points to no page"
        params = dict(parse_qsl(url.query))
        assert params, f"{page.name}: explorer link without a preset: {href}"
        for key, value in params.items():
            assert key in explorer.DIMENSIONS, f"{page.name}: explorer has no control {key!r} ({href})"
            allowed = [str(v) for v in explorer.DIMENSIONS[key]]
            assert value in allowed, f"{page.name}: {key}={value} is not one of {allowed} ({href})"
        if params.get("huishouden") == "alleen":
            assert params.get("uren2", "0") == "0", f"{page.name}: a single parent has no second adult ({href})"


@pytest.mark.parametrize("page", exercise_pages(), ids=lambda p: p.stem)
def test_raw_links_point_to_pages_of_the_book(page):
    listed = {f"{c['file']}" for part in _toc()["parts"] for c in part.get("chapters", [])}
    for href in re.findall(r'<a [^>]*href="([^"]+)"', page.read_text(encoding="utf-8")):
        url = urlparse(href.replace("&amp;", "&"))
        assert not url.scheme, f"{page.name}: external link {href} (the book works offline)"
        target = (page.parent / url.path).resolve().relative_to(ROOT).with_suffix("")
        assert target.as_posix() in listed, f"{page.name}: {href} points to {target}, which is not in _toc.yml"
