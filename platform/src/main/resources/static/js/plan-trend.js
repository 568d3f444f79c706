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
    var unit = el.dataset.unit || '';
    var colon = el.dataset.colon || ': ';
    // The legend names ranges ("2.00–2.50 个/千人"), five of equal width between the lowest and highest value; with no
    // values there is no legend (every region is grey, and the tooltip says "—").
    var low = numbers.length ? Math.min.apply(null, numbers) : 0;
    var high = numbers.length ? Math.max.apply(null, numbers) : 0;
    var step = (high - low) / 5 || 1;
    var whole = numbers.every(function (v) { return Math.abs(v - Math.round(v)) < 1e-9; });
    var digits = whole && step >= 1 ? 0 : 2;
    var colours = ['#f3e5d0', '#d9d3a6', '#a9c08a', '#6a9d63', '#1f6b35'];
    var pieces = colours.map(function (colour, i) {
      var from = low + i * step;
      var to = i === 4 ? high : low + (i + 1) * step;
      return { min: from, max: to, color: colour, label: from.toFixed(digits) + '–' + to.toFixed(digits) + (unit ? ' ' + unit : '') };
    });
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      tooltip: { formatter: function (p) {
        return p.data ? p.data.label + colon + (p.data.value == null ? '—' : p.data.value.toFixed(digits) + (unit ? ' ' + unit : '')) : '';
      } },
      visualMap: { show: numbers.length > 0, type: 'piecewise', pieces: pieces, left: 10, bottom: 10,
        outOfRange: { color: '#d6dbe0' } },
      series: [{ type: 'map', map: 'regions', nameProperty: 'code', data: data, roam: true,
        label: { show: true, formatter: function (p) { return p.data ? p.data.label : ''; }, fontSize: 10 } }]
    });
  });
})();
