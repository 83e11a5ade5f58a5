// HQ copies a party's signing link from the agreement page. Without JavaScript the link stays selectable in its field.
document.querySelectorAll('button[data-copy]').forEach(function (button) {
  button.hidden = false;
  button.addEventListener('click', function () {
    var field = document.getElementById(button.dataset.copy);
    field.select();
    var done = function () {
      button.textContent = button.dataset.copied;
      button.setAttribute('aria-label', button.dataset.copied);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(done, function () { document.execCommand('copy'); done(); });
    } else {
      document.execCommand('copy');
      done();
    }
  });
});
