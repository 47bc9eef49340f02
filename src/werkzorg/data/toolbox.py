"""The toolbox catalogue: tools, methods and practice examples of the Movisie toolbox.

``data/tools.csv`` holds one row per tool; ``data/tool_questions.yaml`` holds the fixed
list of the guide's questions. ``data/tools.md`` documents every column. This module
loads both and validates them; every problem is reported with the CSV line, the tool
id and the column, and all problems of a file are reported at once.

The catalogue page renders the same files through the ``render-data`` directive
(``book/_templates/catalogus.md.j2``); the card text is inserted into raw HTML, so the
validation refuses markup, line breaks and other characters that would change the page.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import yaml

from ..paths import data_dir
from .yamlfile import load_yaml

#: Columns of tools.csv, in file order.
COLUMNS = (
    "id", "name", "organisations", "form", "form_text", "cost_text", "cost", "cost_eur",
    "audience", "questions", "kind", "description", "use_by_organisation", "url", "source",
    "related", "url_text", "url_source", "target_groups", "use_source",
)
REQUIRED = (
    "id", "name", "organisations", "form", "form_text", "cost_text", "cost", "audience",
    "questions", "kind", "description", "use_by_organisation", "source", "use_source",
)
#: Fixed vocabularies (values are Dutch because readers see them; see data/tools.md).
AUDIENCES = ("individu", "organisatie", "beide")
COSTS = ("gratis", "betaald", "op aanvraag", "onbekend")
KINDS = ("tool", "methode", "praktijkvoorbeeld")
FORMS = (
    "website", "online-tool", "app", "video", "checklist", "gesprekskaart", "document",
    "spel", "training", "traject", "bijeenkomst", "netwerk", "advies", "meldpunt",
    "campagne", "nieuwsbrief",
)
#: Where the card's "Zo kun je het als organisatie gebruiken" comes from: the guide gives
#: that advice for this tool ("gids"), or it is this book's own suggestion ("boek").
USE_SOURCES = ("gids", "boek")
GUIDE_KEY = "movisie2021toolbox"
PARTS = ("individu", "organisatie")

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SOURCE = re.compile(rf"^{GUIDE_KEY}, p\. \d+(?:, \d+)*$")
EURO = re.compile(r"^\d+(?:\.\d{1,2})?$")
# Anything that would be markup once inserted into the page: HTML tags or comments,
# character references, MyST/Markdown code or role syntax, javascript: URLs.
MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!?]|&[#a-zA-Z0-9]+;|`|\{\{|\{%|javascript:", re.IGNORECASE)
TEXT_COLUMNS = tuple(c for c in COLUMNS if c not in {"id", "url", "cost_eur"})
#: Where a web address may come from: a guide of this book, or the maker's own public
#: pages. Never a guessed address (see data/tools.md).
URL_SOURCE = re.compile(r"^(gids (000|001|002|003|004)|eigen pagina van de maker): .+$")


class ToolsError(ValueError):
    """The catalogue data is invalid; the message lists every problem with its place."""


@dataclass(frozen=True)
class Question:
    id: str
    part: str
    short: str
    text: str
    intro: str
    guide_count: int
    page: int


@dataclass(frozen=True)
class Tool:
    id: str
    name: str
    organisations: tuple[str, ...]
    form: str
    form_text: str
    cost_text: str
    cost: str
    cost_eur: Decimal | None
    audience: str
    questions: tuple[str, ...]
    kind: str
    description: str
    use_by_organisation: str
    url: str
    source: str
    related: tuple[str, ...]
    line: int
    url_text: str = ""
    url_source: str = ""
    target_groups: tuple[str, ...] = ()
    use_source: str = "boek"

    @property
    def is_practice_example(self) -> bool:
        return self.kind == "praktijkvoorbeeld"


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";")]


def load_questions(path: Path | None = None) -> list[Question]:
    """Load the fixed list of the guide's questions (``data/tool_questions.yaml``)."""
    path = Path(path) if path else data_dir() / "tool_questions.yaml"
    try:
        raw = load_yaml(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ToolsError(f"{path}: not valid YAML: {exc}") from exc
    items = raw.get("questions") if isinstance(raw, dict) else None
    if not isinstance(items, list) or not items:
        raise ToolsError(f"{path}: expected a top-level 'questions:' list")
    problems: list[str] = []
    out: list[Question] = []
    seen: set[str] = set()
    fields = ("id", "part", "short", "text", "intro", "guide_count", "page")
    for n, item in enumerate(items, start=1):
        where = f"{path.name}: question {n}"
        if not isinstance(item, dict):
            problems.append(f"{where}: expected a mapping")
            continue
        where = f"{where} ({item.get('id', '?')})"
        missing = [f for f in fields if item.get(f) in (None, "")]
        unknown = sorted(set(item) - set(fields))
        if missing:
            problems.append(f"{where}: missing {', '.join(missing)}")
        if unknown:
            problems.append(f"{where}: unknown field(s) {', '.join(unknown)}")
        if missing:
            continue
        qid = str(item["id"])
        if not SLUG.match(qid):
            problems.append(f"{where}: id must be lower-case words joined by hyphens")
        if qid in seen:
            problems.append(f"{where}: duplicate id '{qid}'")
        seen.add(qid)
        if item["part"] not in PARTS:
            problems.append(f"{where}: part must be one of {', '.join(PARTS)}")
        for f in ("short", "text", "intro"):
            if MARKUP.search(str(item[f])) or "\n" in str(item[f]).strip():
                problems.append(f"{where}: field '{f}' contains markup or a line break")
        for f in ("guide_count", "page"):
            if not isinstance(item[f], int) or item[f] < 1:
                problems.append(f"{where}: {f} must be a positive whole number")
        out.append(Question(qid, item["part"], str(item["short"]), str(item["text"]),
                            str(item["intro"]).strip(), item["guide_count"], item["page"]))
    if problems:
        raise ToolsError(f"{path}: {len(problems)} problem(s):\n  " + "\n  ".join(problems))
    return out


def _check_row(row: dict[str, str], line: int, questions: dict[str, Question],
               group_ids: list[str] | None = None) -> tuple[list[str], Tool | None]:
    rid = (row.get("id") or "").strip() or "?"
    problems: list[str] = []

    def bad(column: str, message: str) -> None:
        problems.append(f"line {line} (id '{rid}'), column '{column}': {message}")

    for col in COLUMNS:
        value = row.get(col)
        if value is None:
            bad(col, "missing (the row has too few fields)")
            continue
        if value != value.strip():
            bad(col, "has leading or trailing spaces")
        if "\n" in value or "\r" in value:
            bad(col, "contains a line break")
        if col in TEXT_COLUMNS and MARKUP.search(value):
            bad(col, "contains markup (HTML, character references, backticks or template syntax)")
    if None in row:  # csv.DictReader puts surplus fields under the key None
        bad("-", f"has {len(row[None])} field(s) more than the header")
    if problems:
        return problems, None
    for col in REQUIRED:
        if not row[col]:
            bad(col, "is empty but required")
    if row["id"] and not SLUG.match(row["id"]):
        bad("id", "must be lower-case letters and digits joined by hyphens (a stable slug)")
    if row["form"] and row["form"] not in FORMS:
        bad("form", f"'{row['form']}' is not one of: {', '.join(FORMS)}")
    if row["cost"] and row["cost"] not in COSTS:
        bad("cost", f"'{row['cost']}' is not one of: {', '.join(COSTS)}")
    if row["audience"] and row["audience"] not in AUDIENCES:
        bad("audience", f"'{row['audience']}' is not one of: {', '.join(AUDIENCES)}")
    if row["kind"] and row["kind"] not in KINDS:
        bad("kind", f"'{row['kind']}' is not one of: {', '.join(KINDS)}")
    amount: Decimal | None = None
    if row["cost_eur"]:
        if not EURO.match(row["cost_eur"]):
            bad("cost_eur", f"'{row['cost_eur']}' is not an amount in euro like 75 or 29.95 (point, no sign)")
        else:
            amount = Decimal(row["cost_eur"])
            if row["cost"] != "betaald":
                bad("cost_eur", f"an amount is given but cost is '{row['cost']}' (expected 'betaald')")
    qids = _split(row["questions"]) if row["questions"] else []
    for q in qids:
        if q not in questions:
            bad("questions", f"'{q}' is not a question id from tool_questions.yaml")
    if len(set(qids)) != len(qids):
        bad("questions", "lists a question twice")
    parts = {questions[q].part for q in qids if q in questions}
    if row["audience"] in AUDIENCES and parts:
        expected = parts.pop() if len(parts) == 1 else "beide"
        if row["audience"] != expected:
            bad("audience", f"is '{row['audience']}' but the questions belong to '{expected}'")
    orgs = _split(row["organisations"]) if row["organisations"] else []
    if any(not o for o in orgs):
        bad("organisations", "has an empty name between ';'")
    if row["url"] and not re.match(r"^https?://[^\s\"'<>]+$", row["url"]):
        bad("url", f"'{row['url']}' is not an http(s) address")
    if row["url"] and not row["url_text"]:
        bad("url_text", "is empty, but a url is given (the link needs a text, e.g. 'Website van Movisie')")
    if row["url"] and not URL_SOURCE.match(row["url_source"]):
        bad("url_source", "must say where the address comes from: 'gids 003: …' or 'eigen pagina van de maker: …'")
    if not row["url"] and (row["url_text"] or row["url_source"]):
        bad("url", "is empty, but url_text or url_source is given")
    if row["source"] and not SOURCE.match(row["source"]):
        bad("source", f"must look like '{GUIDE_KEY}, p. 12' or '{GUIDE_KEY}, p. 12, 19'")
    if row["use_source"] and row["use_source"] not in USE_SOURCES:
        bad("use_source", f"'{row['use_source']}' is not one of: {', '.join(USE_SOURCES)}")
    groups = _split(row["target_groups"]) if row["target_groups"] else []
    known_groups = group_ids if group_ids is not None else [g.id for g in load_target_groups()]
    for g in groups:
        if g not in known_groups:
            bad("target_groups", f"'{g}' is not a target group id from synoniemen.yaml ({', '.join(known_groups)})")
    if len(set(groups)) != len(groups):
        bad("target_groups", "lists a group twice")
    related = _split(row["related"]) if row["related"] else []
    if row["id"] in related:
        bad("related", "refers to the tool itself")
    if problems:
        return problems, None
    tool = Tool(
        id=row["id"], name=row["name"], organisations=tuple(orgs), form=row["form"],
        form_text=row["form_text"], cost_text=row["cost_text"], cost=row["cost"], cost_eur=amount,
        audience=row["audience"], questions=tuple(qids), kind=row["kind"],
        description=row["description"], use_by_organisation=row["use_by_organisation"],
        url=row["url"], source=row["source"], related=tuple(related), line=line,
        url_text=row["url_text"], url_source=row["url_source"],
        target_groups=tuple(groups), use_source=row["use_source"],
    )
    return [], tool


def load_tools(path: Path | None = None, questions: list[Question] | None = None) -> list[Tool]:
    """Load and validate ``data/tools.csv``; raise :class:`ToolsError` listing every problem."""
    path = Path(path) if path else data_dir() / "tools.csv"
    if questions is None:
        questions = load_questions()
    by_id = {q.id: q for q in questions}
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            header = reader.fieldnames or []
            rows = []
            end = reader.line_num  # line of the header
            for row in reader:
                # A quoted field may span lines: report the line where the record starts.
                rows.append((end + 1, row))
                end = reader.line_num
    except UnicodeDecodeError as exc:
        raise ToolsError(f"{path}: not UTF-8 ({exc})") from exc
    except csv.Error as exc:
        raise ToolsError(f"{path}: CSV syntax error: {exc}") from exc
    missing = [c for c in COLUMNS if c not in header]
    unknown = [c for c in header if c not in COLUMNS]
    if missing or unknown:
        raise ToolsError(
            f"{path}: header problem: missing column(s) {missing or '-'}; unknown column(s) {unknown or '-'}"
        )
    problems: list[str] = []
    tools: list[Tool] = []
    seen: dict[str, int] = {}
    group_ids = [g.id for g in load_target_groups()]
    for line, row in rows:
        row_problems, tool = _check_row(row, line, by_id, group_ids)
        problems += row_problems
        rid = (row.get("id") or "").strip()
        if rid in seen:
            problems.append(f"line {line} (id '{rid}'), column 'id': duplicate of the id on line {seen[rid]}")
        elif rid:
            seen[rid] = line
        if tool:
            tools.append(tool)
    for tool in tools:
        for rel in tool.related:
            if rel not in seen:
                problems.append(f"line {tool.line} (id '{tool.id}'), column 'related': unknown tool id '{rel}'")
    if not rows:
        problems.append("the file has no data rows")
    if problems:
        raise ToolsError(f"{path}: {len(problems)} problem(s):\n  " + "\n  ".join(problems))
    return tools


def tools_for(tools: list[Tool], *, question: str | None = None, audience: str | None = None,
              cost: str | None = None, form: str | None = None, kind: str | None = None) -> list[Tool]:
    """Filter as the catalogue page does; ``audience`` 'individu'/'organisatie' includes 'beide'."""
    out = []
    for t in tools:
        if question and question not in t.questions:
            continue
        if audience and t.audience not in (audience, "beide"):
            continue
        if cost and t.cost != cost:
            continue
        if form and t.form != form:
            continue
        if kind and t.kind != kind:
            continue
        out.append(t)
    return out


# --------------------------------------------------------------------------- synonyms


@dataclass(frozen=True)
class TargetGroup:
    id: str
    label: str
    words: tuple[str, ...]


def _synonyms_file(path: Path | None) -> dict:
    path = Path(path) if path else data_dir() / "synoniemen.yaml"
    try:
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ToolsError(f"{path}: kan het bestand niet lezen: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("doelgroepen"), list):
        raise ToolsError(f"{path}: verwacht een lijst 'doelgroepen:' (en eventueel 'synoniemen:')")
    return data


def load_target_groups(path: Path | None = None) -> list[TargetGroup]:
    """The target groups of the catalogue (``data/synoniemen.yaml``, ``doelgroepen``)."""
    data = _synonyms_file(path)
    out: list[TargetGroup] = []
    problems: list[str] = []
    for i, g in enumerate(data["doelgroepen"], start=1):
        if not isinstance(g, dict) or not SLUG.match(str(g.get("id", ""))) or not g.get("label"):
            problems.append(f"doelgroepen, item {i}: needs an id (slug), a label and woorden")
            continue
        words = g.get("woorden") or []
        if not words or not all(isinstance(w, str) and w.strip() == w and w for w in words):
            problems.append(f"doelgroepen '{g['id']}': woorden must be a list of words without spaces around them")
            continue
        out.append(TargetGroup(id=g["id"], label=str(g["label"]), words=tuple(words)))
    if len({g.id for g in out}) != len(out):
        problems.append("doelgroepen: an id appears twice")
    if problems:
        raise ToolsError("data/synoniemen.yaml: " + "; ".join(problems))
    return out


def normalise_word(text: str) -> str:
    """Lower case, accents removed, spaces collapsed: how the catalogue's search compares text."""
    import unicodedata

    decomposed = unicodedata.normalize("NFD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", plain.lower()).strip()


def synonym_groups(glossary_groups: list[list[str]] | None = None, path: Path | None = None) -> list[list[str]]:
    """One list of synonym groups: the target groups' words, the other synonyms of
    ``data/synoniemen.yaml`` and the glossary's terms with several names, merged where they
    share a word. Words are normalised (:func:`normalise_word`); groups keep file order."""
    data = _synonyms_file(path)
    raw: list[list[str]] = [list(g.words) for g in load_target_groups(path)]
    for i, group in enumerate(data.get("synoniemen") or [], start=1):
        if not isinstance(group, list) or len(group) < 2:
            raise ToolsError(f"data/synoniemen.yaml: synoniemen, item {i}: needs a list of at least two words")
        raw.append([str(w) for w in group])
    raw += [list(g) for g in (glossary_groups or []) if len(g) > 1]
    merged: list[list[str]] = []
    for group in raw:
        words = list(dict.fromkeys(normalise_word(w) for w in group if normalise_word(w)))
        hits = [m for m in merged if set(m) & set(words)]
        target = hits[0] if hits else []
        for other in hits[1:]:
            target += [w for w in other if w not in target]
            merged.remove(other)
        target += [w for w in words if w not in target]
        if not hits:
            merged.append(target)
    return merged
