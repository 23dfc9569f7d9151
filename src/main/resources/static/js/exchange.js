// The upload form: refuse a file over the limit before sending it, and show how much has been sent.
// The server's "too large" page (413) carries its message where the result goes: let htmx swap it in.
if (window.htmx) {
  htmx.config.responseHandling.unshift({code: '413', swap: true, error: false});
}
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('import-form');
  if (!form) { return; }
  var max = parseInt(form.getAttribute('data-max-bytes'), 10);
  function tooLarge() {
    var input = document.getElementById('import-files');
    var total = 0;
    for (var i = 0; i < input.files.length; i++) { total += input.files[i].size; }
    return total > max;
  }
  function refuse(evt) {
    var box = document.getElementById('upload-error');
    if (box) { box.textContent = form.getAttribute('data-too-large'); box.hidden = false; }
    evt.preventDefault();
  }
  form.addEventListener('submit', function (evt) { if (tooLarge()) { refuse(evt); } });
  form.addEventListener('htmx:confirm', function (evt) { if (tooLarge()) { refuse(evt); } });
  form.addEventListener('htmx:xhr:progress', function (evt) {
    if (evt.detail.lengthComputable) {
      document.getElementById('upload-progress').value = Math.round(evt.detail.loaded / evt.detail.total * 100);
    }
  });
});
