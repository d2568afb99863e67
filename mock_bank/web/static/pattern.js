// 3x3 unlock pattern drawn with one finger (pointer events): down on a dot, across others, up to finish.
"use strict";
const PatternGrid = {
  mount(grid, { onComplete }) {
    let points = [];
    let drawing = false;
    let fadeTimer = 0;
    const dotAt = (x, y) => document.elementFromPoint(x, y)?.closest("[data-point]");
    const visit = (dot) => {
      if (!dot || !grid.contains(dot)) return;
      const point = Number(dot.dataset.point);
      if (points.includes(point)) return;
      points.push(point);
      dot.classList.add("on");
    };
    const clear = () => {
      points = [];
      grid.querySelectorAll(".on").forEach((dot) => dot.classList.remove("on"));
    };
    grid.addEventListener("pointerdown", (event) => {
      event.preventDefault();
      // A quick second drawing must not be wiped by the fade-out of the first one.
      clearTimeout(fadeTimer);
      clear();
      drawing = true;
      visit(dotAt(event.clientX, event.clientY));
    });
    grid.addEventListener("pointermove", (event) => {
      if (drawing) visit(dotAt(event.clientX, event.clientY));
    });
    const finish = () => {
      if (!drawing) return;
      drawing = false;
      const drawn = points;
      fadeTimer = setTimeout(clear, 150);
      onComplete(drawn);
    };
    grid.addEventListener("pointerup", finish);
    grid.addEventListener("pointerleave", finish);
    grid.style.touchAction = "none";
  },
};
