// The export's 404.html standing in for a typed short link (/<locale>/g/whatsapp+signal/ios/),
// which the live server redirects: go to the guide it names, which checks the apps and platform
// with the same messages as the server. A host that does not serve 404.html shows its own error.
export function followShortLink() {
  const base = document.body.dataset.worker.replace(/sw\.js$/, "");
  const path = window.location.pathname;
  if (!path.startsWith(base)) return false;
  const match = /^([a-z-]+)\/g\/([^/]+)\/(?:([^/]+)\/)?$/.exec(path.slice(base.length));
  if (!match) return false;
  const [, locale, apps, platform] = match;
  const query = new URLSearchParams({ apps: decodeURIComponent(apps).split("+").join(",") });
  if (platform) query.set("platform", decodeURIComponent(platform));
  window.location.replace(`${base}${locale}/guide/?${query}`);
  return true;
}
