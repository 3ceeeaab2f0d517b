// Small buttons that only make sense with JS: print, full screen, copy, and the walkthrough's focus.
import { notify, strings } from "./checklist.js";

document.addEventListener("click", async (event) => {
  const target = event.target.closest?.("[data-print], [data-fullscreen], [data-copy], [data-history-back]");
  if (!target) return;
  if (target.matches("[data-history-back]")) window.history.back();
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

// Offline, a swap that picks part of a page (data-hx-select) would find nothing in the service
// worker's "you are offline" fragment and blank the screen: keep the page, show the message.
document.addEventListener("htmx:beforeSwap", (event) => {
  const selector = event.detail.requestConfig?.elt?.getAttribute("data-hx-select");
  const response = event.detail.serverResponse || "";
  if (!selector || !response.includes("offline-fragment")) return;
  event.detail.shouldSwap = false;
  // A walkthrough step: the worker builds any step as a page (offline/walk.html), so go there.
  const link = event.detail.requestConfig.elt.closest("#walk a[href]");
  if (link) { window.location.assign(link.href); return; }
  notify(new DOMParser().parseFromString(response, "text/html").querySelector(".offline-fragment")?.textContent);
});

// On a phone the navigation is one scrollable row: bring the current page's link into view.
document.querySelector(".site-nav [aria-current]")?.scrollIntoView({ block: "nearest", inline: "nearest" });

// The print date is today's, in the page's language: filled in when printing, never by the server
// (a page kept by a cache or written by the static export would carry the day it was rendered).
window.addEventListener("beforeprint", () => {
  // Gregorian, with the digits the server uses for this locale (data-numbering), like Babel's dates.
  const date = new Intl.DateTimeFormat(document.documentElement.lang, {
    dateStyle: "long", calendar: "gregory", numberingSystem: document.body.dataset.numbering || "latn",
  }).format(new Date());
  for (const slot of document.querySelectorAll("[data-print-date]")) {
    slot.textContent = slot.dataset.printDate.replace("%(date)s", date);
    slot.hidden = false;
  }
});

// A booklet prints blank (copies for a group); the trainer may ask for the ticks of this device.
for (const toggle of document.querySelectorAll("[data-print-my-ticks]")) {
  toggle.addEventListener("change", () => {
    toggle.closest("[data-blank-print]")?.classList.toggle("print-my-ticks", toggle.checked);
  });
}
