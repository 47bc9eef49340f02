"""What the CSS cut (werkzorg.postbuild.csspurge) took out of the theme's stylesheets, read by the
tests from the stylesheets themselves: the originals kept beside the build and the cut ones in it.

A cut may only remove: every rule it keeps is the original rule with the same declarations, in the
same order, its selector list a part of the original list. A removed selector changes nothing a
reader sees as long as it matches no element of a page, in any state; the page walks check that on
every page with :data:`MATCHING_REMOVED`, after :func:`at_rest` widened each selector to every state.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import tinycss2

from werkzorg.postbuild import csspurge

#: At-rules whose rules are cut one by one; every other at-rule must be kept as it was.
_NESTED = {"media", "supports", "container", "layer", "document", "-moz-document"}
_IMPORT_BASIC = re.compile(r'@import\s+(?:url\()?["\']?\.\./basic\.css["\']?\)?\s*;')


def _split(prelude: list) -> list[str]:
    parts, current = [], []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            parts.append(current)
            current = []
        else:
            current.append(token)
    parts.append(current)
    return [s for s in (" ".join(tinycss2.serialize(p).split()) for p in parts) if s]


def _declarations(content: list) -> list[tuple]:
    """A rule's declarations as (name, value tokens, important), read as a CSS parser reads them."""
    out = []
    for d in tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True):
        if d.type == "declaration":
            out.append((d.lower_name, " ".join(tinycss2.serialize(d.value).split()), d.important))
        else:
            out.append((d.type, " ".join(tinycss2.serialize([d]).split()), False))
    return out


def outline(text: str, context: tuple[str, ...] = ()) -> list[tuple]:
    """Every rule of a stylesheet in order: (at-rule context, selectors, declarations); kept at-rules
    (``@font-face``, ``@keyframes`` …) as (context, '@name prelude', their text)."""
    rules = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
    return _outline(rules, context)


def _outline(rules: list, context: tuple[str, ...]) -> list[tuple]:
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            out.append((context, _split(rule.prelude), _declarations(rule.content)))
        elif rule.type == "at-rule":
            head = "@" + rule.lower_at_keyword + " " + " ".join(tinycss2.serialize(rule.prelude).split())
            if rule.content is not None and rule.lower_at_keyword in _NESTED:
                inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
                out += _outline(inner, context + (head,))
            else:
                body = " ".join(tinycss2.serialize(rule.content or []).split())
                out.append((context, [head], [("at-rule", body, False)]))
    return out


def original_text(site: Path, rel: Path) -> str:
    """A stylesheet as the theme shipped it, with the ``@import`` of ``basic.css`` written out in
    place, as the cut does."""
    text = (site.parent / csspurge.ORIGINALS / rel).read_text(encoding="utf-8")
    basic = site / "_static" / "basic.css"
    if _IMPORT_BASIC.search(text) and basic.is_file():
        text = _IMPORT_BASIC.sub(lambda _: basic.read_text(encoding="utf-8"), text, count=1)
    return text


def cut_sheets(site: Path) -> list[Path]:
    """The cut stylesheets (site-relative), as the originals kept beside the build name them."""
    originals = site.parent / csspurge.ORIGINALS
    return sorted(p.relative_to(originals) for p in originals.rglob("*.css"))


def compare(original: list[tuple], cut: list[tuple]) -> tuple[list[tuple], list[str]]:
    """Walk both outlines in order. Return the removed selectors as (selector, kept siblings) and
    the differences that are not a removal (a changed, added or moved rule)."""
    removed, wrong = [], []
    i = 0
    for context, selectors, declarations in original:
        if i < len(cut) and cut[i][0] == context and cut[i][2] == declarations and set(cut[i][1]) <= set(selectors):
            kept = cut[i][1]
            if Counter(kept) - Counter(selectors):
                wrong.append(f"selectors {kept} repeat one of {selectors}")
            removed += [(s, tuple(kept)) for s in selectors if s not in kept]
            i += 1
        elif selectors and selectors[0].startswith("@"):
            wrong.append(f"{' '.join(context)} {selectors[0]} was removed (the cut keeps every at-rule)")
        else:
            removed += [(s, ()) for s in selectors]
    for context, selectors, declarations in cut[i:]:
        wrong.append(f"{' '.join(context)} {','.join(selectors)} {{{declarations[:3]}…}} is not an original rule "
                     "in this place")
    return removed, wrong


@cache
def removed_selectors(site: Path) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Every selector the cut removed from the theme's stylesheets, with the selectors kept beside
    it in the same rule."""
    out = []
    for rel in cut_sheets(site):
        removed, _ = compare(outline(original_text(site, rel)), outline((site / rel).read_text(encoding="utf-8")))
        out += removed
    return tuple(out)


#: States a page is not in at rest (pointer, focus, input, history), and pseudo-elements: a rule
#: for them applies to an element that the selector without them matches.
_STATE = (r"hover|focus|focus-visible|focus-within|active|visited|link|any-link|target|checked|indeterminate"
          r"|disabled|enabled|invalid|valid|in-range|out-of-range|required|optional|placeholder-shown|read-only"
          r"|read-write|autofill|user-invalid|user-valid|popover-open|modal|open|fullscreen|default|playing|paused")
_PSEUDO_ELEMENT = re.compile(r"::?-(?:webkit|moz|ms|o)-[\w-]+(?:\([^()]*\))?|::[\w-]+(?:\([^()]*\))?"
                             r"|:(?:before|after|first-letter|first-line|selection|placeholder|marker)\b")
_STATE_CLASS = re.compile(rf":(?:{_STATE})(?![\w-])")
_FUNCTIONAL = re.compile(r":(?:not|is|where|has|matches|-webkit-any|-moz-any)\(")


def _drop_functionals_with_states(selector: str) -> str:
    """``:not(:focus)``, ``:is(:hover, .x)`` …: a functional pseudo-class that names a state is
    dropped whole, so the selector matches in every state (it matches more, never less)."""
    out, i = [], 0
    while (m := _FUNCTIONAL.search(selector, i)) is not None:
        depth, j = 1, m.end()
        while j < len(selector) and depth:
            depth += {"(": 1, ")": -1}.get(selector[j], 0)
            j += 1
        inner = selector[m.end():j - 1]
        keep = not (_STATE_CLASS.search(inner) or _PSEUDO_ELEMENT.search(inner))
        out.append(selector[i:m.start()] + (selector[m.start():j] if keep else ""))
        i = j
    out.append(selector[i:])
    return "".join(out)


def _compounds(selector: str) -> list[str]:
    """The selector split at its combinators (outside brackets and parentheses), combinators kept."""
    parts, current, depth, i = [], "", 0, 0
    while i < len(selector):
        c = selector[i]
        depth += {"(": 1, "[": 1, ")": -1, "]": -1}.get(c, 0)
        if depth == 0 and (c.isspace() or c in ">+~"):
            j = i
            while j < len(selector) and (selector[j].isspace() or selector[j] in ">+~"):
                j += 1
            combinators = [x for x in selector[i:j] if x in ">+~"] or [" "]
            parts += [current, combinators[0]]
            for extra in combinators[1:]:  # two combinators in a row: an empty compound between
                parts += ["", extra]
            current, i = "", j
            continue
        current += c
        i += 1
    return parts + [current]


def at_rest(selector: str) -> str:
    """The selector without states and pseudo-elements: it matches every element that the
    selector matches in some state, or whose ``::before``/``::after`` it styles."""
    s = _PSEUDO_ELEMENT.sub("", _STATE_CLASS.sub("", _drop_functionals_with_states(selector))).strip()
    parts = _compounds(s)
    for k in range(0, len(parts), 2):
        parts[k] = parts[k] or "*"  # a compound that was only a state: any element
    return "".join(p if k % 2 == 0 else (" " if p == " " else f" {p} ") for k, p in enumerate(parts))


_CLASS_OR_ID = re.compile(r"([.#])(-?[_a-zA-Z\u00a0-\uffff][\w\u00a0-\uffff-]*)")


def required_names(selector: str) -> list[str]:
    """The classes (``.x``) and ids (``#x``) an element must carry somewhere for the selector to match:
    those outside every pair of parentheses and brackets (a name in ``:not()``, ``:is()``,
    ``:nth-child(… of …)`` or an attribute value may be optional). None for a selector with a CSS
    escape: it is always tried."""
    if "\\" in selector:
        return []
    outside, depth = [], 0
    for c in selector:
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif depth == 0:
            outside.append(c)
    return sorted({kind + name for kind, name in _CLASS_OR_ID.findall("".join(outside))})


#: Every class (``.x``) and id (``#x``) that an element of the open page carries.
_PRESENT_NAMES = """
const present = new Set();
for (const el of document.querySelectorAll('[class], [id]')) {
  for (const c of el.classList) present.add('.' + c);
  if (el.id) present.add('#' + el.id);
}
return [...present];
"""

#: The selectors of ``arguments[0]`` that match an element of the open page, or that this
#: browser cannot read (reported, not skipped).
_MATCHING = """
const found = [];
for (const s of arguments[0]) {
  try { const el = document.querySelector(s); if (el) found.push(s + ' matches ' + el.outerHTML.slice(0, 80)); }
  catch (e) { found.push(s + ' cannot be read: ' + e.message.slice(0, 60)); }
}
return found;
"""


def matching_removed(browser, removed: tuple[tuple[str, tuple[str, ...]], ...]) -> list[str]:
    """The removed selectors (:func:`removed_at_rest`) that match an element of the page open in
    ``browser``. A selector is tried only when every class and id it needs is on some element of the
    page: without them it cannot match (and the page need not receive all six thousand)."""
    present = set(browser.execute_script(_PRESENT_NAMES))
    candidates = [s for s, needs in removed if present.issuperset(needs)]
    return browser.execute_script(_MATCHING, candidates) if candidates else []


@cache
def removed_at_rest(site: Path) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each removed selector widened by :func:`at_rest`, with the classes and ids it needs."""
    return tuple((s, tuple(required_names(s))) for s in sorted({at_rest(s) for s, _ in removed_selectors(site)}))
