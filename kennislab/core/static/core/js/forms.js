// Shared by every public form; loaded by base.html (pages that also load it themselves run it
// once: see the guard).
(() => {
  if (window.kennislabForms) {
    return;
  }
  window.kennislabForms = true;

  // Move focus to the error summary after a form was sent back with errors, so that screen reader
  // and keyboard users hear what went wrong first. Links in the summary move focus to the field.
  document.addEventListener("DOMContentLoaded", () => {
    const summary = document.querySelector("[data-error-summary]");
    if (summary) {
      summary.focus();
    }
    for (const link of document.querySelectorAll("[data-error-summary] a[href^='#']")) {
      link.addEventListener("click", (event) => {
        const target = document.getElementById(link.getAttribute("href").slice(1));
        if (target) {
          event.preventDefault();
          // A group of radio buttons links to its own fieldset: focus the chosen (or first) one.
          // Any other link points at the field itself (not at the fieldset around a section).
          const field = target.matches("fieldset")
            ? target.querySelector("input:checked") || target.querySelector("input, select, textarea")
            : target;
          (target.closest(".form-field") || target).scrollIntoView({ block: "center" });
          (field || target).focus({ preventScroll: true });
        }
      });
    }
  });

  // Character counters: "Hoogstens 3000 tekens." becomes "Nog 2.950 van 3000 tekens over."
  // while typing (announced politely, after a pause), and says so when the text is too long.
  // The sentences come from the page (data attributes), in the page's language.
  document.addEventListener("DOMContentLoaded", () => {
    for (const counter of document.querySelectorAll("[data-counter-for]")) {
      const field = document.getElementById(counter.dataset.counterFor);
      const limit = Number(counter.dataset.counterLimit);
      if (!field || !limit) {
        continue;
      }
      counter.setAttribute("aria-live", "polite");
      const format = (number) => number.toLocaleString("nl-NL");
      const update = () => {
        const left = limit - field.value.length;
        const template = left >= 0 ? counter.dataset.counterLeft : counter.dataset.counterOver;
        counter.textContent = template
          .replace("{left}", format(Math.max(left, 0)))
          .replace("{over}", format(Math.max(-left, 0)))
          .replace("{limit}", format(limit));
        counter.classList.toggle("form-counter--over", left < 0);
      };
      let timer;
      field.addEventListener("input", () => {
        clearTimeout(timer);
        timer = setTimeout(update, 400);
      });
      if (field.value) {
        update();
      }
    }
  });
})();
