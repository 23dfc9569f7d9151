// Draws every chart of the page from its data-option (an ECharts option built on the server), wires drill-down
// links (data-links: one URL per bar) and the PNG export buttons (ECharts' own getDataURL, nothing sent anywhere).
(function () {
  window.kehoachCharts = {};
  document.querySelectorAll('.chart[data-option]').forEach(function (el) {
    var chart = echarts.init(el, null, {renderer: 'canvas'});
    var option = JSON.parse(el.getAttribute('data-option'));
    option.animation = false;
    chart.setOption(option);
    window.kehoachCharts[el.id] = chart;
    var links = el.getAttribute('data-links');
    if (links) {
      links = JSON.parse(links);
      chart.on('click', function (p) {
        if (links[p.dataIndex]) {
          window.location.href = links[p.dataIndex];
        }
      });
    }
    window.addEventListener('resize', function () { chart.resize(); });
  });
  document.querySelectorAll('button.png[data-chart]').forEach(function (b) {
    b.addEventListener('click', function () {
      var chart = window.kehoachCharts[b.getAttribute('data-chart')];
      var a = document.createElement('a');
      a.href = chart.getDataURL({type: 'png', pixelRatio: 2, backgroundColor: '#fff'});
      a.download = b.getAttribute('data-chart') + '.png';
      document.body.appendChild(a);
      a.click();
      a.remove();
    });
  });
})();
