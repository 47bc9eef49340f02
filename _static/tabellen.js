/* Werk & Zorg: tables that read on a phone (issue 11).
   Each content table gets its column header as a label on every cell (data-label). On a
   narrow screen a table that does not fit its column, and always the barrier and claims
   tables, is shown as stacked cards (class wz-gestapeld, styled in werkzorg.css): one card
   per row, each cell with its header above it. Without JavaScript a wide table scrolls
   inside its own box, as before. Worksheets (fill-in grids) keep their grid. */
(function () {
  "use strict";
  var NARROW = window.matchMedia("(max-width: 640px)");
  var ALWAYS = "table.werkzorg-belemmeringen, table.werkzorg-belemmeringen-compact, table.werkzorg-audit-table";
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };

  function tables() {
    return Array.prototype.filter.call(document.querySelectorAll("main article table"), function (t) {
      return t.tHead && t.tHead.rows.length && !t.closest(".wz-blad");
    });
  }

  function label(table) {
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

  function init() {
    tables().forEach(label);
    update();
    if (NARROW.addEventListener) NARROW.addEventListener("change", update);
    var timer = null;
    window.addEventListener("resize", function () {
      clearTimeout(timer);
      timer = setTimeout(update, 150);
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
