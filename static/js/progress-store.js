// Progress lives in this browser's localStorage only; nothing here ever touches the network.
// Shape (version 2): {"version": 2, "prefs": {"apps": [...], "platform": "ios"|null, "at"},
//   "steps": {"<step id>": {"id", "rev", "state", "done", "at"}}}
// Version 1 had no prefs and no state ({"id", "rev", "done", "at"}); it is read and migrated.
// Every map keyed by data from storage is a Map or a null-prototype object, so keys such as
// "__proto__" or "constructor" are data like any other and are never lost.

export const KEY = "lockstep.progress.v1";  // the key's name is historical; the version is inside
export const UNREADABLE_KEY = "lockstep.progress.unreadable";
export const VERSION = 2;
export const STATES = ["open", "done", "skipped", "not-for-me"];
export const PLATFORMS = ["android", "ios", "web", "desktop"];  // webapp/catalog/vocab.py (a test keeps them equal)
export const CLOCK_SKEW_MS = 60 * 60 * 1000;  // an `at` up to an hour ahead of this clock is another device's clock
const ID = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const SLUG = /^[a-z0-9-]+$/;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/;

const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

// A real instant written by toISOString(), not later than now plus a little clock skew.
export function isInstant(value, now = Date.now()) {
  if (typeof value !== "string" || !ISO.test(value)) return false;
  const time = Date.parse(value);
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 19) !== value.slice(0, 19)) return false;
  return time <= now + CLOCK_SKEW_MS;
}

// A record as stored, of either version; returns the version-2 record or null.
const RECORD_KEYS = { 1: ["id", "rev", "done", "at"], 2: ["id", "rev", "state", "done", "at"] };
const PREFS_KEYS = ["apps", "platform", "at"];
const TOP_KEYS = ["version", "prefs", "steps"];

// Only the keys a version defines: a key this code would not write back is not silently dropped.
const onlyKeys = (object, keys) => Object.keys(object).every((key) => keys.includes(key));

export function readRecord(id, value, version = VERSION) {
  if (!isObject(value) || !ID.test(id) || value.id !== id || !onlyKeys(value, RECORD_KEYS[version])) return null;
  if (!Number.isSafeInteger(value.rev) || value.rev < 1 || !isInstant(value.at)) return null;
  if (typeof value.done !== "boolean") return null;
  let state = value.done ? "done" : "open";
  if (version >= 2) {
    if (!STATES.includes(value.state) || value.done !== (value.state === "done")) return null;
    state = value.state;
  }
  return { id, rev: value.rev, state, done: state === "done", at: value.at };
}

function readPrefs(value, aside) {
  const prefs = { apps: [], platform: null, at: null };
  if (value === undefined) return prefs;
  if (!isObject(value)) { aside.prefs = value; return prefs; }
  if (Array.isArray(value.apps)) {
    const bad = value.apps.filter((app) => typeof app !== "string" || !SLUG.test(app));
    if (bad.length) aside["prefs.apps"] = bad;
    prefs.apps = [...new Set(value.apps.filter((app) => !bad.includes(app)))];
  } else if (value.apps !== undefined) aside["prefs.apps"] = value.apps;
  if (value.platform === null || value.platform === undefined || PLATFORMS.includes(value.platform)) {
    prefs.platform = value.platform ?? null;
  } else aside["prefs.platform"] = value.platform;
  if (isInstant(value.at)) prefs.at = value.at;
  else if (value.at !== null && value.at !== undefined) aside["prefs.at"] = value.at;
  for (const key of Object.keys(value)) if (!PREFS_KEYS.includes(key)) aside[`prefs.${key}`] = value[key];
  return prefs;
}

// Parse a stored or imported text. Never throws: returns what it could read and, in a
// null-prototype object, everything it could not, so a caller can keep both.
export function parse(text) {
  const records = new Map();
  const unreadable = Object.create(null);
  const prefs = { apps: [], platform: null, at: null };
  const result = (ok) => ({ records, prefs, unreadable, ok, aside: Object.keys(unreadable).length });
  if (text === null || text === undefined || text === "") return result(true);
  let data;
  try { data = JSON.parse(text); } catch { unreadable.raw = text; return result(false); }
  if (!isObject(data) || !(data.version === 1 || data.version === VERSION) || !isObject(data.steps)) {
    unreadable.raw = text;
    return result(false);
  }
  for (const id of Object.keys(data.steps)) {
    const record = readRecord(id, data.steps[id], data.version);
    if (record) records.set(id, record);
    else unreadable[id] = data.steps[id];
  }
  if (data.version >= 2) Object.assign(prefs, readPrefs(own(data, "prefs") ? data.prefs : undefined, unreadable));
  for (const key of Object.keys(data)) if (!TOP_KEYS.includes(key)) unreadable[`top.${key}`] = data[key];
  return result(Object.keys(unreadable).length === 0);
}

export function serialize(records, prefs = { apps: [], platform: null, at: null }) {
  const steps = {};  // ids passed the ID pattern, so no key here can be "__proto__"
  for (const [id, record] of [...records].sort(([a], [b]) => (a < b ? -1 : 1))) steps[id] = record;
  return JSON.stringify({ version: VERSION, prefs, steps });
}

// "done" counts only when it was made on the step's current revision.
export function stateOf(record, currentRev) {
  if (!record) return "open";
  if (record.state === "done") return record.rev >= currentRev ? "done" : "recheck";
  return record.state;
}

export class ProgressStore {
  constructor(storage = window.localStorage) {
    this.storage = storage;
    this.reload();
  }

  // `problem`: null, or {kept, aside} when something was set aside at this load, or
  // {kept, aside, stuck: true} when it could not be set aside (then nothing is ever written).
  reload() {
    let text = null;
    this.problem = null;
    this.stuck = false;
    try { text = this.storage.getItem(KEY); } catch { this.stuck = true; }  // unreadable storage: never overwrite it
    const { records, prefs, unreadable, ok, aside } = parse(text);
    this.records = records;
    this.prefs = prefs;
    if (!ok) {
      this.stuck = !this.#setAside(unreadable);
      this.problem = { kept: records.size, aside, stuck: this.stuck };
    }
  }

  // Anything we could not read is moved aside, never deleted, so a later version (or a person
  // with a text editor) can still recover it. If it cannot be moved aside, the original stays.
  #setAside(unreadable) {
    try {
      const list = this.setAside();
      const entry = { at: new Date().toISOString(), data: unreadable, seen: false };
      const last = list[list.length - 1];
      if (!last || JSON.stringify(last.data) !== JSON.stringify(unreadable)) list.push(entry);
      this.storage.setItem(UNREADABLE_KEY, JSON.stringify(list));
    } catch { return false; }
    try { this.storage.setItem(KEY, serialize(this.records, this.prefs)); } catch { /* kept aside; rewritten later */ }
    return true;
  }

  // The list of set-aside entries, oldest first. Something that is not a list is kept as one entry.
  setAside() {
    const text = this.storage.getItem(UNREADABLE_KEY);
    if (!text) return [];
    let list;
    try { list = JSON.parse(text); } catch { return [{ at: null, data: { raw: text }, seen: false }]; }
    return Array.isArray(list) ? list : [list];
  }

  // Entries set aside that the person has not dismissed yet (the notice stays until then).
  unseenAside() {
    try { return this.setAside().filter((entry) => !entry?.seen); } catch { return []; }
  }

  markAsideSeen() {
    try {
      const list = this.setAside().map((entry) => (isObject(entry) ? { ...entry, seen: true } : entry));
      this.storage.setItem(UNREADABLE_KEY, JSON.stringify(list));
      return true;
    } catch { return false; }
  }

  // The person's explicit choice, after a confirmation. Frees room, so a stuck load is retried.
  discardAside() {
    try { this.storage.removeItem(UNREADABLE_KEY); } catch { return false; }
    if (this.stuck) this.reload();
    return true;
  }

  get(id) { return this.records.get(id); }

  set(id, rev, state) {
    if (!STATES.includes(state)) throw new Error(`unknown state ${state}`);
    const previous = this.records.get(id);
    this.records.set(id, { id, rev, state, done: state === "done", at: new Date().toISOString() });
    const saved = this.#save();
    if (saved !== true) {
      if (previous) this.records.set(id, previous); else this.records.delete(id);
    }
    return saved;
  }

  setPrefs(change) {
    const previous = this.prefs;
    this.prefs = { ...this.prefs, ...change, at: new Date().toISOString() };
    const saved = this.#save();
    if (saved !== true) this.prefs = previous;
    return saved;
  }

  replaceAll(records, prefs = this.prefs) {
    const previous = [this.records, this.prefs];
    [this.records, this.prefs] = [records, prefs];
    const saved = this.#save();
    if (saved !== true) [this.records, this.prefs] = previous;  // a failed write leaves the old ticks in place
    return saved;
  }

  clear(predicate = () => true) {
    const previous = new Map(this.records);
    for (const id of [...this.records.keys()]) if (predicate(id)) this.records.delete(id);
    const saved = this.#save();
    if (saved !== true) this.records = previous;
    return saved;
  }

  // true; "stuck" when unreadable data could not be set aside (writing would drop it);
  // "full" when the device is out of quota; false for any other refusal.
  #save() {
    if (this.stuck) return "stuck";
    try {
      this.storage.setItem(KEY, serialize(this.records, this.prefs));
      return true;
    } catch (error) {
      return error?.name === "QuotaExceededError" ? "full" : false;
    }
  }
}

// Merge imported records into the store's: for each step the newer record wins; apps are
// joined, and the newer platform choice wins. Returns counts; never deletes anything.
export function merge(current, imported, currentPrefs = null, importedPrefs = null) {
  const result = new Map(current);
  const counts = { added: 0, updated: 0, kept: 0 };
  for (const [id, record] of imported) {
    const mine = result.get(id);
    if (!mine) { result.set(id, record); counts.added += 1; }
    else if (Date.parse(record.at) > Date.parse(mine.at)) { result.set(id, record); counts.updated += 1; }
    else counts.kept += 1;
  }
  const base = currentPrefs || { apps: [], platform: null, at: null };
  const other = importedPrefs || { apps: [], platform: null, at: null };
  const newer = other.at && (!base.at || Date.parse(other.at) > Date.parse(base.at));
  const prefs = {
    apps: [...new Set([...base.apps, ...other.apps])],
    platform: (newer && other.platform) || base.platform || other.platform || null,
    at: newer ? other.at : base.at,
  };
  return { records: result, prefs, counts };
}
