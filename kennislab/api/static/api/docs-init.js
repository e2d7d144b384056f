/* Starts Swagger UI on the API documentation page (/api/v1/docs) with the settings the page
   carries as JSON: no inline script, so the page runs under the site's Content-Security-Policy. */
(function () {
  "use strict";
  var settings = JSON.parse(document.getElementById("swagger-settings").textContent);
  settings.dom_id = "#swagger-ui";
  settings.presets = [window.SwaggerUIBundle.presets.apis];
  window.SwaggerUIBundle(settings);
})();
