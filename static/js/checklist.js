// Ticks, skips, counters and resets on every page that lists steps. Works on the server's
// HTML as is: without this script the pages read fine and ticks simply don't persist.
import { ProgressStore, stateOf } from "./progress-store.js";

const strings = window.lockstepStrings || {};
// The digits the server writes for this locale (Persian ۰–۹, others 0–9): data-numbering on <body>.
const numbers = new Intl.NumberFormat(document.documentElement.lang, { numberingSystem: document.body.dataset.numbering || "latn" });
const fill = (template, values) => Object.entries(values)
  .reduce((text, [name, value]) => text.replaceAll(`{${name}}`, numbers.format(value)), template || "");
export const store = new ProgressStore();
// The catalog's plural form for a count (on_device.plural_templates: one per CLDR category).
const pluralRules = new Intl.PluralRules(document.documentElement.lang);
const pluralForm = (templates, count) => templates?.[pluralRules.select(count)] || templates?.other || "";

function notify(message) {
  const notice = document.getElementById("progress-notice");
  if (!notice || !message) return;
  notice.replaceChildren(message);
  notice.hidden = false;
}

// After every write: tell the person when it failed, and ask for durable storage at the first tick.
function saved(result) {
  if (result === "full") notify(strings.storageFull);
  else if (result === "stuck") notify(strings.storageStuck);
  else if (result !== true) notify(strings.storageFailed);
  else document.dispatchEvent(new CustomEvent("lockstep:ticked"));
  return result === true;
}

// data-steps: "id@rev@platform,platform" for each step, space-separated.
function parseSteps(scope) {
  return (scope.dataset.steps || "").split(" ").filter(Boolean).map((token) => {
    const [id, rev, platforms] = token.split("@");
    return { id, rev: Number(rev), platforms: platforms ? platforms.split(",") : [] };
  });
}

// The platform a scope is counted for: the page's filter, else the person's own platform.
const platformOf = (scope) => scope.dataset.platform || store.prefs.platform;
const forPlatform = (step, platform) => !platform || step.platforms.length === 0 || step.platforms.includes(platform);

// What a list of steps adds up to for one person: steps for another platform and steps
// they said are not for them are left out of the total; skipped ones stay in it, not done.
export function tally(steps, platform) {
  const counts = { done: 0, skipped: 0, "not-for-me": 0, left: 0, total: 0 };
  for (const step of steps.filter((s) => forPlatform(s, platform))) {
    const state = stateOf(store.get(step.id), step.rev);
    if (state === "done" || state === "skipped" || state === "not-for-me") counts[state] += 1;
    else counts.left += 1;
  }
  counts.total = counts.done + counts.skipped + counts.left;
  return counts;
}

// What only works with this script, added to each step once: its state label, "changed since
// you ticked it", "not for your platform", and (outside a walkthrough) Skip / Not for me.
function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.textContent = text || "";
  return node;
}

function addControls(root) {
  for (const step of root.querySelectorAll(".step:not([data-controls])")) {
    if (!step.querySelector("input[data-step]")) continue;
    step.dataset.controls = "";
    const meta = step.querySelector(".step__meta");
    const label = element("span", "step__state");
    label.dataset.stateLabel = "";
    label.hidden = true;
    meta?.append(" ", label);
    const recheck = element("p", "step__recheck", strings.stepChanged);
    const elsewhere = element("p", "step__elsewhere", strings.stepElsewhere);
    recheck.hidden = elsewhere.hidden = true;
    (meta || step.querySelector(".step__head")).after(recheck, elsewhere);
    if (step.closest("#walk")) continue;  // the walkthrough has its own Done / Skip / Not for me
    const decide = element("p", "step__decide");
    for (const [state, text] of [["skipped", strings.skip], ["not-for-me", strings.stateLabels?.["not-for-me"]]]) {
      const button = element("button", "button button--quiet", text);
      button.type = "button";
      button.dataset.setState = state;
      button.setAttribute("aria-pressed", "false");
      decide.append(button, " ");
    }
    step.append(decide);
  }
}

function applyStates(root) {
  addControls(root);
  for (const box of root.querySelectorAll("input[data-step]")) {
    const state = stateOf(store.get(box.dataset.step), Number(box.dataset.rev));
    box.checked = state === "done";
    const step = box.closest(".step");
    if (!step) continue;
    for (const name of ["done", "skipped", "not-for-me"]) step.classList.toggle(`step--${name}`, state === name);
    const recheck = step.querySelector(".step__recheck");
    if (recheck) recheck.hidden = state !== "recheck";
    for (const button of step.querySelectorAll("[data-set-state]")) {
      button.setAttribute("aria-pressed", String(button.dataset.setState === state));
    }
    const label = step.querySelector("[data-state-label]");
    if (label) {
      label.textContent = strings.stateLabels?.[state] || "";
      label.hidden = !(state === "skipped" || state === "not-for-me");
    }
    const platform = store.prefs.platform;
    const elsewhere = step.querySelector(".step__elsewhere");
    if (elsewhere) elsewhere.hidden = !platform || (box.dataset.platforms || "").split(",").includes(platform);
  }
}

function updateCounters(root) {
  for (const scope of root.querySelectorAll("[data-progress-scope]")) {
    const counts = tally(parseSteps(scope), platformOf(scope));
    for (const text of scope.querySelectorAll("[data-progress-text]")) {
      text.textContent = fill(pluralForm(strings.onDevice?.progress, counts.total), { done: counts.done, count: counts.total });
    }
    for (const bar of scope.querySelectorAll("progress:not(.walk__position)")) {
      bar.max = Math.max(counts.total, 1);
      bar.value = counts.done;
    }
    for (const slot of scope.querySelectorAll("[data-count]")) slot.textContent = numbers.format(counts[slot.dataset.count]);
    const finished = counts.total > 0 && counts.done === counts.total;
    scope.classList.toggle("is-finished", finished);
    for (const badge of scope.querySelectorAll("[data-finished]")) badge.hidden = !finished;
  }
}

function refresh(root = document) {
  for (const el of root.querySelectorAll("[data-js-only]")) el.hidden = false;
  applyStates(root);
  updateCounters(document);
  document.dispatchEvent(new CustomEvent("lockstep:refreshed"));
}

document.addEventListener("change", (event) => {
  const box = event.target.closest?.("input[data-step]");
  if (!box) return;
  saved(store.set(box.dataset.step, Number(box.dataset.rev), box.checked ? "done" : "open"));
  refresh();
});

// Skip / Not for me: a second press undoes it (back to open).
document.addEventListener("click", (event) => {
  const button = event.target.closest?.("button[data-set-state]");
  if (!button) return;
  const box = button.closest(".step")?.querySelector("input[data-step]");
  if (!box) return;
  const current = stateOf(store.get(box.dataset.step), Number(box.dataset.rev));
  const state = current === button.dataset.setState ? "open" : button.dataset.setState;
  saved(store.set(box.dataset.step, Number(box.dataset.rev), state));
  refresh();
});

document.addEventListener("click", (event) => {
  const button = event.target.closest?.("button[data-reset]");
  if (!button) return;
  if (button.dataset.reset === "all") {
    if (!window.confirm(strings.confirmResetAll)) return;
    saved(store.clear());
  } else {
    const app = button.closest("[data-app]")?.dataset.app;
    if (!app || !window.confirm(strings.confirmResetApp)) return;
    saved(store.clear((id) => id.startsWith(`${app}.`)));
  }
  refresh();
});

// Another tab ticked something: show it here too.
window.addEventListener("storage", () => { store.reload(); refresh(); });

// htmx swapped in new steps: tick them from the store, and keep focus on the filter.
document.addEventListener("htmx:load", (event) => refresh(event.target));
document.addEventListener("htmx:afterSettle", (event) => {
  if (event.target.id === "checklist") event.target.querySelector(".platform-filter [aria-current]")?.focus();
});

// Data that could not be read was set aside (or could not be): say exactly what, until dismissed.
function asideNotice() {
  const problem = store.problem;
  const unseen = store.unseenAside();
  if (!problem && unseen.length === 0) return;
  if (problem?.stuck) { notify(strings.storageStuck); return; }
  const kept = problem ? problem.kept : store.records.size;
  const aside = unseen.reduce((sum, entry) => sum + Object.keys(entry?.data || {}).length, 0) || problem?.aside || 0;
  const whole = unseen.some((entry) => entry?.data && Object.keys(entry.data).length === 1 && "raw" in entry.data);
  const text = document.createElement("span");
  text.textContent = fill(whole ? strings.unreadableAll : strings.unreadablePart, { kept, aside });
  const link = document.createElement("a");
  link.href = strings.setAsideUrl;
  link.textContent = strings.showSetAside;
  const dismiss = document.createElement("button");
  dismiss.type = "button";
  dismiss.className = "button button--quiet";
  dismiss.dataset.dismissAside = "";
  dismiss.textContent = strings.dismiss;
  const notice = document.getElementById("progress-notice");
  if (!notice) return;
  notice.replaceChildren(text, " ", link, " ", dismiss);
  notice.hidden = false;
}

document.addEventListener("click", (event) => {
  if (!event.target.closest?.("[data-dismiss-aside]")) return;
  store.markAsideSeen();
  store.problem = null;
  document.getElementById("progress-notice").hidden = true;
});

asideNotice();
refresh();

export { refresh, strings, notify, saved, parseSteps, fill, pluralForm, element };
