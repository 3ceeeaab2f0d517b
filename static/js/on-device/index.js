// The static export's pages apply their query on the device: filters and guides from what the
// page carries, walkthroughs from the page that lists their steps, QR codes drawn here.
// Runs before offline.js reads what to save (a guide's walkthrough and print views).
import { refresh } from "../checklist.js";
import { applyNeeds } from "./compare.js";
import { applyGuide, applyPlatform } from "./filters.js";
import { guidePath, absolute } from "./links.js";
import { buildWalk } from "./walk.js";
import { guideQuery } from "./guide-query.js";

const params = new URLSearchParams(window.location.search);
const locale = document.body.dataset.locale;

for (const note of document.querySelectorAll("[data-needs-script]")) {
  if (!note.closest('[data-on-device="walk"]')) note.hidden = true;
}

if (applyPlatform(document, params)) refresh();

const guide = applyGuide(document, params);
if (guide && !guide.error) {
  const query = guideQuery(guide.guide);
  const shareUrl = absolute(guidePath(locale) + query);
  // The QR library loads only where a code is drawn; offline without it the page still reads.
  if (document.querySelector("[data-device-qr]")) {
    import("./qr.js").then(({ fillQr }) => {
      fillQr("share", shareUrl);
      fillQr("print", shareUrl);
      fillQr("guide", absolute(guidePath(locale) + guideQuery({ ...guide.guide, title: "" })));
    }).catch(() => {});
  }
  for (const slot of document.querySelectorAll(".handout__url, .print-header__url")) slot.textContent = shareUrl;
  for (const slot of document.querySelectorAll(".projector__url")) {
    slot.textContent = absolute(guidePath(locale) + guideQuery({ ...guide.guide, title: "" })).split("://")[1];
  }
  if (guide.title) document.title = `${guide.title} · Lockstep`;
  // Opening a guide saves its walkthrough and print views for offline use.
  const article = document.querySelector(".guide[data-offline-urls]");
  if (article) {
    const walk = guide.steps.map((_, i) => guidePath(locale, i ? `walk/${i + 1}/` : "walk/") + query);
    const views = ["print/", "handout/", "projector/"].map((view) => guidePath(locale, view) + query);
    const qrLibrary = new URL("../../vendor/qrcode-generator-2.0.4.esm.js", import.meta.url).pathname;
    article.dataset.offlineUrls = [...walk, ...views, qrLibrary, new URL("./qr.js", import.meta.url).pathname].join(" ");
    // This module may load after offline.js asked the worker: ask again with this guide's needs.
    navigator.serviceWorker?.ready.then((registration) => registration.active?.postMessage({
      type: "precache", locale, url: window.location.pathname + window.location.search,
      urls: article.dataset.offlineUrls.split(" ") })).catch(() => {});
  }
  const plan = document.querySelector("[data-plan]");
  if (plan) import("./plan.js").then(({ applyPlan }) => applyPlan(plan, guide.guide));
  refresh();
}

const walk = document.querySelector('#walk[data-on-device="walk"]');
if (walk) buildWalk(walk);

const result = document.querySelector('[data-on-device="workshop"]');
if (result) import("./workshop.js").then(({ buildWorkshop }) => buildWorkshop(result));

if (document.querySelector('[data-on-device="short-link"]')) import("./short-link.js").then(({ followShortLink }) => followShortLink());

const exposure = document.querySelector('[data-on-device="exposure"]');
if (exposure) import("./exposure.js").then(({ fillClaims }) => fillClaims(exposure));

const compare = document.querySelector('form[data-on-device="compare"]');
if (compare) applyNeeds(compare, params);

export function applyPlatformLink(link) {
  window.history.pushState({}, "", link.getAttribute("href"));
  applyPlatform(document, new URLSearchParams(window.location.search));
  refresh();
}
