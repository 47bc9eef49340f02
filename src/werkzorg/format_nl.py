"""One Dutch way to write numbers, euros, percentages, dates and year ranges, for every page.

Before, six modules each had their own (one wrote a plain space after "€", another a no-break
space). Every reader-facing number in Python goes through here; the explorer's JavaScript
(``_static/verkenner.js``) and the live charts' Vega locale (``stats/static/charts.js``) write the
same strings, which ``tests/test_format_nl.py`` checks by running them in Node.

>>> number(1463.95, 2)
'1.463,95'
>>> number(2.5, 0), number(-2.5, 0)
('3', '-3')
>>> percent(68.9, 1)
'68,9%'
>>> euro(1024.77, 2)
'€\\xa01.024,77'
>>> euro(-350, signed=True)
'−\\xa0€\\xa0350'
>>> as_recorded(68.95)
'68,95'
>>> date("2026-11-23")
'23 november 2026'
>>> years([2005, 2006, 2007, 2008])
'2005 tot en met 2008'
"""

from __future__ import annotations

import datetime as _dt
from decimal import ROUND_HALF_UP as _ROUND_HALF_UP
from decimal import Decimal as _Decimal

#: Between "€" and the amount, and between a sign and "€": a line never breaks there.
NBSP = "\u00a0"
#: The minus sign of a signed amount (not the hyphen).
MINUS = "\u2212"

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]


def number(value: float, decimals: int = 1) -> str:
    """``1463.95`` → ``1.463,95``: decimal comma, a dot between thousands.

    A half rounds away from zero (``2.5`` → ``3``), as people round money and as the browser's
    ``Intl.NumberFormat`` does; the value is taken exactly as stored (``2.675`` is a little
    below 2.675, so → ``2,67`` in both).
    """
    exact = _Decimal(float(value)).quantize(_Decimal(1).scaleb(-decimals), rounding=_ROUND_HALF_UP)
    text = f"{exact:,.{decimals}f}"
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


def percent(value: float, decimals: int = 0) -> str:
    """``68.9`` → ``69%`` (``decimals=0``) or ``68,9%``."""
    return number(value, decimals) + "%"


def euro(value: float, decimals: int = 0, signed: bool = False) -> str:
    """``1024.77`` → ``€ 1.024,77`` with a no-break space; a negative amount as ``− € 350``.

    ``signed=True`` writes ``+ € 350`` for a gain as well (a difference); an amount that rounds
    to zero gets no sign.
    """
    text = number(abs(value), decimals)
    zero = text.strip("0,.") == ""
    sign = "" if zero else (MINUS if value < 0 else ("+" if signed else ""))
    return (sign + NBSP if sign else "") + "€" + NBSP + text


def as_recorded(value: float) -> str:
    """A recorded figure with the decimals it was recorded with (``69`` → ``69``, ``68.95`` → ``68,95``).

    CBS never writes "69,0%": whole numbers print without decimals.
    """
    if isinstance(value, bool):
        raise TypeError("a figure cannot be a boolean")
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    whole, _, frac = repr(float(value)).partition(".")
    sign = "-" if float(value) < 0 and whole == "-0" else ""
    return sign + f"{int(whole):,}".replace(",", ".") + "," + frac


def date(value: str | _dt.date) -> str:
    """``2026-11-23`` → ``23 november 2026``."""
    if isinstance(value, str):
        value = _dt.date.fromisoformat(value[:10])
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def years(values) -> str:
    """Years as a reader says them: ``2005 tot en met 2024`` for a run, else ``2019, 2021 en 2023``."""
    ys = sorted({int(y) for y in values})
    if not ys:
        return ""
    if len(ys) > 2 and ys == list(range(ys[0], ys[-1] + 1)):
        return f"{ys[0]} tot en met {ys[-1]}"
    return ", ".join(map(str, ys[:-1])) + (" en " if len(ys) > 1 else "") + str(ys[-1])
