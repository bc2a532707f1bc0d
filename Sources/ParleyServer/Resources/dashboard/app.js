// Parley dashboard: plain JavaScript over the JSON API, no libraries.
"use strict";

const state = { offset: 0, limit: 50, total: 0 };
const $ = (selector) => document.querySelector(selector);

// Builds an element; text is always set as text, never parsed as HTML.
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "onclick") node.addEventListener("click", value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function showError(message) {
  const box = $("#error");
  box.textContent = message || "";
  box.hidden = !message;
}

async function api(path, options) {
  const response = await fetch(path, options);
  const type = response.headers.get("content-type") || "";
  if (!response.ok) {
    const body = type.includes("json") ? await response.json() : null;
    throw new Error(body && body.error ? `${body.error.code}: ${body.error.message}` : `HTTP ${response.status}`);
  }
  return type.includes("application/json") ? response.json() : response.text();
}

// The filters as query parameters (empty fields left out).
function filters(extra = {}) {
  const parameters = new URLSearchParams();
  for (const [key, value] of new FormData($("#filters"))) {
    if (value && key !== "bucket") parameters.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) parameters.set(key, value);
  return parameters.toString().replace(/\+/g, "%20");
}

const actorText = (actors) => (actors || []).map((actor) => `${actor.text} (${actor.code})`).join(", ") || "–";

function flags(event) {
  const modality = event.modality || {};
  return ["negated", "hypothetical", "future", "historical", "reported"]
    .filter((name) => modality[name])
    .map((name) => el("span", { class: "flag", title: (modality.rules || {})[name] || name }, name));
}

function codes(event) {
  const parts = [`CAMEO ${event.cameo}`];
  if (event.plover) parts.push(`PLOVER ${event.plover.event}`);
  if (event.acled) parts.push(`ACLED ${event.acled.event_type}`);
  if (event.quad_class) parts.push(`Q${event.quad_class}`);
  return el("span", { class: "code" }, parts.join(" · "));
}

async function loadEvents() {
  const page = await api(`/api/events?${filters({ limit: state.limit, offset: state.offset })}`);
  state.total = page.total;
  const rows = page.events.map((stored) => {
    const event = stored.event;
    return el("tr", { onclick: () => showDetail(stored.documentKey + "#" + event.id) },
      el("td", {}, event.date || stored.published || "–"),
      el("td", {}, actorText(event.source)),
      el("td", {}, stored.sentenceText.length > 140 ? stored.sentenceText.slice(0, 140) + "…" : stored.sentenceText),
      el("td", {}, actorText(event.target)),
      el("td", {}, event.location ? event.location.name : "–"),
      el("td", {}, codes(event)),
      el("td", {}, flags(event)));
  });
  $("#event-rows").replaceChildren(...rows);
  const last = Math.min(state.offset + state.limit, state.total);
  $("#page").textContent = state.total ? `${state.offset + 1}–${last} of ${state.total}` : "no events";
  $("#previous").disabled = state.offset === 0;
  $("#next").disabled = last >= state.total;
}

async function showDetail(id) {
  const detail = await api(`/api/events/${encodeURIComponent(id)}`);
  const event = detail.event.event;
  const sentence = el("p", { class: "sentence" },
    detail.highlights.map((piece) => piece.role ? el("span", { class: piece.role, title: piece.role }, piece.text) : piece.text));
  const facts = [
    ["Who", actorText(event.source)], ["Did what", `${event.cameo}${event.plover ? " / " + event.plover.event : ""}`],
    ["To whom", actorText(event.target)], ["When", `${event.date || "–"} ${event.date_precision || ""}`],
    ["Where", event.location ? event.location.name : "–"], ["Pattern", event.evidence.pattern],
    ["Entries", (event.evidence.entries || []).join("; ") || "–"],
    ["Modality rules", Object.entries((event.modality || {}).rules || {}).map(([k, v]) => `${k}: ${v}`).join("; ") || "–"],
    ["Document", `${detail.document.title || detail.document.id}${detail.document.url ? " — " + detail.document.url : ""}`],
  ];
  $("#detail").replaceChildren(
    el("button", { onclick: () => ($("#detail").hidden = true) }, "×"),
    el("h3", {}, event.id), sentence,
    el("table", {}, facts.map(([name, value]) => el("tr", {}, el("th", {}, name), el("td", {}, value)))),
    el("details", {}, el("summary", {}, "parley explain"), el("pre", {}, detail.explanation)));
  $("#detail").hidden = false;
}

// Stacked bars per period, one colour per QuadClass, drawn as inline SVG.
async function loadTimeline() {
  const bucket = new FormData($("#filters")).get("bucket") || "day";
  const { rows } = await api(`/api/timeline?${filters({ bucket })}`);
  const svg = $("#timeline");
  const width = svg.clientWidth || 800, height = 120, ns = "http://www.w3.org/2000/svg";
  svg.setAttribute("viewBox", `0 0 ${width} ${height + 20}`);
  svg.replaceChildren();
  if (!rows.length) return;
  const max = Math.max(...rows.map((row) => row.count));
  const step = width / rows.length, barWidth = Math.max(1, step - 1);
  rows.forEach((row, index) => {
    let y = height;
    row.quadClass.forEach((count, quad) => {
      if (!count) return;
      const barHeight = (count / max) * height;
      y -= barHeight;
      const rect = document.createElementNS(ns, "rect");
      Object.entries({ x: index * step, y, width: barWidth, height: barHeight, class: `q${quad + 1}` })
        .forEach(([key, value]) => rect.setAttribute(key, value));
      const title = document.createElementNS(ns, "title");
      title.textContent = `${row.period}: ${count} of ${row.count} (QuadClass ${quad + 1})`;
      rect.append(title);
      svg.append(rect);
    });
  });
  for (const [index, row] of [[0, rows[0]], [rows.length - 1, rows[rows.length - 1]]]) {
    const label = document.createElementNS(ns, "text");
    label.setAttribute("x", index === 0 ? 0 : width);
    label.setAttribute("y", height + 15);
    label.setAttribute("text-anchor", index === 0 ? "start" : "end");
    label.setAttribute("font-size", "11");
    label.textContent = row.period;
    svg.append(label);
  }
}

async function loadIncidents() {
  const page = await api(`/api/incidents?${filters({ limit: 50 })}`);
  $("#incident-list").replaceChildren(el("p", {}, `${page.total} incidents`), ...page.incidents.map((incident) =>
    el("div", { class: "card" },
      el("strong", {}, `${incident.date || "undated"} · ${actorText(incident.event.source)} → ${actorText(incident.event.target)}`),
      " ", codes(incident.event),
      el("p", {}, `${incident.reports.length} reports in ${new Set(incident.reports.map((r) => r.documentKey)).size} documents`),
      el("ul", {}, incident.reports.map((report) =>
        el("li", { onclick: () => showDetail(report.documentKey + "#" + report.event.id) },
          `${report.documentID}: ${report.sentenceText}`))))));
}

async function loadStories() {
  const page = await api("/api/stories?limit=50");
  $("#story-list").replaceChildren(el("p", {}, `${page.total} stories`), ...page.stories.map((story) =>
    el("div", { class: "card" },
      el("strong", {}, `${story.documents.length} documents · score ${story.score}`),
      story.duplicateGroups.length ? el("p", {}, `near-duplicate groups: ${story.duplicateGroups.map((g) => g.length).join(", ")}`) : null,
      el("ul", {}, story.documents.map((member) =>
        el("li", {}, `${member.published || "–"} ${member.title || member.documentID}`))))));
}

// Commitments follow every kind of event, so only the date range, actor and text filters apply to them.
async function loadCommitments() {
  const parameters = new URLSearchParams();
  const form = new FormData($("#filters"));
  for (const key of ["from", "to", "actor", "text"]) if (form.get(key)) parameters.set(key, form.get(key));
  if ($("#commitment-status").value) parameters.set("status", $("#commitment-status").value);
  parameters.set("limit", 100);
  const page = await api(`/api/commitments?${parameters.toString().replace(/\+/g, "%20")}`);
  $("#commitment-list").replaceChildren(el("p", {}, `${page.total} commitments`), ...page.commitments.map((item) =>
    el("div", { class: `card commitment ${item.status}` },
      el("strong", {}, `${item.date || "undated"} · ${item.kind} · ${actorText(item.holder)}` +
        (item.counterpart.length ? ` ${item.mutual || item.kind === "ceasefire" ? "↔" : "→"} ${actorText(item.counterpart)}` : "")),
      " ", el("span", { class: "flag status" }, item.status.replace("_", " ")),
      el("p", { class: "code" }, item.expects),
      el("ul", {}, item.history.map((change) =>
        el("li", { class: change.claim ? "claim" : "", onclick: () => showDetail(change.event) },
          change.claim ? el("span", { class: "flag" }, "claim") : null, change.explanation))))));
}

async function codeText(form) {
  const data = new FormData(form);
  const date = data.get("date");
  const text = await api(`/api/code${date ? "?date=" + date : ""}`, { method: "POST", body: data.get("text") });
  const documents = text.trim().split("\n").filter(Boolean).map((line) => JSON.parse(line));
  const events = documents.flatMap((document) => document.events || []);
  $("#code-result").replaceChildren(
    el("p", {}, `${events.length} events`),
    ...events.map((event) => el("div", { class: "card" },
      el("strong", {}, `${actorText(event.source)} → ${actorText(event.target)}`), " ", codes(event), " ", flags(event))),
    el("details", {}, el("summary", {}, "JSONL"), el("pre", {}, text)));
}

const loaders = {
  events: loadEvents, incidents: loadIncidents, stories: loadStories, commitments: loadCommitments, code: async () => {},
};
let tab = "events";

async function refresh() {
  showError("");
  $("#export").href = `/api/export?${filters({ format: "csv" })}`;
  try {
    await Promise.all([loadTimeline(), loaders[tab]()]);
  } catch (error) {
    showError(error.message);
  }
}

document.querySelectorAll("nav button").forEach((button) => button.addEventListener("click", () => {
  tab = button.dataset.tab;
  document.querySelectorAll("nav button").forEach((other) => other.classList.toggle("active", other === button));
  document.querySelectorAll("main > section").forEach((section) => (section.hidden = section.id !== tab));
  refresh();
}));
$("#filters").addEventListener("submit", (submit) => { submit.preventDefault(); state.offset = 0; refresh(); });
$("#commitment-status").addEventListener("change", () => refresh());
$("#previous").addEventListener("click", () => { state.offset = Math.max(0, state.offset - state.limit); refresh(); });
$("#next").addEventListener("click", () => { state.offset += state.limit; refresh(); });
$("#code-form").addEventListener("submit", (submit) => {
  submit.preventDefault();
  showError("");
  codeText(submit.target).catch((error) => showError(error.message));
});
api("/api/health").then((health) => {
  $("#health").textContent = `v${health.version} · ${health.backend} · ${health.counts.documents} documents, ` +
    `${health.counts.events} events, ${health.counts.incidents} incidents`;
}).catch((error) => showError(error.message));
refresh();
