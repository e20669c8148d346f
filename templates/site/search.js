// jdgen career site: search over role titles, aliases and codes, in the page.
// The index is assets/search-index.js (window.JDGEN_SEARCH), loaded by a <script> tag so that the
// site works opened from disk. Results are built with textContent, never as HTML: titles are catalog text.
(function () {
  "use strict";
  var rows = window.JDGEN_SEARCH;
  var form = document.getElementById("role-search");
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!rows || !form || !input || !list || !status) { return; }
  var LIMIT = 20;

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  var prepared = rows.map(function (row) {
    return { code: row[0], title: row[1], level: row[2], url: row[3], aliases: row[4],
             keys: [row[1]].concat(row[4]).map(fold), codeKey: fold(row[0]) };
  });

  // A role matches when every word of the query is found in its title, one of its aliases, or its code.
  // Returns the alias that matched when the title alone does not, so the result can say why it is there.
  function match(entry, words) {
    var whole = entry.keys[0] + " " + entry.codeKey;
    if (words.every(function (w) { return whole.indexOf(w) !== -1; })) { return { alias: null }; }
    for (var i = 1; i < entry.keys.length; i++) {
      var key = entry.keys[i] + " " + entry.codeKey;
      if (words.every(function (w) { return key.indexOf(w) !== -1; })) { return { alias: entry.aliases[i - 1] }; }
    }
    return null;
  }

  function show() {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    while (list.firstChild) { list.removeChild(list.firstChild); }
    if (!words.length) { status.textContent = ""; return; }
    var found = [];
    for (var i = 0; i < prepared.length; i++) {
      var hit = match(prepared[i], words);
      if (hit) { found.push([prepared[i], hit]); }
    }
    found.slice(0, LIMIT).forEach(function (pair) {
      var entry = pair[0], li = document.createElement("li"), a = document.createElement("a");
      a.href = entry.url;
      a.textContent = entry.title;
      li.appendChild(a);
      li.appendChild(document.createTextNode(" (" + entry.level + ", " + entry.code + ")"));
      if (pair[1].alias) {
        var alias = document.createElement("span");
        alias.className = "alias";
        alias.textContent = " also known as " + pair[1].alias;
        li.appendChild(alias);
      }
      list.appendChild(li);
    });
    status.textContent = found.length === 0 ? "No role matches." :
      (found.length > LIMIT ? found.length + " roles match; the first " + LIMIT + " are shown." :
       found.length + (found.length === 1 ? " role matches." : " roles match."));
  }

  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); show(); });
  input.addEventListener("input", show);
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) { input.value = query; show(); }
})();
