"""Cut third-party stylesheets down to the rules the built site can use (issue 11).

Every stylesheet in the ``<head>`` blocks the first paint. pydata-sphinx-theme's stylesheet
alone is 390 kB (66 kB gzipped), about nine tenths of it rules for Bootstrap utilities and
Font Awesome icons that no page of this book uses. After the build, :func:`purge_site` drops
each selector that names a class or id that occurs nowhere in the site: not in any page, and
not as a word in any script (scripts add classes such as ``show`` at run time). A rule goes when
none of its selectors is left; ``@media``/``@supports`` blocks are cut the same way. Everything
else (element and attribute selectors, ``@font-face``, ``@keyframes``, custom properties) stays.

The check is on words, so it errs on the side of keeping a rule; class names that a script builds
from pieces (``bs-${name}-auto``) count through patterns made from the script's template strings. Classes inside ``:not()``,
``:is()``, ``:where()`` and ``:has()`` are not required. The untouched stylesheets are kept
beside the site (:data:`ORIGINALS`), so a browser test can compare every element's computed
style with and without the cut.

``styles/theme.css`` only ``@import``s Sphinx's ``basic.css``: a second request that starts
after the first has arrived. Its rules are written into ``theme.css`` itself, in the same place
in the cascade.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import tinycss2

#: The stylesheets that are cut (site-relative); the book's own CSS is left as written.
PURGED = (
    "_static/styles/theme.css",
    "_static/styles/pydata-sphinx-theme.css",
    "_static/sphinx-design.min.css",
    "_static/mystnb.*.css",
)
#: Folder beside ``_build/html`` with the stylesheets as the theme shipped them.
ORIGINALS = "werkzorg-css-original"
#: Class and id names in a stylesheet (with CSS escapes), for the key of a saved cut.
_CSS_NAME = re.compile(r"[.#]((?:[-\w]|\\.)+)")
MARKER = "/* werkzorg.csspurge: cut to the selectors this site uses; original in _build/"
_IMPORT_BASIC = re.compile(r'@import\s+(?:url\()?["\']?\.\./basic\.css["\']?\)?\s*;')
_WORD = re.compile(r"[A-Za-z_][\w-]*")
_FUNCTIONAL = re.compile(r":(?:not|is|where|has|matches|-webkit-any|-moz-any)\(")
_CLASS_OR_ID = re.compile(r"([.#])(-?[_a-zA-Z\u00a0-\uffff][\w\u00a0-\uffff-]*)")
_BRACKETS = re.compile(r"\[[^\]]*\]")
_KEPT_AT_RULES = {"font-face", "keyframes", "-webkit-keyframes", "import", "charset", "property",
                  "namespace", "page", "counter-style", "font-feature-values", "layer"}


#: Scripts in the site that set no class: Font Awesome's script (it names every icon there is)
#: and the search index (the book's words).
NOT_CODE = ("fontawesome.js", "searchindex.js")


class SiteNames(set):
    """The words of the site, plus the class names its scripts build from pieces.

    Bootstrap names a tooltip's class ``bs-${this.constructor.NAME}-auto``; the full name occurs
    nowhere. Such templates (and ``"prefix-" + name``) become patterns, and a name that fits one
    counts as used."""

    def __init__(self, words: set[str], patterns: list[str]):
        super().__init__(words)
        self.patterns = sorted(set(patterns))
        self._dynamic = re.compile("|".join(f"(?:{p})" for p in self.patterns)) if self.patterns else None

    def __contains__(self, name: object) -> bool:
        return set.__contains__(self, name) or (
            self._dynamic is not None and isinstance(name, str) and self._dynamic.fullmatch(name) is not None)


_TEMPLATE = re.compile(r"`([^`]*\$\{[^`]*)`")
_PLACEHOLDER = re.compile(r"\$\{[^}]*\}")
_CONCAT_PREFIX = re.compile(r"[\"']([A-Za-z][\w]*-)[\"']\s*\+")


def dynamic_name_patterns(script: str) -> list[str]:
    """Regular expressions for the class names a script builds: every piece of a template string
    with a placeholder and at least two letters of its own, and every ``"prefix-" +``."""
    patterns = []
    for m in _TEMPLATE.finditer(script):
        for piece in re.split(r"[^\w${}.-]+", m.group(1)):
            piece = piece.strip(".")
            if "${" not in piece or len(re.findall(r"[A-Za-z]", _PLACEHOLDER.sub("", piece))) < 2:
                continue
            parts = _PLACEHOLDER.split(piece)
            patterns.append(r"[\w-]*".join(re.escape(x) for x in parts))
    patterns += [re.escape(m.group(1)) + r"[\w-]*" for m in _CONCAT_PREFIX.finditer(script)]
    return patterns


def site_words(site: Path) -> SiteNames:
    """Every word in every page and in every script a page can load: a superset of the classes
    and ids the site can show. A script counts when its file name occurs in a page or in a
    script that counts (so the unused widget manager's icon names do not keep icon rules)."""
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*.html") if p.is_file()]
    scripts = {p: p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*.js")
               if p.is_file() and p.name not in NOT_CODE}
    loaded: list[str] = []
    seen = "\n".join(texts)
    while True:
        new = [p for p in scripts if p.name in seen]
        if not new:
            break
        for p in new:
            loaded.append(scripts.pop(p))
        seen = "\n".join(loaded[-len(new):])
    words: set[str] = set()
    for text in texts + loaded:
        words.update(_WORD.findall(text))
    return SiteNames(words, [pat for text in loaded for pat in dynamic_name_patterns(text)])


def _strip_functional(selector: str) -> str:
    """The selector without the arguments of :not(), :is(), ... (their classes are optional)."""
    out, i = [], 0
    while (m := _FUNCTIONAL.search(selector, i)) is not None:
        out.append(selector[i:m.start()])
        depth, j = 1, m.end()
        while j < len(selector) and depth:
            depth += {"(": 1, ")": -1}.get(selector[j], 0)
            j += 1
        i = j
    out.append(selector[i:])
    return "".join(out)


def selector_is_used(selector: str, words: set[str]) -> bool:
    """True unless the selector needs a class or id that the site never names."""
    plain = _BRACKETS.sub("", _strip_functional(selector.replace("\\", "")))
    return all(name in words for _, name in _CLASS_OR_ID.findall(plain))


def _split_selectors(prelude: list) -> list[str]:
    """The comma-separated selectors of a rule's prelude (commas inside () belong to one)."""
    parts, current = [], []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            parts.append(tinycss2.serialize(current).strip())
            current = []
        else:
            current.append(token)
    parts.append(tinycss2.serialize(current).strip())
    return [p for p in parts if p]


def _cut_rules(rules: list, words: set[str], counts: dict[str, int]) -> str:
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = _split_selectors(rule.prelude)
            kept = [s for s in selectors if selector_is_used(s, words)]
            counts["selectors"] += len(selectors)
            counts["dropped"] += len(selectors) - len(kept)
            if kept:
                out.append(",".join(kept) + "{" + tinycss2.serialize(rule.content).strip() + "}")
        elif rule.type == "at-rule":
            name = rule.lower_at_keyword
            if rule.content is None or name in _KEPT_AT_RULES:
                out.append(tinycss2.serialize([rule]))
                continue
            inner = tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
            if name in {"media", "supports", "container", "document", "-moz-document"} or all(
                    r.type in {"qualified-rule", "at-rule"} for r in inner):
                body = _cut_rules(inner, words, counts)
                if body:
                    out.append("@" + rule.at_keyword + tinycss2.serialize(rule.prelude).rstrip() + "{" + body + "}")
            else:
                out.append(tinycss2.serialize([rule]))
        # comments and whitespace go
    return "".join(out)


#: Icon characters (Unicode private use) in a ``content`` declaration, which tinycss2 writes as
#: themselves: escaped again, as the theme wrote them (``content:"\\f062"``). Custom properties keep
#: the character, as the theme wrote them too (a custom property's value is its text).
_ICON_CONTENT = re.compile('(?<![\\w-])(content:\\s*")([\ue000-\uf8ff])(")')


def _escape_icons(text: str) -> str:
    return _ICON_CONTENT.sub(lambda m: f"{m.group(1)}\\{ord(m.group(2)):x}{m.group(3)}", text)


def purge_css(text: str, words: set[str]) -> tuple[str, dict[str, int]]:
    """``text`` without the selectors the site cannot match; and how many were dropped."""
    counts = {"selectors": 0, "dropped": 0}
    rules = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
    return _escape_icons(_cut_rules(rules, words, counts)), counts


def _inline_basic(text: str, static: Path) -> str:
    basic = static / "basic.css"
    if not _IMPORT_BASIC.search(text) or not basic.is_file():
        return text
    return _IMPORT_BASIC.sub(lambda _: basic.read_text(encoding="utf-8"), text, count=1)


def purge_site(site: Path) -> dict[str, tuple[int, int]]:
    """Cut the stylesheets in :data:`PURGED` in the built ``site``; return sizes before/after.

    A stylesheet that an earlier build already cut (it starts with :data:`MARKER`) is cut again
    from its saved original, so incremental builds never cut a cut file.
    """
    originals = site.parent / ORIGINALS
    words = site_words(site)
    sizes = {}
    for pattern in PURGED:
        for path in sorted(site.glob(pattern)):
            rel = path.relative_to(site)
            saved = originals / rel
            text = path.read_text(encoding="utf-8")
            if text.startswith(MARKER):
                if not saved.is_file():
                    raise RuntimeError(f"werkzorg.postbuild.csspurge: {rel} was cut, but its original {saved} is gone; "
                                       "remove _build and build again")
                text = saved.read_text(encoding="utf-8")
            else:
                saved.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, saved)
            full = _inline_basic(text, path.parent.parent if rel.parts[1] == "styles" else path.parent)
            # The cut depends only on the full stylesheet and the site's words: reuse it when both
            # are unchanged (a warm rebuild), else cut again.
            # Only the class and id names the stylesheet names decide the cut; random ids elsewhere
            # in the pages (they differ per build) must not make a new key.
            names = {re.sub(r"\\(.)", r"\1", n) for n in _CSS_NAME.findall(full)}
            used = "\n".join(sorted(n for n in names if n in words))
            key = hashlib.sha256(full.encode() + b"\0" + used.encode()).hexdigest()
            cached, stamp = saved.with_name(saved.name + ".cut"), saved.with_name(saved.name + ".key")
            if stamp.is_file() and cached.is_file() and stamp.read_text(encoding="utf-8") == key:
                result = cached.read_text(encoding="utf-8")
            else:
                cut, _ = purge_css(full, words)
                result = f"{MARKER}{ORIGINALS}/{rel.as_posix()} */\n{cut}\n"
                cached.write_text(result, encoding="utf-8")
                stamp.write_text(key, encoding="utf-8")
            if path.read_text(encoding="utf-8") != result:
                path.write_text(result, encoding="utf-8")
            sizes[rel.as_posix()] = (len(text.encode()), path.stat().st_size)
    return sizes
