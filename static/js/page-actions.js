// Small buttons that only make sense with JS: print, full screen, copy, and the walkthrough's focus.
import { strings } from "./checklist.js";

document.addEventListener("click", async (event) => {
  const target = event.target.closest?.("[data-print], [data-fullscreen], [data-copy]");
  if (!target) return;
  if (target.matches("[data-print]")) window.print();
  if (target.matches("[data-fullscreen]")) document.getElementById(target.dataset.fullscreen)?.requestFullscreen?.();
  if (target.matches("[data-copy]")) {
    const input = document.getElementById(target.dataset.copy);
    input.select();
    try { await navigator.clipboard.writeText(input.value); } catch { document.execCommand?.("copy"); }
    const status = target.parentElement.querySelector("[data-copied-message]");
    if (status) status.textContent = status.dataset.copiedMessage || strings.copied;
  }
});

// Walkthrough: after htmx swaps in the next step, put focus on it so keyboard and screen
// reader users carry on from the new step, and save the remaining steps for offline use.
document.addEventListener("htmx:afterSettle", (event) => {
  if (event.target.id === "walk") event.target.focus();
});

function warmWalk() {
  const walk = document.getElementById("walk");
  if (!walk || !navigator.serviceWorker?.controller) return;
  for (const url of walk.dataset.walkUrls.split(" ")) fetch(url).catch(() => {});
}
warmWalk();
