"""Bibliography styles in Dutch: pybtex's ``plain`` with "en" and the ``@report`` type that CBS, SCP and
Verwey-Jonker publications naturally have (plain only knows ``@techreport``)."""

from __future__ import annotations

from pybtex.plugin import register_plugin
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.template import names, sentence


class Style(PlainStyle):
    """``plain``, with reports formatted like technical reports."""

    def format_names(self, role, as_sentence=True):
        # Dutch joiners in the bibliography: "A. Glijn en B. van Egten".
        formatted = names(role, sep=", ", sep2=" en ", last_sep=" en ")
        return sentence[formatted] if as_sentence else formatted

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
    from sphinxcontrib.bibtex.style.referencing import PersonStyle
    from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

    def dutch_person() -> PersonStyle:
        return PersonStyle(sep=", ", sep2=" en ", last_sep=" en ", other=Text(" e.a."))

    @dataclass
    class DutchAuthorYear(AuthorYearReferenceStyle):
        person: PersonStyle = field(default_factory=dutch_person)

    return DutchAuthorYear


def register_reference_style() -> None:
    from sphinxcontrib.bibtex.plugin import register_plugin as register_bibtex_plugin

    register_bibtex_plugin("sphinxcontrib.bibtex.style.referencing", "author_year_nl", _dutch_author_year())
