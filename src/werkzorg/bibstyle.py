"""Bibliography style: pybtex's ``plain`` plus the ``@report`` type that CBS, SCP and
Verwey-Jonker publications naturally have (plain only knows ``@techreport``)."""

from __future__ import annotations

from pybtex.plugin import register_plugin
from pybtex.style.formatting.plain import Style as PlainStyle


class Style(PlainStyle):
    """``plain``, with reports formatted like technical reports."""

    def get_report_template(self, e):
        return self.get_techreport_template(e)

    def format_report(self, context):
        return self.format_techreport(context)


def register() -> None:
    register_plugin("pybtex.style.formatting", "werkzorg", Style)
