// The phone's secure storage: the certificate's private key never leaves this browser; it is kept
// encrypted under keys derived from the PIN and from the pattern, so either one unlocks it.
"use strict";
const Device = (() => {
  const STORAGE_KEY = "kbstar.certificate";
  const encoder = new TextEncoder();
  const toBase64 = (buffer) => btoa(String.fromCharCode(...new Uint8Array(buffer)));
  const fromBase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  const ECDSA = { name: "ECDSA", namedCurve: "P-256" };

  async function secretKey(secret, salt) {
    const base = await crypto.subtle.importKey("raw", encoder.encode(secret), "PBKDF2", false, ["deriveKey"]);
    return crypto.subtle.deriveKey({ name: "PBKDF2", salt, iterations: 100000, hash: "SHA-256" },
      base, { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
  }

  async function seal(secret, pkcs8) {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const data = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, await secretKey(secret, salt), pkcs8);
    return { salt: toBase64(salt), iv: toBase64(iv), data: toBase64(data) };
  }

  async function unseal(secret, box) {
    const key = await secretKey(secret, fromBase64(box.salt));
    // AES-GCM refuses to decrypt under a wrong secret: that is how a wrong PIN or pattern shows.
    const pkcs8 = await crypto.subtle.decrypt({ name: "AES-GCM", iv: fromBase64(box.iv) }, key, fromBase64(box.data));
    return crypto.subtle.importKey("pkcs8", pkcs8, ECDSA, false, ["sign"]);
  }

  async function postJson(url, body) {
    const response = await fetch(url, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    });
    const payload = await response.json().catch(() => ({ message: "잠시 후 다시 시도해 주세요." }));
    if (!response.ok) throw new Error(payload.message || "잠시 후 다시 시도해 주세요.");
    return payload;
  }

  return {
    toBase64, fromBase64, postJson,
    pinSecret: (pin) => `pin:${pin}`,
    patternSecret: (points) => `pattern:${points.join("-")}`,
    generateKeyPair: () => crypto.subtle.generateKey(ECDSA, true, ["sign", "verify"]),
    sign: async (privateKey, bytes) =>
      toBase64(await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, privateKey, bytes)),
    async store(serial, pem, keyPair, secrets) {
      const pkcs8 = await crypto.subtle.exportKey("pkcs8", keyPair.privateKey);
      const spki = await crypto.subtle.exportKey("spki", keyPair.publicKey);
      const sealed = {};
      for (const [name, secret] of Object.entries(secrets)) sealed[name] = await seal(secret, pkcs8);
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ serial, pem, publicKey: toBase64(spki), sealed }));
    },
    load: () => JSON.parse(localStorage.getItem(STORAGE_KEY) || "null"),
    unlock: (record, kind, secret) => unseal(secret, record.sealed[kind]),
  };
})();

const Screen = {
  alert(message) { document.getElementById("alert").textContent = message; },
  status(message) { document.getElementById("status").textContent = message; },
  clear() { Screen.alert(""); Screen.status(""); },
};
