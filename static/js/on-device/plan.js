// The export's session plan: the agenda of the chosen apps, in their order (applyGuide), timed
// from the chosen platform's steps, with the total and the lead sentence counted again here.
import { strings } from "./filters.js";
import { plural } from "./guide-query.js";

export function applyPlan(view, guide) {
  const lang = document.documentElement.lang;
  const numbers = new Intl.NumberFormat(lang, { numberingSystem: document.body.dataset.numbering || "latn" });
  let total = [...view.querySelectorAll("td[data-minutes]")].reduce((sum, cell) => sum + Number(cell.dataset.minutes), 0);
  const names = [];
  for (const row of view.querySelectorAll("tr[data-guide-app]:not([hidden])")) {
    let minutes = 0;
    for (const step of row.querySelectorAll(".plan-step")) {
      step.hidden = Boolean(guide.platform) && !step.dataset.platforms.split(" ").includes(guide.platform);
      if (!step.hidden) minutes += Number(step.dataset.minutes);
    }
    row.querySelector("[data-app-minutes]").textContent = numbers.format(minutes);
    total += minutes;
    names.push(row.dataset.appName);
  }
  view.querySelector("[data-plan-total]").textContent = numbers.format(total);
  view.querySelector("[data-plan-lead]").textContent = plural(strings.planLead, total, { num: numbers.format(total), apps: names.join(", ") });
  const title = view.querySelector("[data-plan-title]");
  if (title) title.hidden = !guide.title;
  if (guide.title) document.title = `${document.title.split(":")[0]}: ${guide.title} · Lockstep`;
}
