// The export's walkthrough: rebuilt on the device from the page that lists its steps (the app
// page for ?platform=, the guide page for ?apps=…), so step n counts only the chosen steps.
import { refresh, strings as pageStrings } from "../checklist.js";
import { applyGuide, applyPlatform, setProgressTotal, strings } from "./filters.js";
import { fill } from "./guide-query.js";

function stepUrl(n) {
  const path = window.location.pathname.replace(/walk\/(\d+\/)?$/, n > 1 ? `walk/${n}/` : "walk/");
  return path + window.location.search;
}

function link(walk, className, href, text) {
  let anchor = walk.querySelector(`.${className}`);
  if (!anchor) {
    anchor = document.createElement("a");
    anchor.className = `button button--quiet ${className}`;
    walk.querySelector(".walk__nav").prepend(anchor);
  }
  anchor.href = href;
  anchor.textContent = text;
  return anchor;
}

// Step total + 1: what was done, skipped, not for me and left (checklist.js counts [data-count]).
function buildSummary(walk, heading, checklist, back) {
  walk.classList.add("walk--summary");
  walk.querySelector(".walk__context").textContent = `${heading} · ${strings.summary}`;
  document.title = `${heading}: ${strings.summary} · Lockstep`;
  link(walk, "walk__back", back, strings.walkBack);
  const written = walk.querySelector(".walk__summary");  // the export's own summary page of every step
  if (written) {
    for (const anchor of walk.querySelectorAll('a.button[href$="#checklist"]')) anchor.href = checklist;
    refresh();
    return;
  }
  for (const element of walk.querySelectorAll("[data-needs-script], .walk__app, .walk__position, .progress__text, [data-walk-state]")) {
    element.remove();
  }
  const counts = document.createElement("dl");
  counts.className = "walk__summary";
  for (const [count, label] of [["done", strings.done], ["skipped", pageStrings.stateLabels?.skipped],
    ["not-for-me", pageStrings.stateLabels?.["not-for-me"]], ["left", strings.left]]) {
    const row = document.createElement("div");
    const value = Object.assign(document.createElement("dd"), { textContent: "0" });
    value.dataset.count = count;
    row.append(Object.assign(document.createElement("dt"), { textContent: label }), value);
    counts.append(row);
  }
  const finished = Object.assign(document.createElement("p"), { className: "notice notice--info", textContent: strings.finished, hidden: true });
  finished.dataset.finished = "";
  const toChecklist = document.createElement("p");
  toChecklist.append(Object.assign(document.createElement("a"), { className: "button", href: checklist, textContent: strings.seeChecklist }));
  walk.querySelector("ol.steps").replaceWith(counts, finished, toChecklist);
  refresh();
}

export async function buildWalk(walk) {
  const number = Number(/walk\/(\d+)\/$/.exec(window.location.pathname)?.[1] || 1);
  const params = new URLSearchParams(window.location.search);
  // The service worker's walk page (offline/walk.html) has no source: it is the page this
  // step belongs to, …/whatsapp/walk/3/ -> …/whatsapp/, …/guide/walk/3/?apps= -> …/guide/?apps=.
  const sourcePath = walk.dataset.walkSource || window.location.pathname.replace(/walk\/(\d+\/)?$/, "");
  const source = sourcePath + window.location.search;
  const response = await fetch(walk.dataset.walkSource ? sourcePath : source).catch(() => null);
  const page = new DOMParser().parseFromString(response?.ok ? await response.text() : "", "text/html");
  const view = applyPlatform(page, params) || applyGuide(page, params);
  if (!view && !walk.dataset.walkSource) return;  // nothing saved to build it from: the page says so
  if (!view || view.error) {
    walk.querySelector("ol.steps").replaceChildren();
    const error = walk.querySelector("[data-needs-script]");
    if (error) { error.textContent = strings[view?.error] || strings.guideEmpty; error.className = "notice notice--warning"; }
    return;
  }
  const steps = view.steps;
  const total = steps.length;
  const heading = view.title || page.querySelector("h1")?.textContent.trim() || strings.yourGuide;
  walk.dataset.steps = steps.map((s) => s.querySelector("input[data-step]")).map((b) => `${b.dataset.step}@${b.dataset.rev}`).join(" ");
  walk.dataset.walkUrls = steps.map((_, i) => stepUrl(i + 1)).concat(stepUrl(total + 1)).join(" ");
  const checklist = `${new URL(source, window.location.href).pathname}${window.location.search}#checklist`;
  if (number === total + 1 && total) {
    buildSummary(walk, heading, checklist, stepUrl(total));
    return;
  }
  if (number > total) {
    const note = walk.querySelector("[data-needs-script]");
    note.replaceChildren(Object.assign(document.createElement("a"), { href: stepUrl(1), textContent: strings.walkTooFar }));
    walk.querySelector("ol.steps").replaceChildren();
    return;
  }
  walk.querySelector("[data-needs-script]")?.remove();
  walk.querySelector(".walk__next")?.classList.remove("walk__next--home");
  const step = document.importNode(steps[number - 1], true);
  step.hidden = false;
  walk.querySelector("ol.steps").replaceChildren(step);
  const label = fill(strings.walkStep, { number, total });
  walk.querySelector(".walk__context").textContent = `${heading} · ${label}`;
  document.title = `${label}: ${step.querySelector(".step__title")?.textContent || ""} · Lockstep`;
  const position = walk.querySelector(".walk__position");
  position.max = total;
  position.value = number;
  setProgressTotal(walk, total);
  position.value = number;  // the position bar counts steps, not ticks
  const box = step.querySelector("input[data-step]");
  const next = walk.querySelector(".walk__next");
  next.href = stepUrl(number + 1);  // after the last step: the summary, as on the server
  next.textContent = number < total ? strings.walkNext : strings.walkFinish;
  next.dataset.doneStep = box.dataset.step;
  next.dataset.rev = box.dataset.rev;
  // Done / Skip / Not for me (static/js/walk.js) record this step and lead to the same place.
  for (const choice of walk.querySelectorAll("[data-walk-state]")) {
    choice.dataset.stepId = box.dataset.step;
    choice.dataset.rev = box.dataset.rev;
    if (choice !== next) choice.href = next.href;
  }
  if (number > 1) link(walk, "walk__back", stepUrl(number - 1), strings.walkBack);
  else walk.querySelector(".walk__back")?.remove();
  refresh();
}
