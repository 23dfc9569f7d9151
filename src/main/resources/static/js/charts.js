// Draws every chart of the page from its data-option (an ECharts option built on the server), wires drill-down
// links (data-links: one URL per bar) and the PNG export buttons (nothing sent anywhere).
// Numbers are never formatted here: each data point carries the text the server printed for it
// ({value: 7380, text: "7.380"}) and each value axis the text of its ticks ({ticks: {"2000": "2.000"}}), so a chart
// says exactly what its table says, the Vietnamese way. Charts are drawn as SVG: their texts are in the page
// (readable by tests and screen readers, sharp in print); the PNG export draws the same option on a canvas.
(function () {
  window.kehoachCharts = {};

  function text(d) {
    return d && typeof d === 'object' && d.text != null ? d.text : '';
  }

  function escape(s) {
    return String(s).replace(/[&<>"]/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c];
    });
  }

  function axes(option, key) {
    var a = option[key];
    return a == null ? [] : (Array.isArray(a) ? a : [a]);
  }

  // Turns the server's texts into ECharts formatters (functions cannot travel in JSON).
  function prepare(option) {
    option.animation = false;
    ['xAxis', 'yAxis'].forEach(function (key) {
      axes(option, key).forEach(function (axis) {
        if (axis.ticks) {
          var ticks = axis.ticks;
          axis.axisLabel = axis.axisLabel || {};
          axis.axisLabel.formatter = function (v) {
            var t = ticks[String(v)];
            return t != null ? t : '';
          };
          delete axis.ticks;
        }
      });
    });
    (option.series || []).forEach(function (s) {
      s.label = s.label || {};
      s.label.formatter = function (p) { return text(p.data); };
    });
    if (option.tooltip) {
      option.tooltip.formatter = function (ps) {
        ps = Array.isArray(ps) ? ps : [ps];
        var head = ps.length ? escape(ps[0].axisValueLabel || ps[0].name || '') : '';
        return head + ps.filter(function (p) { return text(p.data) !== ''; }).map(function (p) {
          return '<br>' + p.marker + escape(p.seriesName) + ': <b>' + escape(text(p.data)) + '</b>';
        }).join('');
      };
    }
    return option;
  }

  document.querySelectorAll('.chart[data-option]').forEach(function (el) {
    var chart = echarts.init(el, null, {renderer: 'svg'});
    chart.setOption(prepare(JSON.parse(el.getAttribute('data-option'))));
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
      var el = document.getElementById(b.getAttribute('data-chart'));
      // The same option drawn once more on a canvas, off the page, for a PNG.
      var box = document.createElement('div');
      box.style.cssText = 'position:absolute;left:-10000px;top:0;width:' + el.clientWidth + 'px;height:'
          + el.clientHeight + 'px';
      document.body.appendChild(box);
      var c = echarts.init(box, null, {renderer: 'canvas'});
      c.setOption(prepare(JSON.parse(el.getAttribute('data-option'))));
      var a = document.createElement('a');
      a.href = c.getDataURL({type: 'png', pixelRatio: 2, backgroundColor: '#fff'});
      a.download = el.id + '.png';
      document.body.appendChild(a);
      a.click();
      a.remove();
      c.dispose();
      box.remove();
    });
  });
})();
