// Camera scanning where the browser can (BarcodeDetector); the typed or scanner-typed code always works without it.
(function () {
  var button = document.getElementById('camera');
  var video = document.getElementById('camera-view');
  var input = document.getElementById('code');
  var form = document.getElementById('check-in-form');
  if (!button || !('BarcodeDetector' in window) || !navigator.mediaDevices) { return; }
  button.hidden = false;
  button.addEventListener('click', function () {
    var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(function (stream) {
      video.srcObject = stream; video.hidden = false; video.play();
      var tick = function () {
        detector.detect(video).then(function (codes) {
          if (codes.length > 0) {
            stream.getTracks().forEach(function (t) { t.stop(); });
            input.value = codes[0].rawValue;
            // requestSubmit: the offline door (door-offline.js) sees the scan like a typed code
            if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
          } else { requestAnimationFrame(tick); }
        }).catch(function () { requestAnimationFrame(tick); });
      };
      tick();
    }).catch(function () { button.hidden = true; input.focus(); });
  });
})();
