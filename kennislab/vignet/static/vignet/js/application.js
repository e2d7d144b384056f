// The vignet application form, enhanced. Without JavaScript every step works the same through
// its buttons; with it:
// - the verdict beside the step follows what is filled in (the server judges the step's answers
//   on top of the saved draft; nothing is saved);
// - "Nog een activiteit toevoegen" adds a row without a page load;
// - Enter in a field of step 3 goes on ("Opslaan en verder") instead of adding a row.
// (Character counters and the error summary's focus: core/js/forms.js, for every form.)
(function () {
  "use strict";

  var form = document.querySelector("[data-vignet-form]");
  if (!form) {
    return;
  }

  var panel = document.querySelector("[data-verdict]");
  var timer = null;

  function refresh() {
    var data = new FormData(form);
    data.delete("evidence");
    data.set("stap", form.getAttribute("data-step") || "");
    data.set("token", form.getAttribute("data-token") || "");
    fetch(form.getAttribute("data-preview-url"), {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" },
    })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html !== null && panel) {
          panel.innerHTML = html;
        }
      })
      .catch(function () {});
  }

  function later() {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 500);
  }

  if (panel && window.fetch && window.FormData) {
    form.addEventListener("input", later);
    form.addEventListener("change", later);
  }

  // Enter in a field means "Opslaan en verder", not the first button of the form (on step 3 that
  // is "Nog een activiteit toevoegen", inside the fields).
  var next = form.querySelector("button[name='action'][value='next']");
  var noImplicitSubmit = ["checkbox", "radio", "file", "button", "submit", "reset"];
  if (next && form.querySelector("[data-add-activity]")) {
    form.addEventListener("keydown", function (event) {
      var target = event.target;
      if (
        event.key === "Enter" &&
        target.tagName === "INPUT" &&
        noImplicitSubmit.indexOf(target.type) === -1
      ) {
        event.preventDefault();
        if (form.requestSubmit) {
          form.requestSubmit(next);
        } else {
          next.click();
        }
      }
    });
  }

  var add = form.querySelector("[data-add-activity]");
  var template = form.querySelector("[data-activity-template]");
  var rows = form.querySelector("[data-activity-rows]");
  var total = form.querySelector("input[name$='-TOTAL_FORMS']");
  var max = form.querySelector("input[name$='-MAX_NUM_FORMS']");
  if (add && template && rows && total) {
    add.addEventListener("click", function (event) {
      var index = parseInt(total.value, 10);
      if (max && index >= parseInt(max.value, 10)) {
        return; // let the server say that this is the maximum
      }
      event.preventDefault();
      var html = template.innerHTML
        .replace(/__prefix__/g, String(index))
        .replace(/__nummer__/g, String(index + 1));
      rows.insertAdjacentHTML("beforeend", html);
      total.value = String(index + 1);
      var row = rows.lastElementChild;
      var first = row && row.querySelector("select, input");
      if (first) {
        first.focus();
      }
    });
  }
})();
