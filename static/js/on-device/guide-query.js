// A guide's query (?apps=…&platform=…&title=…) read in the browser exactly as webapp/guide.py
// reads it on the server: same limits, same cleaning, same canonical link.
import { pluralForm } from "../checklist.js";

export const MAX_TITLE_LENGTH = 80;
const MAX_APPS_LENGTH = 300;

// Control and format characters (bidi overrides included) go; whitespace collapses to one space.
export function cleanTitle(raw) {
  return (raw || "").replace(/[\p{C}]/gu, (ch) => (ch === " " ? ch : "")).split(/\s+/u).filter(Boolean).join(" ");
}

// Python's str.split() also splits on these; \p{C} already removed the rest.
export function readGuide(params, knownIds) {
  const raw = params.getAll("apps").join(",");
  if (raw.length > MAX_APPS_LENGTH) return { error: "guideTooLong" };
  const ids = [...new Set(raw.split(",").map((part) => part.trim().toLowerCase()).filter(Boolean))];
  const apps = ids.filter((id) => knownIds.includes(id));
  const unknown = ids.filter((id) => !knownIds.includes(id));
  if (!apps.length) return { error: "guideEmpty" };
  const title = cleanTitle(params.get("title") || "");
  if ([...title].length > MAX_TITLE_LENGTH) return { error: "guideTitle" };
  return { apps, unknown, title };
}

// The one platform filter: absent or empty is every platform; anything else must be known.
export function readPlatform(params, known) {
  const values = params.getAll("platform");
  if (!values.length || (values.length === 1 && values[0] === "")) return { platform: null };
  if (values.length > 1 || !known.includes(values[0])) return { error: "unknownPlatform" };
  return { platform: values[0] };
}

// Werkzeug's query encoding (urlencode with safe "!$'()*,/:;?@", spaces as "+"), so a link
// made here is byte for byte the link the server makes, and so is its QR code.
const KEEP = { "%24": "$", "%2C": ",", "%2F": "/", "%3A": ":", "%3B": ";", "%3F": "?", "%40": "@" };
export function encode(value) {
  return encodeURIComponent(value).replace(/%20/g, "+").replace(/%(24|2C|2F|3A|3B|3F|40)/gi, (m) => KEEP[m.toUpperCase()]);
}

export function guideQuery({ apps, platform, title }) {
  const pairs = [["apps", apps.join(",")], ["platform", platform || ""], ["title", title || ""]];
  const query = pairs.filter(([, value]) => value).map(([key, value]) => `${key}=${encode(value)}`).join("&");
  return query ? `?${query}` : "";
}

export function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (match, key) => (key in values ? values[key] : match));
}

// A pluralized message from on_device.plural_templates, its form picked as the progress texts'.
export function plural(templates, count, values) {
  return fill(pluralForm(templates, count), values);
}
