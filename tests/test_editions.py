"""The two editions: trainers see the worked answers, students see only the exercises.

The trainers' edition is the session build (``built_site``). The students' edition is one
extra strict build with ``WERKZORG_EDITION=studenten``. The edition changes only what is written
(the answers are read in both and left out as the students' pages are written), so that build
starts from the session build's environment and notebook cache: it writes every page again and
reads none, which is the students' edition as `make book-students` writes it.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import sitebuild

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parent.parent
PAGE = "book/oefenen/begrippen.html"
# A sentence of the first exercise and one of its worked answer (book/oefenen/begrippen.md).
EXERCISE_TEXT = "Klantmanager Mirjam spreekt op één ochtend twee mensen in de bijstand."
SOLUTION_TEXT = "Het lichaam van de moeder verklaart niet waarom zij geen vraag over werk krijgt"


def _visible_text(page: Path) -> str:
    raw = page.read_text(encoding="utf-8")
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", raw)))


@pytest.fixture(scope="module")
def students_site(tmp_path_factory, built_site) -> Path:
    out = tmp_path_factory.mktemp("studenten")
    for kept in (".jupyter_cache", ".doctrees"):
        if (built_site.parent / kept).is_dir():
            shutil.copytree(built_site.parent / kept, out / "_build" / kept)
    env = dict(os.environ, WERKZORG_EDITION="studenten")
    cmd = [*sitebuild.jupyter_book(), "build", str(ROOT), "--path-output", str(out), "-W", "-n", "--keep-going"]
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        log = (proc.stdout + proc.stderr).splitlines()
        problems = [line for line in log if "WARNING" in line or "ERROR" in line]
        pytest.fail("The students' edition build failed (exit {}):\n{}".format(
                    proc.returncode, "\n".join(problems[:40] or log[-30:])), pytrace=False)
    (out / "_build" / "studenten-build.log").write_text(proc.stdout + proc.stderr, encoding="utf-8")
    return out / "_build" / "html"


def test_trainers_edition_shows_the_worked_answer(built_site):
    text = _visible_text(built_site / PAGE)
    assert EXERCISE_TEXT in text
    assert SOLUTION_TEXT in text, "the trainers' edition lost the worked answer"
    assert "Oplossing" in text, "the answer is not labelled in Dutch"


def test_students_edition_has_the_exercise_but_not_the_answer(students_site):
    text = _visible_text(students_site / PAGE)
    assert EXERCISE_TEXT in text, "the students' edition lost the exercise"
    assert SOLUTION_TEXT not in text, "the students' edition shows the worked answer"
    assert "Oplossing van" not in text, "the students' edition still has answer boxes"


def _boxes(page: Path) -> tuple[int, int]:
    raw = page.read_text(encoding="utf-8")
    return (len(re.findall(r'class="exercise\b[^"]*admonition', raw)),
            len(re.findall(r'class="solution\b[^"]*admonition', raw)))


def _exercise_pages(site: Path) -> list[Path]:
    pages = sorted((site / "book" / "oefenen").glob("*.html"))
    assert pages, f"no exercise pages in {site}"
    return pages


def test_trainers_edition_has_an_answer_box_for_every_exercise(built_site):
    for page in _exercise_pages(built_site):
        exercises, solutions = _boxes(page)
        assert exercises > 0, f"{page.name}: no exercises rendered"
        assert solutions == exercises, f"{page.name}: {exercises} exercises but {solutions} answers"


def test_students_edition_has_every_exercise_and_no_answer(built_site, students_site):
    for page in _exercise_pages(built_site):
        trainers_exercises, _ = _boxes(page)
        exercises, solutions = _boxes(students_site / page.relative_to(built_site))
        assert exercises == trainers_exercises, f"{page.name}: students see {exercises} of {trainers_exercises} exercises"
        assert solutions == 0, f"{page.name}: students' edition shows {solutions} answers"


# --- Handouts in the students' edition (issue 15) -------------------------------------------

GENDERSCAN = "book/voor-trainers/werkblad-genderscan.html"


def _handout_pages() -> list[str]:
    import yaml

    data = yaml.safe_load((ROOT / "data" / "handouts.yaml").read_text(encoding="utf-8"))
    return sorted({h["page"] for h in data["handouts"]})


def test_trainers_edition_has_the_worked_genderscan_example(built_site):
    exercises, solutions = _boxes(built_site / GENDERSCAN)
    assert exercises == 1 and solutions == 1, "the genderscan worksheet page lost its exercise or its worked example"


def test_students_edition_prints_every_handout_without_answers(students_site):
    for page in _handout_pages():
        html_file = students_site / page
        assert html_file.is_file(), f"{page} missing from the students' edition"
        exercises, solutions = _boxes(html_file)
        assert solutions == 0, f"{page}: the students' edition shows {solutions} worked answers"
    exercises, _ = _boxes(students_site / GENDERSCAN)
    assert exercises == 1, "the students' edition lost the genderscan exercise"
    assert "Een mogelijke uitwerking" not in _visible_text(students_site / GENDERSCAN)
