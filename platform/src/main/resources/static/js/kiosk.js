// Self-service terminal: after a while without input, warn, then sign the person out so the next one starts clean.
(function () {
  var script = document.currentScript;
  var idle = parseInt((script && script.getAttribute('data-kiosk-idle')) || '180', 10);
  // Large print on a terminal, whatever the person chose on their own phone.
  document.body.classList.add('elder', 'kiosk');
  var warnAt = Math.max(idle - 30, 30) * 1000;
  var endAt = Math.max(idle - 10, 40) * 1000;
  var banner = document.getElementById('kiosk-idle');
  var warnTimer, endTimer;
  function signOut() {
    var form = document.getElementById('kiosk-signout');
    if (form) { form.submit(); } else { window.location.href = '/'; }
  }
  function reset() {
    if (banner) banner.hidden = true;
    clearTimeout(warnTimer); clearTimeout(endTimer);
    warnTimer = setTimeout(function () { if (banner) banner.hidden = false; }, warnAt);
    endTimer = setTimeout(signOut, endAt);
  }
  ['click', 'keydown', 'touchstart', 'input'].forEach(function (e) { document.addEventListener(e, reset, true); });
  reset();
})();
