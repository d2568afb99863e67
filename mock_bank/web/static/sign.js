// 이체 확인 → 전자서명: the bank checks the PIN and returns the transfer's content, which the PIN-unlocked key
// signs as it stands; the bank verifies the signature and carries the transfer out.
"use strict";
(() => {
  const region = document.getElementById("signing");
  const transferId = region.dataset.transferId;

  async function signTransfer(pin) {
    Screen.busy(region, true);
    Screen.clear();
    const record = Device.load();
    if (!record) {
      Screen.refused({ message: "이 기기에 저장된 KB국민인증서가 없습니다. 기기 등록을 해 주세요.", remedy: "device" });
      Screen.busy(region, false);
      return;
    }
    try {
      const { content } = await Device.postJson(`/api/transfers/${transferId}/pin`, { serial: record.serial, pin });
      const privateKey = await Device.unlock(record, "pin", Device.pinSecret(pin));
      const signature = await Device.signText(privateKey, content);
      await Device.postJson(`/api/transfers/${transferId}/signature`, { serial: record.serial, signature });
      window.location.assign(`/transfer/${transferId}/done`);
    } catch (error) {
      Screen.refused(error);
      Screen.busy(region, false);
    }
  }

  Keypad.mount(region.querySelector("[data-keypad]"), { onComplete: signTransfer });
})();
