// The static export's "/" (no server to read Accept-Language): go to the first of the
// browser's languages the site has, by exact tag, then by language ("pt-PT" -> pt-BR).
const choice = document.querySelector("[data-language-choice]");
if (choice) {
  const links = [...choice.querySelectorAll("a[hreflang]")];
  const tag = (link) => link.hreflang.toLowerCase();
  const pick = (wanted) => {
    const lower = wanted.toLowerCase();
    return links.find((link) => tag(link) === lower)
      || links.find((link) => tag(link).split("-")[0] === lower.split("-")[0]);
  };
  const link = (navigator.languages || [navigator.language]).map(pick).find(Boolean);
  if (link) window.location.replace(link.href);
}
