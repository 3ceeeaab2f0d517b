// Progress lives in this browser's localStorage only; nothing here ever touches the network.
// Shape: {"version": 1, "steps": {"<step id>": {"id", "rev", "done", "at"}}}

export const KEY = "lockstep.progress.v1";
export const UNREADABLE_KEY = "lockstep.progress.unreadable";
export const VERSION = 1;
const ID = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

export function isRecord(id, value) {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    && value.id === id && ID.test(id)
    && Number.isInteger(value.rev) && value.rev >= 1
    && typeof value.done === "boolean"
    && typeof value.at === "string" && !Number.isNaN(Date.parse(value.at));
}

// Parse a stored or imported text. Never throws: returns the records it could read
// and what it could not, so a caller can keep both.
export function parse(text) {
  const records = new Map();
  const unreadable = {};
  if (text === null || text === undefined || text === "") return { records, unreadable, ok: true };
  let data;
  try { data = JSON.parse(text); } catch { return { records, unreadable: { raw: text }, ok: false }; }
  if (data === null || typeof data !== "object" || data.version !== VERSION
      || data.steps === null || typeof data.steps !== "object" || Array.isArray(data.steps)) {
    return { records, unreadable: { raw: text }, ok: false };
  }
  for (const [id, value] of Object.entries(data.steps)) {
    if (isRecord(id, value)) records.set(id, { id, rev: value.rev, done: value.done, at: value.at });
    else unreadable[id] = value;
  }
  return { records, unreadable, ok: Object.keys(unreadable).length === 0 };
}

export function serialize(records) {
  const steps = {};
  for (const [id, record] of [...records].sort(([a], [b]) => (a < b ? -1 : 1))) steps[id] = record;
  return JSON.stringify({ version: VERSION, steps });
}

// A tick counts only when it was made on the step's current revision.
export function stateOf(record, currentRev) {
  if (!record || !record.done) return "open";
  return record.rev >= currentRev ? "done" : "recheck";
}

export class ProgressStore {
  constructor(storage = window.localStorage) {
    this.storage = storage;
    this.problem = false;
    this.reload();
  }

  reload() {
    let text = null;
    try { text = this.storage.getItem(KEY); } catch { this.problem = true; }
    const { records, unreadable, ok } = parse(text);
    this.records = records;
    if (!ok) {
      this.problem = true;
      this.#setAside(unreadable);
    }
  }

  // Anything we could not read is moved aside, never deleted, so a later version
  // (or a person with a text editor) can still recover it.
  #setAside(unreadable) {
    try {
      const previous = JSON.parse(this.storage.getItem(UNREADABLE_KEY) || "[]");
      const list = Array.isArray(previous) ? previous : [previous];
      list.push({ at: new Date().toISOString(), data: unreadable });
      this.storage.setItem(UNREADABLE_KEY, JSON.stringify(list));
      this.storage.setItem(KEY, serialize(this.records));
    } catch { /* storage unavailable: keep the original untouched */ }
  }

  get(id) { return this.records.get(id); }

  set(id, rev, done) {
    this.records.set(id, { id, rev, done, at: new Date().toISOString() });
    return this.#save();
  }

  replaceAll(records) {
    const previous = this.records;
    this.records = records;
    const saved = this.#save();
    if (saved !== true) this.records = previous;  // a failed write leaves the old ticks in place
    return saved;
  }

  clear(predicate = () => true) {
    for (const id of [...this.records.keys()]) if (predicate(id)) this.records.delete(id);
    return this.#save();
  }

  // true, or "full" when the device is out of quota, or false for any other refusal.
  #save() {
    try {
      this.storage.setItem(KEY, serialize(this.records));
      return true;
    } catch (error) {
      return error?.name === "QuotaExceededError" ? "full" : false;
    }
  }
}

// Merge imported records into the store's: for each step the newer tick wins.
// Returns counts for the message shown to the person; never deletes anything.
export function merge(current, imported) {
  const result = new Map(current);
  const counts = { added: 0, updated: 0, kept: 0 };
  for (const [id, record] of imported) {
    const mine = result.get(id);
    if (!mine) { result.set(id, record); counts.added += 1; }
    else if (Date.parse(record.at) > Date.parse(mine.at)) { result.set(id, record); counts.updated += 1; }
    else counts.kept += 1;
  }
  return { records: result, counts };
}
