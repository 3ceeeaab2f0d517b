// Ticks, counters and resets on every page that lists steps. Works on the server's
// HTML as is: without this script the pages read fine and ticks simply don't persist.
import { ProgressStore, stateOf } from "./progress-store.js";

const strings = JSON.parse(document.getElementById("lockstep-strings")?.textContent || "{}");
// Latin digits, as Babel writes them on the server, so counters match the page in every locale.
const numbers = new Intl.NumberFormat(document.documentElement.lang, { numberingSystem: "latn" });
export const store = new ProgressStore();

function notify(message) {
  const notice = document.getElementById("progress-notice");
  if (!notice || !message) return;
  notice.textContent = message;
  notice.hidden = false;
}

// After every write: tell the person when it failed, and ask for durable storage at the first tick.
function saved(result) {
  if (result === "full") notify(strings.storageFull);
  else if (result !== true) notify(strings.storageFailed);
  else document.dispatchEvent(new CustomEvent("lockstep:ticked"));
}

function parseSteps(scope) {
  return (scope.dataset.steps || "").split(" ").filter(Boolean).map((token) => {
    const at = token.lastIndexOf("@");
    return { id: token.slice(0, at), rev: Number(token.slice(at + 1)) };
  });
}

function applyChecks(root) {
  for (const box of root.querySelectorAll("input[data-step]")) {
    const state = stateOf(store.get(box.dataset.step), Number(box.dataset.rev));
    box.checked = state === "done";
    const step = box.closest(".step");
    if (!step) continue;
    step.classList.toggle("step--done", state === "done");
    const recheck = step.querySelector(".step__recheck");
    if (recheck) recheck.hidden = state !== "recheck";
  }
}

function updateCounters(root) {
  for (const scope of root.querySelectorAll("[data-progress-scope]")) {
    const steps = parseSteps(scope);
    const done = steps.filter((s) => stateOf(store.get(s.id), s.rev) === "done").length;
    for (const text of scope.querySelectorAll("[data-progress-text]")) {
      text.textContent = text.dataset.progressText.replace("{done}", numbers.format(done));
    }
    for (const bar of scope.querySelectorAll("progress")) bar.value = done;
  }
}

function refresh(root = document) {
  for (const el of root.querySelectorAll("[data-js-only]")) el.hidden = false;
  applyChecks(root);
  updateCounters(document);
}

document.addEventListener("change", (event) => {
  const box = event.target.closest?.("input[data-step]");
  if (!box) return;
  saved(store.set(box.dataset.step, Number(box.dataset.rev), box.checked));
  refresh();
});

document.addEventListener("click", (event) => {
  const button = event.target.closest?.("button[data-reset]");
  if (!button) return;
  if (button.dataset.reset === "all") {
    if (!window.confirm(strings.confirmResetAll)) return;
    store.clear();
  } else {
    const app = button.closest("[data-app]")?.dataset.app;
    if (!app || !window.confirm(strings.confirmResetApp)) return;
    store.clear((id) => id.startsWith(`${app}.`));
  }
  refresh();
});

// The walkthrough's "Done, next step" ticks the step, then htmx (or the plain link) moves on.
document.addEventListener("click", (event) => {
  const link = event.target.closest?.("[data-done-step]");
  if (link) saved(store.set(link.dataset.doneStep, Number(link.dataset.rev), true));
});

// Another tab ticked something: show it here too.
window.addEventListener("storage", () => { store.reload(); refresh(); });

// htmx swapped in new steps: tick them from the store, and keep focus on the filter.
document.addEventListener("htmx:load", (event) => refresh(event.target));
document.addEventListener("htmx:afterSettle", (event) => {
  if (event.target.id === "checklist") event.target.querySelector(".platform-filter [aria-current]")?.focus();
});

if (store.problem) notify(strings.unreadableProgress);
refresh();

export { refresh, strings, notify, saved };
