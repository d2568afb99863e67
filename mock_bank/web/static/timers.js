// Counts a code's remaining time down on screen. The server sets the start from the bank's clock,
// so a clock moved through test control shows on the next page load; the browser only keeps ticking.
"use strict";
document.querySelectorAll("[role=timer][data-seconds]").forEach((timer) => {
  const end = Date.now() + Number(timer.dataset.seconds) * 1000;
  const show = () => {
    const left = Math.max(0, Math.ceil((end - Date.now()) / 1000));
    timer.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
    return left;
  };
  const tick = setInterval(() => { if (show() === 0) clearInterval(tick); }, 1000);
});
