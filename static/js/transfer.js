// Export and import of progress on the /progress/ page. Everything happens in this browser:
// the code and the file are made and read locally and never sent anywhere.
import { merge, parse, serialize } from "./progress-store.js";
import { notify, refresh, store, strings } from "./checklist.js";

const PREFIX = "LS1-";           // format and version of the text code
const MAX_BYTES = 256 * 1024;    // far above any real progress; anything bigger is not ours

// Text code: the stored JSON, deflated and base64url-encoded, so it fits in a chat message.
async function encode(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return PREFIX + btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

async function decode(code) {
  const base64 = code.slice(PREFIX.length).replace(/\s+/g, "").replaceAll("-", "+").replaceAll("_", "/");
  const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new Response(stream).text();
}

function show(message, ok) {
  const box = document.getElementById("import-result");
  box.textContent = message;
  box.className = `notice ${ok ? "notice--info" : "notice--warning"}`;
  box.hidden = false;
  box.focus?.();
}

async function readImport(form) {
  const code = form.elements.code.value.trim();
  const file = form.elements.file.files[0];
  if (file) {
    if (file.size > MAX_BYTES) throw new Error("importTooLarge");
    return file.text();
  }
  if (!code) throw new Error("importEmpty");
  if (code.length > MAX_BYTES) throw new Error("importTooLarge");
  if (code.startsWith("{")) return code;  // a pasted file works too
  if (!code.startsWith(PREFIX)) throw new Error(/^LS\d+-/.test(code) ? "importNewer" : "importInvalid");
  try { return await decode(code); } catch { throw new Error("importInvalid"); }
}

async function importProgress(form) {
  let text;
  try { text = await readImport(form); } catch (error) { show(strings[error.message], false); return; }
  if (text.length > MAX_BYTES) { show(strings.importTooLarge, false); return; }
  let version;
  try { version = JSON.parse(text)?.version; } catch { /* parse() below reports it */ }
  if (Number.isInteger(version) && version > 1) { show(strings.importNewer, false); return; }
  // All or nothing: one unreadable record and the whole copy is refused, so nothing half-applies.
  const { records, ok } = parse(text);
  if (!ok) { show(strings.importInvalid, false); return; }
  store.reload();
  const { records: merged, counts } = merge(store.records, records);
  const result = store.replaceAll(merged);
  if (result !== true) { notify(result === "full" ? strings.storageFull : strings.storageFailed); return; }
  refresh();
  form.reset();
  show(strings.importDone.replace("{added}", counts.added).replace("{updated}", counts.updated)
    .replace("{kept}", counts.kept), true);
}

async function exportProgress(kind) {
  store.reload();
  if (store.records.size === 0) { show(strings.exportEmpty, false); return; }
  const text = serialize(store.records);
  if (kind === "file") {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    link.download = `lockstep-progress-${new Date().toISOString().slice(0, 10)}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  } else {
    const box = document.getElementById("export-code");
    box.value = await encode(text);
    box.focus();
    box.select();
  }
}

document.getElementById("import-form")?.addEventListener("submit", (event) => {
  event.preventDefault();
  importProgress(event.target);
});
document.addEventListener("click", (event) => {
  const button = event.target.closest?.("[data-export]");
  if (button) exportProgress(button.dataset.export);
});
