// After a refused submit the error summary takes the focus, so screen readers read it first (issue 16, item 14).
(function () {
  var summary = document.getElementById('error-summary');
  if (summary) { summary.focus(); }
})();
