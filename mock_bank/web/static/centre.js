// 인증센터's KB국민인증서 tab: '인증서 관리' for the certificate this device holds; a device without one is told so.
"use strict";
(() => {
  const record = Device.load();
  const manage = document.getElementById("manage-certificate");
  const none = document.getElementById("no-certificate-here");
  if (record) {
    manage.href = `/certificate-centre/manage?serial=${encodeURIComponent(record.serial)}`;
    manage.hidden = false;
  } else {
    none.hidden = false;
  }
})();
