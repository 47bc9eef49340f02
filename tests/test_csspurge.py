"""werkzorg.postbuild.csspurge on small stylesheets written for the test: what a reader could see stays."""

from __future__ import annotations

import cut_css

from werkzorg.postbuild import csspurge


def names(words, script=""):
    return csspurge.SiteNames(set(words), csspurge.dynamic_name_patterns(script))


def test_a_rule_for_a_class_no_page_uses_goes_and_one_for_a_used_class_stays():
    css = ".used{color:red}.unused{color:blue}p .used,p .gone{margin:0}"
    cut, counts = csspurge.purge_css(css, names({"used"}))
    assert ".used{color:red}" in cut
    assert "unused" not in cut and ".gone" not in cut
    assert "p .used{margin:0}" in cut          # the used selector of a list stays, the other goes
    assert counts == {"selectors": 4, "dropped": 2}


def test_elements_attributes_ids_and_optional_classes():
    css = ("a{color:red}[data-theme=dark] a{color:#fff}#top{top:0}#nowhere{top:1px}"
           "a:not(.never){text-decoration:none}li:is(.x,.y){margin:0}")
    cut, _ = csspurge.purge_css(css, names({"top"}))
    for kept in ("a{color:red}", "[data-theme=dark] a{color:#fff}", "#top{top:0}",
                 "a:not(.never){text-decoration:none}", "li:is(.x,.y){margin:0}"):
        assert kept in cut, kept
    assert "#nowhere" not in cut


def test_media_blocks_are_cut_inside_and_dropped_when_empty_font_faces_stay():
    css = ("@media (min-width:960px){.used{width:1px}.unused{width:2px}}"
           "@media print{.unused{display:none}}"
           '@font-face{font-family:"X";src:url(x.woff2)}@keyframes spin{to{transform:rotate(1turn)}}')
    cut, _ = csspurge.purge_css(css, names({"used"}))
    assert "@media (min-width:960px){.used{width:1px}}" in cut
    assert "print" not in cut
    assert "@font-face" in cut and "@keyframes spin" in cut


def test_class_names_a_script_builds_from_pieces_count_as_used():
    script = "const c = `bs-${this.constructor.NAME}-auto`; el.classList.add('icon-' + name);"
    site = names(set(), script)
    assert "bs-tooltip-auto" in site and "bs-popover-auto" in site and "icon-star" in site
    assert "bs-tooltip-top" not in site and "tooltip" not in site
    cut, _ = csspurge.purge_css(".bs-tooltip-auto .arrow{left:0}.bs-tooltip-top{top:0}", names({"arrow"}, script))
    assert cut == ".bs-tooltip-auto .arrow{left:0}"


def test_icon_escapes_are_written_as_the_theme_wrote_them():
    css = '.fa-up:before{content:"\\f062"}:root{--icon:"\uf062"}'
    cut, _ = csspurge.purge_css(css, names({"fa-up"}))
    assert '.fa-up:before{content:"\\f062"}' in cut
    assert '--icon:"\uf062"' in cut   # a custom property keeps its text


# --- The comparison the browser tests make (tests/cut_css.py) ---------------------------------

ORIGINAL = ("a{color:red}.used,.gone{margin:0}@media (max-width:500px){.used{padding:0}.gone{padding:1px}}"
            "@font-face{font-family:x;src:url(x.woff2)}.gone:hover{color:blue}p{margin:1em}")


def _compare(cut: str):
    return cut_css.compare(cut_css.outline(ORIGINAL), cut_css.outline(cut))


def test_a_cut_made_by_the_purge_only_removes():
    cut, _ = csspurge.purge_css(ORIGINAL, names({"used"}))
    removed, wrong = _compare(cut)
    assert wrong == []
    assert sorted(s for s, _ in removed) == [".gone", ".gone", ".gone:hover"]
    assert (".gone", (".used",)) in removed  # removed beside a selector the rule keeps


def test_a_cut_that_changes_adds_or_moves_a_rule_is_found():
    good = "a{color:red}.used{margin:0}@media (max-width:500px){.used{padding:0}}@font-face{font-family:x;src:url(x.woff2)}p{margin:1em}"
    assert _compare(good)[1] == []
    for bad in (good.replace("margin:0", "margin:1px"),                 # a declaration changed
                good.replace("p{margin:1em}", "p{margin:1em}.new{top:0}"),  # a rule added
                good.replace("a{color:red}", "") + "a{color:red}",        # a rule moved to the end
                good.replace("(max-width:500px)", "(max-width:600px)"),  # its @media changed
                good.replace("url(x.woff2)", "url(y.woff2)")):            # a kept at-rule changed
        assert _compare(bad)[1], bad
