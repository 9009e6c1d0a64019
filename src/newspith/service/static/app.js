// newspith web page: the input tabs and the dropped-blocks toggle. No inline script anywhere
// (the Content-Security-Policy allows scripts from /static only).
"use strict";
document.documentElement.classList.add("js");

function showPanels(form) {
  const checked = form.querySelector('input[name="mode"]:checked');
  const mode = checked ? checked.value : "url";
  for (const panel of form.querySelectorAll(".panel")) {
    panel.classList.toggle("hidden", !panel.dataset.mode.split(" ").includes(mode));
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("try-form");
  if (form) {
    showPanels(form);
    for (const radio of form.querySelectorAll('input[name="mode"]')) {
      radio.addEventListener("change", () => showPanels(form));
    }
  }
  const toggle = document.getElementById("show-dropped");
  const blocks = document.getElementById("blocks");
  if (toggle && blocks) {
    toggle.addEventListener("change", () => blocks.classList.toggle("hide-dropped", !toggle.checked));
  }
});
