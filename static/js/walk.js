// Walkthrough: Done / Skip / Not for me record the step's state, then htmx (or the plain link)
// moves on. A box the person just unticked is not ticked again by "Done, next step".
import { refresh, saved, store } from "./checklist.js";

document.addEventListener("click", (event) => {
  const link = event.target.closest?.("[data-walk-state]");
  if (!link || !link.dataset.walkState) return;
  saved(store.set(link.dataset.stepId, Number(link.dataset.rev), link.dataset.walkState));
  refresh();
});

// Unticking the box on this screen turns "Done, next step" into a plain "Next step".
document.addEventListener("change", (event) => {
  const box = event.target.closest?.("#walk input[data-step]");
  const next = box && document.querySelector("#walk .walk__next");
  if (!next) return;
  next.dataset.walkState = box.checked ? "done" : "";
  next.textContent = box.checked ? next.dataset.labelDone : next.dataset.labelNext;
});

// The summary's "next app": the first of the person's apps after this one (or, with none picked,
// the home page link the server wrote).
function nextApp() {
  const choices = document.querySelector("[data-next-apps]");
  if (!choices) return;
  const current = choices.dataset.current;
  const apps = store.prefs.apps.filter((id) => id !== current);
  const after = store.prefs.apps.indexOf(current);
  const ordered = after >= 0 ? [...store.prefs.apps.slice(after + 1), ...store.prefs.apps.slice(0, after)] : apps;
  for (const item of choices.querySelectorAll("[data-next-app]")) item.hidden = item.dataset.nextApp !== ordered[0];
  choices.hidden = ordered.length === 0 || !choices.querySelector(`[data-next-app="${CSS.escape(ordered[0])}"]`);
}

document.addEventListener("lockstep:refreshed", nextApp);
nextApp();
