// Gives an accessible name to admin widgets that Wagtail renders without one, so screen-reader users
// know which field they are in: the tag entry box, rich-text editors and the minimap's scrollable list.
(function () {
  "use strict";

  function fieldLabel(element) {
    var wrapper = element.closest("[data-field-wrapper], .w-field__wrapper, .w-panel, [data-contentpath]");
    var label = wrapper && wrapper.querySelector("label, .w-field__label, .w-panel__heading");
    return label ? label.textContent.replace(/\s+/g, " ").replace(/\*$/, "").trim() : "";
  }

  function name(element, fallback) {
    if (element.hasAttribute("aria-label") || element.hasAttribute("aria-labelledby")) return;
    element.setAttribute("aria-label", fieldLabel(element) || fallback);
  }

  function mend(root) {
    root.querySelectorAll("input.ui-autocomplete-input").forEach(function (input) { name(input, "Tags"); });
    root.querySelectorAll(".Draftail-Editor [role='textbox']").forEach(function (box) { name(box, "Rich text"); });
    root.querySelectorAll(".w-minimap__list").forEach(function (list) {
      if (!list.hasAttribute("tabindex")) list.setAttribute("tabindex", "0");
      name(list, "Page sections");
    });
  }

  function start() {
    mend(document);
    new MutationObserver(function () { mend(document); }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
