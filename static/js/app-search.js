// Home page: filter the app cards as you type. Without JavaScript the same form filters on the
// server (?q=); with it, the button is not needed and the list answers at once.
const input = document.querySelector("[data-app-search]");
if (input) {
  for (const element of document.querySelectorAll("[data-no-js-only]")) element.hidden = true;
  const cards = [...document.querySelectorAll("[data-app-card]")];
  const empty = document.querySelector("[data-search-empty]");
  const filter = () => {
    const query = input.value.trim().toLowerCase();
    let shown = 0;
    for (const card of cards) {
      card.hidden = Boolean(query) && !card.dataset.search.includes(query);
      if (!card.hidden) shown += 1;
    }
    for (const list of document.querySelectorAll(".app-list")) {
      const heading = list.previousElementSibling;
      const visible = [...list.children].some((card) => !card.hidden);
      list.hidden = !visible;
      if (heading?.classList.contains("app-group")) heading.hidden = !visible;
    }
    if (empty) empty.hidden = shown > 0;
  };
  input.addEventListener("input", filter);
  input.form?.addEventListener("submit", (event) => { event.preventDefault(); filter(); });
}
