// Signs an agreement in the browser with WebCrypto Ed25519. The private key is read from the page's text box,
// which has no name and so is never submitted; only the signature goes to the server.
"use strict";

// The PKCS #8 header of an Ed25519 private key (RFC 8410), followed by the 32-byte seed.
const PKCS8_ED25519 = [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20];

// Reads `PRIVATE+KEY+<name>+<key id>+<base64(0x01 || seed)>`, as written by `silkbridge keys generate`.
function seedFromKeyText(text) {
  // Names and key ids hold no "+", but base64 may: the key material is everything after the fourth one.
  const parts = text.trim().split("+");
  if (parts.length < 5 || parts[0] !== "PRIVATE" || parts[1] !== "KEY") {
    throw new Error(document.documentElement.lang === "zh-Hans"
      ? "这不是 silkbridge keys generate 生成的私钥。"
      : "This is not a private key written by silkbridge keys generate.");
  }
  const bytes = Uint8Array.from(atob(parts.slice(4).join("+")), (c) => c.charCodeAt(0));
  if (bytes.length !== 33 || bytes[0] !== 0x01) {
    throw new Error(document.documentElement.lang === "zh-Hans" ? "该私钥不是 Ed25519 密钥。" : "The key is not an Ed25519 key.");
  }
  return bytes.slice(1);
}

async function sign(form) {
  const message = document.getElementById(form.dataset.messageId).textContent;
  const seed = seedFromKeyText(form.querySelector(".private-key").value);
  const der = new Uint8Array([...PKCS8_ED25519, ...seed]);
  const key = await crypto.subtle.importKey("pkcs8", der, { name: "Ed25519" }, false, ["sign"]);
  const signature = new Uint8Array(await crypto.subtle.sign({ name: "Ed25519" }, key, new TextEncoder().encode(message)));
  form.elements.signature.value = btoa(String.fromCharCode(...signature));
}

for (const form of document.querySelectorAll("form.sign-form")) {
  form.addEventListener("submit", async (event) => {
    if (form.elements.signature.value) return;
    event.preventDefault();
    const error = form.querySelector(".sign-error");
    try {
      await sign(form);
      form.querySelector(".private-key").value = "";
      form.submit();
    } catch (failure) {
      error.textContent = failure.message;
      error.hidden = false;
    }
  });
}
