// ARIA tabs: selecting a tab shows its panel and hides the others.
"use strict";
document.querySelectorAll("[data-tabs]").forEach((list) => {
  const tabs = [...list.querySelectorAll('[role="tab"]')];
  const select = (chosen) => tabs.forEach((tab) => {
    const selected = tab === chosen;
    tab.setAttribute("aria-selected", String(selected));
    document.getElementById(tab.getAttribute("aria-controls")).hidden = !selected;
  });
  tabs.forEach((tab) => tab.addEventListener("click", () => select(tab)));
});
