// Job board map: the outlines of the cities (or of a city's counties) from our own boundaries API, shaded by how many
// of the matching vacancies are in each; a click narrows the search to that region. The list under the map carries the
// same counts, with links, for keyboard and screen-reader users.
(function () {
  var el = document.getElementById('job-map');
  if (!el || typeof L === 'undefined') return;
  var counts = JSON.parse(el.dataset.counts || '{}');
  var max = Object.keys(counts).reduce(function (m, k) { return Math.max(m, counts[k]); }, 1);
  var map = L.map(el, { attributionControl: false, zoomSnap: 0.25 });
  map.setView([38, 115], 5);
  var all = L.latLngBounds([]);
  function countFor(code) {
    return counts[code] || 0;
  }
  var outlines = (el.dataset.outlines || '').split(' ').filter(Boolean);
  Promise.all(outlines.map(function (code) {
    return fetch(el.dataset.boundaries + code + '/boundaries').then(function (r) { return r.ok ? r.json() : null; })
      .catch(function () { return null; });
  })).then(function (layers) {
    layers.forEach(function (geo) {
      if (!geo || !geo.features.length) return;
      var layer = L.geoJSON(geo, {
        style: function (f) {
          var n = countFor(f.properties.code);
          return { color: '#0b4f8a', weight: 1.2, fillColor: n > 0 ? '#1f7a3a' : '#dce9f5',
            fillOpacity: n > 0 ? 0.2 + 0.6 * n / max : 0.3 };
        },
        onEachFeature: function (f, l) {
          var n = countFor(f.properties.code);
          l.bindTooltip(f.properties.name + '：' + n + ' ' + el.dataset.jobsLabel);
          l.on('click', function () {
            var sep = el.dataset.link.indexOf('?') >= 0 ? '&' : '?';
            window.location.href = el.dataset.link + sep + 'region=' + f.properties.code;
          });
        }
      }).addTo(map);
      all.extend(layer.getBounds());
    });
    if (all.isValid()) map.fitBounds(all.pad(0.02));
    else el.hidden = true;
  });
})();
