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
  const registration = await navigator.serviceWorker.register("/sw.js", { scope: "/" });
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
      setStatus("offline-status", strings.offlineReady);
      document.dispatchEvent(new CustomEvent("lockstep:offline-ready"));
      document.documentElement.dataset.offlineReady = "true";
    }
  });
  const ready = await navigator.serviceWorker.ready;
  ready.active?.postMessage({ type: "precache", locale, url: location.pathname + location.search });
}

register().catch(() => { /* no worker (private mode, old browser): the site still works online */ });
