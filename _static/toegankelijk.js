// Werk & Zorg: small accessibility repairs of third-party markup, done in the browser, and the
// glossary preview of a term where it is used (3.).
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
  // The sidebar buttons, search and colour-mode button get Dutch names in book/_templates/html.
  var DUTCH = [
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

// sphinx-togglebutton (exercise answers, folded blocks) writes its buttons with the English
// name "Toggle hidden content" in its own script, on DOMContentLoaded; give them a Dutch one.
(function () {
  "use strict";
  function dutchToggles() {
    var buttons = document.querySelectorAll('button.toggle-button[aria-label="Toggle hidden content"]');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-label", "Verborgen inhoud tonen of verbergen");
    }
  }
  document.addEventListener("DOMContentLoaded", function () { setTimeout(dutchToggles, 0); });
  window.addEventListener("load", dutchToggles);
  if (document.readyState !== "loading") setTimeout(dutchToggles, 0);
})();

// 3. A term link (class wz-begrip, added at build time by werkzorg.sphinxext.wayfinding) carries the term's
//    definition in its title: without JavaScript that is the browser's tooltip. With JavaScript
//    the definition shows in a small box under the link on hover AND on keyboard focus, stays
//    while the pointer moves onto it, closes with Escape (WCAG 1.4.13), and is announced as the
//    link's description (aria-describedby).
(function () {
  "use strict";
  var box = null, current = null, hideTimer = null;

  function ensureBox() {
    if (box) return box;
    box = document.createElement("div");
    box.id = "wz-begrip-uitleg";
    box.className = "wz-begrip-uitleg";
    box.setAttribute("role", "tooltip");
    box.hidden = true;
    box.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    box.addEventListener("mouseleave", function () { scheduleHide(); });
    document.body.appendChild(box);
    return box;
  }

  function show(link) {
    clearTimeout(hideTimer);
    var text = link.getAttribute("data-wz-uitleg");
    if (!text) return;
    var b = ensureBox();
    b.textContent = "";
    var strong = document.createElement("strong");
    strong.textContent = link.textContent.trim();
    b.appendChild(strong);
    b.appendChild(document.createTextNode(": " + text));
    b.hidden = false;
    var r = link.getBoundingClientRect();
    var width = Math.min(352, document.documentElement.clientWidth - 16);
    b.style.maxWidth = width + "px";
    var left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - width - 8));
    b.style.left = left + window.scrollX + "px";
    b.style.top = r.bottom + window.scrollY + 6 + "px";
    if (current && current !== link) current.removeAttribute("aria-describedby");
    current = link;
    link.setAttribute("aria-describedby", b.id);
  }

  function hide() {
    clearTimeout(hideTimer);
    if (box) box.hidden = true;
    if (current) current.removeAttribute("aria-describedby");
    current = null;
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 300);
  }

  function start() {
    var links = document.querySelectorAll("a.wz-begrip[title]");
    for (var i = 0; i < links.length; i++) {
      var a = links[i];
      a.setAttribute("data-wz-uitleg", a.getAttribute("title"));
      a.removeAttribute("title");  // no second, native tooltip
      a.addEventListener("mouseenter", function (e) { show(e.currentTarget); });
      a.addEventListener("mouseleave", scheduleHide);
      a.addEventListener("focus", function (e) { show(e.currentTarget); });
      a.addEventListener("blur", hide);
    }
    if (links.length) {
      document.addEventListener("keydown", function (e) {
        if (e.key === "Escape" && box && !box.hidden) hide();
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

// 4. The sidebar drawers on a phone: sphinx-book-theme takes the focus off a sidebar button
//    when it is pressed (to drop its tooltip), so pydata-sphinx-theme, which remembers the
//    focused element to give the focus back when the drawer closes, remembers nothing. A
//    keyboard user who closes the drawer with Escape was left at the top of the page. When the
//    drawer was used from the keyboard, the focus goes back to the button that opened it.
(function () {
  "use strict";
  var keyboard = false;
  document.addEventListener("keydown", function () { keyboard = true; }, true);
  document.addEventListener("pointerdown", function () { keyboard = false; }, true);

  function hook(dialogId, buttonSelector) {
    var dialog = document.getElementById(dialogId);
    if (!dialog) return;
    dialog.addEventListener("close", function () {
      if (!keyboard) return;
      setTimeout(function () {
        var active = document.activeElement;
        if (active && active !== document.body && dialog.contains(active) === false) return;
        var buttons = document.querySelectorAll(buttonSelector);
        for (var i = 0; i < buttons.length; i++) {
          if (buttons[i].getBoundingClientRect().width > 0) { buttons[i].focus(); return; }
        }
      }, 0);
    });
  }

  // On a desktop the book-contents button folds the sidebar away without a drawer; the theme's
  // blur would leave a keyboard user nowhere, so a second Enter did nothing.
  // (A listener on the document, in the capture phase: the theme stops the click's propagation.)
  function keepFocus(selector) {
    document.addEventListener("click", function (e) {
      var button = e.target && e.target.closest ? e.target.closest(selector) : null;
      if (!button || !keyboard) return;
      setTimeout(function () {
        if (!document.querySelector("dialog[open]")) button.focus();
      }, 0);
    }, true);
  }

  function start() {
    keepFocus(".primary-toggle");
    hook("pst-primary-sidebar-modal", ".primary-toggle");
    hook("pst-secondary-sidebar-modal", ".secondary-toggle");
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

// 5. Touch and search repairs (issue 23).
//    a. The theme's search fields put the magnifier over the first letters of the text. The
//       magnifier becomes the form's submit button, after the field: it never covers the
//       text, and the form has a button to send it (WCAG 3.2.2, HTML_CodeSniffer H32.2).
//    b. The page-contents drawer on a phone closes when she chooses a heading, so the page
//       she jumped to is not hidden behind it.
//    c. The book-contents drawer opens at the page she is on, not at the top of the list.
//    d. On a touch screen, a tap on a glossary term first shows its explanation, with a link to
//       the glossary; a second tap on the term follows the link.
(function () {
  "use strict";

  function searchButtons() {
    var forms = document.querySelectorAll("form.bd-search");
    for (var i = 0; i < forms.length; i++) {
      var form = forms[i];
      if (form.querySelector(".wz-zoekknop")) continue;
      var icon = form.querySelector(".fa-magnifying-glass");
      var input = form.querySelector("input[type=search], input[name=q]");
      if (!input) continue;
      var button = document.createElement("button");
      button.type = "submit";
      button.className = "wz-zoekknop";
      button.setAttribute("aria-label", "Zoeken");
      button.title = "Zoeken";
      if (icon) {
        icon.setAttribute("aria-hidden", "true");
        button.appendChild(icon);
      } else {
        button.textContent = "Zoeken";
      }
      input.insertAdjacentElement("afterend", button);
    }
  }

  function drawerRepairs() {
    var pageToc = document.getElementById("pst-secondary-sidebar-modal");
    if (pageToc) {
      pageToc.addEventListener("click", function (e) {
        var link = e.target && e.target.closest ? e.target.closest("a[href]") : null;
        if (!link || !pageToc.open) return;
        setTimeout(function () { if (pageToc.open) pageToc.close(); }, 0);
      });
    }
    var book = document.getElementById("pst-primary-sidebar-modal");
    if (book) {
      new MutationObserver(function () {
        if (!book.open) return;
        var current = book.querySelectorAll(".bd-docs-nav a.current, .bd-docs-nav li.current > a");
        var here = current.length ? current[current.length - 1] : null;
        if (here) {
          here.scrollIntoView({ block: "center" });
        }
      }).observe(book, { attributes: true, attributeFilter: ["open"] });
    }
  }

  function termTaps() {
    var touch = false;
    document.addEventListener("pointerdown", function (e) { touch = e.pointerType === "touch"; }, true);
    var box = null, shownFor = null;
    function hideBox() {
      if (box) box.hidden = true;
      shownFor = null;
    }
    document.addEventListener("click", function (e) {
      var link = e.target && e.target.closest ? e.target.closest("a.wz-begrip") : null;
      if (!link) {
        if (box && !box.hidden && !box.contains(e.target)) hideBox();
        return;
      }
      if (!touch || shownFor === link) return;  // mouse, keyboard, or the second tap: follow the link
      var text = link.getAttribute("data-wz-uitleg") || link.getAttribute("title");
      if (!text) return;
      e.preventDefault();
      var hover = document.getElementById("wz-begrip-uitleg");
      if (hover) hover.hidden = true;  // the hover preview of 3., which a tap also set off
      if (!box) {
        box = document.createElement("div");
        box.className = "wz-begrip-uitleg wz-begrip-uitleg--tik";
        box.setAttribute("role", "note");
        document.body.appendChild(box);
      }
      box.textContent = "";
      var strong = document.createElement("strong");
      strong.textContent = link.textContent.trim();
      box.appendChild(strong);
      box.appendChild(document.createTextNode(": " + text + " "));
      var more = document.createElement("a");
      more.href = link.href;
      more.textContent = "Meer in de woordenlijst";
      box.appendChild(more);
      box.hidden = false;
      var r = link.getBoundingClientRect();
      var width = Math.min(352, document.documentElement.clientWidth - 16);
      box.style.maxWidth = width + "px";
      box.style.left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - width - 8)) + window.scrollX + "px";
      box.style.top = r.bottom + window.scrollY + 6 + "px";
      shownFor = link;
    }, true);
  }

  function start() {
    searchButtons();
    drawerRepairs();
    termTaps();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
