/* Werk & Zorg: glue for the static household explorer (book/verkennen/verkenner).
 *
 * Loaded on every page; does nothing unless the page has #wz-verkenner.
 * _static/verkenner-data.js (written at build time by werkzorg.explorer.page) brings the household
 * model for one scenario (window.wzHuishouden, a port of werkzorg.model.household checked against it
 * by tests/test_verkenner_js.py), the parameters of every year and the control description
 * (werkzorg.explorer.page.CONTROLS). This script
 *   - turns the chosen controls into one model input (inputFor, the same as
 *     werkzorg.explorer.page.inputs_for_state) and calls the model once per state and phase of the
 *     earnings disregard; every amount on the page, the chart's points (the same state with other
 *     hours), the summary bar and the print sheet come from those calls,
 *   - writes the results, warnings, rules and approximation notes (the "≈" map is data:
 *     meta.approx_rows and meta.approx_params),
 *   - draws the Vega-Lite chart (vegaEmbed, loaded when the reader nears the chart: _static/laden.js),
 *   - reads and writes the controls from/to the URL (?huishouden=paar&uren1=40&uren2=18&opvang=2 or #...).
 */
(function () {
  "use strict";

  var URL_EXTRA = ["loon"];  // legacy: sets loon1 and loon2

  // ---- state -> model input (the same as werkzorg.explorer.page.inputs_for_state) ----
  function careType(age, kind) {
    if (age > 12) return "";
    if (kind === "gastouder") return "gastouder";
    return age <= 3 ? "dagopvang" : "bso";
  }

  function daysFor(s, meta) {
    if (Number(s.kinderen) === 0) return 0;
    if (s.opvang !== meta.opvang_auto) return Number(s.opvang);
    var least = s.huishouden === "alleen" ? s.uren1 : Math.min(s.uren1, s.uren2);
    return Math.min(5, Math.ceil(least / 8));
  }

  function wageOf(s, adult, meta) {
    var w = s["loon" + adult];
    return (w === null || w === undefined || w === "min") ? meta.wml[String(s.jaar)] : Number(w);
  }

  function normalised(s, meta) {
    var t = Object.assign({}, meta.defaults, s);
    if (t.huishouden === "alleen") { t.uren2 = 0; t.as = 1; }
    if (Number(t.kinderen) === 0) t.opvang = 0;
    return t;
  }

  function inputFor(state, meta, params, vrijlating) {
    var s = normalised(state, meta), P = params[String(s.jaar)], couple = s.huishouden === "paar";
    var days = daysFor(s, meta);
    var x = {
      year: Number(s.jaar), couple: couple, bijstand: true,
      rent: s.huur === null || s.huur === undefined ? meta.rent_default[String(s.jaar)] : Number(s.huur),
      vrijlating: vrijlating || 0, kostendelers: Number(s.kostendelers), under27: Number(s.ouderleeftijd) < 27,
      wage1: wageOf(s, 1, meta), hours1: Number(s.uren1),
      wage2: couple ? wageOf(s, 2, meta) : 0, hours2: couple ? Number(s.uren2) : 0
    };
    for (var i = 1; i <= 4; i++) {
      x["child" + i + "_age"] = null; x["child" + i + "_care"] = "";
      x["child" + i + "_care_hours"] = 0; x["child" + i + "_price"] = 0;
    }
    for (i = 1; i <= Number(s.kinderen); i++) {
      var age = Number(s["leeftijd" + i]), kind = careType(age, s.opvangsoort);
      var hours = kind ? (age <= 3 ? meta.hours_per_day.jong : meta.hours_per_day.school) * days : 0;
      var price = !kind ? 0 : (s.prijs === null || s.prijs === undefined ?
        Math.round((P.kot_max_rate[kind] + meta.price_above_max) * 100) / 100 : Number(s.prijs));
      x["child" + i + "_age"] = age;
      if (hours > 0) {
        x["child" + i + "_care"] = kind; x["child" + i + "_care_hours"] = hours; x["child" + i + "_price"] = price;
      }
    }
    return x;
  }

  function coerce(name, text, meta) {
    var c = meta.controls[name];
    if (!c) return undefined;
    var t = String(text === null || text === undefined ? "" : text).trim().toLowerCase();
    var aliases = c.aliases || {};
    Object.keys(aliases).forEach(function (k) { if (k.toLowerCase() === t) t = aliases[k]; });
    if (c.kind === "select") {
      for (var i = 0; i < c.options.length; i++) {
        if (String(c.options[i][0]).toLowerCase() === String(t).toLowerCase()) return c.options[i][0];
      }
      return undefined;
    }
    if (c.kind === "number" && t === "" && c["default"] === null) return null;
    if (t === "min" && name.indexOf("loon") === 0) return "min";
    if (t === "" && name.indexOf("loon") === 0) return "min";
    var num = Number(String(t).replace(",", "."));
    if (String(t) === "" || !isFinite(num) || num < c.min || num > c.max) return undefined;
    if (c.kind === "range") return Math.abs(num - Math.round(num)) < 1e-9 ? Math.round(num) : undefined;
    return Math.round(num * 100) / 100;
  }

  function evaluateState(state, meta, params, phase) {
    var x = inputFor(state, meta, params, phase), y = String(x.year);
    return window.wzHuishouden.evaluate(x, params[y], meta.model_approx[y],
      { approx: meta.approx_bits, rules: meta.rule_bits, when: meta.approx_when });
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { inputFor: inputFor, coerce: coerce, normalised: normalised, daysFor: daysFor };
  }
  if (typeof document === "undefined") return;

  var BEAMER_CLASS = "wz-beamer";
  var EURO = new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
  // The same strings as werkzorg.format_nl.euro (tests/test_format_nl.py runs these lines in Node):
  // no-break spaces after the sign and after "€", no sign on an amount that rounds to 0.
  function euro(v) { return (v < 0 && EURO.format(-v) !== EURO.format(0) ? "\u2212\u00a0" : "") + EURO.format(Math.abs(v)); }
  function signed(v) { return (v > 0 && EURO.format(v) !== EURO.format(0) ? "+\u00a0" : "") + euro(v); }
  function month(v) { return Math.round(v / 12); }
  // The Dutch label of one option of a control, from the control description (meta.controls).
  function optionText(control, value) {
    var o = control.options.filter(function (x) { return String(x[0]) === String(value); })[0];
    return o ? o[1] : String(value);
  }

  function Explorer(root, data) {
    this.root = root;
    this.spec = JSON.parse(root.querySelector("#wz-verkenner-spec").textContent);
    this.meta = data.meta;
    this.params = data.params;
    this.controls = this.meta.controls;
    this.state = Object.assign({}, this.meta.defaults);
    this.ignored = [];
    this.beamer = false;
    this.pinned = null;
    this.pinnedRaw = null;
    this.view = null;
    this.look = "";
    this.latencies = [];
    this.cache = {};
    this.readUrl();
    this.state = normalised(this.state, this.meta);
    this.applyPinnedRaw();
    this.bindControls();
    this.render(false);
    this.embedChart();
    var me = this, beamerButton = root.querySelector("#wz-beamer");
    if (beamerButton) beamerButton.addEventListener("click", function () { me.setBeamer(!me.beamer); me.writeUrl(); });
    if (this.beamer) this.setBeamer(true);
    var pinButton = root.querySelector("#wz-pin");
    if (pinButton) pinButton.addEventListener("click", function () {
      me.pinned = me.pinned ? null : Object.assign({}, me.state);
      me.render(false);
    });
    var printButton = root.querySelector("#wz-print");
    if (printButton) printButton.addEventListener("click", function () {
      me.renderPrint();
      // the sheet alone on paper: a copy as the body's only shown child while printing
      var old = document.querySelector("body > .wz-print-root");
      if (old) old.remove();
      var copy = root.querySelector('[data-out="print"]').cloneNode(true);
      copy.className = "wz-print-root";
      copy.removeAttribute("aria-hidden");
      document.body.appendChild(copy);
      document.documentElement.classList.add("wz-printing");
      window.print();
    });
    window.addEventListener("beforeprint", function () { me.renderPrint(); });
    window.addEventListener("afterprint", function () {
      document.documentElement.classList.remove("wz-printing");
      var copy = document.querySelector("body > .wz-print-root");
      if (copy) copy.remove();
    });
    window.addEventListener("resize", function () { me.restyle(); });
    // the summary bar follows the reader while any part of the explorer's controls or results is on screen
    if (window.IntersectionObserver) {
      var seen = new Map();
      var io = new IntersectionObserver(function (entries) {
        entries.forEach(function (e) { seen.set(e.target, e.isIntersecting); });
        var any = false;
        seen.forEach(function (v) { any = any || v; });
        root.classList.toggle("wz-in-view", any);
      });
      root.querySelectorAll(".wz-controls, .wz-chart, .wz-results").forEach(function (el) { io.observe(el); });
    }
    new MutationObserver(function () { me.restyle(); }).observe(document.documentElement,
      { attributes: true, attributeFilter: ["data-theme", "data-mode", "class"] });
    if (window.matchMedia) {
      var mq = window.matchMedia("(prefers-color-scheme: dark)");
      if (mq.addEventListener) mq.addEventListener("change", function () { me.restyle(); });
    }
  }

  Explorer.prototype.key = function (s) {
    var keys = Object.keys(this.meta.defaults);
    return keys.map(function (k) { return String(s[k]); }).join("|");
  };

  Explorer.prototype.setValue = function (state, name, value) {
    state[name] = value;
    if (name === "kinderen") {  // new children get the usual ages; ages of children already there stay
      var n = Number(value), ages = this.meta.default_ages[String(n)] || [];
      for (var i = this.shownChildren || 0; i < n; i++) state["leeftijd" + (i + 1)] = ages[i];
    }
  };

  // Everything shown for one state: one model call per phase of the earnings disregard, monthly rounded.
  Explorer.prototype.values = function (s) {
    var key = this.key(s);
    if (this.cache[key]) return this.cache[key];
    var meta = this.meta, params = this.params;
    var o = evaluateState(s, meta, params, 0);
    var v = { o: o, rent: o.rent, days: daysFor(normalised(s, meta), meta), phases: {} };
    // The disregard only changes something for earnings on top of bijstand; its single-parent phase
    // only for a single parent with a child under 12 (the model gives the same numbers otherwise,
    // so those calls are skipped: the chart needs 41 states per change).
    var earns = o.net1 + o.net2 > 0, kids = Number(s.kinderen), young = false;
    for (var i = 1; i <= kids; i++) if (Number(s["leeftijd" + i]) < 12) young = true;
    var needed = { 0: true, 1: earns, 2: earns && s.huishouden === "alleen" && young };
    [0, 1, 2].forEach(function (ph) {
      var q = (ph === 0 || !needed[ph]) ? o : evaluateState(s, meta, params, ph);
      v.phases[ph] = { o: q, bb: month(q.bijstand), ht: month(q.huurtoeslag), dt: month(q.disposable_year),
                       differs: ph !== 0 && Math.abs(q.disposable_year - o.disposable_year) >= 0.5, ax: q.approx, r: q.rules };
    });
    v.out = { n1: month(o.net1), n2: month(o.net2), bb: month(o.bijstand), kgb: month(o.kgb), zt: month(o.zorgtoeslag),
              ht: month(o.huurtoeslag), kot: month(o.kot), kc: -month(o.childcare_cost), dt: month(o.disposable_year),
              lc: month(o.lost_credits1 + o.lost_credits2) };
    // the approximation and rule bits: after the disregard, plus what the first months add
    v.ax = o.approx | v.phases[1].ax | (v.phases[2].differs ? v.phases[2].ax : 0);
    v.r = o.rules | (v.phases[1].differs ? v.phases[1].r & this.meta.rule_bits.vrijlating_n : 0)
                  | (v.phases[2].differs ? v.phases[2].r & this.meta.rule_bits.vrijlating_r : 0);
    if (this.meta.rule_bits.vrijlating_young && (v.phases[1].r & this.meta.rule_bits.vrijlating_young)) v.r |= this.meta.rule_bits.vrijlating_young;
    this.cache[key] = v;
    var keys = Object.keys(this.cache);
    if (keys.length > 400) delete this.cache[keys[0]];
    return v;
  };

  Explorer.prototype.setBeamer = function (on) {
    document.documentElement.classList.toggle(BEAMER_CLASS, on);
    var b = this.root.querySelector("#wz-beamer");
    if (b) {
      b.setAttribute("aria-pressed", on ? "true" : "false");
      b.textContent = on ? "Terug naar de gewone weergave" : "Beamerweergave";
    }
    this.beamer = on;
    this.restyle();
    window.dispatchEvent(new Event("resize"));
    if (on) this.root.scrollIntoView();
  };

  Explorer.prototype.readUrl = function () {
    var self = this, meta = this.meta, seen = {};
    var sources = [window.location.search.replace(/^\?/, ""), window.location.hash.replace(/^#/, "")];
    sources.forEach(function (src) {
      if (!src) return;
      var q = new URLSearchParams(src), agesGiven = false;
      q.forEach(function (value, name) { if (name.indexOf("leeftijd") === 0) agesGiven = true; });
      q.forEach(function (value, name) {
        if (name === "beamer") { self.beamer = value === "1" || value === "ja"; return; }
        if (name === "nu") { self.pinnedRaw = value; return; }
        var targets = meta.legacy[name] || [name];
        var c = self.controls[targets[0]];
        if (!c) { self.ignored.push(name + "=" + value); return; }
        var preset = (c.presets || {})[String(value).trim().toLowerCase()];
        if (preset) { Object.assign(self.state, preset); agesGiven = true; return; }
        var v = coerce(targets[0], value, meta);
        if (v === undefined) { self.ignored.push(name + "=" + value); return; }
        targets.forEach(function (t) { self.state[t] = v; seen[t] = true; });
        if (name === "kinderen" && !agesGiven) {
          (meta.default_ages[String(v)] || []).forEach(function (a, i) { self.state["leeftijd" + (i + 1)] = a; });
        }
      });
    });
  };

  // "nu" in the URL: the pinned setting as changes to the current one, e.g. nu=uren2:0,opvang:0 ("-" = same).
  Explorer.prototype.applyPinnedRaw = function () {
    if (this.pinnedRaw === null) return;
    var pinned = Object.assign({}, this.state), self = this, ok = true;
    if (this.pinnedRaw !== "-" && this.pinnedRaw !== "") {
      this.pinnedRaw.split(",").forEach(function (part) {
        var kv = part.split(":");
        var name = kv[0], targets = self.meta.legacy[name] || [name];
        var v = kv.length === 2 ? coerce(targets[0], kv[1], self.meta) : undefined;
        if (v === undefined) { ok = false; return; }
        targets.forEach(function (t) { pinned[t] = v; });
      });
    }
    if (!ok) { this.ignored.push("nu=" + this.pinnedRaw); return; }
    this.pinned = normalised(pinned, this.meta);
  };

  Explorer.prototype.bindControls = function () {
    var self = this;
    this.root.querySelectorAll("[data-param]").forEach(function (el) {
      var name = el.dataset.param, c = self.controls[name];
      var handler = function (ev) {
        var v = coerce(name, el.value, self.meta);
        var hint = self.root.querySelector("#wz-" + name + "-error");
        if (v === undefined) {
          el.setAttribute("aria-invalid", "true");
          if (ev.type === "change") self.showError(el, name);
          return;
        }
        el.removeAttribute("aria-invalid");
        if (hint) hint.remove();
        self.setValue(self.state, name, v);
        self.state = normalised(self.state, self.meta);
        self.render(true);
      };
      el.addEventListener(c.kind === "number" ? "change" : "input", handler);
      if (c.kind === "number") el.addEventListener("input", function (ev) {
        if (coerce(name, el.value, self.meta) !== undefined) handler(ev);
      });
      else el.addEventListener("change", handler);
    });
    this.root.querySelectorAll(".wz-step").forEach(function (b) {
      b.addEventListener("click", function () {
        var name = b.dataset.for, c = self.controls[name];
        var v = Math.min(c.max, Math.max(c.min, Number(self.state[name]) + Number(b.dataset.step)));
        self.state[name] = v;
        self.state = normalised(self.state, self.meta);
        self.render(true);
      });
    });
  };

  // A typed value the control does not accept: say what and where, keep the last good value.
  Explorer.prototype.showError = function (el, name) {
    var c = this.controls[name], id = "wz-" + name + "-error", p = this.root.querySelector("#" + id);
    if (!p) {
      p = document.createElement("span");
      p.id = id;
      p.className = "wz-error";
      p.setAttribute("role", "alert");
      el.parentNode.appendChild(p);
    }
    p.textContent = "‘" + el.value + "’ kan niet bij " + c.label.toLowerCase() + ": vul een getal in van " +
      c.min + " tot " + c.max + " " + c.unit + (c["default"] === null ? ", of laat het leeg" : "") +
      ". De verkenner rekent verder met de vorige waarde.";
  };

  Explorer.prototype.statusText = function (ez, fo) {
    if (fo) return "economisch zelfstandig én financieel onafhankelijk";
    if (ez) return "economisch zelfstandig, maar niet financieel onafhankelijk";
    return "niet economisch zelfstandig";
  };

  Explorer.prototype.controlText = function (name, s) {
    var v = s[name];
    if (name.indexOf("loon") === 0) return v === "min" || v === null ? "min" : String(v).replace(".", ",");
    if (name === "huur" && (v === null || v === undefined)) return String(this.meta.rent_default[String(s.jaar)]);
    if (v === null || v === undefined) return "";
    if (name === "prijs") return String(v).replace(".", ",");
    return String(v);
  };

  Explorer.prototype.render = function (fromUser) {
    var t0 = performance.now();
    var s = this.state, root = this.root, meta = this.meta, self = this;
    var single = s.huishouden === "alleen", kids = Number(s.kinderen);
    this.shownChildren = kids;
    root.classList.toggle("wz-is-single", single);
    root.classList.toggle("wz-one-child", kids === 1);
    root.querySelectorAll("[data-param]").forEach(function (el) {
      var k = el.dataset.param, want = self.controlText(k, s);
      if (el.value !== want && document.activeElement !== el) el.value = want;
      var out = root.querySelector("#wz-" + k + "-value");
      if (out) out.textContent = String(s[k]);
    });
    root.querySelectorAll("[data-child]").forEach(function (el) {
      el.hidden = Number(el.dataset.child) > kids;
    });
    ["uren2", "loon2", "as"].forEach(function (k) {
      var el = root.querySelector("#wz-" + k);
      if (el) el.disabled = single;
    });
    ["opvang", "opvangsoort", "prijs"].forEach(function (k) {
      var el = root.querySelector("#wz-" + k);
      if (el) el.disabled = kids === 0;
    });
    root.querySelectorAll('.wz-step[data-for="uren2"]').forEach(function (b) { b.disabled = single; });
    var hint = root.querySelector("#wz-huur-hint");
    if (hint) hint.textContent = "Leeg: " + euro(meta.rent_default[String(s.jaar)]) +
      ", de gemiddelde huur van een corporatiewoning. Vul 0 in bij een koopwoning.";
    var lh = root.querySelector("#wz-loon1-hint");
    if (lh) lh.textContent = "Leeg of ‘min’: het minimumloon van 1 januari " + s.jaar + ", € " +
      String(meta.wml[String(s.jaar)]).replace(".", ",") + " per uur.";
    var refusal = Number(s.ouderleeftijd) < 21 ? meta.refusals.jong : "";
    var ref = root.querySelector('[data-out="refusal"]');
    if (ref) { ref.hidden = !refusal; ref.textContent = refusal; }
    root.classList.toggle("wz-refused", !!refusal);
    if (refusal) { this.writeUrl(); this.renderSummary(null); return; }
    var v = this.values(s);
    var ax = this.approxBits(v, s), rows = meta.approx_rows, approxRows = {};
    Object.keys(rows).forEach(function (k) {
      approxRows[k] = rows[k].some(function (b) { return (ax & meta.approx_bits[b]) !== 0; });
    });
    root.querySelectorAll("[data-out]").forEach(function (el) {
      var k = el.dataset.out;
      if (!(k in v.out) || k === "lc") return;
      el.textContent = euro(v.out[k]) + (approxRows[k] ? " ≈" : "");
      el.dataset.value = String(v.out[k]);
    });
    var pinnedBb = this.pinned ? this.values(this.pinned).out.bb : 0;
    root.querySelectorAll('tr[data-row="bb"]').forEach(function (tr) { tr.hidden = v.out.bb === 0 && !v.phases[1].differs && !pinnedBb; });
    root.querySelectorAll('tr[data-row="kot"], tr[data-row="kc"], tr[data-row="kgb"]').forEach(function (tr) { tr.hidden = kids === 0; });
    root.querySelectorAll('tr[data-row="ht"]').forEach(function (tr) { tr.hidden = v.rent === 0 || Number(s.kostendelers) > 0; });
    this.renderPhase(v);
    this.renderNotes(v);
    var th = meta.thresholds[String(s.jaar)];
    [1, 2].forEach(function (a) {
      var el = root.querySelector('[data-out="status' + a + '"]');
      if (!el) return;
      var ez = !!v.o["ez" + a], fo = !!v.o["fo" + a];
      el.textContent = self.statusText(ez, fo) + (approxRows.status ? " ≈" : "");
      el.dataset.ez = ez ? "1" : "0";
      el.dataset.fo = fo ? "1" : "0";
    });
    var thr = root.querySelector('[data-out="thresholds"]');
    if (thr) thr.textContent = "Telt alleen wat iemand zelf verdient, zonder bijstand of toeslagen. Grens in " + s.jaar +
      ": economisch zelfstandig vanaf " + euro(th.ez) + " netto per maand, financieel onafhankelijk vanaf " + euro(th.fo) + ".";
    this.renderCompare(v);
    this.renderApprox(v);
    this.renderSummary(v);
    this.writeUrl();
    if (fromUser && this.embedded && this.lookKey() !== this.look) { this.embedChart(); return; }
    if (fromUser) this.pushData(t0);
  };

  Explorer.prototype.lookKey = function () {
    var look = this.lookNow();
    return look.theme + "/" + look.size + (look.single ? "/1" : "");
  };

  Explorer.prototype.renderSummary = function (v) {
    var el = this.root.querySelector('[data-out="summary"]'), diff = this.root.querySelector('[data-out="summary-diff"]');
    if (!el) return;
    if (!v) { el.textContent = "niet berekend"; if (diff) diff.textContent = ""; return; }
    el.textContent = euro(v.out.dt);
    el.dataset.value = String(v.out.dt);
    if (diff) {
      var then = this.pinned ? this.values(this.pinned) : null;
      diff.textContent = then ? "(" + signed(v.out.dt - then.out.dt) + " t.o.v. nu)" : "";
    }
  };

  Explorer.prototype.renderPhase = function (v) {
    var el = this.root.querySelector('[data-out="phase"]');
    if (!el) return;
    var p = v.phases, parts = [];
    if (p[1].differs) parts.push("In de eerste maanden (vrijlating, hoogstens een half jaar): " + euro(p[1].dt) + " per maand.");
    if (p[2].differs) parts.push("Daarna, als alleenstaande ouder met een kind onder 12 (vrijlating, hoogstens 2,5 jaar lang): " + euro(p[2].dt) + " per maand.");
    if (parts.length) parts.push("Na afloop van de vrijlating: " + euro(p[0].dt) + " per maand (het bedrag hierboven).");
    el.hidden = parts.length === 0;
    el.textContent = parts.join(" ");
    el.dataset.first = String(p[1].dt);
    el.dataset.after = String(p[0].dt);
  };

  Explorer.prototype.renderNotes = function (v) {
    var root = this.root, rb = this.meta.rule_bits, text = this.meta.rule_text, s = this.state;
    var lost = root.querySelector('[data-out="lost"]');
    if (lost) {
      lost.hidden = v.out.lc <= 0;
      lost.textContent = v.out.lc > 0 ? "Niet meegeteld: " + euro(v.out.lc) + " per maand aan heffingskortingen valt weg. " +
        "Wie weinig verdient, betaalt te weinig belasting om alle kortingen te gebruiken, en de rest wordt niet uitbetaald." : "";
      lost.dataset.value = String(v.out.lc);
    }
    var warn = root.querySelector('[data-out="warn"]');
    var noKot = (v.r & rb.kot_not_entitled) !== 0;
    if (warn) {
      warn.hidden = !noKot;
      var who = s.huishouden === "alleen" ? "je niet werkt" : (s.uren1 === 0 && s.uren2 === 0 ? "beide ouders niet werken" : "ouder " + (s.uren1 === 0 ? 1 : 2) + " niet werkt");
      warn.textContent = noKot ? "Let op: je hebt " + v.days + " " + (v.days === 1 ? "dag" : "dagen") +
        " kinderopvang gekozen terwijl " + who + ". Dan is er geen kinderopvangtoeslag en betaal je de opvang helemaal zelf. " +
        "Kies ‘volgt de uren’ om dat te voorkomen." : "";
    }
    var dg = root.querySelector('[data-out="doelgroep"]');
    if (dg) dg.hidden = !((v.r & rb.bijstand) && v.out.kc < 0);
    var list = root.querySelector('[data-out="rules"]');
    if (!list) return;
    list.textContent = "";
    var add = function (name, t) {
      var li = document.createElement("li");
      li.textContent = t;
      li.dataset.rule = name;
      list.appendChild(li);
    };
    ["bijstand", "bijstand_couple", "kostendelers", "vrijlating_n", "vrijlating_r", "vrijlating_none", "vrijlating_young",
     "ht_excluded", "ht_capped", "ht_housemates"].forEach(function (name) {
      if (v.r & rb[name]) add(name, text[name]);
    });
  };

  Explorer.prototype.describe = function (s) {
    var c = this.controls, label = function (name) { return optionText(c[name], s[name]); };
    var single = s.huishouden === "alleen", kids = Number(s.kinderen), meta = this.meta;
    var wage = function (a) {
      var w = s["loon" + a];
      return w === "min" || w === null ? "minimumloon" : euro(Number(w)).replace(/\s?€/, "€ ") + " per uur";
    };
    var parts = [label("huishouden")];
    if (kids) {
      var ages = [];
      for (var i = 1; i <= kids; i++) ages.push(s["leeftijd" + i]);
      parts.push(label("kinderen") + " (" + ages.join(", ") + " jaar)");
    } else parts.push(label("kinderen"));  // the option for 0 children
    parts.push((single ? "" : "ouder 1 ") + s.uren1 + " uur, " + wage(1));
    if (!single) parts.push("ouder 2 " + s.uren2 + " uur, " + wage(2));
    if (kids) parts.push(daysFor(s, meta) + " dagen opvang" + (s.opvangsoort === "gastouder" ? " bij een gastouder" : ""));
    parts.push("huur " + euro(s.huur === null || s.huur === undefined ? meta.rent_default[String(s.jaar)] : s.huur));
    if (Number(s.kostendelers)) parts.push(label("kostendelers") + " van 27+ in huis");
    if (Number(s.ouderleeftijd) !== 27) parts.push(label("ouderleeftijd"));
    parts.push(String(s.jaar));
    return parts.join(", ");
  };

  Explorer.prototype.renderCompare = function (v) {
    var root = this.root, pinned = this.pinned, self = this;
    root.classList.toggle("wz-comparing", !!pinned);
    var button = root.querySelector("#wz-pin");
    if (button) {
      button.setAttribute("aria-pressed", pinned ? "true" : "false");
      button.textContent = pinned ? "Stop met vergelijken" : "Vergelijk: zet deze keuze vast als ‘nu’";
    }
    if (!pinned) return;
    var then = this.values(pinned);
    root.querySelectorAll("[data-now]").forEach(function (el) {
      var k = el.dataset.now;
      if (k.indexOf("status") === 0) {
        var a = k.slice(-1);
        el.textContent = self.statusText(!!then.o["ez" + a], !!then.o["fo" + a]);
        return;
      }
      el.textContent = euro(then.out[k]);
      el.dataset.value = String(then.out[k]);
    });
    root.querySelectorAll("[data-diff]").forEach(function (el) {
      var k = el.dataset.diff, diff = v.out[k] - then.out[k];
      el.textContent = signed(diff);
      el.dataset.value = String(diff);
    });
    var desc = root.querySelector('[data-out="pinned"]');
    if (desc) desc.textContent = "Nu: " + this.describe(pinned) + ". Gewenst: " + this.describe(this.state) + ".";
  };

  // The approximation bits of what is shown: the model's, plus the rent the page proposes when the
  // huurtoeslag depends on it. Which parameters each bit stands for is data (meta.approx_params,
  // from werkzorg.model.household.APPROX_PARAMS), so the page and the model mark the same amounts.
  Explorer.prototype.approxBits = function (v, s) {
    var table = this.meta.approx_params[String(s.jaar)] || {}, ax = v.ax;
    if (v.out.ht > 0 && table.rent_default && (s.huur === null || s.huur === undefined)) ax |= this.meta.approx_bits.rent_default;
    return ax;
  };

  Explorer.prototype.approxNames = function (v, s) {
    var ax = this.approxBits(v, s), b = this.meta.approx_bits, table = this.meta.approx_params[String(s.jaar)] || {};
    var names = [];
    Object.keys(table).forEach(function (bit) {
      if (ax & b[bit]) table[bit].forEach(function (n) { if (names.indexOf(n) < 0) names.push(n); });
    });
    return names;
  };

  Explorer.prototype.renderApprox = function (v) {
    var box = this.root.querySelector("#wz-approx");
    if (!box) return;
    var s = this.state, list = this.meta.approximations[String(s.jaar)] || [];
    var names = this.approxNames(v, s), used = [];
    list.forEach(function (p) { if (names.indexOf(p.name) >= 0) used.push(p); });
    box.hidden = used.length === 0 && this.ignored.length === 0;
    box.textContent = "";
    if (used.length) {
      var p = document.createElement("p");
      p.className = "wz-approx-line";
      p.textContent = "≈ Een paar bedragen zijn een schatting, omdat we de officiële cijfers niet konden vinden.";
      box.appendChild(p);
      var det = document.createElement("details");
      var sum = document.createElement("summary");
      sum.textContent = "Welke bedragen zijn geschat?";
      det.appendChild(sum);
      var ul = document.createElement("ul");
      used.forEach(function (q) {
        var li = document.createElement("li");
        li.textContent = q.label + (q.note ? ": " + q.note : "");
        li.dataset.param = q.name;
        ul.appendChild(li);
      });
      det.appendChild(ul);
      box.appendChild(det);
    }
    if (this.ignored.length) {
      var q = document.createElement("p");
      q.textContent = "Niet gebruikt uit de link: " + this.ignored.join(", ") + ".";
      box.appendChild(q);
    }
  };

  // A sheet to hand over: the situation, now and wanted side by side, what is in and out, date and year.
  Explorer.prototype.renderPrint = function () {
    var sheet = this.root.querySelector('[data-out="print"]');
    if (!sheet) return;
    var s = this.state, self = this, v = Number(s.ouderleeftijd) < 21 ? null : this.values(s);
    var then = this.pinned ? this.values(this.pinned) : null;
    sheet.textContent = "";
    var el = function (tag, text, parent) {
      var e = document.createElement(tag);
      if (text !== undefined) e.textContent = text;
      (parent || sheet).appendChild(e);
      return e;
    };
    el("h2", "Wat levert een andere verdeling op? Een berekening met de verkenner");
    var today = new Date();
    el("p", "Gemaakt op " + today.toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" }) +
      ", met de bedragen en regels van " + s.jaar + ". Geen advies: een voorbeeldberekening voor een gesprek.");
    if (!v) { el("p", this.meta.refusals.jong); return; }
    el("p", (then ? "Nu: " + this.describe(this.pinned) + ". Gewenst: " : "Situatie: ") + this.describe(s) + ".");
    var table = el("table"), head = el("tr", undefined, el("thead", undefined, table));
    ["", then ? "Nu" : "", then ? "Gewenst" : "Per maand", then ? "Verschil" : ""].forEach(function (t) {
      if (t !== "" || head.children.length === 0) el("th", t, head);
    });
    var body = el("tbody", undefined, table);
    this.root.querySelectorAll("table.wz-readout tbody tr").forEach(function (tr) {
      if (tr.hidden || !tr.getClientRects().length) return;  // not shown on the page (e.g. a partner's row)
      var k = tr.dataset.row, row = el("tr", undefined, body);
      var label = tr.querySelector("th").cloneNode(true);
      label.querySelectorAll(s.huishouden === "alleen" ? ".wz-label-couple" : ".wz-label-single").forEach(function (x) { x.remove(); });
      el("th", label.textContent, row);
      if (then) el("td", euro(then.out[k]), row);
      el("td", euro(v.out[k]), row);
      if (then) el("td", signed(v.out[k] - then.out[k]), row);
    });
    var phase = this.root.querySelector('[data-out="phase"]');
    if (phase && !phase.hidden) el("p", phase.textContent);
    var notes = this.root.querySelectorAll('.wz-notes li, .wz-notes p:not([hidden]), .wz-lost:not([hidden])');
    if (notes.length) {
      el("h3", "Wat meespeelt");
      var ul = el("ul");
      notes.forEach(function (n) { el("li", n.textContent, ul); });
    }
    el("h3", "Wat er niet in zit");
    var ul2 = el("ul");
    this.root.querySelectorAll(".wz-left-out li").forEach(function (n) { el("li", n.textContent, ul2); });
    var approx = this.approxNames(v, s);
    if (approx.length) el("p", "≈ Bedragen met dit teken rusten op een schatting.");
    el("p", "Voor een persoonlijke berekening: de proefberekening toeslagen van Dienst Toeslagen en de rekenhulpen van het Nibud. " +
      "Vraag de gemeente naar eigen regelingen.");
  };

  Explorer.prototype.query = function () {
    var s = this.state, p = new URLSearchParams(), d = this.meta.defaults, kids = Number(s.kinderen);
    Object.keys(d).forEach(function (k) {
      if (s.huishouden === "alleen" && (k === "uren2" || k === "loon2" || k === "as")) return;
      if (k.indexOf("leeftijd") === 0 && Number(k.slice(8)) > kids) return;
      if (s[k] === null || s[k] === undefined) return;
      if (String(s[k]) === String(d[k]) && ["kostendelers", "ouderleeftijd", "opvangsoort"].indexOf(k) >= 0) return;
      p.set(k, String(s[k]));
    });
    if (this.pinned) {
      var pinned = this.pinned, changes = [];
      Object.keys(d).forEach(function (k) {
        if (String(pinned[k]) !== String(s[k]) && pinned[k] !== null && pinned[k] !== undefined) changes.push(k + ":" + pinned[k]);
      });
      p.set("nu", changes.length ? changes.join(",") : "-");
    }
    if (this.beamer) p.set("beamer", "1");
    return p.toString();
  };

  Explorer.prototype.writeUrl = function () {
    var q = this.query(), link = this.root.querySelector("#wz-permalink");
    if (link) link.href = window.location.pathname + "?" + q;
    try {
      window.history.replaceState(null, "", window.location.pathname + window.location.search + "#" + q);
    } catch (e) { /* file:// in some browsers: the link above still works */ }
  };

  // ---- chart ----
  // One point per whole hour and series, each from values() for the same state with only the hours
  // of the chosen adult changed: the point at the chosen hours is the headline.
  Explorer.prototype.lineData = function () {
    var s = this.state, along = (s.as === 1 || s.huishouden === "alleen") ? "uren1" : "uren2", pts = [], self = this;
    var anyPhase = false, c = this.controls[along];
    if (Number(s.ouderleeftijd) < 21) { this.series = []; return pts; }
    for (var h = c.min; h <= c.max; h += c.step) {
      var t = Object.assign({}, s);
      t[along] = h;
      var v = self.values(t);
      pts.push({ x: h, serie: "d", euro: v.phases[0].dt });
      pts.push({ x: h, serie: "dv", euro: v.phases[1].dt });
      if (v.phases[1].differs) anyPhase = true;
      pts.push({ x: h, serie: "n1", euro: v.out.n1 });
      if (s.huishouden === "paar") pts.push({ x: h, serie: "n2", euro: v.out.n2 });
    }
    if (!anyPhase) pts = pts.filter(function (p) { return p.serie !== "dv"; });
    var names = this.spec.layer[2].encoding.color.scale.domain.map(function (n) {
      return s.huishouden === "alleen" && n === self.meta.series_single[0] ? self.meta.series_single[1] : n;
    }), present = {};
    pts.forEach(function (p) { present[p.serie] = true; });
    this.series = ["d", "dv", "n1", "n2"].filter(function (k) { return present[k]; }).map(function (k) {
      return names[["d", "dv", "n1", "n2"].indexOf(k)];
    });
    var el = this.root.querySelector("#wz-chart"), cur = this.values(s);
    if (el) el.setAttribute("aria-label", "Grafiek: besteedbaar inkomen per maand bij 0 tot 40 uur betaald werk van " +
      (s.huishouden === "alleen" ? "de ouder" : optionText(this.controls.as, along === "uren1" ? 1 : 2)) + ". Bij " + s[along] +
      " uur: " + euro(cur.out.dt) + " per maand.");
    return pts;
  };

  Explorer.prototype.lookNow = function () {
    var html = document.documentElement, theme = html.dataset.theme;
    var dark = theme === "dark" || ((!theme || theme === "auto") && window.matchMedia &&
      window.matchMedia("(prefers-color-scheme: dark)").matches);
    var size = this.beamer ? "beamer" : (this.root.clientWidth < 600 ? "phone" : "screen");
    return { theme: dark ? "dark" : "light", size: size, single: this.state.huishouden === "alleen" };
  };

  Explorer.prototype.styledSpec = function (look) {
    var text = JSON.stringify(this.spec);
    // one parent: her own line is not "ouder 1" (the series names are the legend and the screen-reader labels)
    if (look.single) text = text.split(this.meta.series_single[0]).join(this.meta.series_single[1]);
    var spec = JSON.parse(text), meta = spec.usermeta || {};
    var f = meta.fonts[look.size], col = meta.themes[look.theme];
    var c = spec.config = spec.config || {};
    c.background = null;
    c.font = c.font || "system-ui, sans-serif";
    c.axis = Object.assign({}, c.axis, { labelFontSize: f, titleFontSize: f, labelColor: col.text, titleColor: col.text,
      gridColor: col.grid, domainColor: col.rule, tickColor: col.rule });
    c.axisY = Object.assign({}, c.axisY, { gridColor: col.grid });
    c.axisX = Object.assign({}, c.axisX, { gridColor: col.grid });
    c.legend = Object.assign({}, c.legend, { labelFontSize: f, labelColor: col.text, titleColor: col.text, symbolSize: f * 12 });
    c.title = Object.assign({}, c.title, { fontSize: Math.round(f * 1.25), color: col.text, subtitleColor: col.text });
    c.text = Object.assign({}, c.text, { fontSize: f, color: col.text });
    c.view = Object.assign({}, c.view, { stroke: null });
    spec.height = look.size === "beamer" ? 420 : (look.size === "phone" ? 280 : 320);
    if (look.size === "phone" && spec.title) {  // a narrow screen: the title on two lines instead of cut off
      spec.title = Object.assign({}, spec.title, { text: ["Inkomen per maand bij", "meer of minder uren werk"] });
    }
    var colours = meta.colours[look.theme];
    (spec.layer || []).forEach(function (layer) {
      var enc = layer.encoding || {};
      if (enc.color && enc.color.scale) enc.color.scale.range = colours;
      if (layer.mark && layer.mark.type === "rule") layer.mark.color = col.rule;
      if (layer.mark && layer.mark.type === "text") { layer.mark.color = col.text; layer.mark.fontSize = f; }
    });
    return spec;
  };

  Explorer.prototype.signals = function () {
    var s = this.state, th = this.meta.thresholds[String(s.jaar)];
    return { p_ez: th.ez, p_fo: th.fo, p_x: (s.as === 1 || s.huishouden === "alleen") ? s.uren1 : s.uren2,
      p_series: this.series || [] };
  };

  Explorer.prototype.pushData = function (t0) {
    if (!this.view) return;
    var view = this.view, self = this, line = this.lineData(), sig = this.signals();
    Object.keys(sig).forEach(function (k) { view.signal(k, sig[k]); });
    view.data("line", line);
    view.runAsync().then(function () {
      var ms = performance.now() - t0;
      self.latencies.push(ms);
      self.root.dataset.latency = ms.toFixed(1);
      self.root.dataset.rendered = self.key(self.state);
    });
  };

  Explorer.prototype.restyle = function () {
    var look = this.lookNow(), key = look.theme + "/" + look.size + (look.single ? "/1" : "");
    if (key === this.look || !this.embedded) return;
    this.embedChart();
  };

  Explorer.prototype.embedChart = function () {
    var self = this, el = this.root.querySelector("#wz-chart");
    if (typeof window.vegaEmbed !== "function" && window.werkzorgOnDemand && !this.vegaAsked) {
      // Vega comes when the reader nears the chart or touches a control (_static/laden.js).
      this.vegaAsked = true;
      window.werkzorgOnDemand("vega-bundle", [el], [el, this.root.querySelector(".wz-controls")]).then(
        function () { self.embedChart(); },
        function () { el.textContent = "De grafiek kan niet laden; de getallen hieronder werken wel."; });
      return;
    }
    if (typeof window.vegaEmbed !== "function") {
      if (this.vegaAsked) return;  // still on its way
      el.textContent = "De grafiek kan niet laden; de getallen hieronder werken wel.";
      return;
    }
    var look = this.lookNow();
    this.look = look.theme + "/" + look.size + (look.single ? "/1" : "");
    this.embedded = true;
    var spec = this.styledSpec(look), line = this.lineData(), sig = this.signals();
    spec.datasets = { line: line };
    (spec.params || []).forEach(function (p) { if (p.name in sig) p.value = sig[p.name]; });
    if (this.view) { try { this.view.finalize(); } catch (e) { /* already gone */ } }
    // The chart's parameters are set by the page's own controls, never by inputs of Vega's: its
    // binding container is a detached <div>, so Vega adds no empty <form> (a form without a submit
    // button misleads; WCAG 3.2.2, H32).
    var binds = document.createElement("div");
    window.vegaEmbed(el, spec, { renderer: "svg", actions: false, bind: binds }).then(function (res) {
      self.view = res.view;
      self.root.dataset.ready = "1";
      self.root.dataset.look = self.look;
      self.root.dataset.rendered = self.key(self.state);
    }).catch(function (err) {
      el.textContent = "De grafiek kan niet laden: " + err.message;
    });
  };

  function start() {
    var root = document.getElementById("wz-verkenner");
    if (!root || root.dataset.started) return;
    root.dataset.started = "1";
    if (!window.wzVerkennerData || !window.wzHuishouden) {
      root.querySelector("#wz-chart").textContent = "De gegevens van de verkenner (verkenner-data.js) konden niet laden.";
      return;
    }
    window.wzVerkenner = new Explorer(root, window.wzVerkennerData);
  }

  // verkenner-data.js is a deferred classic script (vendor/vega-bundle.js comes later, on demand); wait for the whole page.
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
})();
