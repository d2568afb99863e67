// 갱신: the PIN unlocks the current key, which vouches for a new key pair made on this device; the new key is
// then sealed under the same data key, so the PIN and the pattern both keep working.
"use strict";
(() => {
  const region = document.getElementById("renewal");

  async function renew(pin) {
    Screen.busy(region, true);
    Screen.clear();
    const record = Device.load();
    try {
      const challenge = await Device.postJson("/api/renewal/challenge", { serial: record.serial, pin });
      const nonce = Device.fromBase64(challenge.nonce);
      const currentKey = await Device.unlock(record, "pin", Device.pinSecret(pin));
      const keyPair = await Device.generateKeyPair();
      const spki = await crypto.subtle.exportKey("spki", keyPair.publicKey);
      const renewed = await Device.postJson("/api/renewal/certificate", {
        serial: record.serial, challenge_id: challenge.challenge_id,
        old_signature: await Device.sign(currentKey, nonce), public_key: Device.toBase64(spki),
        new_signature: await Device.sign(keyPair.privateKey, nonce),
      });
      await Device.replaceKey(record, "pin", Device.pinSecret(pin), renewed.serial, renewed.pem, keyPair);
      window.location.assign(`/certificate-centre/manage?serial=${encodeURIComponent(renewed.serial)}&done=renewed`);
    } catch (error) {
      Screen.refused(error);
      Screen.busy(region, false);
    }
  }

  Keypad.mount(region.querySelector("[data-keypad]"), { onComplete: renew });
})();
