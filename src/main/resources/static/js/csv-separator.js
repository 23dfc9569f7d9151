// The separator choice beside a CSV link (templates/format/csv.html): the link asks for sep=comma|semicolon, and
// with data-keep-query="true" also for the page's own search (the audit page's filters).
(function () {
  function update(box) {
    var link = box.querySelector('a.csv-link');
    var select = box.querySelector('select.csv-sep');
    if (!link || !select) { return; }
    var url = new URL(link.getAttribute('data-base') || link.href, window.location.href);
    link.setAttribute('data-base', url.toString());
    if (link.getAttribute('data-keep-query') === 'true') {
      new URLSearchParams(window.location.search).forEach(function (v, k) {
        if (k !== 'lang' && !url.searchParams.has(k) && v !== '') { url.searchParams.set(k, v); }
      });
    }
    url.searchParams.set('sep', select.value);
    link.href = url.toString();
  }
  function init() {
    document.querySelectorAll('.csv-download').forEach(function (box) {
      update(box);
      var select = box.querySelector('select.csv-sep');
      if (select && !select.dataset.bound) {
        select.dataset.bound = '1';
        select.addEventListener('change', function () { update(box); });
      }
    });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
})();
