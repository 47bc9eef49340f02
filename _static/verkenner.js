/* Werk & Zorg: glue for the static household explorer (book/verkennen/verkenner).
 *
 * Loaded on every page; does nothing unless the page has #wz-verkenner.
 * No model here: all numbers come from the grid that the Python household model computed
 * at build time (src/werkzorg/explorer.py). This script only
 *   - turns the compact grid into records and looks up the row of the chosen controls,
 *   - writes the read-outs and the approximation marks,
 *   - sets the Vega-Lite chart's parameters (vegaEmbed from vendor/vega-bundle.js),
 *   - reads and writes the controls from/to the URL (?huishouden=paar&uren1=40&uren2=16&opvang=2 or #...).
 */
(function () {
  "use strict";

  var KEYS = ["huishouden", "jaar", "kinderen", "loon", "opvang", "uren1", "uren2"];
  var URL_KEYS = KEYS.concat(["as"]);
  var BEAMER_CLASS = "wz-beamer";

  var EURO = new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
  function euro(v) {
    return (v < 0 ? "− " : "") + EURO.format(Math.abs(v));
  }

  function Explorer(root) {
    this.root = root;
    var data = JSON.parse(root.querySelector("#wz-verkenner-data").textContent);
    this.spec = JSON.parse(root.querySelector("#wz-verkenner-spec").textContent);
    this.meta = data.meta;
    this.dims = Object.assign({}, this.meta.dimensions, { as: [1, 2] });
    this.records = [];
    this.index = new Map();
    var cols = data.columns, n = cols.d.length, self = this;
    for (var i = 0; i < n; i++) {
      var rec = {};
      Object.keys(cols).forEach(function (c) {
        rec[c] = KEYS.indexOf(c) >= 0 ? self.meta.dimensions[c][cols[c][i]] : cols[c][i];
      });
      this.records.push(rec);
      this.index.set(this.key(rec), rec);
    }
    this.state = Object.assign({}, this.meta.defaults);
    this.ignored = [];
    this.beamer = false;
    this.pinned = null;
    this.pinnedRaw = null;
    this.view = null;
    this.latencies = [];
    this.readUrl();
    this.normalise();
    this.applyPinnedRaw();
    this.bindControls();
    this.render(false);
    this.embedChart();
    var beamerButton = root.querySelector("#wz-beamer"), me = this;
    if (beamerButton) beamerButton.addEventListener("click", function () { me.setBeamer(!me.beamer); me.writeUrl(); });
    if (this.beamer) this.setBeamer(true);
    var pinButton = root.querySelector("#wz-pin");
    if (pinButton) pinButton.addEventListener("click", function () {
      me.pinned = me.pinned ? null : Object.assign({}, me.state);
      me.render(false);
    });
  }

  Explorer.prototype.key = function (r) {
    return KEYS.map(function (k) { return String(r[k]); }).join("|");
  };

  // Map a text value (from a control or the URL) to the dimension's value; snap numbers.
  Explorer.prototype.coerce = function (name, text) {
    var values = this.dims[name];
    if (!values) return undefined;
    var t = String(text).trim().toLowerCase();
    var aliases = this.meta.aliases || {};
    if (aliases[name] && aliases[name][t]) t = aliases[name][t];
    if (typeof values[0] === "number") {
      var num = Number(t.replace(",", "."));
      if (!isFinite(num)) return undefined;
      var best = values[0];
      values.forEach(function (v) { if (Math.abs(v - num) < Math.abs(best - num)) best = v; });
      return best;
    }
    for (var i = 0; i < values.length; i++) if (String(values[i]).toLowerCase() === t) return values[i];
    return undefined;
  };

  Explorer.prototype.setBeamer = function (on) {
    document.documentElement.classList.toggle(BEAMER_CLASS, on);
    var b = this.root.querySelector("#wz-beamer");
    if (b) {
      b.setAttribute("aria-pressed", on ? "true" : "false");
      b.textContent = on ? "Terug naar de gewone weergave" : "Beamerweergave";
    }
    this.beamer = on;
    // the chart fills its container; let it measure the new width
    window.dispatchEvent(new Event("resize"));
    if (on) this.root.scrollIntoView();
  };

  Explorer.prototype.readUrl = function () {
    var self = this;
    var sources = [window.location.search.replace(/^\?/, ""), window.location.hash.replace(/^#/, "")];
    sources.forEach(function (s) {
      if (!s) return;
      new URLSearchParams(s).forEach(function (value, name) {
        if (name === "beamer") { self.beamer = value === "1" || value === "ja"; return; }
        if (name === "nu") { self.pinnedRaw = value; return; }
        if (URL_KEYS.indexOf(name) < 0) return;
        var v = self.coerce(name, value);
        if (v === undefined) self.ignored.push(name + "=" + value);
        else self.state[name] = v;
      });
    });
  };

  // "nu" in the URL: the pinned setting as changes to the current one, e.g. nu=uren2:8,opvang:1 ("-" = same).
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

  Explorer.prototype.normalised = function (s) {
    var t = Object.assign({}, s);
    if (t.huishouden === "alleen") { t.uren2 = 0; t.as = 1; }
    if (t.kinderen === "0") t.opvang = 0;
    return t;
  };

  Explorer.prototype.normalise = function () {
    // The same two rules as explorer.normalise in Python.
    if (this.state.huishouden === "alleen") { this.state.uren2 = 0; this.state.as = 1; }
    if (this.state.kinderen === "0") this.state.opvang = 0;
  };

  Explorer.prototype.bindControls = function () {
    var self = this;
    this.root.querySelectorAll("[data-param]").forEach(function (el) {
      el.value = String(self.state[el.dataset.param]);
      var handler = function () {
        var v = self.coerce(el.dataset.param, el.value);
        if (v === undefined) return;
        self.state[el.dataset.param] = v;
        self.normalise();
        self.render(true);
      };
      el.addEventListener("input", handler);
      el.addEventListener("change", handler);
    });
  };

  Explorer.prototype.row = function () {
    return this.index.get(this.key(this.state));
  };

  Explorer.prototype.render = function (fromUser) {
    var t0 = performance.now();
    var s = this.state, rec = this.row(), root = this.root, meta = this.meta, self = this;
    var single = s.huishouden === "alleen";
    root.classList.toggle("wz-is-single", single);
    root.querySelectorAll("[data-param]").forEach(function (el) {
      if (el.value !== String(s[el.dataset.param])) el.value = String(s[el.dataset.param]);
      var out = root.querySelector("#wz-" + el.dataset.param + "-value");
      if (out) out.textContent = String(s[el.dataset.param]);
    });
    var u2 = root.querySelector("#wz-uren2"), as = root.querySelector("#wz-as");
    if (u2) u2.disabled = single;
    var opv = root.querySelector("#wz-opvang");
    if (opv) opv.disabled = s.kinderen === "0";
    if (as) as.disabled = single;
    if (!rec) return;
    var bits = meta.approx_bits;
    var approxRows = { kot: rec.ax & bits.kot, kgb: rec.ax & bits.kgb, bb: rec.ax & bits.bijstand, zt: rec.ax & bits.zorgtoeslag };
    root.querySelectorAll("[data-out]").forEach(function (el) {
      var k = el.dataset.out;
      if (k in rec && k !== "f" && k !== "ax") {
        var v = (k === "kc") ? -rec[k] : rec[k];
        el.textContent = euro(v) + (approxRows[k] ? " ≈" : "");
        el.dataset.value = String(rec[k]);
        el.title = approxRows[k] ? "Rust op een benadering, zie de toelichting onder de tabel" : "";
      }
    });
    var th = meta.thresholds[String(s.jaar)], fb = meta.flag_bits;
    var statusText = function (ez, fo) {
      if (fo) return "economisch zelfstandig én financieel onafhankelijk";
      if (ez) return "economisch zelfstandig, maar niet financieel onafhankelijk";
      return "niet economisch zelfstandig";
    };
    [1, 2].forEach(function (a) {
      var el = root.querySelector('[data-out="status' + a + '"]');
      if (!el) return;
      var ez = !!(rec.f & fb["ez" + a]), fo = !!(rec.f & fb["fo" + a]);
      el.textContent = statusText(ez, fo) + ((rec.ax & bits.bijstand) ? " ≈" : "");
      el.dataset.ez = ez ? "1" : "0";
      el.dataset.fo = fo ? "1" : "0";
    });
    var thr = root.querySelector('[data-out="thresholds"]');
    if (thr) {
      thr.textContent = "Grens in " + s.jaar + ": economisch zelfstandig vanaf " + euro(th.ez) +
        " netto per maand uit eigen werk, financieel onafhankelijk vanaf " + euro(th.fo) + ".";
    }
    this.renderCompare(rec, statusText);
    this.renderApprox(rec);
    this.writeUrl();
    if (fromUser) this.pushSignals(t0);
  };

  Explorer.prototype.describe = function (s) {
    var labels = this.meta.labels;
    var parts = [labels.huishouden[s.huishouden], labels.kinderen[s.kinderen],
      "ouder 1 " + s.uren1 + " uur"];
    if (s.huishouden === "paar") parts.push("ouder 2 " + s.uren2 + " uur");
    if (s.kinderen !== "0") parts.push(s.opvang + " dagen opvang");
    parts.push(labels.loon[s.loon], String(s.jaar));
    return parts.join(", ");
  };

  Explorer.prototype.renderCompare = function (rec, statusText) {
    var root = this.root, pinned = this.pinned;
    root.classList.toggle("wz-comparing", !!pinned);
    var button = root.querySelector("#wz-pin");
    if (button) {
      button.setAttribute("aria-pressed", pinned ? "true" : "false");
      button.textContent = pinned ? "Stop met vergelijken" : "Vergelijk: zet deze keuze vast als ‘nu’";
    }
    if (!pinned) return;
    var then = this.index.get(this.key(pinned));
    if (!then) return;
    var fb = this.meta.flag_bits;
    root.querySelectorAll("[data-now]").forEach(function (el) {
      var k = el.dataset.now;
      if (k.indexOf("status") === 0) {
        var a = k.slice(-1);
        el.textContent = statusText(!!(then.f & fb["ez" + a]), !!(then.f & fb["fo" + a]));
        return;
      }
      el.textContent = euro(k === "kc" ? -then[k] : then[k]);
      el.dataset.value = String(then[k]);
    });
    root.querySelectorAll("[data-diff]").forEach(function (el) {
      var k = el.dataset.diff, diff = rec[k] - then[k];
      if (k === "kc") diff = -diff;
      el.textContent = (diff > 0 ? "+ " : "") + euro(diff);
      el.dataset.value = String(rec[k] - then[k]);
    });
    var desc = root.querySelector('[data-out="pinned"]');
    if (desc) desc.textContent = "Nu: " + this.describe(pinned) + ". Gewenst: " + this.describe(this.state) + ".";
  };

  Explorer.prototype.renderApprox = function (rec) {
    var box = this.root.querySelector("#wz-approx");
    if (!box) return;
    var s = this.state, list = this.meta.approximations[String(s.jaar)] || [];
    var used = [], bits = this.meta.approx_bits;
    var byName = {
      kot_table: rec.ax & bits.kot,
      kgb_supplement_12_15: rec.ax & bits.kgb, kgb_supplement_16_17: rec.ax & bits.kgb,
      bijstand_single_jan: rec.ax & bits.bijstand, bijstand_single_jul: rec.ax & bits.bijstand,
      zt_min_payout: rec.ax & bits.zorgtoeslag,
    };
    list.forEach(function (p) { if (byName[p.name]) used.push(p); });
    box.hidden = used.length === 0 && this.ignored.length === 0;
    box.textContent = "";
    if (used.length) {
      var h = document.createElement("p");
      h.innerHTML = "<strong>≈ Benadering.</strong> Deze uitkomst rust op een of meer parameters die we niet officieel konden vinden:";
      box.appendChild(h);
      var ul = document.createElement("ul");
      used.forEach(function (p) {
        var li = document.createElement("li");
        li.textContent = p.label + (p.note ? " (" + p.note + ")" : "");
        li.dataset.param = p.name;
        ul.appendChild(li);
      });
      box.appendChild(ul);
    }
    if (this.ignored.length) {
      var q = document.createElement("p");
      q.textContent = "Niet gebruikt uit de link: " + this.ignored.join(", ") + ".";
      box.appendChild(q);
    }
  };

  Explorer.prototype.query = function () {
    var s = this.state;
    var p = new URLSearchParams();
    URL_KEYS.forEach(function (k) {
      if (s.huishouden === "alleen" && (k === "uren2" || k === "as")) return;
      p.set(k, String(s[k]));
    });
    if (this.pinned) {
      var pinned = this.pinned, changes = [];
      URL_KEYS.forEach(function (k) { if (String(pinned[k]) !== String(s[k])) changes.push(k + ":" + pinned[k]); });
      p.set("nu", changes.length ? changes.join(",") : "-");
    }
    if (this.beamer) p.set("beamer", "1");
    return p.toString();
  };

  Explorer.prototype.writeUrl = function () {
    var q = this.query();
    var link = this.root.querySelector("#wz-permalink");
    if (link) link.href = window.location.pathname + "?" + q;
    try {
      window.history.replaceState(null, "", window.location.pathname + window.location.search + "#" + q);
    } catch (e) { /* file:// in some browsers: the link above still works */ }
  };

  Explorer.prototype.pushSignals = function (t0) {
    if (!this.view) return;
    var view = this.view, s = this.state, self = this;
    Object.keys(this.meta.defaults).forEach(function (k) { view.signal("p_" + k, s[k]); });
    view.runAsync().then(function () {
      var ms = performance.now() - t0;
      self.latencies.push(ms);
      self.root.dataset.latency = ms.toFixed(1);
      self.root.dataset.rendered = self.key(s) + "|" + s.as;
    });
  };

  Explorer.prototype.embedChart = function () {
    var self = this, el = this.root.querySelector("#wz-chart");
    if (typeof window.vegaEmbed !== "function") {
      el.textContent = "De grafiek kan niet laden; de getallen hieronder werken wel.";
      return;
    }
    var spec = this.spec;
    spec.datasets = { grid: this.records };
    (spec.params || []).forEach(function (p) {
      var k = p.name.replace(/^p_/, "");
      if (k in self.state) p.value = self.state[k];
    });
    window.vegaEmbed(el, spec, { renderer: "svg", actions: false }).then(function (res) {
      self.view = res.view;
      self.root.dataset.ready = "1";
      self.root.dataset.rendered = self.key(self.state) + "|" + self.state.as;
    }).catch(function (err) {
      el.textContent = "De grafiek kan niet laden: " + err.message;
    });
  };

  function start() {
    var root = document.getElementById("wz-verkenner");
    if (!root || root.dataset.started) return;
    root.dataset.started = "1";
    window.wzVerkenner = new Explorer(root);
  }

  // vendor/vega-bundle.js is a deferred classic script; wait for the whole page.
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
})();
