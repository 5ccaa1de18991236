// A case opened from a list of this site (results, a theme) offers the way back to that list, with its search, filters
// and page, instead of the home page. A case opened from another case (« Exemples proches ») keeps the list the reader
// came from: the browser's back button already returns to the previous case, and a reader going from case to related
// case expects this link to lead back to the search, not to lose it one hop later. The list is kept for the tab
// (sessionStorage) and only read when the page before was a case, so a case reached from elsewhere (a link shared, a
// search engine, an address typed) still leads to every case; so does it without JavaScript. The labels are the page's.
// The way back lands on the result the reader opened (its anchor, #cas-<slug>), not on the top of the list: the case
// opened from the list, even after related cases.
(() => {
  const link = document.querySelector("a[data-back]");
  if (!link) return;
  const key = "impact-alliances.back";
  let from = null;
  try { from = document.referrer ? new URL(document.referrer) : null; } catch { /* not a URL: from elsewhere */ }
  if (from && from.origin !== location.origin) from = null;
  const isList = from && (from.pathname === "/" && from.search || from.pathname.startsWith("/themes/"));
  const opened = isList ? from.pathname + from.search + "#cas-" + location.pathname.slice("/exemples/".length) : null;
  let list = null;
  try {
    list = opened ?? (from && from.pathname.startsWith("/exemples/") ? sessionStorage.getItem(key) : null);
    if (list) sessionStorage.setItem(key, list); else sessionStorage.removeItem(key);
  } catch {
    // Storage refused (private mode, a policy): the list of the page before, if it was one, still serves.
    list = opened;
  }
  if (!list) return;
  link.href = list;
  link.textContent = list.startsWith("/themes/") ? link.dataset.backTheme : link.dataset.backResults;
})();
