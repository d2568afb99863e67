// On-screen secure keypad: digits in a shuffled order, as banking apps draw them, entry shown as dots.
"use strict";
const Keypad = {
  mount(root, { length = 6, onComplete }) {
    const keys = root.querySelector("[data-keys]");
    const dots = root.querySelector("[data-pin-dots]");
    let entered = "";
    const digits = [..."0123456789"];
    const random = crypto.getRandomValues(new Uint32Array(digits.length));
    digits.sort((a, b) => random[Number(a)] - random[Number(b)]);
    const show = () => {
      dots.textContent = `${length}자리 중 ${entered.length}자리 입력`;
      dots.dataset.filled = "●".repeat(entered.length) + "○".repeat(length - entered.length);
    };
    const button = (label, onPress, className = "") => {
      const element = document.createElement("button");
      element.type = "button";
      element.textContent = label;
      element.className = className;
      element.addEventListener("click", onPress);
      keys.appendChild(element);
    };
    digits.forEach((digit) => button(digit, () => {
      if (entered.length >= length) return;
      entered += digit;
      show();
      if (entered.length === length) {
        const value = entered;
        entered = "";
        onComplete(value);
        show();
      }
    }));
    button("지우기", () => { entered = entered.slice(0, -1); show(); }, "key-action");
    button("전체 삭제", () => { entered = ""; show(); }, "key-action");
    show();
  },
};
