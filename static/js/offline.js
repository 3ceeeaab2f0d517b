// Offline use: register the service worker, ask it to save this language's pages, offer
// updates quietly, and ask the browser to keep the ticks (navigator.storage.persist()).
import { store, strings } from "./checklist.js";

const locale = document.body.dataset.locale;

function setStatus(id, text) {
  const element = document.getElementById(id);
  if (!element || !text) return;
  element.textContent = text;
  element.hidden = false;
}

async function showStorageStatus() {
  if (!navigator.storage?.persisted || store.records.size === 0) return;
  const persistent = await navigator.storage.persisted();
  setStatus("storage-status", persistent ? strings.storagePersistent : strings.storageMayBeCleared);
}

// First tick on a page: ask once to keep the data; browsers decide (Chromium grants it to
// installed or often-used sites, Firefox asks the person) and the status line says what they decided.
let askedToPersist = false;
document.addEventListener("lockstep:ticked", async () => {
  if (!askedToPersist && navigator.storage?.persist && !(await navigator.storage.persisted())) {
    askedToPersist = true;
    await navigator.storage.persist();
  }
  showStorageStatus();
});
showStorageStatus();

function offerUpdate(worker) {
  const notice = document.getElementById("update-notice");
  if (!notice) return;
  notice.hidden = false;
  notice.querySelector("[data-apply-update]").onclick = () => worker.postMessage({ type: "skip-waiting" });
}

async function register() {
  if (!("serviceWorker" in navigator) || !locale) return;
  // The worker sits at the site's root ("/sw.js", or "/sub/sw.js" in an export under a subfolder).
  const worker = document.body.dataset.worker;
  const registration = await navigator.serviceWorker.register(worker, { scope: worker.replace(/sw\.js$/, "") });
  // A waiting worker is a new version: say so, and reload only when the person asks.
  // Progress lives in localStorage, which neither the worker nor its caches ever touch.
  if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
  registration.addEventListener("updatefound", () => {
    const worker = registration.installing;
    worker?.addEventListener("statechange", () => {
      if (worker.state === "installed" && navigator.serviceWorker.controller) offerUpdate(worker);
    });
  });
  let reloading = false;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (reloading || !sessionStorage.getItem("lockstep.update-requested")) return;
    reloading = true;
    sessionStorage.removeItem("lockstep.update-requested");
    window.location.reload();
  });
  document.addEventListener("click", (event) => {
    if (event.target.closest?.("[data-apply-update]")) sessionStorage.setItem("lockstep.update-requested", "1");
  });
  navigator.serviceWorker.addEventListener("message", (event) => {
    if (event.data?.type === "precached" && event.data.locale === locale) {
      if (!event.data.complete) {
        setStatus("offline-status", strings.offlineIncomplete);
        document.documentElement.dataset.offlineReady = "incomplete";
        return;
      }
      setStatus("offline-status", strings.offlineReady);
      document.dispatchEvent(new CustomEvent("lockstep:offline-ready"));
      document.documentElement.dataset.offlineReady = "true";
    }
  });
  const ready = await navigator.serviceWorker.ready;
  // What this page needs beyond the language's list (a guide's walkthrough and print views,
  // the rest of a walkthrough): saved first, before the rest of the language.
  const urls = [...document.querySelectorAll("[data-offline-urls], [data-walk-urls]")]
    .flatMap((element) => (element.dataset.offlineUrls || element.dataset.walkUrls).split(" ").filter(Boolean));
  ready.active?.postMessage({ type: "precache", locale, url: location.pathname + location.search, urls });
}

// This language's offline page answering for a page in a language the device has not saved
// (the worker saves the visitor's language only): say which one, in the language of the page.
function explainOtherLanguage() {
  const notice = document.querySelector("[data-other-language]");
  const asked = [...document.querySelectorAll(".language-menu a[hreflang]:not([aria-current])")]
    .find((link) => location.pathname.startsWith(new URL(link.href).pathname.replace(/offline\/$/, "")));
  if (!notice || !asked) return;
  notice.textContent = notice.dataset.otherLanguage.replace("{language}", asked.textContent);
  notice.hidden = false;
}
explainOtherLanguage();

register().catch(() => { /* no worker (private mode, old browser): the site still works online */ });
