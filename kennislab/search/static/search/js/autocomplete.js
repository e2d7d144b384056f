/* Autocomplete for search boxes: fills the box's <datalist> with titles from
   /zoeken/suggesties/. Progressive enhancement: without JavaScript the box works as is. */
(function () {
  "use strict";
  if (!("fetch" in window)) return;
  var boxes = document.querySelectorAll("input[data-suggest-url][list]");
  Array.prototype.forEach.call(boxes, function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    if (!list) return;
    var timer = null;
    var last = "";
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var query = input.value.trim();
        if (query.length < 2 || query === last) return;
        last = query;
        fetch(input.getAttribute("data-suggest-url") + "?q=" + encodeURIComponent(query), {
          headers: { Accept: "application/json" },
          credentials: "same-origin",
        })
          .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
          .then(function (data) {
            if (query !== input.value.trim()) return;
            while (list.firstChild) list.removeChild(list.firstChild);
            (data.suggestions || []).forEach(function (title) {
              var option = document.createElement("option");
              option.value = title;
              list.appendChild(option);
            });
          })
          .catch(function () { /* suggestions are a convenience; searching still works */ });
      }, 200);
    });
  });
})();
