// Search forms and the filters drawer. Progressive enhancement: without this script the forms still work
// (the page redirects a URL with empty fields to its clean form) and the drawer opens by :target.
(() => {
  "use strict";

  // A GET form leaves out its empty fields, and a ticked box that is ticked by default (data-default-checked)
  // leaves out its value and the hidden "unticked" value sent before it: shared URLs hold only what was chosen.
  const cleanUrl = (form) => {
    const skip = new Set(Array.from(form.elements)
      .filter((e) => e.type === "checkbox" && e.hasAttribute("data-default-checked") && e.checked)
      .map((e) => e.name));
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (!skip.has(name) && typeof value === "string" && value.trim() !== "") params.append(name, value);
    }
    const url = new URL(form.action);
    url.search = params.toString();
    return url;
  };

  const drawer = document.getElementById("filtres");
  const opener = document.querySelector(".filters-jump");
  const phone = window.matchMedia("(max-width: 820px)");
  const isOpen = () => drawer !== null && phone.matches && window.location.hash === "#filtres";

  document.querySelectorAll("form[method=get]").forEach((form) => {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const url = cleanUrl(form);
      // Years applied from inside the open drawer: it stays open on the new page, with the new counts.
      if (isOpen() && drawer.contains(document.activeElement)) url.hash = "filtres";
      window.location.assign(url);
    });
  });

  if (!drawer || !opener) return;
  const title = document.getElementById("filters-title");
  // While the drawer covers the page, what lies under it is out of reach of Tab and of screen readers.
  const behind = [".site-header", ".skip-link", ".search-form", ".results", ".site-footer"]
    .map((selector) => document.querySelector(selector)).filter(Boolean);

  const sync = (moveFocus) => {
    const open = isOpen();
    behind.forEach((element) => { element.inert = open; });
    if (!moveFocus) return;
    if (open) title.focus();
    else if (drawer.contains(document.activeElement) || document.activeElement === document.body) opener.focus();
  };

  // Closing replaces the history entry rather than adding one: Back then leaves the page, as it would have. The page is
  // given back at once: the hashchange event comes a task later, and until then a tap on the shown results fell on nothing.
  const close = () => {
    window.location.replace("#results-count");
    sync(true);
  };

  drawer.querySelectorAll(".results-jump, .drawer-close").forEach((link) => link.addEventListener("click", (event) => {
    if (!isOpen()) return;
    event.preventDefault();
    close();
  }));

  // A filter chosen in the open drawer keeps it open on the new page, so that several can be chosen in a row.
  drawer.addEventListener("click", (event) => {
    const link = event.target.closest("a.facet-value, a.family-toggle, a.facet-clear");
    if (!link || !isOpen() || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    window.location.assign(`${link.getAttribute("href")}#filtres`);
  });

  drawer.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && isOpen() && !event.defaultPrevented) {
      event.preventDefault();
      close();
    }
  });

  window.addEventListener("hashchange", () => sync(true));
  phone.addEventListener("change", () => sync(false));
  // Opened on arrival (a filter was just chosen in it): the focus starts in it. Not before the page has loaded: once the
  // page is parsed, after this script, the browser gives the focus to the address's #filtres itself (the drawer, a box
  // that scrolls), and the keyboard's next Tab started from an outline drawn off the screen, around the whole drawer.
  sync(false);
  if (isOpen()) window.addEventListener("load", () => sync(true), { once: true });
})();
