// 비밀번호 변경: the current PIN, then the new one twice. The bank checks the current PIN (counting wrong ones)
// and holds the new one to the issuance rules; then this device re-seals its data key under the new PIN.
"use strict";
(() => {
  const region = document.getElementById("pin-change");
  const title = document.getElementById("pin-change-title");
  const prompts = [
    "현재 인증서 비밀번호를 입력해 주세요",
    "새 인증서 비밀번호 6자리를 입력해 주세요",
    "확인을 위해 새 비밀번호를 한 번 더 입력해 주세요",
  ];
  let entered = [];
  title.textContent = prompts[0];

  async function change([current, next, confirmation]) {
    const record = Device.load();
    try {
      await Device.postJson("/api/certificate/pin-change", {
        serial: record.serial, current_pin: current, new_pin: next, confirmation,
      });
      await Device.changeSecret(record, "pin", Device.pinSecret(current), Device.pinSecret(next));
      window.location.assign(`/certificate-centre/manage?serial=${encodeURIComponent(record.serial)}&done=pin`);
    } catch (error) {
      title.textContent = prompts[0];
      Screen.refused(error);
      Screen.busy(region, false);
    }
  }

  Keypad.mount(region.querySelector("[data-keypad]"), {
    onComplete(value) {
      entered.push(value);
      if (entered.length < prompts.length) {
        title.textContent = prompts[entered.length];
        Screen.clear();
        return;
      }
      const values = entered;
      entered = [];
      Screen.busy(region, true);
      Screen.clear();
      change(values);
    },
  });
})();
