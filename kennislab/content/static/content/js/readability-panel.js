/* The plain-Dutch (B1) panel in the page editor (content/panels.py): while the editor types,
   the edit form is posted to the panel's admin-only check URL every few seconds when it has
   changed (the way Wagtail's preview does), and the report the server renders replaces the
   panel's. A change of verdict is announced in a polite live region. No inline script: the
   admin's Content-Security-Policy forbids it; without JavaScript the panel shows the report of
   the last save. */
(function () {
  "use strict";
  var INTERVAL = 2500; // milliseconds between looks at the form

  function serialise(form) {
    var parts = [];
    new FormData(form).forEach(function (value, name) {
      if (typeof value === "string" && name !== "csrfmiddlewaretoken") {
        parts.push(encodeURIComponent(name) + "=" + encodeURIComponent(value));
      }
    });
    return parts.join("&");
  }

  function start(panel) {
    var url = panel.getAttribute("data-url");
    var form = panel.closest("form");
    var report = panel.querySelector("[data-readability-report]");
    var status = panel.querySelector("[data-readability-status]");
    if (!url || !form || !report || !window.fetch || !window.FormData) {
      return;
    }
    var last = serialise(form);
    var busy = false;
    var verdict = (report.querySelector("[data-verdict]") || panel).getAttribute("data-verdict");

    function done() {
      busy = false;
    }

    function show(data) {
      if (!data || typeof data.html !== "string") {
        return;
      }
      report.innerHTML = data.html;
      if (status && data.verdict !== verdict) {
        status.textContent = data.summary;
      }
      verdict = data.verdict;
    }

    window.setInterval(function () {
      if (busy || document.hidden) {
        return;
      }
      var now = serialise(form);
      if (now === last) {
        return;
      }
      last = now;
      busy = true;
      window
        .fetch(url, {
          method: "POST",
          body: new FormData(form),
          credentials: "same-origin",
          headers: { Accept: "application/json" },
        })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(show)
        .then(done, done);
    }, INTERVAL);
  }

  function begin() {
    var panels = document.querySelectorAll("[data-kennislab-readability]");
    Array.prototype.forEach.call(panels, start);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", begin);
  } else {
    begin();
  }
})();
