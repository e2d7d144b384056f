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
