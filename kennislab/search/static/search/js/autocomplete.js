/* Search box suggestions: an ARIA 1.2 combobox with a listbox (list autocomplete, manual
   selection). Every input[data-suggest-url] gets a list of pages (title and type) and searches
   (abbreviations, synonyms, popular topics) from /zoeken/suggesties/.

   Keyboard: ArrowDown/ArrowUp move through the options (DOM focus stays in the box), Enter opens
   the chosen one (without a choice it submits the search as usual), Escape closes the list,
   Alt+ArrowDown opens it. A polite live region announces how many suggestions there are.
   Progressive enhancement: without JavaScript the box is a plain search form. */
(function () {
  "use strict";
  if (!("fetch" in window) || !document.querySelector) return;

  var DELAY = 150;
  var MIN_LENGTH = 2;

  function Combobox(input, number) {
    this.input = input;
    this.url = input.getAttribute("data-suggest-url");
    this.items = [];
    this.active = -1;
    this.request = 0;
    this.timer = null;
    this.shownFor = null;

    var base = (input.id || "zoekvak-" + number) + "-suggesties";
    this.list = document.createElement("ul");
    this.list.id = base;
    this.list.className = "suggest-list";
    this.list.setAttribute("role", "listbox");
    this.list.setAttribute("aria-label", input.getAttribute("data-suggest-label") || "Suggesties");
    this.list.hidden = true;

    this.status = document.createElement("div");
    this.status.id = base + "-status";
    this.status.className = "visually-hidden";
    this.status.setAttribute("role", "status");

    var host = input.parentNode;
    host.classList.add("suggest-host");
    host.insertBefore(this.list, input.nextSibling);
    host.appendChild(this.status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", this.list.id);
    input.setAttribute("autocomplete", "off");

    input.addEventListener("input", this.onInput.bind(this));
    input.addEventListener("focus", this.onFocus.bind(this));
    input.addEventListener("blur", this.close.bind(this));
    input.addEventListener("keydown", this.onKeydown.bind(this));
    // Keep DOM focus in the box while the pointer chooses an option.
    this.list.addEventListener("mousedown", function (event) { event.preventDefault(); });
    this.list.addEventListener("click", this.onClick.bind(this));
  }

  Combobox.prototype.query = function () {
    return this.input.value.replace(/\s+/g, " ").trim();
  };

  Combobox.prototype.onInput = function () {
    var self = this;
    window.clearTimeout(this.timer);
    var query = this.query();
    if (query.length > 0 && query.length < MIN_LENGTH) {
      this.request += 1; // an answer still on its way is no longer wanted
      this.close();
      return;
    }
    this.timer = window.setTimeout(function () { self.load(query); }, DELAY);
  };

  Combobox.prototype.onFocus = function () {
    if (this.query() === "") this.load("");
  };

  Combobox.prototype.load = function (query) {
    var self = this;
    var ticket = ++this.request;
    fetch(this.url + "?q=" + encodeURIComponent(query), {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (ticket !== self.request || document.activeElement !== self.input) return;
        if (query !== self.query()) return;
        self.render(data && data.suggestions ? data.suggestions : [], data ? data.status : "");
      })
      .catch(function () { self.close(); /* searching still works without suggestions */ });
  };

  Combobox.prototype.render = function (items, status) {
    var list = this.list;
    while (list.firstChild) list.removeChild(list.firstChild);
    this.items = items;
    this.shownFor = this.query();
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    items.forEach(function (item, index) {
      var option = document.createElement("li");
      option.id = list.id + "-" + index;
      option.className = "suggest-list__option";
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.setAttribute("data-index", String(index));
      var title = document.createElement("span");
      title.className = "suggest-list__title";
      title.textContent = item.title;
      var separator = document.createElement("span");
      separator.className = "visually-hidden";
      separator.textContent = ", ";
      var type = document.createElement("span");
      type.className = "suggest-list__type";
      type.textContent = item.type;
      option.appendChild(title);
      option.appendChild(separator);
      option.appendChild(type);
      list.appendChild(option);
    });
    if (items.length) {
      this.open();
    } else {
      this.close();
    }
    this.announce(status || "");
  };

  Combobox.prototype.announce = function (text) {
    var status = this.status;
    status.textContent = "";
    // A moment later, so that the same sentence twice is still read out.
    window.setTimeout(function () { status.textContent = text; }, 50);
  };

  Combobox.prototype.isOpen = function () {
    return !this.list.hidden;
  };

  Combobox.prototype.open = function () {
    this.list.hidden = false;
    this.input.setAttribute("aria-expanded", "true");
  };

  Combobox.prototype.close = function () {
    window.clearTimeout(this.timer);
    this.list.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
    this.setActive(-1);
  };

  Combobox.prototype.setActive = function (index) {
    var options = this.list.querySelectorAll("[role=option]");
    if (this.active >= 0 && options[this.active]) {
      options[this.active].setAttribute("aria-selected", "false");
      options[this.active].classList.remove("is-active");
    }
    this.active = index;
    if (index < 0 || !options[index]) {
      this.active = -1;
      this.input.removeAttribute("aria-activedescendant");
      return;
    }
    var option = options[index];
    option.setAttribute("aria-selected", "true");
    option.classList.add("is-active");
    this.input.setAttribute("aria-activedescendant", option.id);
    if (option.scrollIntoView) option.scrollIntoView({ block: "nearest" });
  };

  Combobox.prototype.move = function (step) {
    var count = this.items.length;
    if (!count) return;
    var next = this.active + step;
    if (next >= count) next = 0;
    if (next < -1) next = count - 1;
    if (next === -1 && step > 0) next = 0;
    this.setActive(next);
  };

  Combobox.prototype.choose = function (index) {
    var item = this.items[index];
    // Only addresses on this site (a path, not //elsewhere).
    if (!item || typeof item.url !== "string" || !/^\/(?!\/)/.test(item.url)) return;
    this.close();
    window.location.assign(item.url);
  };

  Combobox.prototype.onKeydown = function (event) {
    var key = event.key;
    if (key === "ArrowDown" || key === "Down") {
      event.preventDefault();
      if (!this.isOpen()) {
        if (this.items.length && this.shownFor === this.query()) {
          this.open();
        } else {
          this.load(this.query().length >= MIN_LENGTH ? this.query() : "");
          return;
        }
        if (event.altKey) return;
      }
      this.move(1);
    } else if (key === "ArrowUp" || key === "Up") {
      if (!this.isOpen()) return;
      event.preventDefault();
      this.move(-1);
    } else if (key === "Enter") {
      if (this.isOpen() && this.active >= 0) {
        event.preventDefault();
        this.choose(this.active);
      }
    } else if (key === "Escape" || key === "Esc") {
      if (this.isOpen()) {
        event.preventDefault(); // keep the text (a search box would clear it)
        this.close();
        this.announce("");
      }
    } else if (key === "Tab") {
      this.close();
    }
  };

  Combobox.prototype.onClick = function (event) {
    var option = event.target.closest ? event.target.closest("[role=option]") : null;
    if (!option) return;
    this.choose(parseInt(option.getAttribute("data-index"), 10));
  };

  var inputs = document.querySelectorAll("input[data-suggest-url]");
  Array.prototype.forEach.call(inputs, function (input, number) {
    new Combobox(input, number);
  });
})();
