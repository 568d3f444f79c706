// Regions coloured by a value — a plan target's value, the open alerts of an area — with boundaries from our own API
// (no tiles, no outside service). Every element of class region-map with data-values (code → number) and
// data-boundaries (the GeoJSON address) becomes one.
document.querySelectorAll('.region-map').forEach(function (el, index) {
  if (typeof echarts === 'undefined') return;
  var values = JSON.parse(el.dataset.values);
  fetch(el.dataset.boundaries).then(function (r) { return r.ok ? r.json() : null; }).then(function (geo) {
    if (!geo || !geo.features.length) { el.hidden = true; return; }
    echarts.registerMap('regions-' + index, geo);
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
      series: [{ type: 'map', map: 'regions-' + index, nameProperty: 'code', data: data, roam: true,
        label: { show: true, formatter: function (p) { return p.data ? p.data.label : ''; }, fontSize: 10 } }]
    });
  });
});
