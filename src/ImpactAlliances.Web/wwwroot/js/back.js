// A case opened from a list of this site (results, a theme) offers the way back to that list, with its search, filters
// and page, instead of the home page; without JavaScript, or reached from elsewhere, the link stays « Tous les exemples ».
(() => {
  const link = document.querySelector("a[data-back]");
  if (!link || !document.referrer) return;
  let from;
  try { from = new URL(document.referrer); } catch { return; }
  if (from.origin !== location.origin) return;
  const label = from.pathname === "/" && from.search ? "Retour aux résultats"
    : from.pathname.startsWith("/themes/") ? "Retour au thème"
    : null;
  if (!label) return;
  link.href = from.pathname + from.search;
  link.textContent = label;
})();
