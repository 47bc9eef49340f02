// Werk & Zorg: two small accessibility repairs of third-party markup, done in the browser.
//
// 1. Dutch names for the few theme controls whose English text is hard-coded in the theme's
//    templates or comes from a theme option (the sidebar toggles, the two navigation
//    landmarks, the search field). Their other texts are translated in
//    locales/nl/LC_MESSAGES/sphinx.po. A screen reader on these lang="nl" pages otherwise
//    reads "Toggle primary sidebar" with a Dutch voice.
// 2. ipywidgets slider handles get an accessible name: the widget manager (ipywidgets 8)
//    draws each handle as <div role="slider"> without a name, so a screen reader says only
//    "slider, 40". The visible description ("Uren ouder 1") sits in a .widget-label next to
//    it; it is copied to the handle's aria-label once the widgets are drawn. Only on pages
//    with saved widget state.
(function () {
  "use strict";
  var DUTCH = [
    [".primary-toggle", "Inhoudsopgave van het boek tonen of verbergen"],
    [".secondary-toggle", "Inhoud van deze pagina tonen of verbergen"],
    ['nav[aria-label="Main"]', "Hoofdstukken"],
    ['nav[aria-label="Page"]', "Deze pagina"],
    ['input[aria-label="Search..."]', "Zoeken in het boek"],
  ];

  function dutchNames() {
    for (var i = 0; i < DUTCH.length; i++) {
      var found = document.querySelectorAll(DUTCH[i][0]);
      for (var j = 0; j < found.length; j++) {
        var el = found[j];
        el.setAttribute("aria-label", DUTCH[i][1]);
        if (el.hasAttribute("title")) el.setAttribute("title", DUTCH[i][1]);
        if (el.hasAttribute("data-bs-original-title")) el.setAttribute("data-bs-original-title", DUTCH[i][1]);
        if (el.getAttribute("placeholder") === "Search...") el.setAttribute("placeholder", "Zoeken…");
      }
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", dutchNames);
  } else {
    dutchNames();
  }
})();

(function () {
  "use strict";
  if (!document.querySelector('script[type="application/vnd.jupyter.widget-state+json"]')) {
    return;
  }

  function nameHandles(root) {
    var sliders = root.querySelectorAll(".widget-slider");
    for (var i = 0; i < sliders.length; i++) {
      var label = sliders[i].querySelector(".widget-label");
      var text = label ? label.textContent.trim() : "";
      if (!text) continue;
      var handles = sliders[i].querySelectorAll('[role="slider"]:not([aria-label]):not([aria-labelledby])');
      for (var j = 0; j < handles.length; j++) {
        handles[j].setAttribute("aria-label", text);
      }
    }
  }

  function start() {
    nameHandles(document);
    new MutationObserver(function () {
      nameHandles(document);
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
