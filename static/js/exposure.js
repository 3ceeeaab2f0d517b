// "What they can still see about me": narrowed on this device to the person's own apps (saved with
// their progress, never sent). Without a choice, or without JavaScript, every app is shown.
import { store } from "./checklist.js";

const page = document.querySelector("[data-exposure]");
const apps = store.prefs?.apps || [];
if (page && apps.length) {
  const sections = [...page.querySelectorAll("[data-app]")];
  const mine = sections.filter((section) => apps.includes(section.dataset.app));
  if (mine.length) {
    for (const section of sections) section.hidden = !mine.includes(section);
    page.querySelector("[data-exposure-all]").hidden = true;
    const note = page.querySelector("[data-exposure-mine]");
    note.hidden = false;
    note.querySelector("button").addEventListener("click", () => {
      for (const section of sections) section.hidden = false;
      note.hidden = true;
    });
  }
}
