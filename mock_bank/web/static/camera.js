// 신분증 촬영: the rear camera's preview inside a card-shaped frame. What the frame shows becomes the ID photo:
// the middle of the picture at a card's proportions, drawn on a canvas, sent in the photo form as a JPEG.
"use strict";
(() => {
  const CARD_ASPECT = 856 / 540;
  const JPEG_QUALITY = 0.92;
  const byId = (id) => document.getElementById(id);
  const openButton = byId("open-camera");
  const viewfinder = byId("viewfinder");
  const preview = byId("camera-preview");
  const shutter = byId("shutter");
  const review = byId("review");
  const still = byId("captured-photo");
  const retake = byId("retake");
  const photoInput = byId("captured-file");
  const alertRegion = byId("alert");
  let stream = null;

  // A stopped stream frees the camera, so the next capture opens it afresh.
  function stopCamera() {
    if (stream) stream.getTracks().forEach((track) => track.stop());
    stream = null;
    preview.srcObject = null;
  }

  async function openCamera() {
    stopCamera();
    review.hidden = true;
    shutter.disabled = true;
    alertRegion.textContent = "";
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
    } catch (error) {
      alertRegion.textContent = "카메라를 사용할 수 없습니다. 카메라 권한을 확인하거나 앨범에서 신분증 사진을 선택해 주세요.";
      return;
    }
    preview.srcObject = stream;
    viewfinder.hidden = false;
    shutter.hidden = false;
    await preview.play();
    // The shutter waits for a frame on screen, not merely an opened stream.
    preview.requestVideoFrameCallback(() => { shutter.disabled = false; });
  }

  // Encoded at once: Chromium encodes a toBlob (and an OffscreenCanvas's convertToBlob) in the page's idle time,
  // and a headless page with nothing to paint gave it none for about 2 s in one capture of five (measured).
  function jpegOf(canvas) {
    const base64 = canvas.toDataURL("image/jpeg", JPEG_QUALITY).split(",")[1];
    return new Blob([Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))], { type: "image/jpeg" });
  }

  function capture() {
    const width = preview.videoWidth;
    const height = preview.videoHeight;
    const cropWidth = Math.min(width, Math.round(height * CARD_ASPECT));
    const cropHeight = Math.min(height, Math.round(width / CARD_ASPECT));
    still.width = cropWidth;
    still.height = cropHeight;
    still.getContext("2d").drawImage(preview, (width - cropWidth) / 2, (height - cropHeight) / 2,
      cropWidth, cropHeight, 0, 0, cropWidth, cropHeight);
    stopCamera();
    viewfinder.hidden = true;
    shutter.hidden = true;
    const photo = new DataTransfer();
    photo.items.add(new File([jpegOf(still)], "id-card.jpg", { type: "image/jpeg" }));
    photoInput.files = photo.files;
    review.hidden = false;
  }

  openButton.addEventListener("click", openCamera);
  retake.addEventListener("click", openCamera);
  shutter.addEventListener("click", capture);
  window.addEventListener("pagehide", stopCamera);
})();
