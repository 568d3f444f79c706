// A target's yearly values as a line, with the target as a dashed line (Apache ECharts, from our own webjar).
(function () {
  var el = document.getElementById('trend-chart');
  if (!el || typeof echarts === 'undefined') return;
  var data = JSON.parse(el.dataset.chart);
  var chart = echarts.init(el, null, { renderer: 'svg' });
  var series = [{ name: data.name, type: 'line', data: data.values, connectNulls: false, symbolSize: 8 }];
  if (data.target !== null) {
    series.push({ name: el.dataset.targetLabel, type: 'line', data: data.years.map(function () { return data.target; }),
      lineStyle: { type: 'dashed' }, symbol: 'none' });
  }
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 50, right: 20, top: 20, bottom: 40 },
    xAxis: { type: 'category', data: data.years },
    yAxis: { type: 'value' },
    series: series
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();

// The regions below coloured by their value (boundaries from our own API; no tiles, no outside service).
(function () {
  var el = document.getElementById('value-map');
  if (!el || typeof echarts === 'undefined') return;
  var values = JSON.parse(el.dataset.values);
  fetch(el.dataset.boundaries).then(function (r) { return r.ok ? r.json() : null; }).then(function (geo) {
    if (!geo || !geo.features.length) { el.hidden = true; return; }
    echarts.registerMap('regions', geo);
    var data = geo.features.map(function (f) {
      return { name: f.properties.code, label: f.properties.name, value: values[f.properties.code] };
    });
    var numbers = data.map(function (d) { return d.value; }).filter(function (v) { return v !== null && v !== undefined; });
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      tooltip: { formatter: function (p) { return p.data ? p.data.label + '：' + (p.data.value == null ? '—' : p.data.value.toFixed(2)) : ''; } },
      visualMap: { min: numbers.length ? Math.min.apply(null, numbers) : 0, max: numbers.length ? Math.max.apply(null, numbers) : 1,
        calculable: true, left: 10, bottom: 10, inRange: { color: ['#f3e5d0', '#1f6b35'] } },
      series: [{ type: 'map', map: 'regions', nameProperty: 'code', data: data, roam: true,
        label: { show: true, formatter: function (p) { return p.data ? p.data.label : ''; }, fontSize: 10 } }]
    });
  });
})();
