/* Werk & Zorg: tables that read on a phone (issue 11).
   Each content table gets its column header as a label on every cell (data-label). On a
   narrow screen a table that does not fit its column, and always the barrier and claims
   tables, is shown as stacked cards (class wz-gestapeld, styled in werkzorg.css): one card
   per row, each cell with its header above it. Without JavaScript a wide table scrolls
   inside its own box, as before. Worksheets (fill-in grids) keep their grid. A table without
   a header row (two-column key/value tables) is stacked too when it does not fit, unlabelled. */
(function () {
  "use strict";
  var NARROW = window.matchMedia("(max-width: 640px)");
  var ALWAYS = "table.werkzorg-belemmeringen, table.werkzorg-belemmeringen-compact, table.werkzorg-audit-table";
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };

  function tables() {
    return Array.prototype.filter.call(document.querySelectorAll("main article table"), function (t) {
      return !t.closest(".wz-blad");
    });
  }

  function label(table) {
    if (!table.tHead || !table.tHead.rows.length) return;  // e.g. two-column key/value tables
    var head = table.tHead.rows[table.tHead.rows.length - 1];
    var names = [];
    each(head.cells, function (c) {
      for (var i = 0; i < (c.colSpan || 1); i++) names.push(c.textContent.trim());
    });
    each(table.tBodies, function (body) {
      each(body.rows, function (row) {
        var col = 0;
        each(row.cells, function (cell) {
          if (names[col] && !cell.hasAttribute("data-label")) cell.setAttribute("data-label", names[col]);
          col += cell.colSpan || 1;
        });
      });
    });
  }

  function update() {
    tables().forEach(function (t) {
      t.classList.remove("wz-gestapeld");
      if (!NARROW.matches) return;
      var box = t.parentElement;
      if (t.matches(ALWAYS) || t.scrollWidth > box.clientWidth + 1 || t.getBoundingClientRect().right > window.innerWidth + 1) {
        t.classList.add("wz-gestapeld");
      }
    });
  }

  /* Barrier cards on a phone: the barrier itself stays in view, what helps and the source fold
     away behind a button, so a reader can skim the barriers of a level. On a wide screen and on
     paper the table shows everything (the fold only applies to stacked cards, see werkzorg.css). */
  function foldable(table) {
    var n = 0;
    each(table.tBodies, function (body) {
      each(body.rows, function (row) {
        var first = row.cells[0];
        if (!first || row.cells.length < 2 || first.querySelector(".wz-kaart-knop")) return;
        var help = row.cells[1];
        var items = help.querySelectorAll("li").length;
        var id = (table.id || "wz-tabel") + "-rij-" + (n++);
        var rest = Array.prototype.slice.call(row.cells, 1);
        rest.forEach(function (c, i) { c.id = c.id || id + "-" + i; });
        var button = document.createElement("button");
        button.type = "button";
        button.className = "wz-kaart-knop";
        button.setAttribute("aria-expanded", "false");
        button.setAttribute("aria-controls", rest.map(function (c) { return c.id; }).join(" "));
        button.textContent = (help.getAttribute("data-label") || "Meer") + (items ? " (" + items + ")" : "");
        button.addEventListener("click", function () {
          var open = row.classList.toggle("wz-open");
          button.setAttribute("aria-expanded", open ? "true" : "false");
        });
        first.appendChild(button);
      });
    });
  }

  function init() {
    tables().forEach(label);
    document.querySelectorAll("main article table.werkzorg-belemmeringen").forEach(foldable);
    update();
    if (NARROW.addEventListener) NARROW.addEventListener("change", update);
    var timer = null;
    window.addEventListener("resize", function () {
      clearTimeout(timer);
      timer = setTimeout(update, 150);
    });
    // Tables drawn later (notebook widgets) are labelled and measured when they appear.
    if (window.MutationObserver) {
      var main = document.querySelector("main") || document.body;
      var pending = null;
      new MutationObserver(function (records) {
        var added = records.some(function (r) {
          return Array.prototype.some.call(r.addedNodes, function (n) {
            return n.nodeType === 1 && (n.tagName === "TABLE" || (n.querySelector && n.querySelector("table")));
          });
        });
        if (!added || pending) return;
        pending = setTimeout(function () { pending = null; tables().forEach(label); update(); }, 100);
      }).observe(main, {childList: true, subtree: true});
    }
    // Widgets may draw into a box that is still hidden, and show it later: look again after load.
    window.addEventListener("load", function () {
      [300, 1500].forEach(function (ms) {
        setTimeout(function () { tables().forEach(label); update(); }, ms);
      });
    });
    // Tables in folded blocks get their size when opened.
    document.addEventListener("toggle", update, true);
    document.addEventListener("click", function (e) {
      if (e.target.closest && e.target.closest(".toggle-button, summary, .sd-tab-label")) setTimeout(update, 50);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
