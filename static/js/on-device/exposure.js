// "What they can still see", as the worker's copy: each app's claims are copied from the app's
// saved page, which lists the same claims (partials/claims.html), instead of a second saved copy.
// An app page this device has not saved keeps its notice and link.
export async function fillClaims(article) {
  await Promise.all([...article.querySelectorAll("[data-claims-from]")].map(async (slot) => {
    try {
      const response = await fetch(slot.dataset.claimsFrom);
      if (!response.ok) return;
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const claims = page.querySelector(".collectible .claims");
      if (claims) slot.replaceWith(document.importNode(claims, true));
    } catch { /* not saved: the notice stays */ }
  }));
}
