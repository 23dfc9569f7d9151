// Draws every cumulative-disbursement chart of the page from its data-curve attribute (ECharts from the WebJar).
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-curve]').forEach(function (el) {
    var c = JSON.parse(el.getAttribute('data-curve'));
    var chart = echarts.init(el);
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v == null ? '' : v.toLocaleString('vi-VN') + ' ' + c.unit; } },
      legend: { data: [c.cumulativeLabel, c.planLabel] },
      grid: { left: 70, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: c.months },
      yAxis: { type: 'value', name: c.unit, axisLabel: { formatter: function (v) { return v.toLocaleString('vi-VN'); } } },
      series: [
        { name: c.cumulativeLabel, type: 'line', data: c.cumulative, areaStyle: { opacity: 0.15 }, color: '#a51d24' },
        { name: c.planLabel, type: 'line', data: c.plan, lineStyle: { type: 'dashed' }, color: '#1b4f7a', symbol: 'none' }
      ]
    });
  });
});
