// The page: reads the file chosen or dropped on this machine, hands its
// bytes to the billing check (WebAssembly, ioprules.check) and shows the
// result. Every text that comes from the file or the check is set with
// textContent or setAttribute, never as HTML. Nothing is sent anywhere:
// the page's Content-Security-Policy forbids every connection.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const PAGE = 100; // rows of a table shown at a time: more on demand
  const SVG = "http://www.w3.org/2000/svg";

  const state = { data: null, dataName: "", episodes: null, view: null, shown: 0, claimsShown: 0 };

  // el makes an element with a class and a text, both optional.
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function svg(tag, attrs) {
    const e = document.createElementNS(SVG, tag);
    for (const k in attrs) e.setAttribute(k, String(attrs[k]));
    return e;
  }

  // hm writes minutes as the reports do: 9h00m.
  function hm(m) {
    return Math.floor(m / 60) + "h" + String(m % 60).padStart(2, "0") + "m";
  }
  const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  function weekday(iso) {
    const [y, m, d] = iso.split("-").map(Number);
    return DAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  }

  // n writes a count with its noun, singular for one: n(1, "warning") is "1 warning".
  function n(count, one, many) {
    return count + " " + (count === 1 ? one : many || one + "s");
  }

  function status(text, error) {
    const s = $("status");
    s.textContent = text;
    s.classList.toggle("error", !!error);
  }

  // decode turns the base64 of main.wasm.js into bytes.
  function decode(b64) {
    if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(b64);
    const bin = atob(b64);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }

  async function start() {
    const go = new Go();
    const bytes = decode(globalThis.ioprulesWasm);
    delete globalThis.ioprulesWasm;
    const { instance } = await WebAssembly.instantiate(bytes, go.importObject);
    go.run(instance); // main sets globalThis.ioprules, then waits for calls
    if (!globalThis.ioprules) throw new Error("the check did not start");
    fillChoices(JSON.parse(ioprules.choices()));
    $("check").disabled = false;
    status("Ready: choose or drop an export.");
    // Warm the check while the file is chosen (see ioprules.warm).
    setTimeout(() => {
      ioprules.warm();
      document.body.dataset.ready = "true";
    }, 0);
  }

  function fillChoices(c) {
    const sel = $("profile");
    const byDate = document.createElement("optgroup");
    byDate.label = "Chosen by each week's first day of service";
    for (const f of c.families) {
      const o = el("option", null, f.name + " (" + f.profiles.map((p) => p.id.slice(f.name.length + 1)).join(", ") + ")");
      o.value = f.name;
      byDate.append(o);
    }
    const one = document.createElement("optgroup");
    one.label = "One profile, where it is in force";
    for (const id of c.ids) {
      const o = el("option", null, id);
      o.value = id;
      one.append(o);
    }
    sel.append(byDate, one);
    for (const s of c.settings) {
      const o = el("option", null, s);
      o.value = s;
      $("setting").append(o);
    }
  }

  function options() {
    return {
      input: $("input").value,
      profile: $("profile").value,
      weeks: $("weeks").value,
      setting: $("setting").value,
      columns: $("columns").value,
      data: state.data,
      episodes: state.episodes,
    };
  }

  function run() {
    if (!globalThis.ioprules) return;
    if (!state.data) {
      status("Choose or drop an export first.", true);
      return;
    }
    status("Checking " + state.dataName + "…");
    // Let the status paint before the check takes the thread.
    requestAnimationFrame(() => setTimeout(() => {
      try {
        check();
      } catch (err) {
        status("The check failed: " + err.message, true);
      }
    }, 0));
  }

  function check() {
    {
      const t0 = state.chosen || performance.now();
      state.chosen = 0;
      const t1 = performance.now();
      const out = JSON.parse(ioprules.check(options()));
      const t2 = performance.now();
      if (out.error) {
        $("results").hidden = true;
        status("The file cannot be checked: " + out.error, true);
        return;
      }
      state.view = out;
      render(out);
      const t3 = performance.now();
      // The time to the table shown: once the browser has laid it out.
      void document.body.offsetHeight;
      const ms = Math.round(performance.now() - t0);
      document.body.dataset.timing = "read " + Math.round(t1 - t0) + " ms, check " + Math.round(t2 - t1) +
        " ms, table " + Math.round(t3 - t2) + " ms, layout " + Math.round(performance.now() - t3) + " ms";
      document.body.dataset.checkMs = String(ms);
      document.body.dataset.checked = String(Number(document.body.dataset.checked || 0) + 1);
      status("Checked " + state.dataName + " in " + (ms / 1000).toFixed(2) + " s: " +
        (out.input === "claims" ? n(out.records, "claim line") : n(out.records, "session")) + ", " +
        n(out.weeks, "patient-week") + ", " + n(out.blocking, "blocking finding") + ", " +
        n(out.warnings, "warning") + ", " + n(out.refused.length + out.more_refused, "row refused", "rows refused") + ".");
    }
  }

  function render(v) {
    $("results").hidden = false;
    $("heading").textContent = "Rules: " + v.heading + ".";
    const sum = $("summary");
    sum.replaceChildren();
    const count = (c, one, many) => {
      const li = el("li");
      li.append(el("strong", null, c), " " + (c === 1 ? one : many || one + "s"));
      sum.append(li);
    };
    count(v.records, v.input === "claims" ? "claim line read" : "session read", v.input === "claims" ? "claim lines read" : "sessions read");
    count(v.patients, "patient");
    count(v.weeks, "patient-week checked", "patient-weeks checked");
    if (v.input === "claims") count(v.claims, "claim checked", "claims checked");
    count(v.blocking, "blocking finding");
    count(v.warnings, "warning");
    count(v.unchecked.length, "not checked", "not checked");
    count(v.refused.length + v.more_refused, "row refused", "rows refused");

    renderChart(v);
    $("weeks-table").tBodies[0].replaceChildren();
    state.shown = 0;
    showMore();
    $("claims-table").tBodies[0].replaceChildren();
    state.claimsShown = 0;
    showMoreClaims();

    $("unchecked-section").hidden = v.unchecked.length === 0;
    $("unchecked").replaceChildren(...v.unchecked.map((u) => el("li", null, u)));

    $("refused-section").hidden = v.refused.length + v.more_refused === 0;
    $("refused-table").tBodies[0].replaceChildren(...v.refused.map((r) => {
      const tr = el("tr");
      tr.append(el("td", null, r.file), el("td", "num", r.line), el("td", null, r.message));
      return tr;
    }));

    const notes = [];
    if (v.more_refused) notes.push("And " + n(v.more_refused, "more row", "more rows") + " refused, not reported (at most " + v.refused.length + " are listed).");
    if (v.ignored.length) notes.push("Columns ignored: " + v.ignored.join(", ") + ".");
    if (v.derived.length) notes.push("Without an episode, taken as adults admitted on their first day of service: " + v.derived.join(", ") + ".");
    $("notes-section").hidden = notes.length === 0;
    $("notes").replaceChildren(...notes.map((n) => el("li", null, n)));
  }

  function resultCell(result) {
    const td = el("td");
    td.append(el("span", "result " + result, result === "ok" ? "ok" : result));
    return td;
  }

  function findingsCell(fs) {
    const td = el("td", "findings");
    if (!fs.length) return td;
    const ul = el("ul", "findings");
    for (const f of fs) {
      const li = el("li", f.severity);
      li.dataset.code = f.code;
      li.dataset.severity = f.severity;
      li.dataset.day = f.day;
      const head = el("div");
      head.append(el("span", "sev " + f.severity, f.severity));
      if (f.day) head.append(" " + weekday(f.day) + " " + f.day);
      head.append(" ", el("code", "code", f.code));
      li.append(head, el("p", "msg", f.message));
      if (f.cite) li.append(el("p", "cite", f.cite));
      ul.append(li);
    }
    td.append(ul);
    return td;
  }

  function showMore() {
    const v = state.view;
    const body = $("weeks-table").tBodies[0];
    const frag = document.createDocumentFragment();
    const page = JSON.parse(ioprules.weeks(state.shown, PAGE));
    const end = state.shown + page.length;
    for (const w of page) {
      const tr = el("tr", w.result);
      tr.dataset.patient = w.patient;
      tr.dataset.week = w.week;
      tr.dataset.minutes = String(w.minutes);
      tr.dataset.days = String(w.days);
      tr.dataset.result = w.result;
      tr.append(el("td", "id", w.patient));
      const wk = el("td", "week", w.label);
      if (w.label !== w.week) wk.title = w.week;
      tr.append(wk, el("td", "id", w.profile));
      tr.append(el("td", "num", hm(w.minutes) + (w.min ? " / " + hm(w.min) : "")));
      tr.append(el("td", "num", w.days));
      const days = el("ul", "days");
      for (let d = 0; d < 7; d++) {
        if (!w.services[d]) continue;
        let t = weekday(w.dates[d]) + " " + w.services[d];
        if (w.apcs[d]) t += " · APC " + w.apcs[d];
        else if (w.tiers[d]) t += " · " + w.tiers[d];
        days.append(el("li", null, t));
      }
      const dc = el("td");
      dc.append(days);
      tr.append(dc, resultCell(w.result), findingsCell(w.findings));
      frag.append(tr);
    }
    body.append(frag);
    state.shown = end;
    $("more").hidden = end >= v.weeks;
    $("show-more").textContent = "Show " + Math.min(PAGE, v.weeks - end) + " more of " + (v.weeks - end) + " patient-weeks left";
  }

  function showMoreClaims() {
    const v = state.view;
    $("claims-section").hidden = v.claims === 0;
    const page = JSON.parse(ioprules.claims(state.claimsShown, PAGE));
    state.claimsShown += page.length;
    $("more-claims").hidden = state.claimsShown >= v.claims;
    $("show-more-claims").textContent = "Show " + Math.min(PAGE, v.claims - state.claimsShown) + " more of " + (v.claims - state.claimsShown) + " claims left";
    $("claims-table").tBodies[0].append(...page.map((c) => {
      const tr = el("tr", c.result);
      tr.dataset.claim = c.claim;
      tr.dataset.result = c.result;
      tr.append(el("td", "id", c.claim), el("td", "id", c.patient), el("td", "num", c.lines),
        el("td", "week", c.from === c.through ? c.from : c.from + " to " + c.through),
        el("td", "id", c.profile), resultCell(c.result), findingsCell(c.findings));
      return tr;
    }));
  }

  // renderChart draws each patient's weekly hours as bars against the
  // weekly minimum of the profile applied (a black tick on each bar), for
  // the first patients in patient order.
  function renderChart(v) {
    const byPatient = new Map();
    for (const w of v.hours) {
      if (!byPatient.has(w.patient)) byPatient.set(w.patient, []);
      byPatient.get(w.patient).push(w);
    }
    const rows = [];
    for (const ws of byPatient.values()) ws.forEach((w, i) => rows.push({ w, first: i === 0 }));
    const chart = $("chart");
    chart.replaceChildren();
    if (!rows.length) {
      $("chart-caption").textContent = "No patient-week to draw.";
      return;
    }
    let top = 0;
    for (const r of rows) top = Math.max(top, r.w.minutes, r.w.min);
    const maxH = Math.max(5, Math.ceil(top / 60 / 5) * 5);
    const rowH = 20, labelW = 230, plotW = 560, padTop = 24, width = labelW + plotW + 70;
    const height = padTop + rows.length * rowH + 8;
    const x = (minutes) => labelW + (minutes / 60 / maxH) * plotW;
    const s = svg("svg", { viewBox: "0 0 " + width + " " + height, role: "img", "aria-labelledby": "chart-title chart-caption" });
    for (let h = 0; h <= maxH; h += 5) {
      s.append(svg("line", { class: "gridline", x1: x(h * 60), x2: x(h * 60), y1: padTop - 6, y2: height - 4 }));
      const t = svg("text", { class: "axis", x: x(h * 60), y: 12, "text-anchor": "middle" });
      t.textContent = h + " h";
      s.append(t);
    }
    rows.forEach((r, i) => {
      const y = padTop + i * rowH;
      const w = r.w;
      const label = svg("text", { class: "label", x: 0, y: y + 14 });
      label.textContent = (r.first ? w.patient + "  " : "") + w.label;
      s.append(label);
      const below = w.min > 0 && w.minutes < w.min;
      const bar = svg("rect", { class: "bar" + (below ? " below" : ""), x: labelW, y: y + 3, width: Math.max(0, x(w.minutes) - labelW), height: rowH - 6 });
      const title = svg("title", {});
      title.textContent = w.patient + " " + w.week + ": " + hm(w.minutes) + (w.min ? " counted, minimum " + hm(w.min) : " counted");
      bar.append(title);
      s.append(bar);
      if (w.min) s.append(svg("line", { class: "min", x1: x(w.min), x2: x(w.min), y1: y + 1, y2: y + rowH - 1 }));
      const val = svg("text", { class: "value", x: x(Math.max(w.minutes, w.min)) + 4, y: y + 14 });
      val.textContent = (w.minutes / 60).toFixed(1) + " h";
      s.append(val);
    });
    chart.append(s);
    const cap = $("chart-caption");
    cap.replaceChildren("Hours counted per patient-week; the black tick is the weekly minimum of the profile applied. ",
      el("span", "legend-meets", "Blue"), ": at or above the minimum; ", el("span", "legend-below", "orange"), ": below it. " +
      (v.patients > v.chart_patients ? "The first " + v.chart_patients + " of " + v.patients + " patients; the table has them all." : ""));
  }

  function save(format) {
    const text = ioprules.report(format);
    const blob = new Blob([text], { type: format === "json" ? "application/x-ndjson" : "text/csv" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = "billingcheck-report." + format;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    status("Saved the " + format.toUpperCase() + " report (made on this machine).");
  }

  async function useFile(file) {
    state.chosen = performance.now(); // the check's time counts from here: reading, checking, showing
    state.data = new Uint8Array(await file.arrayBuffer());
    state.dataName = file.name;
    run();
  }

  function useSample(kind) {
    const enc = new TextEncoder();
    state.data = enc.encode(ioprules.sample(kind));
    state.dataName = "the sample " + ({ claims: "claim lines", x12: "837I" }[kind] || "sessions");
    state.episodes = kind === "sessions" ? enc.encode(ioprules.sample("episodes")) : null;
    $("episodes").value = "";
    $("columns").value = kind === "claims" ? ioprules.sample("claims-columns") : "";
    run();
  }

  $("form").addEventListener("submit", (e) => {
    e.preventDefault();
    run();
  });
  $("file").addEventListener("change", () => {
    if ($("file").files.length) useFile($("file").files[0]);
  });
  $("episodes").addEventListener("change", async () => {
    const f = $("episodes").files[0];
    state.episodes = f ? new Uint8Array(await f.arrayBuffer()) : null;
    if (state.data) run();
  });
  for (const id of ["profile", "setting", "weeks", "input"]) {
    $(id).addEventListener("change", () => { if (state.data) run(); });
  }
  $("columns").addEventListener("change", () => { if (state.data) run(); });
  $("clear").addEventListener("click", () => {
    Object.assign(state, { data: null, dataName: "", episodes: null, view: null, shown: 0, claimsShown: 0 });
    $("file").value = "";
    $("episodes").value = "";
    $("results").hidden = true;
    for (const id of ["weeks-table", "claims-table", "refused-table"]) $(id).tBodies[0].replaceChildren();
    $("chart").replaceChildren();
    if (globalThis.ioprules) ioprules.forget();
    status("Cleared: the page holds no file and no result.");
  });
  $("sample-sessions").addEventListener("click", () => useSample("sessions"));
  $("sample-claims").addEventListener("click", () => useSample("claims"));
  $("sample-x12").addEventListener("click", () => useSample("x12"));
  $("save-json").addEventListener("click", () => save("json"));
  $("save-csv").addEventListener("click", () => save("csv"));
  $("show-more").addEventListener("click", showMore);
  $("show-more-claims").addEventListener("click", showMoreClaims);

  const drop = $("drop");
  drop.addEventListener("dragover", (e) => {
    e.preventDefault();
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    if (e.dataTransfer.files.length) useFile(e.dataTransfer.files[0]);
  });
  // A file dropped elsewhere on the page is not opened by the browser.
  window.addEventListener("dragover", (e) => e.preventDefault());
  window.addEventListener("drop", (e) => e.preventDefault());

  start().catch((err) => status("The check could not start: " + err.message, true));
})();
