// The static export's pages apply their own query on the device (a static host ignores it):
// the app page's platform filter and the guide views' chosen apps, platform and title.
// Every function takes a root, so the walkthrough can run them on the page it builds from.
import { fill, guideQuery, readGuide, readPlatform } from "./guide-query.js";

export const strings = (window.lockstepStrings || {}).onDevice || {};
const PLATFORMS = ["android", "ios", "web", "desktop"];

function showError(root, key) {
  const slot = root.querySelector("[data-query-error]");
  if (slot) { slot.textContent = strings[key] || key; slot.hidden = false; }
}

// Hide the steps of other platforms, and any group (a heading and its list) left empty.
export function filterSteps(scope, platform) {
  for (const step of scope.querySelectorAll(".step[data-platforms]")) {
    step.hidden = Boolean(platform) && !step.dataset.platforms.split(" ").includes(platform);
  }
  for (const list of scope.querySelectorAll("ol.steps")) {
    const empty = ![...list.children].some((item) => !item.hidden);
    list.hidden = empty;
    const heading = list.previousElementSibling;
    if (heading?.matches("h3.step-group")) heading.hidden = empty;
  }
  // In the order of the content (the walkthrough's order), not the page's grouping by kind.
  scope.dataset.allSteps ??= scope.dataset.steps || "";
  const order = scope.dataset.allSteps.split(" ").map((token) => token.slice(0, token.lastIndexOf("@")));
  const rank = (step) => order.indexOf(step.querySelector("input[data-step]")?.dataset.step);
  const visible = [...scope.querySelectorAll(".step[data-platforms]")].filter((step) => !step.hidden)
    .sort((a, b) => rank(a) - rank(b));
  const boxes = visible.map((step) => step.querySelector("input[data-step]")).filter(Boolean);
  scope.dataset.steps = boxes.map((box) => `${box.dataset.step}@${box.dataset.rev}`).join(" ");
  setProgressTotal(scope, boxes.length);
  return visible;
}

export function setProgressTotal(scope, total) {
  for (const bar of scope.querySelectorAll("progress")) bar.max = total;  // the text: checklist.js
}

function markCurrent(nav, platform) {
  for (const link of nav?.querySelectorAll("a[data-platform]") || []) {
    if ((link.dataset.platform || null) === platform) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}

function withQuery(link, query) {
  const url = new URL(link.getAttribute("href"), document.baseURI);
  link.setAttribute("href", url.pathname + query + url.hash);
}

// App page: ?platform= (one app's checklist).
export function applyPlatform(root, params) {
  const scope = root.querySelector('[data-on-device="platform"]');
  if (!scope) return null;
  const { platform, error } = readPlatform(params, PLATFORMS);
  if (error) showError(scope, error);
  markCurrent(scope.querySelector(".platform-filter"), platform || null);
  const query = platform ? `?platform=${platform}` : "";
  for (const link of scope.querySelectorAll("[data-keeps-query]")) withQuery(link, query);
  return { steps: filterSteps(scope, platform || null), title: root.querySelector("h1")?.textContent, query };
}

// Guide views (page, booklet, handout, projector): the chosen apps in the chosen order.
export function applyGuide(root, params) {
  const view = root.querySelector('[data-on-device="guide"]');
  if (!view) return null;
  const sections = [...view.querySelectorAll("[data-guide-app]")];
  const known = (view.dataset.knownApps || "").split(" ").filter(Boolean);
  const guide = readGuide(params, known);
  const { platform, error: platformError } = readPlatform(params, PLATFORMS);
  const error = guide.error || platformError;
  if (error) {
    for (const part of view.querySelectorAll("[data-guide-body]")) part.hidden = true;
    showError(view, error);
    return { error };
  }
  const query = guideQuery({ ...guide, platform });
  // Chosen order, others hidden; each container keeps its own sections.
  for (const section of sections) section.hidden = !guide.apps.includes(section.dataset.guideApp);
  for (const id of [...guide.apps].reverse()) {
    for (const section of sections.filter((s) => s.dataset.guideApp === id)) section.parentElement.prepend(section);
  }
  if (guide.unknown.length) {
    const notice = view.querySelector("[data-guide-unknown]");
    const ids = guide.unknown.join(", ");
    if (notice) { notice.textContent = fill(strings.guideUnknown, { ids: ids.length > 120 ? `${ids.slice(0, 117)}...` : ids }); notice.hidden = false; }
  }
  const title = guide.title || null;
  for (const slot of view.querySelectorAll("[data-guide-title]")) {
    if (title) {
      const span = document.createElement("span");  // text only: never markup, never a link
      span.dir = "auto";
      span.translate = false;
      span.textContent = title;
      slot.replaceChildren(span);
    }
  }
  markCurrent(view.querySelector(".platform-filter"), platform || null);
  for (const link of view.querySelectorAll(".platform-filter a[data-platform]")) {
    withQuery(link, guideQuery({ ...guide, platform: link.dataset.platform || null }));
  }
  for (const link of view.querySelectorAll("[data-keeps-query]")) withQuery(link, query);
  for (const link of view.querySelectorAll("[data-keeps-platform]")) withQuery(link, platform ? `?platform=${platform}` : "");
  let steps = [];
  for (const scope of view.querySelectorAll("[data-guide-steps]")) {
    for (const section of scope.querySelectorAll("[data-guide-app]")) {
      if (!section.hidden) filterSteps(section, platform || null);
    }
    steps = [...scope.querySelectorAll("[data-guide-app]:not([hidden]) .step[data-platforms]:not([hidden])")];
    const boxes = steps.map((step) => step.querySelector("input[data-step]"));
    scope.dataset.steps = boxes.map((box) => `${box.dataset.step}@${box.dataset.rev}`).join(" ");
    setProgressTotal(scope, boxes.length);
  }
  for (const section of view.querySelectorAll("[data-guide-app]:not([hidden]) [data-step-counts]")) {
    section.textContent = JSON.parse(section.dataset.stepCounts)[platform || ""] || "";
  }
  return { steps, title, guide: { ...guide, platform }, query };
}
