// Suggestions as you type on the search box, as an ARIA 1.2 combobox with a list popup.
// Progressive enhancement: without this script the box is a plain search field and the form works as is.
(() => {
  "use strict";
  const input = document.querySelector("input[data-suggest]");
  if (!input) return;

  const list = document.createElement("ul");
  list.id = `${input.id}-suggestions`;
  list.className = "suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", "Suggestions");
  list.hidden = true;
  const status = document.createElement("div");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  input.parentElement.classList.add("has-suggestions");
  input.after(list, status);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");

  let items = [];
  let active = -1;
  let timer = 0;
  let request = null;

  // A list shut stays shut: the answer still awaited, or about to be asked, opened it again a moment later.
  const close = () => {
    clearTimeout(timer);
    request?.abort();
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    highlight(-1);
  };

  const highlight = (index) => {
    const options = list.querySelectorAll("[role=option]");
    options.forEach((option, i) => option.setAttribute("aria-selected", String(i === index)));
    active = index;
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  };

  // An answer for the text typed on since the list came replaces it under the arrow keys: the suggestion they were on
  // stays chosen when the new list holds it (Enter then follows it, not the text typed).
  const render = (suggestions) => {
    const chosen = active >= 0 ? items[active].url : null;
    items = suggestions;
    list.replaceChildren(...suggestions.map((s, i) => {
      const option = document.createElement("li");
      option.id = `${list.id}-${i}`;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.kind = s.kind;
      const label = document.createElement("span");
      label.className = "suggestion-label";
      label.textContent = s.label;
      const detail = document.createElement("span");
      detail.className = "suggestion-detail";
      detail.textContent = s.detail;
      option.append(label, detail);
      option.addEventListener("mousedown", (event) => event.preventDefault());
      option.addEventListener("click", () => { window.location.href = s.url; });
      return option;
    }));
    const open = suggestions.length > 0;
    list.hidden = !open;
    input.setAttribute("aria-expanded", String(open));
    status.textContent = open ? `${suggestions.length} suggestion${suggestions.length > 1 ? "s" : ""}, flèches haut et bas pour les parcourir` : "";
    highlight(suggestions.findIndex((s) => s.url === chosen));
  };

  const fetchSuggestions = async () => {
    const typed = input.value.trim();
    if (typed.length < 2) { render([]); return; }
    request?.abort();
    request = new AbortController();
    try {
      // The current filters go along: a facet suggestion adds to this search rather than starting another. They are
      // read from the page's own state (data-suggest), not from the address, whose misspelt names the API refuses.
      const params = new URL(input.dataset.suggest || "/", window.location.href).searchParams;
      params.set("q", typed);
      params.delete("page");
      const response = await fetch(`/api/suggest?${params}`, { signal: request.signal });
      if (!response.ok) return;
      const body = await response.json();
      if (input.value.trim() === typed) render(body.suggestions);
    } catch (error) {
      if (error.name !== "AbortError") render([]);
    }
  };

  // Typing on leaves the suggestion chosen before it (as the ARIA combobox pattern does): Enter then searches what is typed.
  input.addEventListener("input", () => {
    highlight(-1);
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 120);
  });

  input.addEventListener("keydown", (event) => {
    const open = !list.hidden && items.length > 0;
    switch (event.key) {
      case "ArrowDown":
        if (!open) { fetchSuggestions(); return; }
        event.preventDefault();
        highlight((active + 1) % items.length);
        break;
      case "ArrowUp":
        if (!open) return;
        event.preventDefault();
        highlight(active <= 0 ? items.length - 1 : active - 1);
        break;
      case "Enter":
        if (open && active >= 0) {
          event.preventDefault();
          window.location.href = items[active].url;
        }
        break;
      case "Escape":
        if (open) event.preventDefault();
        close();
        break;
      case "Tab":
        close();
        break;
    }
  });

  // Shut a moment after the box is left (a click on a suggestion lands first); not if the box is back in use by then.
  let leaving = 0;
  input.addEventListener("blur", () => { leaving = setTimeout(close, 150); });
  input.addEventListener("focus", () => clearTimeout(leaving));
})();
