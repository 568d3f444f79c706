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
