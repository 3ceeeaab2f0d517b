// The progress page's "Set aside" view: what this device could not read, shown as it was stored,
// downloadable as a file and deletable after a confirmation. Nothing is sent anywhere.
import { UNREADABLE_KEY } from "./progress-store.js";
import { fill, notify, store, strings } from "./checklist.js";

const section = document.getElementById("set-aside");

function show() {
  if (!section) return;
  const list = store.setAside();
  const items = list.reduce((sum, entry) => sum + Object.keys(entry?.data || {}).length, 0);
  const data = document.getElementById("set-aside-data");
  document.getElementById("set-aside-summary").textContent = list.length
    ? fill(strings.asideSummary, { aside: items }) : strings.asideEmpty;
  data.textContent = list.length ? JSON.stringify(list, null, 2) : "";
  data.hidden = list.length === 0;
  section.querySelector("[data-set-aside-actions]").hidden = list.length === 0;
}

function download() {
  const text = store.storage.getItem(UNREADABLE_KEY) || "[]";  // byte for byte what was kept
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  link.download = `lockstep-set-aside-${new Date().toISOString().slice(0, 10)}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

section?.addEventListener("click", (event) => {
  const button = event.target.closest("[data-aside]");
  if (!button) return;
  if (button.dataset.aside === "download") download();
  else if (window.confirm(strings.confirmDiscardAside)) {
    const result = store.discardAside();
    if (result === true) {
      document.getElementById("progress-notice").hidden = true;
      notify(strings.asideDiscarded);
    } else notify(result === "stuck" ? strings.storageStuck : strings.storageFailed);
  }
  show();
});

show();
