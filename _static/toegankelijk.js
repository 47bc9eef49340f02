// Werk & Zorg: give ipywidgets slider handles an accessible name.
//
// On notebook pages the widget manager (ipywidgets 8) draws each slider handle as
// <div role="slider"> without a name; a screen reader then says only "slider, 40". The
// slider's visible description ("Uren ouder 1") sits in a .widget-label next to it.
// This script copies that text to the handle's aria-label once the widgets are drawn.
// On pages without saved widget state it does nothing.
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
