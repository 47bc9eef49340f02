"""The book's one plot style: palette, Dutch labels, source line under every chart."""

from __future__ import annotations

import colorsys

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from werkzorg.stats import plot_style as plots


def test_source_line_names_table_period_and_date_in_dutch():
    text = plots.source_line("80590NED", "2005–2024", "2026-11-23")
    assert text == "Bron: CBS, tabel 80590NED, periode 2005–2024, opgehaald 23 november 2026"


def test_source_line_several_tables_and_other_publisher():
    assert "tabellen 82647NED en 85275NED" in plots.source_line(["82647NED", "85275NED"], "2013–2018", "2026-01-05")
    text = plots.source_line("", "2021", None, publisher="SCP, Emancipatiemonitor 2022")
    assert text == "Bron: SCP, Emancipatiemonitor 2022, periode 2021"


def test_dutch_number_formats():
    assert plots.number_nl(1463.95, 2) == "1.463,95"
    assert plots.percent_nl(68.9, 1) == "68,9%"
    assert plots.percent_nl(68.9) == "69%"


def test_palette_is_okabe_ito_and_groups_keep_their_colour():
    assert set(plots.PALETTE) == set(plots.OKABE_ITO.values())
    assert plots.colour_for("Vrouwen") == plots.colour_for("vrouwen") == "#D55E00"
    assert plots.colour_for("Mannen") != plots.colour_for("Vrouwen")


def _lightness(hex_colour: str) -> float:
    r, g, b = (int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hls(r, g, b)[1]


def test_women_and_men_differ_in_lightness_so_greyscale_print_reads():
    assert abs(_lightness(plots.colour_for("vrouwen")) - _lightness(plots.colour_for("mannen"))) > 0.05


def test_chart_carries_source_line_and_percent_axis():
    df = pd.DataFrame({"year": [2019, 2020, 2019, 2020], "value": [64.0, 65.1, 81.4, 81.0],
                       "groep": ["Vrouwen", "Vrouwen", "Mannen", "Mannen"]})
    fig, ax = plots.figure("Economisch zelfstandig", ylabel="% van de groep")
    plots.lines(ax, df, x="year", y="value", group="groep")
    plots.percent_axis(ax)
    plots.year_axis(ax)
    plots.finish(fig, plots.source_line("84070NED", "2019–2020", "2026-11-23"))
    texts = [t.get_text() for t in fig.texts]
    assert any(t.startswith("Bron: CBS, tabel 84070NED") for t in texts)
    fig.canvas.draw()
    labels = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
    assert labels and all(label.endswith("%") for label in labels)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["Vrouwen", "Mannen"]
    assert ax.get_lines()[0].get_color().upper() == "#D55E00"
    plt.close(fig)


def test_mark_break_draws_labelled_line():
    fig, ax = plots.figure()
    ax.plot([2019, 2022], [1, 2])
    plots.mark_break(ax, 2021, "herziening 2021")
    assert any(t.get_text() == "herziening 2021" for t in ax.texts)
    plt.close(fig)


def test_altair_theme_uses_same_palette():
    theme = plots.altair_theme()
    assert theme["config"]["range"]["category"] == plots.PALETTE
    alt = pytest.importorskip("altair")
    scale = plots.altair_colour_scale(["Vrouwen", "Mannen"])
    assert scale.range == ["#D55E00", "#0072B2"]
    assert alt is not None


def test_with_alt_gives_an_image_a_screen_reader_can_describe():
    fig, ax = plots.figure("Test")
    ax.plot([1, 2], [3, 4])
    out = plots.with_alt(fig, 'Lijn van "laag" naar hoog')
    html_text = out.data
    assert html_text.startswith('<img src="data:image/png;base64,iVBOR')  # a real PNG
    assert 'alt="Lijn van &quot;laag&quot; naar hoog"' in html_text
    assert not plt.fignum_exists(fig.number)  # closed, so the notebook shows it only once


def test_with_alt_refuses_an_empty_description():
    fig, _ = plots.figure("Test")
    with pytest.raises(ValueError, match="alt text is empty"):
        plots.with_alt(fig, "  ")
    plt.close(fig)


def test_percent_ticks_are_whole_numbers_so_labels_do_not_lie():
    fig, ax = plots.figure()
    ax.plot([2003, 2021], [2.6, 16.5])
    plots.percent_axis(ax)
    fig.canvas.draw()
    ticks = [t for t in ax.get_yticks() if ax.get_ylim()[0] <= t <= ax.get_ylim()[1]]
    assert all(float(t).is_integer() for t in ticks), ticks
    plt.close(fig)
