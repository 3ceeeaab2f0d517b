// The export's compare page: ?need= applied to the table it carries (every app), as the
// server's filter does: known needs only, every ticked need must be met.
import { plural } from "./guide-query.js";
import { strings } from "./filters.js";

export function applyNeeds(form, params) {
  const known = [...form.querySelectorAll('input[name="need"]')].map((box) => box.value);
  const needs = params.getAll("need").filter(Boolean);
  if (needs.some((need) => !known.includes(need)) || needs.length > known.length * 2) {
    const error = form.querySelector("[data-query-error]");
    error.textContent = strings.unknownNeed;
    error.hidden = false;
    return;
  }
  for (const box of form.querySelectorAll('input[name="need"]')) box.checked = needs.includes(box.value);
  const rows = [...document.querySelectorAll("#compare-table tr[data-meets]")];
  for (const row of rows) row.hidden = !needs.every((need) => row.dataset.meets.split(" ").includes(need));
  const shown = rows.filter((row) => !row.hidden).length;
  const count = document.querySelector("[data-compare-count]");
  const format = new Intl.NumberFormat(document.documentElement.lang, { numberingSystem: "latn" });
  if (count) count.textContent = plural(strings.compareCount, shown, { num: format.format(shown), total: format.format(rows.length) });
  const table = document.querySelector("#compare-table .table-scroll");
  if (table) table.hidden = shown === 0;
  const empty = document.querySelector("[data-compare-empty]");
  if (empty) empty.hidden = shown > 0;
}
