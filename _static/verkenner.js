/* Werk & Zorg: glue for the static household explorer (book/verkennen/verkenner).
 *
 * Loaded on every page; does nothing unless the page has #wz-verkenner.
 * The numbers come from the grid that the Python household model computed at build time
 * (src/werkzorg/explorer.py, written to _static/verkenner-data.js). This script
 *   - looks up the row of the chosen controls (childcare "volgt de uren" becomes days here,
 *     by the same rule as explorer.childcare_days_for),
 *   - adds the huurtoeslag for the chosen rent: the only rule computed here, with the same
 *     parameters and formula as werkzorg.household.huurtoeslag (tests/test_verkenner_js.py
 *     checks that both agree); huurtoeslag counts as income for nothing else,
 *   - writes the results, warnings, rules and approximation notes,
 *   - draws the Vega-Lite chart (vegaEmbed from vendor/vega-bundle.js, loaded when the reader
 *     nears the chart: _static/laden.js) with text sized for
 *     phone, screen or projector and colours for the light or dark theme,
 *   - reads and writes the controls from/to the URL (?huishouden=paar&uren1=40&uren2=16&opvang=2 or #...).
 */
(function () {
  "use strict";

  // ---- the one rule computed here: huurtoeslag per year (see werkzorg.household.huurtoeslag) ----
  function huurtoeslag(rent, income, persons, P, allYoung) {
    var y = Math.max(income, 0), multi = persons >= 2;
    var aft = persons >= 3 ? P.ht_aft_large : P.ht_aft_small, kkg = P.ht_kkg;
    var maxRent = allYoung ? P.ht_max_rent_young : P.ht_max_rent;
    var ijk = multi ? P.ht_ijkpunt_multi : P.ht_ijkpunt_single;
    var basis, reken, reduction = 0;
    if (P.ht_rule === 2025) {
      var a = multi ? P.ht_factor_a_multi : P.ht_factor_a_single;
      var b = multi ? P.ht_factor_b_multi : P.ht_factor_b_single;
      var lowest = multi ? P.ht_min_normhuur_multi : P.ht_min_normhuur_single;
      var norm = y <= ijk ? lowest : Math.ceil(Math.round((a * y * y + b * y) * 100 * 1e6) / 1e6) / 100;
      basis = norm - P.ht_verlaging;
      reken = rent;
    } else {
      basis = multi ? P.ht_basishuur_multi : P.ht_basishuur_single;
      reken = Math.min(rent, maxRent);
      reduction = Math.max(y - ijk, 0) * (multi ? P.ht_afbouw_multi : P.ht_afbouw_single) / 12;
    }
    var partA = Math.max(Math.min(reken, kkg) - basis, 0);
    var partB = P.ht_rate_b * Math.max(Math.min(reken, aft) - Math.max(basis, kkg), 0);
    var partC = P.ht_rate_c * Math.max(reken - Math.max(basis, aft), 0);
    var month = Math.floor(Math.max(partA + partB + partC - reduction, 0) + 1e-9);
    var excluded = rent > maxRent && P.ht_max_rent_excludes === 1;
    return (excluded || rent <= 0) ? 0 : 12 * month;
  }
  if (typeof module !== "undefined" && module.exports) module.exports = { huurtoeslag: huurtoeslag };
  if (typeof document === "undefined") return;

  var KEYS = ["huishouden", "jaar", "kinderen", "loon", "opvang", "uren1", "uren2"];
  var URL_KEYS = KEYS.concat(["as", "huur"]);
  var BEAMER_CLASS = "wz-beamer";
  var EURO = new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
  function euro(v) { return (v < 0 ? "− " : "") + EURO.format(Math.abs(v)); }
  function signed(v) { return (v > 0 ? "+ " : "") + euro(v); }

  function Explorer(root, data) {
    this.root = root;
    this.spec = JSON.parse(root.querySelector("#wz-verkenner-spec").textContent);
    this.meta = data.meta;
    this.auto = this.meta.opvang_auto;
    this.dims = Object.assign({}, this.meta.dimensions, { as: [1, 2] });
    this.index = new Map();
    var cols = data.columns, n = cols.dr.length, names = Object.keys(cols), self = this;
    var parts = Object.keys(this.meta.d_parts);
    for (var i = 0; i < n; i++) {
      var rec = {};
      for (var j = 0; j < names.length; j++) {
        var c = names[j];
        rec[c] = KEYS.indexOf(c) >= 0 ? self.meta.dimensions[c][cols[c][i]] : cols[c][i];
      }
      // the disposable income without huurtoeslag: its rounded parts plus the shipped remainder
      rec.d = rec.dr;
      for (var q = 0; q < parts.length; q++) rec.d += self.meta.d_parts[parts[q]] * rec[parts[q]];
      this.index.set(this.key(rec), rec);
    }
    this.state = Object.assign({ huur: null }, this.meta.defaults);
    this.ignored = [];
    this.beamer = false;
    this.pinned = null;
    this.pinnedRaw = null;
    this.view = null;
    this.look = "";
    this.latencies = [];
    this.readUrl();
    this.state = this.normalised(this.state);
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
    window.addEventListener("resize", function () { me.restyle(); });
    new MutationObserver(function () { me.restyle(); }).observe(document.documentElement,
      { attributes: true, attributeFilter: ["data-theme", "data-mode", "class"] });
    if (window.matchMedia) {
      var mq = window.matchMedia("(prefers-color-scheme: dark)");
      if (mq.addEventListener) mq.addEventListener("change", function () { me.restyle(); });
    }
  }

  Explorer.prototype.key = function (r) {
    return KEYS.map(function (k) { return String(r[k]); }).join("|");
  };

  Explorer.prototype.coerce = function (name, text) {
    var t = String(text).trim().toLowerCase();
    if (name === "huur") {
      var r = Number(t.replace(",", "."));
      return (t !== "" && isFinite(r) && r >= 0 && r <= 5000) ? Math.round(r) : undefined;
    }
    var values = this.dims[name];
    if (!values) return undefined;
    var aliases = this.meta.aliases || {};
    if (aliases[name] && aliases[name][t]) t = aliases[name][t];
    if (name === "opvang" && t === this.auto) return this.auto;
    if (typeof values[0] === "number") {
      var num = Number(t.replace(",", "."));
      if (t === "" || !isFinite(num)) return undefined;
      var best = values[0];
      values.forEach(function (v) { if (Math.abs(v - num) < Math.abs(best - num)) best = v; });
      return best;
    }
    for (var i = 0; i < values.length; i++) if (String(values[i]).toLowerCase() === t) return values[i];
    return undefined;
  };

  Explorer.prototype.normalised = function (s) {
    var t = Object.assign({}, s);
    if (t.huishouden === "alleen") { t.uren2 = 0; t.as = 1; }
    if (t.kinderen === "0") t.opvang = 0;
    return t;
  };

  // Childcare days for a state: "volgt de uren" = 1 day per started 8 hours of the parent who works least.
  Explorer.prototype.days = function (s) {
    if (s.kinderen === "0") return 0;
    if (s.opvang !== this.auto) return s.opvang;
    var least = s.huishouden === "alleen" ? s.uren1 : Math.min(s.uren1, s.uren2);
    return Math.min(5, Math.ceil(least / 8));
  };

  Explorer.prototype.rentOf = function (s) {
    return s.huur === null || s.huur === undefined ? this.meta.rent_default[String(s.jaar)] : s.huur;
  };

  Explorer.prototype.persons = function (s) {
    return (s.huishouden === "paar" ? 2 : 1) + parseInt(s.kinderen, 10);
  };

  // Everything shown for one state: the grid row plus huurtoeslag, per phase of the earnings disregard.
  Explorer.prototype.values = function (s) {
    var look = Object.assign({}, s, { opvang: this.days(s) });
    var rec = this.index.get(this.key(look));
    if (!rec) return null;
    var P = this.meta.huurtoeslag[String(s.jaar)], rent = this.rentOf(s), persons = this.persons(s);
    var v = { rec: rec, rent: rent, days: look.opvang, phases: {} };
    [0, 1, 2].forEach(function (ph) {
      var db = ph ? rec["b" + ph] : 0, de = ph ? rec["e" + ph] : 0;
      var ht = Math.round(huurtoeslag(rent, rec.ti + db, persons, P, false) / 12);
      v.phases[ph] = { bb: rec.bb + Math.round(db / 12), ht: ht, dt: rec.d + de + ht, differs: db !== 0 };
    });
    var main = v.phases[0];
    v.out = { n1: rec.n1, n2: rec.n2, bb: main.bb, kgb: rec.kgb, zt: rec.zt, ht: main.ht, kot: rec.kot, kc: -rec.kc, dt: main.dt };
    v.htExcluded = rent > P.ht_max_rent && P.ht_max_rent_excludes === 1;
    v.htCapped = rent > P.ht_max_rent && P.ht_max_rent_excludes !== 1 && main.ht > 0;
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
    var self = this;
    [window.location.search.replace(/^\?/, ""), window.location.hash.replace(/^#/, "")].forEach(function (src) {
      if (!src) return;
      new URLSearchParams(src).forEach(function (value, name) {
        if (name === "beamer") { self.beamer = value === "1" || value === "ja"; return; }
        if (name === "nu") { self.pinnedRaw = value; return; }
        if (URL_KEYS.indexOf(name) < 0) return;
        var v = self.coerce(name, value);
        if (v === undefined) self.ignored.push(name + "=" + value);
        else self.state[name] = v;
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
        var v = kv.length === 2 ? self.coerce(kv[0], kv[1]) : undefined;
        if (v === undefined || URL_KEYS.indexOf(kv[0]) < 0) { ok = false; return; }
        pinned[kv[0]] = v;
      });
    }
    if (!ok) { this.ignored.push("nu=" + this.pinnedRaw); return; }
    this.pinned = this.normalised(pinned);
  };

  Explorer.prototype.bindControls = function () {
    var self = this;
    this.root.querySelectorAll("[data-param]").forEach(function (el) {
      var handler = function () {
        var v = self.coerce(el.dataset.param, el.value);
        if (v === undefined) {
          if (el.dataset.param === "huur") el.setAttribute("aria-invalid", "true");
          return;
        }
        el.removeAttribute("aria-invalid");
        self.state[el.dataset.param] = v;
        self.state = self.normalised(self.state);
        self.render(true);
      };
      el.addEventListener("input", handler);
      el.addEventListener("change", handler);
    });
  };

  Explorer.prototype.statusText = function (ez, fo) {
    if (fo) return "economisch zelfstandig én financieel onafhankelijk";
    if (ez) return "economisch zelfstandig, maar niet financieel onafhankelijk";
    return "niet economisch zelfstandig";
  };

  Explorer.prototype.render = function (fromUser) {
    var t0 = performance.now();
    var s = this.state, root = this.root, meta = this.meta, self = this;
    var single = s.huishouden === "alleen";
    root.classList.toggle("wz-is-single", single);
    root.querySelectorAll("[data-param]").forEach(function (el) {
      var k = el.dataset.param, want = k === "huur" ? String(self.rentOf(s)) : String(s[k]);
      if (el.value !== want && document.activeElement !== el) el.value = want;
      var out = root.querySelector("#wz-" + k + "-value");
      if (out) out.textContent = String(s[k]);
    });
    var u2 = root.querySelector("#wz-uren2"), as = root.querySelector("#wz-as"), opv = root.querySelector("#wz-opvang");
    if (u2) u2.disabled = single;
    if (opv) opv.disabled = s.kinderen === "0";
    if (as) as.disabled = single;
    var hint = root.querySelector("#wz-huur-hint");
    if (hint) hint.textContent = "Voorstel: " + euro(meta.rent_default[String(s.jaar)]) +
      ", de gemiddelde huur van een corporatiewoning. Vul 0 in bij een koopwoning.";
    var v = this.values(s);
    if (!v) return;
    var rec = v.rec, ax = this.approxBits(v), rows = meta.approx_rows, approxRows = {};
    Object.keys(rows).forEach(function (k) {
      approxRows[k] = rows[k].some(function (b) { return (ax & meta.approx_bits[b]) !== 0; });
    });
    root.querySelectorAll("[data-out]").forEach(function (el) {
      var k = el.dataset.out;
      if (!(k in v.out)) return;
      el.textContent = euro(v.out[k]) + (approxRows[k] ? " ≈" : "");
      el.dataset.value = String(v.out[k]);
    });
    root.querySelectorAll('tr[data-row="bb"]').forEach(function (tr) { tr.hidden = rec.bb === 0 && !v.phases[1].differs && !(self.pinned && (self.values(self.pinned) || {out: {bb: 0}}).out.bb); });
    root.querySelectorAll('tr[data-row="kot"], tr[data-row="kc"]').forEach(function (tr) { tr.hidden = s.kinderen === "0"; });
    root.querySelectorAll('tr[data-row="kgb"]').forEach(function (tr) { tr.hidden = s.kinderen === "0"; });
    root.querySelectorAll('tr[data-row="ht"]').forEach(function (tr) { tr.hidden = v.rent === 0; });
    this.renderPhase(v);
    this.renderNotes(v);
    var th = meta.thresholds[String(s.jaar)], fb = meta.flag_bits;
    [1, 2].forEach(function (a) {
      var el = root.querySelector('[data-out="status' + a + '"]');
      if (!el) return;
      var ez = !!(rec.f & fb["ez" + a]), fo = !!(rec.f & fb["fo" + a]);
      el.textContent = self.statusText(ez, fo) + (approxRows.status ? " ≈" : "");
      el.dataset.ez = ez ? "1" : "0";
      el.dataset.fo = fo ? "1" : "0";
    });
    var thr = root.querySelector('[data-out="thresholds"]');
    if (thr) thr.textContent = "Telt alleen wat iemand zelf verdient, zonder bijstand of toeslagen. Grens in " + s.jaar +
      ": economisch zelfstandig vanaf " + euro(th.ez) + " netto per maand, financieel onafhankelijk vanaf " + euro(th.fo) + ".";
    this.renderCompare(v);
    this.renderApprox(v);
    this.writeUrl();
    if (fromUser) this.pushData(t0);
  };

  Explorer.prototype.renderPhase = function (v) {
    var el = this.root.querySelector('[data-out="phase"]');
    if (!el) return;
    var p = v.phases, parts = [];
    if (p[1].differs) parts.push("In de eerste maanden (met vrijlating): " + euro(p[1].dt) + " per maand.");
    if (p[2].differs) parts.push("Daarna, als alleenstaande ouder met een kind onder 12 (tot 2,5 jaar): " + euro(p[2].dt) + " per maand.");
    if (parts.length) parts.push("Na afloop van de vrijlating: " + euro(p[0].dt) + " per maand (het bedrag hierboven).");
    el.hidden = parts.length === 0;
    el.textContent = parts.join(" ");
    el.dataset.first = String(p[1].dt);
    el.dataset.after = String(p[0].dt);
  };

  Explorer.prototype.renderNotes = function (v) {
    var root = this.root, rec = v.rec, rb = this.meta.rule_bits, text = this.meta.rule_text, s = this.state;
    var lost = root.querySelector('[data-out="lost"]');
    if (lost) {
      lost.hidden = rec.lc <= 0;
      lost.textContent = rec.lc > 0 ? "Niet meegeteld: " + euro(rec.lc) + " per maand aan heffingskortingen valt weg. " +
        "Wie weinig verdient, betaalt te weinig belasting om alle kortingen te gebruiken, en de rest wordt niet uitbetaald." : "";
      lost.dataset.value = String(rec.lc);
    }
    var warn = root.querySelector('[data-out="warn"]');
    if (warn) {
      var noKot = (rec.r & rb.kot_not_entitled) !== 0;
      warn.hidden = !noKot;
      var who = s.huishouden === "alleen" ? "je niet werkt" : (s.uren1 === 0 && s.uren2 === 0 ? "beide ouders niet werken" : "ouder " + (s.uren1 === 0 ? 1 : 2) + " niet werkt");
      warn.textContent = noKot ? "Let op: je hebt " + v.days + " " + (v.days === 1 ? "dag" : "dagen") +
        " kinderopvang gekozen terwijl " + who + ". Dan is er geen kinderopvangtoeslag en betaal je de opvang helemaal zelf. " +
        "Kies ‘volgt de uren’ om dat te voorkomen." : "";
    }
    var list = root.querySelector('[data-out="rules"]');
    if (!list) return;
    list.textContent = "";
    var add = function (name, t) {
      var li = document.createElement("li");
      li.textContent = t;
      li.dataset.rule = name;
      list.appendChild(li);
    };
    ["bijstand", "bijstand_couple", "vrijlating_n", "vrijlating_r", "vrijlating_none"].forEach(function (name) {
      if (rec.r & rb[name]) add(name, text[name]);
    });
    if (v.htExcluded) add("ht_excluded", text.ht_excluded);
    if (v.htCapped) add("ht_capped", text.ht_capped);
  };

  Explorer.prototype.describe = function (s) {
    var labels = this.meta.labels;
    var parts = [labels.huishouden[s.huishouden], labels.kinderen[s.kinderen], "ouder 1 " + s.uren1 + " uur"];
    if (s.huishouden === "paar") parts.push("ouder 2 " + s.uren2 + " uur");
    if (s.kinderen !== "0") parts.push(this.days(s) + " dagen opvang");
    parts.push(labels.loon[s.loon], "huur " + euro(this.rentOf(s)), String(s.jaar));
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
    if (!then) return;
    var fb = this.meta.flag_bits;
    root.querySelectorAll("[data-now]").forEach(function (el) {
      var k = el.dataset.now;
      if (k.indexOf("status") === 0) {
        var a = k.slice(-1);
        el.textContent = self.statusText(!!(then.rec.f & fb["ez" + a]), !!(then.rec.f & fb["fo" + a]));
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

  // The approximation bits of what is shown: the model's (grid) plus huurtoeslag and the proposed
  // rent, which this page adds. Which parameters each bit stands for is data (meta.approx_params,
  // from werkzorg.household.APPROX_PARAMS), so the page and the model mark the same amounts.
  Explorer.prototype.approxBits = function (v) {
    var b = this.meta.approx_bits, ax = v.rec.ax, table = this.meta.approx_params[String(this.state.jaar)] || {};
    if (v.out.ht > 0 && table.huurtoeslag) ax |= b.huurtoeslag;
    if (v.out.ht > 0 && table.rent_default && (this.state.huur === null || this.state.huur === undefined)) ax |= b.rent_default;
    return ax;
  };

  Explorer.prototype.approxNames = function (v) {
    var ax = this.approxBits(v), b = this.meta.approx_bits, table = this.meta.approx_params[String(this.state.jaar)] || {};
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
    var names = this.approxNames(v), used = [];
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

  Explorer.prototype.query = function () {
    var s = this.state, p = new URLSearchParams();
    URL_KEYS.forEach(function (k) {
      if (s.huishouden === "alleen" && (k === "uren2" || k === "as")) return;
      if (k === "huur" && (s.huur === null || s.huur === undefined)) return;
      p.set(k, String(s[k]));
    });
    if (this.pinned) {
      var pinned = this.pinned, changes = [];
      URL_KEYS.forEach(function (k) {
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
  // One point per hour value and series, each from the same lookup as the numbers (values()) for
  // the same state with only the hours changed: the point at the chosen hours is the headline.
  Explorer.prototype.lineData = function () {
    var s = this.state, along = (s.as === 1 || s.huishouden === "alleen") ? "uren1" : "uren2", pts = [], self = this;
    var anyPhase = false;
    this.meta.dimensions[along].forEach(function (h) {
      var t = Object.assign({}, s);
      t[along] = h;
      var v = self.values(t);
      if (!v) return;
      pts.push({ x: h, serie: "d", euro: v.phases[0].dt });
      pts.push({ x: h, serie: "dv", euro: v.phases[1].dt });
      if (v.phases[1].differs) anyPhase = true;
      pts.push({ x: h, serie: "n1", euro: v.rec.n1 });
      if (s.huishouden === "paar") pts.push({ x: h, serie: "n2", euro: v.rec.n2 });
    });
    if (!anyPhase) pts = pts.filter(function (p) { return p.serie !== "dv"; });
    var names = this.spec.layer[2].encoding.color.scale.domain, present = {};
    pts.forEach(function (p) { present[p.serie] = true; });
    this.series = ["d", "dv", "n1", "n2"].filter(function (k) { return present[k]; }).map(function (k) {
      return names[["d", "dv", "n1", "n2"].indexOf(k)];
    });
    return pts;
  };

  Explorer.prototype.lookNow = function () {
    var html = document.documentElement, theme = html.dataset.theme;
    var dark = theme === "dark" || ((!theme || theme === "auto") && window.matchMedia &&
      window.matchMedia("(prefers-color-scheme: dark)").matches);
    var size = this.beamer ? "beamer" : (this.root.clientWidth < 600 ? "phone" : "screen");
    return { theme: dark ? "dark" : "light", size: size };
  };

  Explorer.prototype.styledSpec = function (look) {
    var spec = JSON.parse(JSON.stringify(this.spec)), meta = spec.usermeta || {};
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
      self.root.dataset.rendered = self.key(self.state) + "|" + self.state.as + "|" + self.rentOf(self.state);
    });
  };

  Explorer.prototype.restyle = function () {
    var look = this.lookNow(), key = look.theme + "/" + look.size;
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
    this.look = look.theme + "/" + look.size;
    this.embedded = true;
    var spec = this.styledSpec(look), line = this.lineData(), sig = this.signals();
    spec.datasets = { line: line };
    (spec.params || []).forEach(function (p) { if (p.name in sig) p.value = sig[p.name]; });
    if (this.view) { try { this.view.finalize(); } catch (e) { /* already gone */ } }
    window.vegaEmbed(el, spec, { renderer: "svg", actions: false }).then(function (res) {
      self.view = res.view;
      self.root.dataset.ready = "1";
      self.root.dataset.look = self.look;
      self.root.dataset.rendered = self.key(self.state) + "|" + self.state.as + "|" + self.rentOf(self.state);
    }).catch(function (err) {
      el.textContent = "De grafiek kan niet laden: " + err.message;
    });
  };

  function start() {
    var root = document.getElementById("wz-verkenner");
    if (!root || root.dataset.started) return;
    root.dataset.started = "1";
    if (!window.wzVerkennerData) {
      root.querySelector("#wz-chart").textContent = "De gegevens van de verkenner (verkenner-data.js) konden niet laden.";
      return;
    }
    window.wzVerkenner = new Explorer(root, window.wzVerkennerData);
  }

  // verkenner-data.js is a deferred classic script (vendor/vega-bundle.js comes later, on demand); wait for the whole page.
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
})();
