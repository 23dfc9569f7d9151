// A <select data-submit-on-change> submits its form when the choice changes (a script file rather than an inline
// onchange handler, so that the Content-Security-Policy can forbid inline script).
document.addEventListener('change', function (e) {
  var el = e.target;
  if (el && el.hasAttribute && el.hasAttribute('data-submit-on-change') && el.form) {
    el.form.submit();
  }
});
