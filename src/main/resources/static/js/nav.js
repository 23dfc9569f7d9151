// The page shell (docs/pages.md): the header's menus, wide tables and page hints. Everything works without this
// script (the Menu button is a checkbox, the menus are <details>); it only adds comfort.
(function () {
  "use strict";

  function closeMenus(except) {
    document.querySelectorAll("header.top details.nav-group[open]").forEach(function (d) {
      if (d !== except) { d.removeAttribute("open"); }
    });
  }

  // A wide table scrolls inside its own box, never the page: wrap each table not already in one.
  function wrapTables(root) {
    (root || document).querySelectorAll("main table").forEach(function (t) {
      var p = t.parentElement;
      if (!p || p.classList.contains("table-scroll") || t.matches("table.entry") || t.closest(".table-scroll, article.paper, .no-scroll-wrap")) { return; }
      var box = document.createElement("div");
      box.className = "table-scroll";
      p.insertBefore(box, t);
      box.appendChild(t);
    });
  }

  function hints() {
    document.querySelectorAll("p.page-hint[data-hint]").forEach(function (p) {
      var key = "kehoach.hint." + p.getAttribute("data-hint");
      try {
        if (window.localStorage.getItem(key) === "hidden") { p.hidden = true; return; }
      } catch (e) { /* no storage: the hint stays */ }
      var b = document.createElement("button");
      b.type = "button";
      b.className = "hint-close";
      b.textContent = "×";
      b.title = document.documentElement.lang === "en" ? "Hide hint" : "Ẩn gợi ý";
      b.setAttribute("aria-label", b.title);
      b.addEventListener("click", function () {
        p.hidden = true;
        try { window.localStorage.setItem(key, "hidden"); } catch (e) { /* ignore */ }
      });
      p.appendChild(b);
    });
  }

  function init() {
    var toggle = document.getElementById("nav-toggle");
    var button = document.getElementById("menu-button");
    if (toggle && button) {
      button.setAttribute("aria-expanded", String(toggle.checked));
      button.tabIndex = 0;
      toggle.addEventListener("change", function () { button.setAttribute("aria-expanded", String(toggle.checked)); });
      button.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); toggle.click(); }
      });
    }
    document.querySelectorAll("header.top details.nav-group").forEach(function (d) {
      d.addEventListener("toggle", function () { if (d.open) { closeMenus(d); } });
    });
    document.addEventListener("click", function (e) {
      if (!e.target.closest("header.top details.nav-group")) { closeMenus(null); }
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { closeMenus(null); }
    });
    wrapTables(document);
    document.body.addEventListener("htmx:afterSettle", function (e) { wrapTables(e.target); });
    hints();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
