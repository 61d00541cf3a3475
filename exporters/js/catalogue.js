/* The catalogue page's search and filters (catalogue-html), written inline into the page.
   Narrows the list of courses as one types or chooses, announces how many are shown (the
   count is a live region), and keeps the choices in the page's address, so that a narrowed
   view can be shared and survives a reload. No framework; nothing is fetched. Without it the
   page lists every course. It holds no less-than sign: the page writes it inside its script
   element as it is. */
(function () {
  "use strict";
  var form = document.getElementById("finder");
  var list = document.getElementById("courses");
  var count = document.getElementById("count");
  if (!form || !list || !count) {
    return;
  }
  var FIELDS = ["q", "month", "town", "register", "mode"];
  var FILTERS = FIELDS.slice(1);

  /* Lower case, without accents: "Zwangerschap" and "zwangerschap", "café" and "cafe" match. */
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function textOf(card, selector) {
    var found = card.querySelector(selector);
    return found ? found.textContent : "";
  }

  var entries = null;

  /* What each card is searched and filtered by: read once, when first needed. */
  function index() {
    entries = entries || Array.prototype.map.call(list.children, function (card) {
      var keywords = JSON.parse(card.getAttribute("data-keywords") || "[]");
      var words = [textOf(card, "h2"), textOf(card, ".summary")].concat(keywords);
      var entry = { card: card, text: fold(words.join(" ")) };
      FILTERS.forEach(function (name) {
        entry[name] = JSON.parse(card.getAttribute("data-" + name) || "[]");
      });
      return entry;
    });
    return entries;
  }

  function chosen() {
    var values = {};
    FIELDS.forEach(function (name) {
      var field = form.elements[name];
      values[name] = field ? field.value.trim() : "";
    });
    return values;
  }

  function matches(entry, values) {
    var words = fold(values.q).split(/\s+/).filter(Boolean);
    return words.every(function (word) {
      return entry.text.indexOf(word) !== -1;
    }) && FILTERS.every(function (name) {
      return !values[name] || entry[name].indexOf(values[name]) !== -1;
    });
  }

  function courses(number) {
    var pattern = number === 1 ? count.getAttribute("data-one") : count.getAttribute("data-many");
    return pattern.replace("{count}", String(number));
  }

  function show(values) {
    var shown = 0;
    index().forEach(function (entry) {
      var match = matches(entry, values);
      entry.card.hidden = !match;
      shown += match ? 1 : 0;
    });
    var all = courses(entries.length);
    var text = shown === entries.length ? all : count.getAttribute("data-shown")
      .replace("{shown}", String(shown)).replace("{courses}", all);
    if (count.textContent !== text) {
      count.textContent = text;
    }
  }

  function remember(values) {
    var query = new URLSearchParams();
    FIELDS.forEach(function (name) {
      if (values[name]) {
        query.set(name, values[name]);
      }
    });
    var search = query.toString();
    try {
      history.replaceState(null, "", search ? "?" + search : location.pathname);
    } catch (error) {
      /* Some browsers refuse to change the address of a file opened from disk: filter all the same. */
    }
  }

  function update() {
    var values = chosen();
    show(values);
    remember(values);
  }

  var given = new URLSearchParams(location.search);
  FIELDS.forEach(function (name) {
    var field = form.elements[name];
    if (field && given.has(name)) {
      field.value = given.get(name);
    }
  });
  if (location.search) {
    show(chosen());
  }
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    update();
  });
  form.addEventListener("reset", function () {
    window.setTimeout(update, 0);
  });
})();
