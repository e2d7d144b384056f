// Layout on small screens. The main menu on phones: without JavaScript "Menu" is a link to the menu (shown by :target);
// with it, a button that opens and closes the menu in place (aria-expanded), Escape closes it
// and returns focus to the button.
document.addEventListener("DOMContentLoaded", () => {
  const link = document.querySelector("[data-menu-toggle]");
  const menu = document.querySelector("[data-menu]");
  if (!link || !menu) {
    return;
  }
  const button = document.createElement("button");
  button.type = "button";
  button.className = link.className;
  button.textContent = link.textContent;
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", menu.id);
  link.replaceWith(button);
  const setOpen = (open) => {
    button.setAttribute("aria-expanded", String(open));
    menu.classList.toggle("is-open", open);
  };
  button.addEventListener("click", () => setOpen(button.getAttribute("aria-expanded") !== "true"));
  menu.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      button.focus();
    }
  });
});

// Filter panels (<details data-filter-panel>): closed on phones, so that the first result is on
// the first screen; opened at once on wide screens, where they stand beside the results.
document.addEventListener("DOMContentLoaded", () => {
  if (window.matchMedia("(min-width: 60rem)").matches) {
    for (const panel of document.querySelectorAll("[data-filter-panel]")) {
      panel.open = true;
    }
  }
});
