// '약관 전체 동의' ticks every term, optional ones included, as the guide describes.
"use strict";
document.getElementById("agree-all").addEventListener("click", () => {
  document.querySelectorAll('input[name="terms"]').forEach((box) => { box.checked = true; });
});
