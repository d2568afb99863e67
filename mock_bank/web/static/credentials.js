// PIN twice, pattern twice, then the device makes its key pair and asks the bank for the certificate.
"use strict";
(() => {
  const phases = Object.fromEntries([...document.querySelectorAll("[data-phase]")].map((s) => [s.dataset.phase, s]));
  const show = (name) => Object.entries(phases).forEach(([key, section]) => { section.hidden = key !== name; });
  const pinTitle = document.getElementById("pin-title");
  const patternTitle = document.getElementById("pattern-title");
  let pin = null;
  let firstPin = null;
  let firstPattern = null;

  Keypad.mount(phases.pin.querySelector("[data-keypad]"), {
    async onComplete(value) {
      if (firstPin === null) {
        firstPin = value;
        pinTitle.textContent = "확인을 위해 비밀번호를 한 번 더 입력해 주세요";
        Screen.clear();
        return;
      }
      const confirmation = value;
      const candidate = firstPin;
      firstPin = null;
      try {
        await Device.postJson("/api/issuance/pin", { pin: candidate, confirmation });
      } catch (error) {
        pinTitle.textContent = "인증서 비밀번호 6자리를 입력해 주세요";
        Screen.alert(error.message);
        return;
      }
      pin = candidate;
      Screen.clear();
      Screen.status("비밀번호가 설정되었습니다.");
      show("pattern");
    },
  });

  PatternGrid.mount(phases.pattern.querySelector("[data-pattern-grid]"), {
    async onComplete(points) {
      if (firstPattern === null) {
        firstPattern = points;
        patternTitle.textContent = "확인을 위해 같은 패턴을 한 번 더 그려 주세요";
        Screen.clear();
        return;
      }
      const candidate = firstPattern;
      firstPattern = null;
      try {
        await Device.postJson("/api/issuance/pattern", { pattern: candidate, confirmation: points });
      } catch (error) {
        patternTitle.textContent = "인증서 패턴을 그려 주세요";
        Screen.alert(error.message);
        return;
      }
      Screen.clear();
      show("issuing");
      await issue(candidate);
    },
  });

  async function issue(pattern) {
    try {
      await Device.requestCertificate(pin, pattern);
      window.location.assign("/issue/complete");
    } catch (error) {
      Screen.alert(error.message);
    }
  }
})();
