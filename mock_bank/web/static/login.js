// Certificate login on the start screen. With the PIN, the bank checks (and counts) the PIN before it hands
// out the challenge; with the pattern, the pattern unseals the key on the device. The key signs the challenge.
"use strict";
(() => {
  const region = document.getElementById("login");
  const noCertificate = "이 기기에 저장된 KB국민인증서가 없습니다. 인증센터에서 인증서를 발급받거나, "
    + "다른 기기에서 쓰던 인증서라면 이 기기에서 기기 등록을 해 주세요.";
  const cannotUnlock = {
    pattern: "패턴이 일치하지 않습니다. 다시 그려 주세요.",
    // The bank accepted the PIN, yet it does not open this device's key: the two disagree after a PIN change.
    pin: "이 기기의 인증서를 열 수 없습니다. 인증서를 재발급해 주세요.",
  };

  async function signIn(kind, secret, pin) {
    Screen.busy(region, true);
    Screen.clear();
    const record = Device.load();
    if (!record) {
      Screen.refused({ message: noCertificate, remedy: "device" });
      Screen.busy(region, false);
      return;
    }
    try {
      const challenge = kind === "pin"
        ? await Device.postJson("/api/login/pin", { serial: record.serial, pin })
        : await Device.postJson("/api/login/challenge", { serial: record.serial });
      let privateKey;
      try {
        privateKey = await Device.unlock(record, kind, secret);
      } catch {
        throw new Error(cannotUnlock[kind]);
      }
      const signature = await Device.sign(privateKey, Device.fromBase64(challenge.nonce));
      await Device.postJson("/api/login/sign-in", {
        serial: record.serial, challenge_id: challenge.challenge_id, signature,
      });
      // Busy until the home screen replaces this one.
      window.location.assign("/home");
    } catch (error) {
      Screen.refused(error);
      Screen.busy(region, false);
    }
  }

  PatternGrid.mount(document.querySelector("[data-pattern-grid]"), {
    onComplete: (points) => signIn("pattern", Device.patternSecret(points)),
  });
  Keypad.mount(document.querySelector("#pin-login [data-keypad]"), {
    onComplete: (pin) => signIn("pin", Device.pinSecret(pin), pin),
  });
  document.getElementById("use-pin").addEventListener("click", () => {
    document.getElementById("pin-login").hidden = false;
  });
})();
