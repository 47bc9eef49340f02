/* Toolbox catalogue: filters and free-text search on the static page.
 *
 * Works on the page that holds #catalogus-filters (book/toolbox/catalogus.md) and does
 * nothing anywhere else. No network, no libraries. The filter state is mirrored in the
 * query string (?doelgroep=…&vraag=…&voor=…&kosten=…&vorm=…&soort=…&zoek=…) so a filtered
 * view can be linked from a chapter or shared; the anchors #tool-<id> keep working.
 *
 * Synonyms and target groups come from the page itself: werkzorg.sphinxext.wayfinding writes
 * <script type="application/json" id="catalogus-synoniemen"> at build time from
 * data/synoniemen.yaml merged with the glossary's terms that have several names. A search
 * word that belongs to a synonym group finds a tool whose text holds any word of the group.
 */
(function () {
  "use strict";

  var PARAMS = ["zoek", "doelgroep", "vraag", "vorm", "voor", "kosten", "soort"];

  function norm(text) {
    return (text || "")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/\s+/g, " ");
  }

  function init() {
    var form = document.getElementById("catalogus-filters");
    if (!form) {
      return;
    }
    var cards = Array.prototype.slice.call(document.querySelectorAll(".tool-card[data-tool-id]"));
    var headings = Array.prototype.slice.call(document.querySelectorAll("[data-question-heading]"));
    var status = document.getElementById("catalogus-status");
    var empty = document.getElementById("catalogus-leeg");
    var questionSelect = document.getElementById("catalogus-vraag");
    var labels = {};
    var uniqueIds = {};
    var synonyms = { groups: [], targetGroups: [] };
    var synonymData = document.getElementById("catalogus-synoniemen");
    if (synonymData) {
      try { synonyms = JSON.parse(synonymData.textContent); } catch (e) { /* search without synonyms */ }
    }
    var groupSelect = document.getElementById("catalogus-doelgroep");
    (synonyms.targetGroups || []).forEach(function (g) {
      var option = document.createElement("option");
      option.value = g.id;
      option.textContent = g.label;
      groupSelect.appendChild(option);
    });

    // The words a search word stands for: itself and, if it belongs to a synonym group,
    // every word of that group.
    function alternatives(word) {
      var out = [word];
      (synonyms.groups || []).forEach(function (group) {
        if (group.indexOf(word) !== -1) {
          group.forEach(function (w) { if (out.indexOf(w) === -1) { out.push(w); } });
        }
      });
      return out;
    }
    // Multi-word synonyms ("alleenstaande moeder", "zorg voor een naaste") are recognised as
    // a whole: the longest run of words that is a synonym counts as one search term.
    function isSynonym(phrase) {
      return (synonyms.groups || []).some(function (g) { return g.indexOf(phrase) !== -1; });
    }
    function searchTerms(text) {
      var words = text.split(" ").filter(Boolean);
      var terms = [];
      var i = 0;
      while (i < words.length) {
        var taken = 1;
        for (var n = Math.min(5, words.length - i); n > 1; n--) {
          if (isSynonym(words.slice(i, i + n).join(" "))) { taken = n; break; }
        }
        terms.push(alternatives(words.slice(i, i + taken).join(" ")));
        i += taken;
      }
      return terms;
    }

    var groups = {};
    headings.forEach(function (h) {
      var id = h.getAttribute("data-question-heading");
      var part = h.getAttribute("data-part") === "individu" ? "Voor jezelf" : "Voor organisaties";
      labels[id] = h.getAttribute("data-label") || h.textContent;
      if (!groups[part]) {
        groups[part] = document.createElement("optgroup");
        groups[part].label = part;
        questionSelect.appendChild(groups[part]);
      }
      var option = document.createElement("option");
      option.value = id;
      option.textContent = labels[id];
      option.title = h.textContent;
      groups[part].appendChild(option);
    });

    cards.forEach(function (card) {
      uniqueIds[card.getAttribute("data-tool-id")] = true;
      var list = card.closest("[data-question-list]");
      card._group = list ? list.getAttribute("data-question-list") : "";
      var also = card.querySelector("[data-also]");
      if (also) {
        var ids = also.getAttribute("data-also").split(" ").filter(function (q) { return labels[q]; });
        if (ids.length) {
          also.textContent = "Staat ook bij: ";
          ids.forEach(function (q, i) {
            var a = document.createElement("a");
            a.href = "#vraag-" + q;
            a.textContent = labels[q];
            also.appendChild(a);
            if (i < ids.length - 1) {
              also.appendChild(document.createTextNode(", "));
            }
          });
        }
      }
      // Search the tool's own text only (name, organisations, form, costs, description,
      // use): not the source line, which names the guide on every card.
      card._text = norm(Array.prototype.map.call(card.querySelectorAll("[data-zoek]"), function (el) {
        return el.textContent;
      }).join(" "));
    });
    var total = Object.keys(uniqueIds).length;

    function value(name) {
      var field = form.elements[name];
      if (!field) {
        return "";
      }
      return (field.value || "").trim();
    }

    function setValue(name, val) {
      var field = form.elements[name];
      if (!field) {
        return;
      }
      if (field instanceof RadioNodeList || (field.length && field[0] && field[0].type === "radio")) {
        Array.prototype.forEach.call(field, function (r) { r.checked = r.value === val; });
      } else if (field.tagName === "SELECT") {
        var known = Array.prototype.some.call(field.options, function (o) { return o.value === val; });
        field.value = known ? val : "";
      } else {
        field.value = val;
      }
    }

    var announceTimer = null;
    function announce(text, immediate) {
      window.clearTimeout(announceTimer);
      if (immediate) {
        status.textContent = text;
        return;
      }
      // Wait until typing pauses, so a screen reader hears one count, not one per key.
      announceTimer = window.setTimeout(function () { status.textContent = text; }, 350);
    }

    function apply(immediate) {
      var terms = searchTerms(norm(value("zoek")).trim());
      var group = value("doelgroep");
      var question = value("vraag");
      var form_ = value("vorm");
      var audience = value("voor");
      var cost = value("kosten");
      var kind = value("soort");
      var shown = {};
      cards.forEach(function (card) {
        var ok = true;
        if (question && card._group !== question) { ok = false; }
        if (ok && form_ && card.getAttribute("data-form") !== form_) { ok = false; }
        if (ok && audience) {
          var a = card.getAttribute("data-audience");
          if (a !== audience && a !== "beide") { ok = false; }
        }
        if (ok && cost && card.getAttribute("data-cost") !== cost) { ok = false; }
        if (ok && kind && card.getAttribute("data-kind") !== kind) { ok = false; }
        if (ok && group) {
          ok = (" " + card.getAttribute("data-groups") + " ").indexOf(" " + group + " ") !== -1;
        }
        if (ok && terms.length) {
          ok = terms.every(function (alts) {
            return alts.some(function (w) { return card._text.indexOf(w) !== -1; });
          });
        }
        card.hidden = !ok;
        if (ok) {
          shown[card.getAttribute("data-tool-id")] = true;
        }
      });
      headings.forEach(function (h) {
        var id = h.getAttribute("data-question-heading");
        var list = document.querySelector('[data-question-list="' + id + '"]');
        var intro = document.querySelector('[data-question-intro="' + id + '"]');
        var any = list ? list.querySelector(".tool-card:not([hidden])") !== null : false;
        h.hidden = !any;
        if (list) { list.hidden = !any; }
        if (intro) { intro.hidden = !any; }
      });
      var n = Object.keys(shown).length;
      var active = PARAMS.some(function (p) { return value(p); });
      document.body.classList.toggle("catalogus-actief", active);
      if (empty) { empty.hidden = n !== 0; }
      announce(n + " van " + total + " tools", immediate);
      syncUrl();
    }

    function syncUrl() {
      if (!window.history || !window.history.replaceState) {
        return;
      }
      var params = new URLSearchParams(window.location.search);
      PARAMS.forEach(function (p) {
        var v = value(p);
        if (v) { params.set(p, v); } else { params.delete(p); }
      });
      var query = params.toString();
      var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      try {
        window.history.replaceState(window.history.state, "", url);
      } catch (e) {
        /* file:// pages may refuse; the filters work without it */
      }
    }

    // Start from the query string, if any.
    var initial = new URLSearchParams(window.location.search);
    PARAMS.forEach(function (p) {
      if (initial.has(p)) { setValue(p, initial.get(p)); }
    });

    form.addEventListener("submit", function (e) { e.preventDefault(); apply(true); });
    form.addEventListener("change", function () { apply(true); });
    // On a phone the filters fill the screen: when she starts typing, the search box moves
    // to the top (the field itself; its label goes just above) so the count and the first cards
    // show under it while she types.
    var narrow = window.matchMedia ? window.matchMedia("(max-width: 600px)") : { matches: false };
    var scrolledForTyping = false;
    var searchField = form.elements.zoek;
    searchField.addEventListener("blur", function () { scrolledForTyping = false; });
    form.addEventListener("input", function (e) {
      if (e.target && e.target.type === "search") {
        apply(false);
        if (narrow.matches && !scrolledForTyping) {
          scrolledForTyping = true;
          e.target.scrollIntoView({ block: "start" });
        }
      }
    });
    // "Meer filters" is open on a wide screen and folded on a phone (or when a preset uses it).
    var more = document.getElementById("catalogus-meer");
    if (more) {
      var usesMore = ["vraag", "vorm", "voor", "kosten", "soort"].some(function (p) {
        return new URLSearchParams(window.location.search).get(p);
      });
      more.open = !narrow.matches || usesMore;
    }
    form.addEventListener("reset", function () {
      // The browser resets the fields after this event; filter once it has.
      window.setTimeout(function () { apply(true); }, 0);
    });

    // A link to a card that the filters hide (e.g. "Zie ook") clears the filters first.
    function reveal(hash) {
      if (!hash || hash.indexOf("#tool-") !== 0) {
        return;
      }
      var target = document.getElementById(decodeURIComponent(hash.slice(1)));
      if (target && target.hidden) {
        form.reset();
        apply(true);
        target.scrollIntoView();
      }
      if (target) {
        if (!target.hasAttribute("tabindex")) { target.setAttribute("tabindex", "-1"); }
        target.focus({ preventScroll: true });
      }
    }
    window.addEventListener("hashchange", function () { reveal(window.location.hash); });

    form.hidden = false;
    apply(true);
    reveal(window.location.hash);

    // Opened with a preset (a shortcut link or a shared filtered view): show the result
    // count first, so the reader sees at once how many tools the preset found.
    var preset = PARAMS.some(function (p) { return initial.has(p); });
    if (preset && !window.location.hash) {
      status.setAttribute("tabindex", "-1");
      status.scrollIntoView({ block: "start" });
      status.focus({ preventScroll: true });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
