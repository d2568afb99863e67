// 앨범에서 선택: says which picture was chosen, since the browser's own file button (and its text) is hidden.
"use strict";
(() => {
  const input = document.getElementById("id_photo");
  const choice = document.getElementById("album-choice");
  input.addEventListener("change", () => {
    choice.textContent = input.files.length ? `고른 사진: ${input.files[0].name}` : "고른 사진 없음";
  });
})();
