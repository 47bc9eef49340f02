(function () {
  "use strict";
  /* Draws the live charts of a statistics page (werkzorg.stats.live_charts): one Vega view (compiled from Vega-Lite at build time) per
     figure.werkzorg-live, with the page's light or dark theme. Inlined once per chart; runs once. */
  if (window.werkzorgLive) return;
  var live = { views: {}, specs: {} };
  window.werkzorgLive = live;
  var readyResolve;
  live.ready = new Promise(function (r) { readyResolve = r; });

  function isDark() {
    var t = document.documentElement.getAttribute("data-theme");
    if (t === "dark") return true;
    if (t === "light") return false;
    return !!(window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches);
  }

  function themeConfig(dark) {
    var fg = dark ? "#e8e8e8" : "#222222";
    var grid = dark ? "#4a4a4a" : "#dddddd";
    var domain = dark ? "#9a9a9a" : "#666666";
    return {
      background: null,
      axis: { labelColor: fg, titleColor: fg, gridColor: grid, domainColor: domain, tickColor: domain },
      legend: { labelColor: fg, titleColor: fg },
      title: { color: fg },
      text: { color: fg }
    };
  }

  function paramNames(spec) {
    return (spec.signals || []).filter(function (p) { return p.bind; }).map(function (p) { return p.name; });
  }

  function draw(fig, keep) {
    var key = fig.getAttribute("data-chart");
    var spec = live.specs[key];
    var target = fig.querySelector(".werkzorg-live-chart");
    var old = live.views[key];
    var values = {};
    if (old && keep) {
      paramNames(spec).forEach(function (n) { try { values[n] = old.signal(n); } catch (e) { /* not a signal */ } });
      old.finalize();
    }
    var s = JSON.parse(JSON.stringify(spec));
    (s.signals || []).forEach(function (p) { if (p.name in values) p.value = values[p.name]; });
    if (isDark()) {  // black ("Totaal") would vanish on the dark page: a light grey instead
      (s.scales || []).forEach(function (sc) {
        if (Array.isArray(sc.range)) sc.range = sc.range.map(function (c) { return c === "#000000" ? "#d0d0d0" : c; });
      });
    }
    target.innerHTML = "";
    // The controls go in a <div>, not in the <form> Vega makes by default: they redraw the chart at
    // once and never submit, and a form without a submit button misleads (WCAG 3.2.2, H32).
    var bind = document.createElement("div");
    bind.className = "vega-bindings";
    var view = new vega.View(vega.parse(s, themeConfig(isDark())), { renderer: "svg", container: target, bind: bind, hover: true });
    var handler = new vegaTooltip.Handler({ theme: isDark() ? "dark" : "light" });
    view.tooltip(handler.call);
    return view.runAsync().then(function () {
      target.appendChild(bind);  // after the first render, which clears the container but its drawing
      live.views[key] = view;
      fig.classList.add("werkzorg-live-drawn");
      fig.setAttribute("data-theme-drawn", isDark() ? "dark" : "light");
      return view;
    });
  }

  function drawAll(keep) {
    var figs = Array.prototype.slice.call(document.querySelectorAll("figure.werkzorg-live"));
    return Promise.all(figs.map(function (f) { return draw(f, keep); }));
  }

  function start() {
    var figs = document.querySelectorAll("figure.werkzorg-live");
    Array.prototype.forEach.call(figs, function (fig) {
      var el = fig.querySelector("script.werkzorg-live-spec");
      live.specs[fig.getAttribute("data-chart")] = JSON.parse(el.textContent);
    });
    if (!window.vega && window.werkzorgOnDemand) {
      // The book: Vega comes when a reader nears the first chart, and each chart is drawn when the
      // reader nears it (_static/laden.js), so a long page does not draw nine charts at once.
      var drawn = Array.prototype.map.call(figs, function (fig) {
        return window.werkzorgOnDemand("vega-view", [fig]).then(function () {
          follow();
          return draw(fig, false);
        });
      });
      Promise.all(drawn).then(function () { readyResolve(true); }, function () { readyResolve(false); });
      return;
    }
    if (!window.vega || !window.vegaTooltip) {  // e.g. in Jupyter without the runtime: the data table stays
      readyResolve(false);
      return;
    }
    follow();
    drawAll(false).then(function () { readyResolve(true); });
  }

  var following = false;
  var current = null;
  function follow() {  // redraw in the page's colours when the reader or the system switches them
    if (following) return;
    following = true;
    vega.formatLocale({ decimal: ",", thousands: ".", grouping: [3], currency: ["\u20ac\u00a0", ""] });
    current = isDark();
    function change() {
      if (isDark() === current) return;
      current = isDark();
      redrawDrawn();
    }
    new MutationObserver(change).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    if (window.matchMedia) {
      var mq = window.matchMedia("(prefers-color-scheme: dark)");
      if (mq.addEventListener) mq.addEventListener("change", change);
    }
  }

  function redrawDrawn() {
    var figs = Array.prototype.slice.call(document.querySelectorAll("figure.werkzorg-live.werkzorg-live-drawn"));
    return Promise.all(figs.map(function (f) { return draw(f, true); }));
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
