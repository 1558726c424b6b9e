/*
 * Material wraps each Markdown table in a scrolling box. A box that scrolls must be reachable
 * with the keyboard (WCAG 2.1.1; axe: scrollable-region-focusable), so a box whose table is
 * wider than it gets a tab stop and a name. Runs on every page, instant navigation included.
 */
function labelScrollingTables() {
  let count = 0;
  for (const box of document.querySelectorAll(".md-typeset__scrollwrap")) {
    if (box.scrollWidth > box.clientWidth) {
      count += 1;
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", `Table ${count} (scrolls sideways)`);
    } else {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
  }
}

if (typeof document$ !== "undefined") {
  document$.subscribe(labelScrollingTables);
} else {
  document.addEventListener("DOMContentLoaded", labelScrollingTables);
}
window.addEventListener("resize", labelScrollingTables);
