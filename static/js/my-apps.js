// "My apps" and "my platform": chosen once, saved on this device with the progress (never sent),
// and used to put the person's apps first on the home page and to count steps for their platform.
import { element, fill, notify, refresh, saved, store, strings } from "./checklist.js";

// Put a card back in its server-rendered group, at its server-rendered position.
function home(card) {
  const group = document.querySelector(`[data-app-home="${card.dataset.home}"]`);
  if (!group || card.parentElement === group) return;
  const order = JSON.parse(group.dataset.order || "[]");
  const next = [...group.children].find((c) => order.indexOf(c.dataset.appCard) > order.indexOf(card.dataset.appCard));
  group.insertBefore(card, next || null);
}

// The form, built where the page has its empty placeholder (the app page's checklist, also
// after htmx swaps it, and the home page), in the page's language.
function buildChoices() {
  const texts = strings.myChoices || {};
  for (const form of document.querySelectorAll("form[data-my-choices]:empty")) {
    const app = form.dataset.myChoices;
    if (app) {
      const button = element("button", "button button--quiet", (texts.iUse || "").replace("{app}", form.dataset.appName));
      button.type = "button";
      button.dataset.myApp = app;
      button.setAttribute("aria-pressed", "false");
      form.append(button);
    }
    const field = element("p", "field field--inline");
    const label = element("label", null, texts.platform);
    const select = element("select");
    select.id = label.htmlFor = app ? `my-platform-${app}` : "my-platform";
    select.dataset.myPlatform = "";
    select.append(new Option(texts.noPlatform, ""),
      ...Object.entries(texts.platforms || {}).map(([code, name]) => new Option(name, code)));
    field.append(label, " ", select);
    const note = element("p", "my-choices__note", texts.note);
    form.append(field, note);
    form.hidden = false;
  }
}

function showChoices() {
  buildChoices();
  for (const group of document.querySelectorAll("[data-app-home]")) {
    group.dataset.order ||= JSON.stringify([...group.children].map((c) => c.dataset.appCard));
  }
  const { apps, platform } = store.prefs;
  for (const select of document.querySelectorAll("select[data-my-platform]")) select.value = platform || "";
  for (const button of document.querySelectorAll("button[data-my-app]")) {
    button.setAttribute("aria-pressed", String(apps.includes(button.dataset.myApp)));
  }
  // Home: the person's apps, in the order they picked them, in their own list at the top.
  const mine = document.querySelector("[data-my-apps]");
  if (!mine) return;
  const list = mine.querySelector("ul");
  const cards = [...document.querySelectorAll("li[data-app-card]")];
  for (const card of cards) card.dataset.home ||= card.parentElement.dataset.appHome;
  for (const card of cards) {
    if (!apps.includes(card.dataset.appCard)) home(card);  // back where the server put it
  }
  for (const id of apps) {
    const card = cards.find((c) => c.dataset.appCard === id);
    if (card) list.append(card);  // an app no longer on Lockstep is kept in storage, shown nowhere
  }
  mine.hidden = list.children.length === 0;
  // A saved app this version does not know (removed, or typed by hand): kept, not shown, and said once.
  const unknown = apps.filter((id) => !cards.some((c) => c.dataset.appCard === id)).length;
  const notice = document.getElementById("progress-notice");
  if (unknown && notice?.hidden && !showChoices.told) {
    showChoices.told = true;
    notify(fill(strings.unknownApps, { count: unknown }));
  }
  for (const group of document.querySelectorAll("[data-app-home]")) {
    group.hidden = group.children.length === 0;
    if (group.previousElementSibling?.classList.contains("app-group")) group.previousElementSibling.hidden = group.hidden;
  }
}

document.addEventListener("change", (event) => {
  const select = event.target.closest?.("select[data-my-platform]");
  if (!select) return;
  saved(store.setPrefs({ platform: select.value || null }));  // ticks are never touched
  refresh();
});

document.addEventListener("click", (event) => {
  const button = event.target.closest?.("button[data-my-app]");
  if (!button) return;
  const id = button.dataset.myApp;
  const apps = store.prefs.apps.includes(id) ? store.prefs.apps.filter((a) => a !== id) : [...store.prefs.apps, id];
  saved(store.setPrefs({ apps }));
  refresh();
});

document.addEventListener("lockstep:refreshed", showChoices);
showChoices();
