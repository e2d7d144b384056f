/* Starts Wagtail's date, date-time and time choosers without inline scripts, so the admin's
   Content-Security-Policy can forbid them (script-src 'self'). The widget templates in
   core/templates/wagtailadmin/widgets/ leave a hidden marker instead of Wagtail's inline
   <script>initDateChooser(id, config)</script>; this file calls the same function for every
   marker, also for forms added later (inline panels). */
(function () {
  "use strict";
  var ALLOWED = ["initDateChooser", "initDateTimeChooser", "initTimeChooser"];
  var scheduled = false;

  function start() {
    scheduled = false;
    var markers = document.querySelectorAll("[data-kennislab-chooser]:not([data-started])");
    Array.prototype.forEach.call(markers, function (marker) {
      var name = marker.getAttribute("data-kennislab-chooser");
      var init = ALLOWED.indexOf(name) >= 0 ? window[name] : null;
      var target = marker.getAttribute("data-target");
      if (typeof init !== "function" || !target || target.indexOf("__prefix__") >= 0) {
        return;
      }
      marker.setAttribute("data-started", "1");
      var config = {};
      try {
        config = JSON.parse(marker.getAttribute("data-config") || "{}");
      } catch (error) {
        config = {};
      }
      init(target, config);
    });
  }

  function schedule() {
    if (!scheduled) {
      scheduled = true;
      window.requestAnimationFrame(start);
    }
  }

  function begin() {
    start();
    new MutationObserver(schedule).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", begin);
  } else {
    begin();
  }
})();
