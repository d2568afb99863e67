// The phone's secure storage and the installed app. The certificate's private key never leaves this browser.
// It is sealed (AES-GCM) under a random data key, and the data key is sealed twice: under a key derived from
// the PIN and under one derived from the pattern, so either unlocks it. Renewal replaces the sealed private
// key under the same data key; a PIN change re-seals only the data key: the other secret keeps working.
"use strict";
const Device = (() => {
  const STORAGE_KEY = "kbstar.certificate";
  const VERSION_KEY = "kbstar.app-version";
  const UPDATE_KEY = "kbstar.update-pending";
  const encoder = new TextEncoder();
  const toBase64 = (buffer) => btoa(String.fromCharCode(...new Uint8Array(buffer)));
  const fromBase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  const ECDSA = { name: "ECDSA", namedCurve: "P-256" };
  const AES = { name: "AES-GCM", length: 256 };

  async function secretKey(secret, salt) {
    const base = await crypto.subtle.importKey("raw", encoder.encode(secret), "PBKDF2", false, ["deriveKey"]);
    return crypto.subtle.deriveKey({ name: "PBKDF2", salt, iterations: 100000, hash: "SHA-256" },
      base, AES, false, ["encrypt", "decrypt"]);
  }

  async function sealWith(key, bytes) {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const data = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, bytes);
    return { iv: toBase64(iv), data: toBase64(data) };
  }

  // AES-GCM refuses to decrypt under a wrong key: that is how a wrong pattern shows on the device.
  const openWith = (key, box) => crypto.subtle.decrypt({ name: "AES-GCM", iv: fromBase64(box.iv) }, key,
    fromBase64(box.data));

  async function boxDataKey(secret, rawDataKey) {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    return { salt: toBase64(salt), ...(await sealWith(await secretKey(secret, salt), rawDataKey)) };
  }

  async function dataKey(record, kind, secret) {
    const box = record.boxes[kind];
    const raw = await openWith(await secretKey(secret, fromBase64(box.salt)), box);
    return crypto.subtle.importKey("raw", raw, AES, false, ["encrypt", "decrypt"]);
  }

  const save = (record) => localStorage.setItem(STORAGE_KEY, JSON.stringify(record));
  const latestVersion = () => document.querySelector('meta[name="app-version"]').content;
  const parts = (version) => version.split(".").map(Number);
  const older = (a, b) => {
    const [x, y] = [parts(a), parts(b)];
    for (let i = 0; i < 3; i += 1) if (x[i] !== y[i]) return x[i] < y[i];
    return false;
  };
  // Opening the app for the first time installs the version the bank serves now, and so does the first
  // screen after '앱 업데이트': the screen that asked may be older than the release (see updateApp).
  if (!localStorage.getItem(VERSION_KEY) || localStorage.getItem(UPDATE_KEY)) {
    localStorage.setItem(VERSION_KEY, latestVersion());
    localStorage.removeItem(UPDATE_KEY);
  }
  const installedVersion = () => localStorage.getItem(VERSION_KEY);

  async function postJson(url, body) {
    const response = await fetch(url, {
      method: "POST", body: JSON.stringify(body),
      headers: { "Content-Type": "application/json", "X-App-Version": installedVersion() },
    });
    const payload = await response.json().catch(() => ({ message: "잠시 후 다시 시도해 주세요." }));
    if (!response.ok) {
      const error = new Error(payload.message || "잠시 후 다시 시도해 주세요.");
      error.remedy = payload.remedy || null;
      throw error;
    }
    return payload;
  }

  return {
    toBase64, fromBase64, postJson, installedVersion, latestVersion,
    isOutdated: () => older(installedVersion(), latestVersion()),
    updateApp() { localStorage.setItem(UPDATE_KEY, "1"); window.location.reload(); },
    pinSecret: (pin) => `pin:${pin}`,
    patternSecret: (points) => `pattern:${points.join("-")}`,
    generateKeyPair: () => crypto.subtle.generateKey(ECDSA, true, ["sign", "verify"]),
    sign: async (privateKey, bytes) =>
      toBase64(await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, privateKey, bytes)),
    signText: (privateKey, text) => Device.sign(privateKey, encoder.encode(text)),
    async store(serial, pem, keyPair, secrets) {
      const raw = crypto.getRandomValues(new Uint8Array(32));
      const key = await crypto.subtle.importKey("raw", raw, AES, false, ["encrypt"]);
      const pkcs8 = await crypto.subtle.exportKey("pkcs8", keyPair.privateKey);
      const spki = await crypto.subtle.exportKey("spki", keyPair.publicKey);
      const boxes = {};
      for (const [kind, secret] of Object.entries(secrets)) boxes[kind] = await boxDataKey(secret, raw);
      save({ serial, pem, publicKey: toBase64(spki), sealedKey: await sealWith(key, pkcs8), boxes });
    },
    // Issuance's last step, once the bank has the PIN and the pattern: a key pair made here, the bank's
    // challenge signed with it, the certificate kept beside the key sealed under both secrets. The
    // credentials screen calls it, and so do tests that arrange an issued customer without the screens.
    async requestCertificate(pin, pattern) {
      const keyPair = await Device.generateKeyPair();
      const challenge = await postJson("/api/issuance/challenge", {});
      const signature = await Device.sign(keyPair.privateKey, fromBase64(challenge.nonce));
      const spki = await crypto.subtle.exportKey("spki", keyPair.publicKey);
      const issued = await postJson("/api/issuance/certificate", {
        challenge_id: challenge.challenge_id, public_key: toBase64(spki), signature,
      });
      await Device.store(issued.serial, issued.pem, keyPair, {
        pin: Device.pinSecret(pin), pattern: Device.patternSecret(pattern),
      });
      return issued;
    },
    load: () => JSON.parse(localStorage.getItem(STORAGE_KEY) || "null"),
    async unlock(record, kind, secret) {
      const pkcs8 = await openWith(await dataKey(record, kind, secret), record.sealedKey);
      return crypto.subtle.importKey("pkcs8", pkcs8, ECDSA, false, ["sign"]);
    },
    async replaceKey(record, kind, secret, serial, pem, keyPair) {
      const key = await dataKey(record, kind, secret);
      const pkcs8 = await crypto.subtle.exportKey("pkcs8", keyPair.privateKey);
      const spki = await crypto.subtle.exportKey("spki", keyPair.publicKey);
      save({ ...record, serial, pem, publicKey: toBase64(spki), sealedKey: await sealWith(key, pkcs8) });
    },
    async changeSecret(record, kind, oldSecret, newSecret) {
      const box = record.boxes[kind];
      const raw = await openWith(await secretKey(oldSecret, fromBase64(box.salt)), box);
      save({ ...record, boxes: { ...record.boxes, [kind]: await boxDataKey(newSecret, raw) } });
    },
  };
})();

const Screen = {
  alert(message) { document.getElementById("alert").textContent = message; },
  status(message) { document.getElementById("status").textContent = message; },
  clear() { Screen.alert(""); Screen.status(""); Screen.offer(null); },
  // A busy region tells people (and tests) that an answer is on its way; set before the first await.
  busy(region, on) { region.setAttribute("aria-busy", String(on)); },
  // Shows the one way out the bank named for a refusal (templates/remedies.html), or none.
  offer(remedy) {
    document.querySelectorAll("[data-remedy]").forEach((way) => { way.hidden = way.dataset.remedy !== remedy; });
  },
  refused(error) { Screen.alert(error.message); Screen.offer(error.remedy); },
};

// The app's version on screen (templates/app_info.html), and every 'update' button.
document.querySelectorAll("[data-installed-version]").forEach((field) => { field.textContent = Device.installedVersion(); });
document.querySelectorAll("[data-version-state]").forEach((state) => {
  state.textContent = Device.isOutdated() ? "새 버전이 있습니다. 앱을 업데이트해 주세요." : "최신 버전입니다.";
});
document.querySelectorAll("[data-app-info] [data-update-app]").forEach((button) => { button.hidden = !Device.isOutdated(); });
document.querySelectorAll("[data-update-app]").forEach((button) => button.addEventListener("click", Device.updateApp));
