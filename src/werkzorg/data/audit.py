"""The claims audit: recompute every cited statistic from the snapshots and say whether it holds.

``data/audit.yaml`` holds one entry per claim id of ``data/claims.yaml`` (a separate file, keyed
by claim id). Each entry says how the claim is checked:

- ``computed``: a formula over snapshot data (a share from counts, a threshold as a fraction
  of a norm);
- ``looked up``: the same figure read from a series;
- ``cited only``: no open data (SCP studies, surveys, own counts) — the claim keeps its source.

and how the data compare with the guide (``comparison``):

- ``same``: same definition and period → the status is computed: ``klopt`` when the data,
  rounded as the guide rounds, give the guide's number; ``afgerond`` when they differ by at
  most ``tolerance``; ``wijkt af`` otherwise;
- ``other-period`` / ``other-definition``: the data are for another period or definition; the
  entry then states the status (``andere definitie``, ``niet te controleren`` or ``wijkt af``)
  and explains it in Dutch.

Every value spec carries ``expected``: the value the research read for that cell (from
``facts.csv``/the series, independent of this code). The tests check that the recomputation
reproduces it within the entry's tolerance.

Value specs::

    {table, measure, where, period}                           # look up one cell
    {table, topic: {key, title, group}, measure, where, period}   # the same, by what CBS publishes

``topic`` names the cell's topic as CBS publishes it (DataProperties ``Key`` — compared without
its ``_<n>`` number — or ``Title`` within its topic group); ``where`` names dimensions by CBS
code or label, ``period`` is the CBS period code. When the table has no such topic (an extract
that names it differently), ``measure`` is used instead; a share's ``numerator``/``denominator``
may carry ``topics`` (one per entry of ``measures``) the same way. See data/audit.md.
    {formula: share, table, period, numerator: {measures: [...], where: {...}},
                                    denominator: {measures: [...], where: {...}}}   # 100 * sum/sum
    {formula: scale, factor: 0.7, of: {table, measure, where, period}}             # factor * cell
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .. import format_nl
from ..paths import data_dir, repo_root
from . import cbs, series
from .claims import (  # the anchor lives with the claims: no pandas to import it
    CLAIM_ANCHOR,
    Claim,
    load_claims,
)
from .yamlfile import load_yaml

STATUSES = ("klopt", "afgerond", "andere definitie", "niet te controleren", "wijkt af")
METHODS = ("computed", "looked up", "cited only")
METHOD_NL = {"computed": "berekend", "looked up": "opgezocht", "cited only": "alleen geciteerd"}
COMPARISONS = ("same", "other-period", "other-definition")
#: Worst status first: the claim's status is the worst over its values.
_SEVERITY = {"wijkt af": 0, "andere definitie": 1, "niet te controleren": 2, "afgerond": 3, "klopt": 4}


class AuditError(ValueError):
    """A problem in data/audit.yaml; the message names the claim."""


@dataclass
class ValueCheck:
    key: str
    guide: float
    data: float | None
    period: str | None
    expected: float | None
    latest: float | None
    latest_period: str | None
    table: str
    status: str
    error: str = ""


@dataclass
class AuditResult:
    claim_id: str
    method: str
    status: str
    comparison: str
    explanation: str
    tolerance: float
    values: dict[str, ValueCheck] = field(default_factory=dict)
    tables: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    #: For a claim the data cannot check: the open table or publication that would decide it
    #: (data/audit_deciders.yaml), and the StatLine table id when one table would.
    decided_by: str = ""
    decider_table: str = ""
    #: True when the status was written in data/audit.yaml, not computed from the data.
    status_by_hand: bool = False
    #: The period the claim speaks of (CBS code) and whether the data hold it; for entries with
    #: ``fallback_period`` the audit decides from ``period`` as soon as the data have it.
    own_period: str = ""
    own_period_in_data: bool | None = None
    #: Parts of the explanation generated from the data (not typed in audit.yaml).
    generated: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        parts = []
        for k, v in self.values.items():
            d = "–" if v.data is None else f"{v.data:g}"
            parts.append(f"{k}: gids {v.guide:g}, data {d}")
        return "; ".join(parts) or "geen open data"


def audit_path() -> Path:
    return data_dir() / "audit.yaml"


def load_audit_spec(path: Path | None = None) -> dict[str, dict]:
    path = path or audit_path()
    raw = load_yaml(path.read_text(encoding="utf-8")) or {}
    entries = raw.get("audit")
    if not isinstance(entries, dict):
        raise AuditError(f"{path}: expected a top-level 'audit:' mapping of claim id → entry")
    return entries


def _decimals(x: float) -> int:
    if float(x).is_integer():
        return 0
    return len(repr(float(x)).split(".")[1])


def compare(guide: float, data: float, tolerance: float) -> str:
    """``klopt`` / ``afgerond`` / ``wijkt af`` for one value with the same definition and period."""
    d = _decimals(guide)
    if round(data, d) == round(guide, d) or math.isclose(round(data, d), guide, abs_tol=10 ** -(d + 3)):
        return "klopt"
    if abs(data - guide) <= tolerance + 1e-9:
        return "afgerond"
    return "wijkt af"


def _topic(df: pd.DataFrame, spec: dict, measure: str | None = None, topic: dict | None = None) -> str | dict:
    """The CBS topic of a spec when the table has it, else the spec's ``measure`` (extracts)."""
    topic = topic if topic is not None else spec.get("topic")
    measure = measure if measure is not None else spec.get("measure")
    if topic and (not measure or cbs.topic_mask(df, topic).any()):
        return topic
    return measure


def _select(df: pd.DataFrame, measures: list, where: dict[str, str]) -> pd.DataFrame:
    mask = pd.Series(False, index=df.index)
    for m in measures:
        mask |= cbs.topic_mask(df, m)
    sel = df[mask]
    for dim, label in (where or {}).items():
        if dim not in sel.columns:
            raise LookupError(f"dimension '{dim}' not in the table")
        lab = str(label).lower()
        sel = sel[(sel[dim + "_label"].str.lower() == lab) | (sel[dim].str.lower() == lab)]
    return sel


class Evaluator:
    def __init__(self, tables: dict[str, pd.DataFrame]):
        self.tables = tables

    def table(self, tid: str) -> pd.DataFrame:
        if tid not in self.tables:
            raise LookupError(f"no snapshot '{tid}'")
        return self.tables[tid]

    def value(self, spec: dict, period: str | None) -> float:
        spec = series.resolve_spec(spec)
        formula = spec.get("formula", "lookup")
        if formula == "lookup":
            df = self.table(spec["table"])
            return float(cbs.lookup(df, _topic(df, spec), period, spec.get("where"))["value"])
        if formula == "share":
            df = self.table(spec["table"])
            num = self._sum(df, spec["numerator"], period)
            den = self._sum(df, spec["denominator"], period)
            return 100.0 * num / den
        if formula == "scale":
            inner = spec["of"]
            return float(spec["factor"]) * self.value(inner, inner.get("period", period))
        raise AuditError(f"unknown formula '{formula}'")

    def _sum(self, df: pd.DataFrame, part: dict, period: str) -> float:
        wanted = _part_topics(df, part)
        sel = _select(df, wanted, part.get("where", {}))
        sel = sel[sel["period"] == period]
        for m in wanted:
            if not cbs.topic_mask(sel, m).any():
                raise LookupError(f"measure '{m}' not found for period {period}")
        if sel["value"].isna().any():
            raise LookupError(f"missing cell in {part['measures']} for {period}")
        return float(sel["value"].sum())

    def periods(self, spec: dict) -> list[str]:
        """Periods for which the spec can be evaluated, oldest first."""
        spec = series.resolve_spec(spec)
        formula = spec.get("formula", "lookup")
        if formula == "scale":
            return self.periods(spec["of"])
        df = self.table(spec["table"])
        if formula == "lookup":
            sel = _select(df, [_topic(df, spec)], spec.get("where", {}))
        else:
            sel = _select(df, _part_topics(df, spec["numerator"]), spec["numerator"].get("where", {}))
        sel = sel.dropna(subset=["value"])
        order = sel.sort_values(["year", "period"])[["period", "freq"]].drop_duplicates("period")
        return list(order["period"])

    def latest(self, spec: dict, period: str | None) -> tuple[float | None, str | None]:
        freq = cbs.parse_period(period).freq if period else None
        want = spec.get("latest_freq", freq)
        cands = [p for p in self.periods(spec) if want is None or cbs.parse_period(p).freq == want]
        for p in reversed(cands):
            try:
                return self.value(spec, p), p
            except LookupError:
                continue
        return None, None


def _part_topics(df: pd.DataFrame, part: dict) -> list:
    measures = list(part.get("measures") or [])
    topics = list(part.get("topics") or [])
    if topics and measures and len(topics) != len(measures):
        raise AuditError(f"'topics' must name one topic per entry of 'measures' ({len(topics)} ≠ {len(measures)})")
    if not measures:
        return topics
    return [_topic(df, {}, m, t) for m, t in zip(measures, topics or [None] * len(measures))]


def _spec_table(spec: dict) -> str:
    return spec.get("table") or spec.get("of", {}).get("table", "")


def period_label(code: str | None) -> str:
    """A CBS period code as readers say it (``2025KW01`` → ``2025 1e kwartaal``, a day as ``1 juli 2021``)."""
    if not code:
        return ""
    try:
        p = cbs.parse_period(code)
    except ValueError:
        return str(code)
    return format_nl.date(p.label) if p.freq == "dag" else p.label


number_nl = format_nl.number


def _listing(values: dict[str, str]) -> str:
    parts = [f"{k} {v}" for k, v in values.items()]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " en " + parts[-1]


def _latest_period(entry: dict, ev: Evaluator) -> str | None:
    """The newest period in the data of the entry's first value (same frequency as its own period)."""
    spec = next(iter((entry.get("values") or {}).values()))
    try:
        _, p = ev.latest(spec, entry.get("period"))
    except (LookupError, KeyError):
        return None
    return p


def _redecide(claim: Claim, entry: dict, ev: Evaluator) -> AuditResult:
    """An entry with ``fallback_period``: compared with the claim's own ``period`` when the data hold it
    (status computed), else with ``fallback_period`` (status ``fallback_status``), the texts about
    the state of the data generated from the data."""
    own, fallback = str(entry["period"]), str(entry["fallback_period"])
    found = {}
    for key, spec in (entry.get("values") or {}).items():
        try:
            found[key] = ev.value(series.resolve_spec(spec), spec.get("period", own))
        except (LookupError, KeyError, ZeroDivisionError):
            pass
    if found and len(found) == len(entry.get("values") or {}):
        e = {k: v for k, v in entry.items() if k not in ("fallback_period", "fallback_status", "fallback_explanation")}
        data = _listing({k: number_nl(v) for k, v in found.items()})
        guide = _listing({k: format_nl.as_recorded(claim.values[k]) for k in found})
        sentence = (f"Het cijfer voor {period_label(own)} staat in de gegevens: {data}. De gids schrijft {guide}; "
                    "de audit vergelijkt die twee.")
        e.update(comparison="same", period=own, explanation=sentence)
        result = audit_claim(claim, e, ev, _inner=True)
        result.own_period, result.own_period_in_data = own, True
        result.generated = [sentence]
        result.explanation = sentence
        return result
    e = dict(entry)
    e.update(comparison="other-period", period=fallback, status=entry.get("fallback_status", "niet te controleren"),
             explanation=str(entry.get("fallback_explanation") or "").strip() or "-")
    result = audit_claim(claim, e, ev, _inner=True)
    result.own_period, result.own_period_in_data = own, False
    latest = _latest_period({**entry, "period": own}, ev)
    first = f"Het cijfer voor {period_label(own)} zit nog niet in de meegeleverde gegevens"
    first += f"; de laatste periode daarin is {period_label(latest)}." if latest else "."
    data = {k: v.data for k, v in result.values.items() if v.data is not None}
    if data:
        same = all(compare(claim.values[k], d, 0) == "klopt" for k, d in data.items())
        shown = _listing({k: number_nl(d) for k, d in data.items()})
        if same:
            second = (f"Met dezelfde definitie geeft {period_label(fallback)} {shown}; afgerond zijn dat "
                      "dezelfde getallen als de gids.")
        else:
            second = (f"Met dezelfde definitie geeft {period_label(fallback)} {shown}; afgerond zijn dat "
                      "niet de getallen van de gids.")
    else:
        second = f"Ook {period_label(fallback)} staat niet in de gegevens."
    third = f"Zodra {period_label(own)} in de gegevens staat, beslist de audit zelf."
    result.generated = [first, second, third]
    hand = str(entry.get("fallback_explanation") or "").strip()
    result.explanation = " ".join([first, second] + ([hand] if hand else []))
    return result


def audit_claim(claim: Claim, entry: dict, ev: Evaluator, _inner: bool = False) -> AuditResult:
    cid = claim.id
    if entry.get("fallback_period") and not _inner:
        if not entry.get("period"):
            raise AuditError(f"audit entry '{cid}': 'fallback_period' needs 'period' (the period the claim speaks of)")
        return _redecide(claim, entry, ev)
    method = entry.get("method")
    if method not in METHODS:
        raise AuditError(f"audit entry '{cid}': method must be one of {', '.join(METHODS)}, got {method!r}")
    explanation = str(entry.get("explanation") or "").strip()
    tolerance = float(entry.get("tolerance", 0.5))
    if method == "cited only":
        status = entry.get("status", "niet te controleren")
        if status not in STATUSES:
            raise AuditError(f"audit entry '{cid}': unknown status {status!r}")
        if not explanation:
            raise AuditError(f"audit entry '{cid}': a cited-only claim must say why (explanation)")
        return AuditResult(cid, method, status, "", explanation, tolerance, sources=list(entry.get("sources", [])),
                           status_by_hand="status" in entry)
    comparison = entry.get("comparison", "same")
    if comparison not in COMPARISONS:
        raise AuditError(f"audit entry '{cid}': comparison must be one of {', '.join(COMPARISONS)}")
    specs = entry.get("values") or {}
    if not specs:
        raise AuditError(f"audit entry '{cid}': a {method} claim needs 'values'")
    unknown = [k for k in specs if k not in claim.values]
    if unknown:
        raise AuditError(f"audit entry '{cid}': values {unknown} are not in the claim ({', '.join(claim.values)})")
    result = AuditResult(cid, method, "", comparison, explanation, tolerance, sources=list(entry.get("sources", [])))
    statuses = []
    for key, spec in specs.items():
        spec = series.resolve_spec(spec)
        period = spec.get("period", entry.get("period"))
        table = _spec_table(spec)
        if table and table not in result.tables:
            result.tables.append(table)
        try:
            data = ev.value(spec, period)
            err = ""
        except (LookupError, KeyError, ZeroDivisionError) as exc:
            data, err = None, f"{exc}"
        latest, latest_p = ev.latest(spec, period) if data is not None or spec.get("formula") != "share" else (None, None)
        if data is None:
            st = "niet te controleren"
        elif comparison == "same":
            st = compare(claim.values[key], data, tolerance)
        else:
            st = entry.get("status")
        statuses.append(st)
        result.values[key] = ValueCheck(key, claim.values[key], data, period, spec.get("expected"), latest, latest_p,
                                        table, st, err)
    if comparison != "same":
        declared = entry.get("status")
        if declared not in STATUSES:
            raise AuditError(f"audit entry '{cid}': comparison '{comparison}' needs a declared status")
        if not explanation:
            raise AuditError(f"audit entry '{cid}': a mismatch ('{comparison}') must be explained in Dutch")
        result.status = declared
        result.status_by_hand = not _inner or entry.get("status") != "niet te controleren"
    else:
        result.status = min(statuses, key=_SEVERITY.__getitem__)
        lost = [k for k, v in result.values.items() if v.data is None]
        if lost:
            result.explanation = (explanation + " " if explanation else "") + (
                "Let op: de waarde voor " + ", ".join(lost) + " is niet gevonden in de huidige gegevens. "
                "Na een verversing of import kan een reeks anders heten; pas dan data/audit.yaml aan.")
        elif result.status != "klopt" and not explanation:
            raise AuditError(f"audit entry '{cid}': status '{result.status}' must be explained in Dutch")
    return result


def deciders_path() -> Path:
    return data_dir() / "audit_deciders.yaml"


def load_deciders(path: Path | None = None) -> dict[str, dict]:
    """What would decide each unchecked claim: ``{claim id: {decided_by, table?, open}}``."""
    path = path or deciders_path()
    if not path.exists():
        return {}
    raw = load_yaml(path.read_text(encoding="utf-8")) or {}
    entries = raw.get("deciders")
    if not isinstance(entries, dict):
        raise AuditError(f"{path}: expected a top-level 'deciders:' mapping of claim id → entry")
    for cid, e in entries.items():
        if not isinstance(e, dict) or not str(e.get("decided_by") or "").strip():
            raise AuditError(f"{path}: entry '{cid}' needs 'decided_by' (which open table or publication would decide it)")
    return entries


def attach_deciders(results: dict[str, AuditResult], deciders: dict[str, dict]) -> dict[str, AuditResult]:
    """Add the deciding source to every unchecked claim; fail when one lacks it (none stays vague)."""
    unknown = [c for c in deciders if c not in results]
    if unknown:
        raise AuditError(f"{deciders_path()}: no claim with id(s): {', '.join(unknown)}")
    for r in results.values():
        r.decided_by, r.decider_table = "", ""
    for cid, r in results.items():
        if r.status == "niet te controleren" and cid not in deciders and r.tables:
            # a lookup whose cell is gone (e.g. after a refresh): its own tables decide it
            r.decided_by = ("De tabel " + " en ".join(r.tables) + " in de gegevens van dit boek; na een verversing "
                            "met de ontbrekende periode beslist de audit zelf.")
    missing = [c for c, r in results.items() if r.status == "niet te controleren" and c not in deciders and not r.decided_by]
    if missing:
        raise AuditError(f"{deciders_path()}: say what would decide the unchecked claim(s): {', '.join(missing)}")
    for cid, e in deciders.items():
        r = results[cid]
        if r.status != "niet te controleren":
            continue  # decided (e.g. the claim's own period is now in the data): nothing left to decide it
        r.decided_by = " ".join(str(e["decided_by"]).split())
        r.decider_table = str(e.get("table") or "")
        if r.own_period_in_data is False:
            r.decided_by += " " + r.generated[-1]
    return results


def run_audit(claims: dict[str, Claim] | None = None, spec: dict[str, dict] | None = None,
              tables: dict[str, pd.DataFrame] | None = None) -> dict[str, AuditResult]:
    """Audit every claim; raise :class:`AuditError` when a claim has no entry (none is dropped)."""
    claims = claims if claims is not None else load_claims()
    spec = spec if spec is not None else load_audit_spec()
    missing = [c for c in claims if c not in spec]
    if missing:
        raise AuditError(f"{audit_path()}: no audit entry for claim(s): {', '.join(missing)}")
    ev = Evaluator(tables if tables is not None else cbs.load_all())
    results = {cid: audit_claim(claim, spec[cid], ev) for cid, claim in claims.items()}
    if set(results) == set(load_claims()):  # the book's own claims (tests may audit a subset)
        attach_deciders(results, load_deciders())
    return results


def stale_entries(claims: dict[str, Claim], spec: dict[str, dict]) -> list[str]:
    """Audit entries whose claim id no longer exists in claims.yaml."""
    return [k for k in spec if k not in claims]


# --------------------------------------------------------------------------- headline

@dataclass
class Headline:
    """How the claims were checked, counted from the audit results and the manifest."""

    total: int
    compared: list[str]          # claims compared with data (computed or looked up)
    cited_only: list[str]
    decided: list[str]           # compared, status computed from the data
    by_hand: list[str]           # compared, status written in audit.yaml
    waiting: list[str]           # compared, the data lack the claim's period or cell
    typed_tables: list[str]      # data of compared claims: extracts typed from public pages
    download_tables: list[str]   # data of compared claims: CBS downloads (data import / refresh)


def headline(results: dict[str, AuditResult], manifest: dict[str, dict]) -> Headline:
    compared = [c for c, r in results.items() if r.method != "cited only"]
    cited = [c for c, r in results.items() if r.method == "cited only"]
    by_hand = [c for c in compared if results[c].status_by_hand]
    decided = [c for c in compared if not results[c].status_by_hand and results[c].status != "niet te controleren"]
    waiting = [c for c in compared if c not in by_hand and c not in decided]
    tables = list(dict.fromkeys(t for c in compared for t in results[c].tables))
    typed = [t for t in tables if (manifest.get(t) or {}).get("extract")]
    downloads = [t for t in tables if t not in typed]
    return Headline(len(results), compared, cited, decided, by_hand, waiting, typed, downloads)


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def headline_text(results: dict[str, AuditResult], manifest: dict[str, dict]) -> str:
    """The claims page's first sentences: how many figures were compared with data, how many only
    cited, and which data are extracts typed from public pages rather than CBS downloads."""
    h = headline(results, manifest)
    parts = [f"{h.total} cijfers uit de gidsen. {len(h.compared)} daarvan zijn vergeleken met gegevens, "
             f"{len(h.cited_only)} zijn alleen geciteerd (er zijn geen open gegevens voor)."]
    bits = [f"bij {len(h.decided)} volgt de status uit de gegevens"]
    if h.by_hand:
        bits.append(f"bij {len(h.by_hand)} is de status met de hand vastgesteld")
    if h.waiting:
        bits.append(f"bij {len(h.waiting)} staat de periode van de gids nog niet in de gegevens")
    parts.append(f"Van de {len(h.compared)} vergeleken cijfers: " + "; ".join(bits) + ".")
    if h.typed_tables:
        parts.append(f"De gegevens voor die vergelijking zijn voor {_n(len(h.typed_tables), 'tabel', 'tabellen')} "
                     f"een uittreksel dat met de hand is overgenomen van openbare pagina's, geen download van CBS ("
                     + ", ".join(h.typed_tables) + ")"
                     + (f"; {_n(len(h.download_tables), 'tabel is', 'tabellen zijn')} gedownload bij CBS ("
                        + ", ".join(h.download_tables) + ")." if h.download_tables else "."))
    elif h.download_tables:
        parts.append("Alle gegevens voor die vergelijking zijn gedownload bij CBS (" + ", ".join(h.download_tables) + ").")
    return " ".join(parts)


# --------------------------------------------------------------------------- guide vs data vs latest


def claims_page() -> str:
    """The claims page's docname, as ``_config.yml`` sets it (``werkzorg_claims_overview``).

    The one place the path is written; the Sphinx layer and the live charts both read it here.
    """
    config = load_yaml((repo_root() / "_config.yml").read_text(encoding="utf-8")) or {}
    page = ((config.get("sphinx") or {}).get("config") or {}).get("werkzorg_claims_overview")
    if not page:
        raise AuditError("_config.yml names no claims page (sphinx: config: werkzorg_claims_overview)")
    return str(page)


def value_text(value: float | None, unit: str) -> str:
    """One audited value as the claims page and the charts write it, in the claim's unit."""
    if value is None or value != value:
        return "\u2013"
    if unit.startswith("euro"):
        return format_nl.euro(value, 2)
    if unit == "%":
        return format_nl.number(value, 1) + "%"
    if unit == "keer":
        return format_nl.number(value, 1) + " keer"
    return format_nl.number(value, 0 if float(value).is_integer() else 1)


def values_text(claim: Claim, result: AuditResult, latest: bool = False) -> str:
    """``vrouwen 68,9%, mannen 77,1% (2024 1e kwartaal)``; periods per value only when they differ."""
    items = []
    for key, v in result.values.items():
        val = v.latest if latest else v.data
        per = (v.latest_period if latest else v.period) if val is not None else None
        label = "" if len(claim.values) == 1 else f"{key} "
        items.append((f"{label}{value_text(val, claim.unit)}", per))
    periods = {p for _, p in items if p}
    if len(periods) <= 1:
        tail = f" ({period_label(next(iter(periods)))})" if periods else ""
        return ", ".join(t for t, _ in items) + tail
    return "; ".join(t + (f" ({period_label(p)})" if p else "") for t, p in items)


@dataclass(frozen=True)
class Comparison:
    """One claim: what the guide says, what the data say for the same definition and period, the
    latest value, and the status. The claims page's table and the charts' tables both show this."""

    claim_id: str
    statement: str
    guide: str
    data: str
    latest: str
    status: str
    #: Short remarks under the data ("let op: andere periode", "status met de hand vastgesteld").
    notes: tuple[str, ...] = ()

    @property
    def anchor(self) -> str:
        return CLAIM_ANCHOR + self.claim_id


def comparison(claim: Claim, result: AuditResult) -> Comparison:
    """Guide vs data vs latest for one claim (see :class:`Comparison`)."""
    if result.method == "cited only":
        data, latest, notes = "geen open data", "\u2013", []
    else:
        data = values_text(claim, result) or "\u2013"
        latest = values_text(claim, result, latest=True) or "\u2013"
        notes = []
        if result.comparison != "same":
            notes.append("let op: " + ("andere periode" if result.comparison == "other-period" else "andere definitie"))
        if result.status_by_hand:
            notes.append("status met de hand vastgesteld")
    return Comparison(claim.id, claim.statement, claim.render(), data, latest, result.status, tuple(notes))
