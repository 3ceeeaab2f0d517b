// Entry point: each concern lives in its own small module.
import "./checklist.js";
import "./my-apps.js";
import "./offline.js";
import "./page-actions.js";
import "./walk.js";
// Modules of one page only (app-search, exposure, transfer, set-aside) are linked by that page
// (block page_scripts): no other page downloads them, and they run as soon as it is parsed.

// Pages that apply their own query on the device (the static export, the worker's walk page,
// an unfiltered app page standing in for a filter offline) load static/js/on-device/ then;
// the others never download it.
const onDevice = () => import("./on-device/index.js");
if (document.querySelector("[data-language-choice]")) import("./language-choice.js");  // the export's "/"
const scope = document.querySelector("[data-on-device]");
if (scope && (scope.dataset.onDevice !== "platform" || window.location.search || document.querySelector("[data-needs-script]"))) {
  onDevice();
}

// Live app page offline: a platform the worker has no fragment for is applied to the steps this
// page already lists (the unfiltered page carries them all) instead of the "not saved" notice.
document.addEventListener("htmx:beforeSwap", (event) => {
  const link = event.detail.requestConfig?.elt?.closest?.('[data-on-device="platform"] .platform-filter a[data-platform]');
  if (!link || !(event.detail.serverResponse || "").includes("offline-fragment")) return;
  event.detail.shouldSwap = false;
  onDevice().then((module) => module.applyPlatformLink(link));
});
