// The vignet application form, enhanced: the verdict panel follows what is filled in (the
// server judges; nothing is saved), and "add activity" adds a row without a page load.
// Without JavaScript the form works the same through its submit buttons.
(function () {
  "use strict";
  var form = document.querySelector("[data-vignet-form]");
  if (!form || !window.fetch) {
    return;
  }
  var panel = document.querySelector("[data-verdict]");
  var timer = null;

  function refresh() {
    var data = new FormData(form);
    data.delete("evidence");
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

  form.addEventListener("input", later);
  form.addEventListener("change", later);

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
