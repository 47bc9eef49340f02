"""Bibliography styles in Dutch: pybtex's ``plain`` with "en" and the ``@report`` type that CBS, SCP and
Verwey-Jonker publications naturally have (plain only knows ``@techreport``); a ``@misc`` entry whose
title ends with its year does not repeat the year."""

from __future__ import annotations

import functools

import pybtex.plugin
from pybtex.plugin import register_plugin
from pybtex.style.formatting import toplevel
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.formatting.unsrt import date
from pybtex.style.template import field, first_of, join, names, optional, optional_field, sentence, words


class Style(PlainStyle):
    """``plain``, with reports formatted like technical reports."""

    def format_names(self, role, as_sentence=True):
        # Dutch joiners in the bibliography: "A. Glijn en B. van Egten".
        formatted = names(role, sep=", ", sep2=" en ", last_sep=" en ")
        return sentence[formatted] if as_sentence else formatted

    def format_editor(self, e, as_sentence=True):
        editors = self.format_names("editor", as_sentence=False)
        if "editor" not in e.persons:
            return editors
        result = join(sep=", ")[editors, "redactie"]
        return sentence[result] if as_sentence else result

    def get_techreport_template(self, e):
        # As pybtex's plain, with the Dutch word for a report.
        return toplevel[
            sentence[self.format_names("author")],
            self.format_title(e, "title"),
            sentence[
                words[first_of[optional_field("type"), "Rapport"], optional_field("number")],
                field("institution"),
                optional_field("address"),
                date,
            ],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]

    def get_misc_template(self, e):
        # As pybtex's plain, but without the year when the title already ends with it
        # ("Magazine Doen! 2019", not "Magazine Doen! 2019. 2019.").
        title = str(e.fields.get("title", "")).replace("{", "").replace("}", "").strip()
        year = str(e.fields.get("year", "")).strip()
        when = [] if year and title.endswith(year) else [optional[date]]
        return toplevel[
            optional[sentence[self.format_names("author")]],
            optional[self.format_title(e, "title")],
            sentence[optional[field("howpublished")], *when],
            sentence[optional_field("note")],
            self.format_web_refs(e),
        ]

    def get_report_template(self, e):
        return self.get_techreport_template(e)

    def format_report(self, context):
        return self.format_techreport(context)


def register() -> None:
    register_plugin("pybtex.style.formatting", "werkzorg", Style)


def _dutch_author_year():
    """Author-year references with Dutch joiners: "Glijn en Van Egten", "Jansen e.a."."""
    from dataclasses import dataclass, field

    from pybtex.richtext import Text
    from sphinxcontrib.bibtex.style.referencing import BracketStyle, PersonStyle
    from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

    def dutch_person() -> PersonStyle:
        return PersonStyle(sep=", ", sep2=" en ", last_sep=" en ", other=Text(" e.a."))

    def round_brackets() -> BracketStyle:
        # "(De Gruijter e.a., 2025, thema 5; Daru e.a., 2016)": round brackets, and a semicolon
        # between works, so a place in a guide ("thema 5") is not read as another work.
        return BracketStyle(left="(", right=")", sep="; ", sep2="; ", last_sep="; ")

    @dataclass
    class DutchAuthorYear(AuthorYearReferenceStyle):
        person: PersonStyle = field(default_factory=dutch_person)
        bracket_parenthetical: BracketStyle = field(default_factory=round_brackets)
        bracket_textual: BracketStyle = field(default_factory=round_brackets)

    return DutchAuthorYear


def _dutch_no_year() -> None:
    """A source without a year is cited "z.j." (zonder jaar), the Dutch form, not "n.d.".
    sphinxcontrib-bibtex builds its reference templates from the module-level ``year`` node
    when it formats, so the node is replaced where the author-year styles look it up."""
    from pybtex.style.template import field, first_of, node, optional
    from sphinxcontrib.bibtex.style import template
    from sphinxcontrib.bibtex.style.referencing import basic_author_year, extra_year

    @node
    def year(children, data):
        assert not children
        return first_of[optional[field("year")], "z.j."].format_data(data)

    template.year = basic_author_year.year = extra_year.year = year


def register_reference_style() -> None:
    from sphinxcontrib.bibtex.plugin import register_plugin as register_bibtex_plugin

    _dutch_no_year()
    register_bibtex_plugin("sphinxcontrib.bibtex.style.referencing", "author_year_nl", _dutch_author_year())


def remember_plugin_lookups() -> None:
    """Keep pybtex's entry-point scans for the build (idempotent).

    pybtex finds a style or backend by scanning the entry points of every installed package, and
    sphinxcontrib-bibtex asks for its plain-text backend once per citation: 767 scans in this
    book, seconds of every build, also of a rebuild after one page. The installed packages do not
    change while the book builds. Plugins registered at run time (:func:`register`) are looked up
    before the entry points and are unaffected.
    """
    scan = pybtex.plugin.entry_points
    if getattr(scan, "werkzorg_remembered", False):
        return

    @functools.cache
    def remembered(**query: str):
        return scan(**query)

    remembered.werkzorg_remembered = True  # type: ignore[attr-defined]
    pybtex.plugin.entry_points = remembered
