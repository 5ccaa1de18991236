// Copy buttons for citations: hidden without JavaScript, where the text stays selectable.
document.querySelectorAll("button[data-copy]").forEach((button) => {
  const source = document.getElementById(button.dataset.copy);
  if (!source || !navigator.clipboard) return;
  const label = button.textContent;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(source.textContent);
      button.textContent = "Copié";
    } catch {
      button.textContent = "Sélectionnez le texte pour le copier";
    }
    setTimeout(() => { button.textContent = label; }, 2500);
  });
});
