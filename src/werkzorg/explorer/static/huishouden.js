/* Werk & Zorg: the household model for the explorer page, one scenario at a time.
 *
 * A line-by-line port of werkzorg.model.household._evaluate_year (src/werkzorg/model/household.py) for one
 * input row, so the page computes every amount it shows for the exact state the reader chose
 * (any hours, a wage per partner, each child's age, an own childcare price, housemates).
 * The parameters are the same data/params values, shipped as JSON by werkzorg.explorer.page.
 * tests/test_verkenner_js.py runs this file in Node on thousands of generated households and
 * checks every output against the Python model; change both together.
 *
 * Input: the model's input fields (werkzorg.model.household.INPUT_FIELDS), children as child1_age ..
 * child4_age (null = no child), child{i}_care ("", "dagopvang", "bso", "gastouder"),
 * child{i}_care_hours, child{i}_price. Output: the model's output columns used by the page.
 */
(function (root) {
  "use strict";
  var MAX_CHILDREN = 4, CARE_WEEKS = 52;
  var CARE_TYPES = ["dagopvang", "bso", "gastouder"];

  function lastRowAtMost(starts, v) {  // numpy searchsorted(side="right") - 1
    var i = 0;
    while (i + 1 < starts.length && starts[i + 1] <= v) i++;
    return i;
  }

  function grossWage(wage, hours, P) { return wage * hours * P.weeks_per_year * (1 + P.vakantiebijslag_rate); }

  function box1Tax(income, P) {
    income = Math.max(income, 0);
    var tax = 0, lower = 0;
    P.box1_brackets.forEach(function (row) {
      var upper = row.upto === null ? Infinity : row.upto;
      tax += Math.min(Math.max(income - lower, 0), upper - lower) * row.rate;
      lower = upper;
    });
    return tax;
  }

  function ahk(income, P) {
    var v = P.ahk_max - P.ahk_phaseout_rate * Math.max(income - P.ahk_phaseout_start, 0);
    if (income >= P.ahk_zero_from) v = 0;
    return Math.min(Math.max(v, 0), P.ahk_max);
  }

  function arbeidskorting(ai, P) {
    ai = Math.max(ai, 0);
    var t = P.ak_table, i = lastRowAtMost(t.map(function (r) { return r.from; }), ai);
    return Math.max(t[i].base + t[i].rate * (ai - t[i].from), 0);
  }

  function iack(ai, eligible, P) {
    if (!eligible || !(ai > P.iack_threshold)) return 0;
    return Math.min(Math.max(P.iack_rate * (ai - P.iack_threshold), 0), P.iack_max);
  }

  function capCredits(tax, credits) {
    var room = Math.max(tax, 0), used = [], total = 0, sum = 0;
    credits.forEach(function (c) { var take = Math.min(c, room); used.push(take); room -= take; });
    credits.forEach(function (c) { total += c; });
    used.forEach(function (u) { sum += u; });
    return { used: used, lost: total - sum };
  }

  function bijstandNormYear(couple, P, others) {
    var single = 6 * P.bijstand_single_jan + 6 * P.bijstand_single_jul;
    var both = 6 * P.bijstand_couple_jan + 6 * P.bijstand_couple_jul;
    if (others > 0) {
      var own = couple ? 2 : 1, a = own + others;
      return own * (P.kd_base + a * P.kd_per_person) / a * both;
    }
    return couple ? both : single;
  }

  function vrijlatingMonth(netMonth, phase, singleParent, youngest, P, half, age) {
    var m = Math.max(netMonth, 0);
    var n = Math.min(P.vl_n_rate * m, P["vl_n_max_" + half]);
    var young = (youngest === null ? Infinity : youngest) < 12;
    var r = singleParent && young ? Math.min(P.vl_r_rate * m, P["vl_r_max_" + half]) : 0;
    var amount = phase === 1 ? n : (phase === 2 ? r : 0);
    return age >= P.vl_min_age ? amount : 0;
  }

  function vrijlating(net, phase, singleParent, youngest, P, age) {
    var month = net / 12;
    return 6 * (vrijlatingMonth(month, phase, singleParent, youngest, P, "jan", age) +
                vrijlatingMonth(month, phase, singleParent, youngest, P, "jul", age));
  }

  function kotPercentages(ti, P) {
    var rows = P.kot_table, i = lastRowAtMost(rows.map(function (r) { return r[0]; }), Math.max(ti, 0));
    return { first: rows[i][1], next: rows[i][2], approx: rows[i][3] === "approximation" };
  }

  function kinderopvangtoeslag(children, ti, entitled, P) {
    var cost = 0, toeslag = 0, firstIdx = -1, best = -1;
    children.forEach(function (c, i) {
      c.hoursMonth = c.hoursWeek * CARE_WEEKS / 12;
      c.inCare = c.code > 0 && c.hoursMonth > 0;
      if (c.inCare) cost += c.hoursMonth * c.price;
      var ranked = c.inCare ? c.hoursMonth : -1;
      if (ranked > best) { best = ranked; firstIdx = i; }
    });
    cost *= 12;
    var pct = kotPercentages(ti, P);
    children.forEach(function (c, i) {
      if (!c.inCare) return;
      var maxRate = P.kot_max_rate[CARE_TYPES[c.code - 1]];
      var share = i === firstIdx ? pct.first : pct.next;
      toeslag += Math.min(c.hoursMonth, P.kot_max_hours_month) * Math.min(c.price, maxRate) * share;
    });
    toeslag = entitled ? 12 * toeslag : 0;
    return { toeslag: toeslag, cost: cost, approx: pct.approx && toeslag > 0 };
  }

  function kindgebondenBudget(ages, couple, ti, P) {
    var n = ages.length, supp = 0;
    if (!n) return 0;
    ages.forEach(function (a) {
      if (a >= 12 && a <= 15) supp += P.kgb_supplement_12_15;
      else if (a >= 16 && a <= 17) supp += P.kgb_supplement_16_17;
    });
    var maximum = n * P.kgb_per_child + supp + (couple ? 0 : P.kgb_alo_kop);
    var threshold = couple ? P.kgb_threshold_partner : P.kgb_threshold_single;
    return Math.max(maximum - P.kgb_phaseout_rate * Math.max(ti - threshold, 0), 0);
  }

  function zorgtoeslagRaw(ti, couple, P) {
    var premie = P.zt_standaardpremie * (couple ? 2 : 1);
    var norm = (couple ? P.zt_norm_partner : P.zt_norm_single) * P.zt_drempel;
    return premie - norm - P.zt_afbouw * Math.max(ti - P.zt_drempel, 0);
  }

  function zorgtoeslag(ti, couple, P) {
    var year = zorgtoeslagRaw(ti, couple, P);
    if (year < P.zt_min_payout) year = 0;
    return Math.floor(year / 12) * 12;
  }

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

  function independenceThresholds(P) {
    var ez = bijstandNormYear(false, P, 0);
    return { ez: ez, fo: ez / P.ez_share * P.fo_share };
  }

  var CODES = { "": 0, geen: 0, dagopvang: 1, bso: 2, gastouder: 3 };

  // One scenario: x has the model's input fields; P the year's parameters; A the approximation
  // table of the year (werkzorg.model.household.approx_params); B the bit maps {approx, rules} and
  // the approximation map's conditions {when} (werkzorg.model.household.APPROX_WHEN).
  function evaluate(x, P, A, B) {
    var couple = !!x.couple, phase = x.vrijlating || 0, others = x.kostendelers || 0;
    var g1 = grossWage(x.wage1 || 0, x.hours1 || 0, P);
    var g2 = couple ? grossWage(x.wage2 || 0, x.hours2 || 0, P) : 0;
    var children = [], ages = [];
    for (var i = 1; i <= MAX_CHILDREN; i++) {
      var age = x["child" + i + "_age"];
      if (age === null || age === undefined || (typeof age === "number" && isNaN(age))) continue;
      ages.push(age);
      children.push({ code: CODES[x["child" + i + "_care"] || ""], hoursWeek: x["child" + i + "_care_hours"] || 0,
                      price: x["child" + i + "_price"] || 0 });
    }
    var youngest = ages.length ? Math.min.apply(null, ages) : null;
    var o = {};
    [["1", g1, g2, true], ["2", g2, g1, false]].forEach(function (t) {
      var a = t[0], self = t[1], other = t[2], first = t[3];
      var tax = box1Tax(self, P);
      var young = (youngest === null ? Infinity : youngest) < P.iack_child_age_below;
      var lower = self < other || (self === other && first);
      var eligible = young && (!couple || lower) && (couple || first);
      var c = capCredits(tax, [ahk(self, P), arbeidskorting(self, P), iack(self, eligible, P)]);
      var used = c.used, lost = c.lost;
      if (a === "2" && !couple) { used = [0, 0, 0]; lost = 0; }
      o["gross" + a] = self; o["tax" + a] = tax;
      o["ahk" + a] = used[0]; o["ak" + a] = used[1]; o["iack" + a] = used[2]; o["lost_credits" + a] = lost;
      o["net" + a] = self - (tax - used[0] - used[1] - used[2]);
    });
    var singleParent = !couple && ages.length > 0;
    var vAge = x.under27 ? P.vl_min_age - 1 : P.vl_min_age;
    var v1 = vrijlating(o.net1, phase, singleParent, youngest, P, vAge);
    var v2 = couple ? vrijlating(o.net2, phase === 2 ? 0 : phase, false, youngest, P, vAge) : 0;
    var netBoth = o.net1 + o.net2;
    var norm = bijstandNormYear(couple, P, others);
    o.bijstand = x.bijstand ? Math.max(norm - (netBoth - (v1 + v2)), 0) : 0;
    var onBb = o.bijstand > 0;
    if (onBb) { o.lost_credits1 = 0; o.lost_credits2 = 0; }
    o.vrijlating1 = onBb ? Math.min(v1, o.bijstand) : 0;
    o.vrijlating2 = onBb ? Math.min(v2, Math.max(o.bijstand - o.vrijlating1, 0)) : 0;
    o.bijstand_norm = x.bijstand ? norm : 0;
    var ti = g1 + g2 + o.bijstand;
    o.toetsingsinkomen = ti;
    var entitled = (x.hours1 || 0) > 0 && (!couple || (x.hours2 || 0) > 0);
    var k = kinderopvangtoeslag(children, ti, entitled, P);
    o.childcare_cost = k.cost; o.kot = k.toeslag; o.childcare_net = k.cost - k.toeslag;
    o.kgb = kindgebondenBudget(ages, couple, ti, P);
    o.zorgtoeslag = zorgtoeslag(ti, couple, P);
    var persons = (couple ? 2 : 1) + ages.length;
    o.rent = x.rent || 0;
    o.huurtoeslag = others > 0 ? 0 : huurtoeslag(o.rent, ti, persons, P, false);
    o.disposable_year = netBoth + o.bijstand + o.kgb + o.zorgtoeslag + o.kot - k.cost + o.huurtoeslag;
    o.disposable_month = o.disposable_year / 12;
    var th = independenceThresholds(P);
    o.ez_threshold = th.ez; o.fo_threshold = th.fo;
    o.ez1 = o.net1 >= th.ez; o.fo1 = o.net1 >= th.fo;
    o.ez2 = couple && o.net2 >= th.ez; o.fo2 = couple && o.net2 >= th.fo;
    // approximation bits: the map of data/params/approximations.yaml (B.when: per result, the
    // conditions under which a household uses it; A: which of its parameters are approximations)
    var usedV = (o.vrijlating1 + o.vrijlating2) > 0, zt = zorgtoeslagRaw(ti, couple, P);
    var cond = {
      always: true, kot_row_approximated: k.approx, kgb_paid: o.kgb > 0,
      child_12_15: ages.some(function (a) { return a >= 12 && a <= 15; }),
      child_16_17: ages.some(function (a) { return a >= 16; }),
      on_bijstand: onBb, single: !couple, couple: couple,
      zorgtoeslag_near_minimum_payout: zt > 0 && zt <= 2 * P.zt_min_payout,
      disregard_used: usedV, disregard_general: phase === 1, disregard_single_parent: phase === 2,
      huurtoeslag_paid: o.huurtoeslag > 0
    };
    var approx = 0;
    Object.keys(B.when).forEach(function (bit) {
      var used = B.when[bit].every(function (c) {
        if (!(c in cond)) throw new Error("approximation map: unknown condition " + c);
        return cond[c];
      });
      if (used && A[bit]) approx |= B.approx[bit];
    });
    o.approx = approx;
    var R = B.rules, rules = 0;
    if (onBb) rules |= R.bijstand;
    if (onBb && couple) rules |= R.bijstand_couple;
    if (onBb && netBoth > 0 && phase === 1) rules |= R.vrijlating_n;
    if (onBb && o.vrijlating1 > 0 && phase === 2) rules |= R.vrijlating_r;
    if (onBb && netBoth > 0 && (phase === 0 || (phase === 2 && o.vrijlating1 === 0))) rules |= R.vrijlating_none;
    if (k.cost > 0 && !entitled) rules |= R.kot_not_entitled;
    var above = o.rent > P.ht_max_rent;
    if (above && P.ht_max_rent_excludes) rules |= R.ht_excluded;
    if (above && !P.ht_max_rent_excludes && o.huurtoeslag > 0) rules |= R.ht_capped;
    if (o.lost_credits1 + o.lost_credits2 > 0.5) rules |= R.credits_lost;
    if (onBb && others > 0) rules |= R.kostendelers;
    if (others > 0 && o.rent > 0) rules |= R.ht_housemates;
    if (onBb && netBoth > 0 && x.under27 && phase > 0) rules |= R.vrijlating_young;
    o.rules = rules;
    return o;
  }

  var api = { evaluate: evaluate, huurtoeslag: huurtoeslag, bijstandNormYear: bijstandNormYear };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  else root.wzHuishouden = api;
})(typeof window !== "undefined" ? window : this);
