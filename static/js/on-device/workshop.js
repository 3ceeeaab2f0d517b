// The export's workshop builder: the GET form comes back to this same file with its query;
// the page checks it as the server's form does and shows the link, its QR code and the views.
import { strings } from "./filters.js";
import { cleanTitle, guideQuery, MAX_TITLE_LENGTH } from "./guide-query.js";
import { absolute, guidePath } from "./links.js";

function fieldError(form, name, message) {
  const fieldset = form.querySelector(`[name="${name}"]`)?.closest("fieldset, .field");
  const error = document.createElement("span");
  error.className = "field-error";
  error.textContent = message;
  fieldset?.querySelector("legend, label")?.after(error);
}

export function buildWorkshop(result) {
  const params = new URLSearchParams(window.location.search);
  const form = document.querySelector("form.workshop-form");
  if (!form || !(params.has("apps") || params.has("submit"))) return;
  const known = [...form.querySelectorAll('input[name="apps"]')].map((box) => box.value);
  const chosen = params.getAll("apps");
  for (const box of form.querySelectorAll('input[name="apps"]')) box.checked = chosen.includes(box.value);
  const platforms = [...form.querySelectorAll('input[name="platform"]')].map((radio) => radio.value);
  const platform = params.get("platform") || "";
  for (const radio of form.querySelectorAll('input[name="platform"]')) radio.checked = radio.value === platform;
  const languages = [...form.querySelectorAll('select[name="language"] option')].map((option) => option.value);
  const language = params.get("language") || document.body.dataset.locale;
  form.querySelector('select[name="language"]').value = language;
  const title = cleanTitle(params.get("title") || "");
  form.querySelector('input[name="title"]').value = title;

  const apps = known.filter((id) => chosen.includes(id));
  let valid = true;
  if (!apps.length) { fieldError(form, "apps", strings.chooseApp); valid = false; }
  if ([...title].length > MAX_TITLE_LENGTH) { fieldError(form, "title", strings.guideTitle); valid = false; }
  if (!platforms.includes(platform) || !languages.includes(language)) { fieldError(form, "platform", strings.unknownPlatform); valid = false; }
  if (!valid) return;

  const query = guideQuery({ apps, platform, title });
  const shareUrl = absolute(guidePath(language) + query);
  result.querySelector("#share-url").value = shareUrl;
  const titleSlot = result.querySelector("[data-result-title]");
  titleSlot.textContent = title;  // text only, never markup
  titleSlot.hidden = !title;
  const views = { share_url: shareUrl, projector_url: guidePath(language, "projector/") + query,
                  handout_url: guidePath(language, "handout/") + query, booklet_url: guidePath(language, "print/") + query,
                  plan_url: guidePath(language, "plan/") + query };
  for (const link of result.querySelectorAll("[data-result-link]")) link.href = views[link.dataset.resultLink];
  import("./qr.js").then(({ fillQr }) => fillQr("builder", shareUrl));
  result.hidden = false;
}
