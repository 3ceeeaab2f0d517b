// Export and import of progress on the /progress/ page. Everything happens in this browser:
// the code and the file are made and read locally and never sent anywhere.
import { merge, parse, serialize, VERSION } from "./progress-store.js";
import { notify, refresh, store, strings } from "./checklist.js";

const PREFIX = "LS1-";           // format of the text code (the JSON inside carries its own version)
export const MAX_BYTES = 256 * 1024;  // far above any real progress; anything bigger is not ours

class TooLarge extends Error {}

// Text code: the stored JSON, deflated and base64url-encoded, so it fits in a chat message.
async function encode(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return PREFIX + btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

// Inflate chunk by chunk and stop as soon as the output passes the limit: a small code that
// inflates to hundreds of megabytes is refused after MAX_BYTES, not after it has filled memory.
// The input is fed in small slices, on demand: deflate packs up to ~1000:1, so one slice can never
// make more than about a megabyte of output before the count below sees it.
const SLICE = 1024;

export async function inflate(bytes, limit = MAX_BYTES) {
  let offset = 0;
  const input = new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) { controller.close(); return; }
      controller.enqueue(bytes.subarray(offset, offset + SLICE));
      offset += SLICE;
    },
  }, { highWaterMark: 0 });
  const reader = input.pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) { await reader.cancel(); throw new TooLarge(); }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: true }).decode(await new Blob(chunks).arrayBuffer());
}

export async function decode(code) {
  const base64 = code.slice(PREFIX.length).replace(/\s+/g, "").replaceAll("-", "+").replaceAll("_", "/");
  const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
  return inflate(bytes);
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
  try { return await decode(code); } catch (error) {
    throw new Error(error instanceof TooLarge ? "importTooLarge" : "importInvalid");
  }
}

// All or nothing: one record that is not valid (id, rev, date, state) or a bad "my apps" or
// platform, and the whole copy is refused, so nothing half-applies. Returns the reason or the parse.
export function checkImport(text) {
  if (text.length > MAX_BYTES) return { error: "importTooLarge" };
  let version;
  try { version = JSON.parse(text)?.version; } catch { /* parse() below reports it */ }
  if (Number.isInteger(version) && version > VERSION) return { error: "importNewer" };
  const parsed = parse(text);
  if (!parsed.ok) return { error: "importInvalid" };
  return parsed;
}

async function importProgress(form) {
  let text;
  try { text = await readImport(form); } catch (error) { show(strings[error.message], false); return; }
  const checked = checkImport(text);
  if (checked.error) { show(strings[checked.error], false); return; }
  store.reload();
  const { records, prefs, counts } = merge(store.records, checked.records, store.prefs, checked.prefs);
  const result = store.replaceAll(records, prefs);
  if (result !== true) {
    notify(result === "full" ? strings.storageFull : result === "stuck" ? strings.storageStuck : strings.storageFailed);
    return;
  }
  refresh();
  form.reset();
  show(strings.importDone.replace("{added}", counts.added).replace("{updated}", counts.updated)
    .replace("{kept}", counts.kept), true);
}

async function exportProgress(kind) {
  store.reload();
  if (store.records.size === 0 && store.prefs.apps.length === 0 && !store.prefs.platform) {
    show(strings.exportEmpty, false);
    return;
  }
  const text = serialize(store.records, store.prefs);
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
