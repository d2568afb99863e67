// Certificate login on the start screen: the pattern (or the PIN) unlocks the key that signs the bank's challenge.
"use strict";
(() => {
  const noCertificate = "등록된 인증서가 없습니다. 인증센터에서 인증서를 발급해 주세요.";

  async function signIn(kind, secret, wrongMessage) {
    Screen.clear();
    const record = Device.load();
    if (!record) { Screen.alert(noCertificate); return; }
    let privateKey;
    try {
      privateKey = await Device.unlock(record, kind, secret);
    } catch {
      Screen.alert(wrongMessage);
      return;
    }
    try {
      const challenge = await Device.postJson("/api/login/challenge", { serial: record.serial });
      const signature = await Device.sign(privateKey, Device.fromBase64(challenge.nonce));
      await Device.postJson("/api/login/sign-in", {
        serial: record.serial, challenge_id: challenge.challenge_id, signature,
      });
      window.location.assign("/home");
    } catch (error) {
      Screen.alert(error.message);
    }
  }

  PatternGrid.mount(document.querySelector("[data-pattern-grid]"), {
    onComplete: (points) => signIn("pattern", Device.patternSecret(points), "패턴이 일치하지 않습니다. 다시 그려 주세요."),
  });
  Keypad.mount(document.querySelector("#pin-login [data-keypad]"), {
    onComplete: (pin) => signIn("pin", Device.pinSecret(pin), "인증서 비밀번호가 일치하지 않습니다. 비밀번호를 확인해 주세요."),
  });
  document.getElementById("use-pin").addEventListener("click", () => {
    document.getElementById("pin-login").hidden = false;
  });
})();
