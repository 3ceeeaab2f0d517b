// Full addresses as the server writes them (webapp/addresses.py): the export's --public-url,
// else this host; the site's folder (--base-path) is where the service worker sits.
import { strings } from "./filters.js";

export const basePath = (document.body.dataset.worker || "/sw.js").replace(/sw\.js$/, "");

export function absolute(path) {
  return (strings.publicUrl || window.location.origin).replace(/\/$/, "") + path;
}

export function guidePath(locale, view = "") {
  return `${basePath}${locale}/guide/${view}`;
}
