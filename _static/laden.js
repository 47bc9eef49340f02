(function () {
  "use strict";
  /* Loads a page's chart runtime (Vega, about 170 KB gzipped and a long parse on a phone) only when
     a reader gets near a chart or touches its controls, not with the page (issue 11). The address
     comes from <meta name="werkzorg-script" data-key="..." content="...">, which werkzorg.sphinxext.roles_and_pages
     writes on pages that have a chart.
     werkzorgOnDemand(key, near, touch) -> Promise that resolves once that script has run. */
  var loading = {};

  function load(key) {
    if (loading[key]) return loading[key];
    var meta = document.querySelector('meta[name="werkzorg-script"][data-key="' + key + '"]');
    loading[key] = new Promise(function (resolve, reject) {
      if (!meta) { reject(new Error("geen adres voor " + key)); return; }
      var s = document.createElement("script");
      s.src = meta.getAttribute("content");
      s.onload = function () { resolve(); };
      s.onerror = function () { reject(new Error(s.src + " kon niet laden")); };
      document.head.appendChild(s);
    });
    return loading[key];
  }

  // near: elements whose approach loads the script; touch: elements whose use loads it (default: near).
  window.werkzorgOnDemand = function (key, near, touch) {
    near = Array.prototype.slice.call(near || []);
    touch = touch ? Array.prototype.slice.call(touch) : near;
    var events = ["focusin", "pointerdown", "input", "change"];
    return new Promise(function (resolve, reject) {
      var done = false, observer = null;
      function go() {
        if (done) return;
        done = true;
        if (observer) observer.disconnect();
        touch.forEach(function (el) { events.forEach(function (t) { el.removeEventListener(t, go); }); });
        window.removeEventListener("beforeprint", go);
        load(key).then(resolve, reject);
      }
      if (!near.length || !("IntersectionObserver" in window)) { go(); return; }
      // Half a screen ahead, so the chart is usually drawn by the time it scrolls into view.
      observer = new IntersectionObserver(function (entries) {
        if (entries.some(function (e) { return e.isIntersecting; })) go();
      }, { rootMargin: "50% 0px 50% 0px" });
      near.forEach(function (el) { observer.observe(el); });
      touch.forEach(function (el) { events.forEach(function (t) { el.addEventListener(t, go); }); });
      window.addEventListener("beforeprint", go);
    });
  };
})();
