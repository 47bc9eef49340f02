"""The book's one plot style.

Every chart in the book uses these helpers, so all figures look alike:

- a colour-blind-safe palette (Okabe & Ito), with fixed colours per group so that
  "vrouwen" has the same colour on every page;
- Dutch labels and numbers (decimal comma, ``%`` after the number);
- a source line under every chart: table id, period and retrieval date
  (:func:`source_line`).

Matplotlib is the default (static PNG/SVG in the HTML, prints well). For charts that
need interaction on the static page, :func:`altair_theme` gives the same look in
Altair/Vega-Lite.

Usage::

    from werkzorg.stats import plot_style as plots
    fig, ax = plots.figure("Netto arbeidsparticipatie", ylabel="% van de bevolking")
    plots.lines(ax, df, x="year", y="value", group="Geslacht_label")
    plots.add_source(fig, plots.source_line("80590NED", "2005–2024", "2026-11-23"))
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from typing import Any

# No matplotlib.use() here: in a notebook the kernel's inline backend must stay active, or
# glue() and plt.show() would capture only "<Figure size ...>" text instead of the image.
import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter, MaxNLocator

from .. import format_nl

#: Okabe & Ito (2008), "Color Universal Design": eight colours distinguishable with
#: the common forms of colour blindness.
OKABE_ITO = {
    "zwart": "#000000",
    "oranje": "#E69F00",
    "hemelsblauw": "#56B4E9",
    "blauwgroen": "#009E73",
    "geel": "#F0E442",
    "blauw": "#0072B2",
    "vermiljoen": "#D55E00",
    "paarsroze": "#CC79A7",
}

#: Order in which colours are handed out to groups without a fixed colour.
#: Yellow comes last: it is hard to see on white.
PALETTE: list[str] = [
    OKABE_ITO[k]
    for k in ("blauw", "vermiljoen", "blauwgroen", "oranje", "paarsroze", "hemelsblauw", "zwart", "geel")
]

#: Fixed colours for groups that appear on many pages (keys are lower case).
GROUP_COLOURS: dict[str, str] = {
    "vrouwen": OKABE_ITO["vermiljoen"],
    "vrouw": OKABE_ITO["vermiljoen"],
    "mannen": OKABE_ITO["blauw"],
    "man": OKABE_ITO["blauw"],
    "totaal": OKABE_ITO["zwart"],
    "totaal mannen en vrouwen": OKABE_ITO["zwart"],
}

#: Line styles per group, so the chart also reads in black and white print.
GROUP_DASHES: dict[str, Any] = {"vrouwen": "-", "mannen": "--", "totaal": ":"}

MONTHS_NL = format_nl.MONTHS

FONT_SIZE = 11
FIGSIZE = (7.0, 4.0)


def colour_for(group: str, index: int = 0) -> str:
    """Return the colour of a group: its fixed colour, else the palette colour at ``index``."""
    return GROUP_COLOURS.get(str(group).strip().lower(), PALETTE[index % len(PALETTE)])


#: The book's one Dutch number writer (:mod:`werkzorg.format_nl`), under the names figures use.
number_nl = format_nl.number
percent_nl = format_nl.percent
date_nl = format_nl.date


def source_line(table_id: str | Sequence[str], period: str, retrieved: str | _dt.date | None,
                publisher: str = "CBS") -> str:
    """The line under every chart: who published the data, which table, which period, when retrieved.

    >>> source_line("80590NED", "2005–2024", "2026-11-23")
    'Bron: CBS, tabel 80590NED, periode 2005–2024, opgehaald 23 november 2026'

    ``table_id`` may be a list (several tables), and empty for a source that is not a
    StatLine table (then ``publisher`` names it, e.g. "SCP, Emancipatiemonitor 2022").
    """
    ids = [table_id] if isinstance(table_id, str) else list(table_id)
    ids = [i for i in ids if i]
    parts = [f"Bron: {publisher}"]
    if ids:
        parts[0] += (", tabel " if len(ids) == 1 else ", tabellen ") + " en ".join(ids)
    if period:
        parts.append(f"periode {period}")
    if retrieved:
        parts.append(f"opgehaald {date_nl(retrieved)}")
    return ", ".join(parts)


def apply_style() -> None:
    """Set matplotlib defaults for the book (idempotent)."""
    plt.rcParams.update({
        "figure.figsize": FIGSIZE,
        "figure.dpi": 100,
        "savefig.dpi": 150,
        "savefig.bbox": "tight",
        "font.size": FONT_SIZE,
        "axes.titlesize": FONT_SIZE + 2,
        "axes.titleweight": "bold",
        "axes.titlelocation": "left",
        "axes.labelsize": FONT_SIZE,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "axes.grid.axis": "y",
        "grid.color": "#DDDDDD",
        "grid.linewidth": 0.8,
        "axes.prop_cycle": plt.cycler(color=PALETTE),
        "legend.frameon": False,
        "axes.formatter.use_locale": False,
        "svg.fonttype": "none",
    })


def figure(title: str = "", ylabel: str = "", xlabel: str = "", figsize: tuple[float, float] | None = None):
    """A new figure with one axes in the book's style; returns ``(fig, ax)``."""
    apply_style()
    fig, ax = plt.subplots(figsize=figsize or FIGSIZE)
    if title:
        ax.set_title(title)
    ax.set_ylabel(ylabel)
    ax.set_xlabel(xlabel)
    return fig, ax


def percent_axis(ax, decimals: int = 0, lower: float | None = 0, upper: float | None = None) -> None:
    """Format the y axis as Dutch percentages (values are percentages, not fractions)."""
    if decimals == 0:
        # whole-number ticks only, so a tick at 2.5 is never printed as "2%"
        ax.yaxis.set_major_locator(MaxNLocator(steps=[1, 2, 5, 10], integer=True))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: percent_nl(v, decimals)))
    if lower is not None or upper is not None:
        ax.set_ylim(lower, upper)


def euro_axis(ax) -> None:
    """Format the y axis as euros, Dutch style (``€ 1.464``)."""
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: format_nl.euro(v, 0)))


def year_axis(ax) -> None:
    """Whole years on the x axis, without thousands separators."""
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{int(v)}" if float(v).is_integer() else ""))


def lines(ax, data, x: str, y: str, group: str | None = None, labels: dict[str, str] | None = None,
          order: Iterable[str] | None = None, marker: str = "o", **kwargs) -> None:
    """Draw one line per group from a tidy DataFrame, in the fixed group colours and dashes."""
    labels = labels or {}
    if group is None:
        d = data.sort_values(x)
        ax.plot(d[x], d[y], color=PALETTE[0], marker=marker, markersize=3, **kwargs)
        return
    groups = list(order) if order is not None else list(dict.fromkeys(data[group]))
    for i, g in enumerate(groups):
        d = data[data[group] == g].sort_values(x)
        if d.empty:
            continue
        key = str(g).strip().lower()
        ax.plot(d[x], d[y], label=labels.get(g, str(g)), color=colour_for(g, i),
                linestyle=GROUP_DASHES.get(key, "-"), marker=marker, markersize=3, **kwargs)
    ax.legend(loc="best")


def bars(ax, categories: Sequence[str], series: dict[str, Sequence[float]], decimals: int = 0,
         horizontal: bool = False, value_format=None) -> None:
    """Grouped bars: ``series`` maps a group (legend entry) to one value per category; values are written on the bars."""
    n = len(series)
    width = 0.8 / max(n, 1)
    fmt = value_format or (lambda v: number_nl(v, decimals))
    for i, (name, values) in enumerate(series.items()):
        pos = [c + (i - (n - 1) / 2) * width for c in range(len(categories))]
        colour = colour_for(name, i)
        if horizontal:
            rects = ax.barh(pos, values, height=width, label=name, color=colour)
        else:
            rects = ax.bar(pos, values, width=width, label=name, color=colour)
        ax.bar_label(rects, labels=[fmt(v) if v == v else "" for v in values], padding=2, fontsize=FONT_SIZE - 2)
    if horizontal:
        ax.set_yticks(range(len(categories)), categories)
        ax.grid(axis="x")
        ax.grid(axis="y", visible=False)
    else:
        ax.set_xticks(range(len(categories)), categories)
    if n > 1:
        ax.legend(loc="best")


def mark_break(ax, x: float, label: str, colour: str = "#555555") -> None:
    """Mark a break in a series (e.g. a survey revision) with a dotted vertical line and a label."""
    ax.axvline(x, color=colour, linestyle=":", linewidth=1.2)
    ax.annotate(label, xy=(x, 1.0), xycoords=("data", "axes fraction"), xytext=(3, -2),
                textcoords="offset points", va="top", ha="left", fontsize=FONT_SIZE - 2, color=colour)


def add_source(fig, text: str | Sequence[str], note: str = "") -> None:
    """Write the source line (and an optional note) under the chart, left-aligned."""
    lines_ = [text] if isinstance(text, str) else list(text)
    if note:
        lines_.append(note)
    fig.text(0.01, -0.01, "\n".join(lines_), ha="left", va="top", fontsize=FONT_SIZE - 3, color="#333333",
             wrap=True)


def finish(fig, source: str | Sequence[str], note: str = ""):
    """Add the source line, tighten the layout and return the figure (for ``glue``)."""
    fig.tight_layout()
    add_source(fig, source, note)
    return fig


# --------------------------------------------------------------------------- Altair

def altair_theme() -> dict:
    """The same look for Altair charts (register with ``alt.theme.register``)."""
    return {
        "config": {
            "font": "sans-serif",
            "range": {"category": PALETTE},
            "axis": {"labelFontSize": FONT_SIZE, "titleFontSize": FONT_SIZE, "grid": False},
            "axisY": {"grid": True, "gridColor": "#DDDDDD"},
            "title": {"anchor": "start", "fontSize": FONT_SIZE + 2},
            "view": {"stroke": None},
            "locale": {"number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€\u00a0", ""]}},
        }
    }


def altair_colour_scale(groups: Sequence[str]):
    """An Altair colour scale giving each group its fixed colour."""
    import altair as alt

    return alt.Scale(domain=list(groups), range=[colour_for(g, i) for i, g in enumerate(groups)])


def altair_with_source(chart, source: str):
    """Put the source line under an Altair chart as a subtitle-like footer."""
    return chart.properties(title={"text": chart.title if isinstance(chart.title, str) else "",
                                   "subtitle": source, "subtitleFontSize": FONT_SIZE - 3,
                                   "orient": "bottom", "anchor": "start"})


# --------------------------------------------------------------------------- Alt text

def with_alt(fig, alt: str):
    """Return the figure as an HTML ``<img>`` with alt text, and close the figure.

    For charts drawn inside ``ipywidgets.interactive_output``: on the static site the widget
    manager shows a plain PNG output without alt text, so a screen reader skips the chart.
    ``display(plots.with_alt(fig, "Lijndiagram van ..."))`` shows the same picture with a
    description. Charts shown with ``glue:figure`` get their alt text from ``:alt:`` instead.
    """
    import base64
    import html
    import io

    from IPython.display import HTML

    if not isinstance(alt, str) or not alt.strip():
        raise ValueError("plots.with_alt: the alt text is empty; describe in words what the chart shows")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight")
    plt.close(fig)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return HTML(f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt.strip(), quote=True)}" '
                'style="max-width:100%;height:auto">')
