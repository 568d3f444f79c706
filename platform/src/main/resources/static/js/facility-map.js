// Facility map: region outlines (GeoJSON from our own API, WGS-84) and facility markers, drawn by Leaflet without
// any tile server. The list next to the map carries the same facilities for keyboard and screen-reader users.
(function () {
  var el = document.getElementById('facility-map');
  var nearMe = document.getElementById('near-me');
  if (nearMe) {
    if (!navigator.geolocation) nearMe.hidden = true;
    nearMe.addEventListener('click', function () {
      navigator.geolocation.getCurrentPosition(function (p) {
        document.getElementById('lon').value = p.coords.longitude.toFixed(6);
        document.getElementById('lat').value = p.coords.latitude.toFixed(6);
        nearMe.form.submit();
      });
    });
  }
  if (!el || typeof L === 'undefined') return;
  var markers = JSON.parse(el.dataset.markers || '[]');
  var map = L.map(el, { attributionControl: false, zoomSnap: 0.25 });
  var bounds = L.latLngBounds(markers.map(function (m) { return [m.lat, m.lon]; }));
  // Leaflet draws vectors only on a map with a view: set one before adding anything.
  if (bounds.isValid()) map.fitBounds(bounds.pad(0.05), { maxZoom: 14 });
  else map.setView([41.8, 123.4], 7);
  markers.forEach(function (m) {
    var marker = L.circleMarker([m.lat, m.lon], {
      radius: 7, weight: 2, color: '#0b4f8a', fillColor: m.free === 0 ? '#9aa5b1' : '#1f7a3a', fillOpacity: 0.9
    }).addTo(map);
    var link = document.createElement('a');
    link.href = el.dataset.link + m.id;
    link.textContent = m.name;
    var box = document.createElement('div');
    box.appendChild(link);
    var detail = document.createElement('div');
    detail.textContent = m.type + (m.free !== undefined ? ' · ' + el.dataset.freeLabel + ' ' + m.free : '');
    box.appendChild(detail);
    marker.bindPopup(box);
  });
  function fit(extra) {
    if (extra && extra.isValid()) bounds.extend(extra);
    if (bounds.isValid()) map.fitBounds(bounds.pad(0.05), { maxZoom: 15 });
  }
  fetch(el.dataset.boundaries).then(function (r) { return r.ok ? r.json() : null; }).then(function (geo) {
    if (!geo || !geo.features.length) { fit(); return; }
    var layer = L.geoJSON(geo, {
      style: { color: '#0b4f8a', weight: 1.5, fillColor: '#dce9f5', fillOpacity: 0.35 },
      onEachFeature: function (f, l) { l.bindTooltip(f.properties.name); }
    }).addTo(map);
    layer.bringToBack();
    // Show the whole county (or city) with the facilities in it.
    fit(layer.getBounds());
  }).catch(function () { fit(); });
})();
