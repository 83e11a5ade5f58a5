// The door that keeps working without the venue's Wi-Fi (issue 17.3). On load it saves today's attendee list of this
// event on the device (codes only as SHA-256 hashes); while the browser is offline a typed or scanned code is matched
// against it and the check-in is queued with the device time and a client-made id; the queue is sent when the network
// returns (online event, and a retry every 10 s). Online, the form posts as before. Texts come from data- attributes.
(function () {
  var door = document.getElementById('door');
  var form = document.getElementById('check-in-form');
  var input = document.getElementById('code');
  if (!door || !form || !window.localStorage || !window.crypto || !window.crypto.subtle) { return; }
  var t = door.dataset;
  var eventId = t.eventId;
  var listKey = 'madang.door.list.' + eventId;
  var queueKey = 'madang.door.queue.' + eventId;
  var deviceKey = 'madang.door.device';
  var el = function (id) { return document.getElementById(id); };
  var fill = function (text) {
    var args = Array.prototype.slice.call(arguments, 1);
    return text.replace(/\{(\d)\}/g, function (m, i) { return args[i] == null ? '' : String(args[i]); });
  };
  var read = function (key, fallback) {
    try { var v = JSON.parse(localStorage.getItem(key)); return v == null ? fallback : v; } catch (e) { return fallback; }
  };
  var write = function (key, value) { localStorage.setItem(key, JSON.stringify(value)); };
  var hhmm = function (iso) { return iso ? iso.substring(11, 16) : ''; }; // server times are Seoul offsets
  var uuid = function () {
    if (crypto.randomUUID) { return crypto.randomUUID(); }
    var b = crypto.getRandomValues(new Uint8Array(16)); b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).substring(1); }).join('');
    return h.substring(0, 8) + '-' + h.substring(8, 12) + '-' + h.substring(12, 16) + '-' + h.substring(16, 20) + '-' + h.substring(20);
  };
  var reasonText = function (reason) {
    var li = document.querySelector('#door-reasons li[data-reason="' + reason + '"]');
    return li ? li.textContent : reason;
  };

  // This device: an id made once, and a name staff give it ("door 2").
  var device = read(deviceKey, null);
  if (!device) { device = { id: uuid(), name: t.textDefaultDevice + ' ' + (Math.floor(Math.random() * 90) + 10) }; write(deviceKey, device); }
  var nameInput = el('device-name');
  nameInput.value = device.name;
  nameInput.addEventListener('change', function () {
    var name = nameInput.value.trim();
    if (name) { device.name = name; write(deviceKey, device); } else { nameInput.value = device.name; }
  });

  // The list lives until the end of its day (Seoul), or until sign-out. The end is counted on this device's clock
  // from the server's (validUntil - servedAt), so a device clock that is off neither keeps nor drops it early.
  var list = read(listKey, null);
  var dropList = function () { localStorage.removeItem(listKey); list = null; };
  if (list && !(list.dropAt > Date.now())) { dropList(); }
  // A door page left open overnight drops the list at midnight (Seoul) all the same.
  var endOfDay = null;
  var dropAtEndOfDay = function () {
    if (endOfDay) { clearTimeout(endOfDay); }
    if (list) { endOfDay = setTimeout(function () { dropList(); showNetwork(); }, Math.min(list.dropAt - Date.now(), 2147483647)); }
  };
  dropAtEndOfDay();
  var signOut = document.querySelector('form[action$="/sign-out"]');
  if (signOut) { signOut.addEventListener('submit', dropList); }

  var queue = read(queueKey, []);
  var showPending = function () { el('door-pending').textContent = fill(t.textPending, queue.length); };
  var showNetwork = function () {
    var parts = [navigator.onLine ? t.textOnline : t.textOffline];
    if (list) { parts.push(fill(t.textSaved, list.attendees.length)); } else if (!navigator.onLine) { parts.push(t.textListFailed); }
    el('door-network').textContent = parts.join(' · ');
  };
  var say = function (text, kind) {
    var box = el('door-result');
    box.className = 'result ' + kind;
    box.textContent = text;
  };
  var attendee = function (registrationId) {
    if (!list) { return null; }
    for (var i = 0; i < list.attendees.length; i++) { if (list.attendees[i].registrationId === registrationId) { return list.attendees[i]; } }
    return null;
  };
  var nameOf = function (registrationId) { var a = attendee(registrationId); return a ? a.name : ''; };
  var report = function (text) {
    var li = document.createElement('li');
    li.textContent = text;
    el('door-conflicts').appendChild(li);
    el('door-conflicts-box').hidden = false;
  };

  var loadList = function () {
    fetch(t.listUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error('list ' + r.status); } return r.json(); })
      .then(function (fresh) {
        fresh.dropAt = Date.now() + (Date.parse(fresh.validUntil) - Date.parse(fresh.servedAt));
        list = fresh; write(listKey, fresh); showNetwork(); dropAtEndOfDay();
      })
      .catch(function () { showNetwork(); });
  };

  var csrf = form.querySelector('input[name="_csrf"]');
  var sending = false;
  var drain = function () {
    if (sending || queue.length === 0 || !navigator.onLine) { return; }
    sending = true;
    var batch = queue.slice(0, 500);
    var headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (csrf) { headers['X-CSRF-TOKEN'] = csrf.value; }
    fetch(t.uploadUrl, {
      method: 'POST', credentials: 'same-origin', headers: headers,
      body: JSON.stringify({ deviceId: device.id, deviceName: device.name,
        checkIns: batch.map(function (q) { return { id: q.id, code: q.code, deviceTime: q.deviceTime }; }) })
    }).then(function (r) { if (!r.ok) { throw new Error('upload ' + r.status); } return r.json(); })
      .then(function (answer) {
        var done = {};
        answer.results.forEach(function (res) {
          done[res.id] = true;
          var queued = batch.filter(function (q) { return q.id === res.id; })[0];
          var name = nameOf(res.registrationId || (queued && queued.registrationId));
          if (res.result === 'ALREADY_CHECKED_IN') {
            report(fill(t.textConflict, name, hhmm(res.checkedInAt), res.checkedInBy || t.textUnknownDevice));
          } else if (res.result === 'REFUSED') {
            report(fill(t.textRefused, name, reasonText(res.reason)));
          }
          var a = attendee(res.registrationId);
          if (a && res.checkedInAt) { a.checkedInAt = res.checkedInAt; a.checkedInBy = res.checkedInBy; }
        });
        if (list) { write(listKey, list); }
        queue = read(queueKey, []).filter(function (q) { return !done[q.id]; });
        write(queueKey, queue);
        showPending();
      })
      .catch(function () { /* still offline, or signed out: the queue stays and is retried */ })
      .then(function () { sending = false; if (queue.length > 0 && navigator.onLine) { setTimeout(drain, 1000); } });
  };

  var sha256 = function (text) {
    return crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)).then(function (buffer) {
      return Array.prototype.map.call(new Uint8Array(buffer), function (x) { return (x + 256).toString(16).substring(1); }).join('');
    });
  };

  // The same wall-clock form the server sends (Seoul, +09:00), so times read alike.
  var toSeoul = function (date) {
    var s = new Date(date.getTime() + 9 * 3600 * 1000).toISOString();
    return s.substring(0, 19) + '+09:00';
  };

  // Offline only: online the form posts and the server answers, as before.
  form.addEventListener('submit', function (e) {
    if (navigator.onLine) { return; }
    e.preventDefault();
    var code = input.value.trim();
    if (!code) { return; }
    // a short code is matched as the server keys it: upper case, without spaces or hyphens (ABCD-EFGH → ABCDEFGH)
    var key = code.indexOf('.') < 0 ? code.replace(/[\s\-\u2010\u2011\u2013\u2014]/g, '').toUpperCase() : code;
    sha256(key).then(function (hash) {
      var found = null;
      (list ? list.attendees : []).forEach(function (a) { if (a.codeHashes.indexOf(hash) >= 0) { found = a; } });
      if (!found) {
        say(t.textUnknown, 'bad');
      } else if (found.status !== 'CONFIRMED') {
        say(t.textNotConfirmed + ' ' + found.name, 'bad');
      } else if (found.checkedInAt) {
        say(fill(t.textAlready, hhmm(found.checkedInAt), found.checkedInBy || t.textUnknownDevice, found.name), 'warn');
      } else {
        var now = new Date();
        found.checkedInAt = toSeoul(now);
        found.checkedInBy = device.name;
        write(listKey, list);
        queue = read(queueKey, []);
        queue.push({ id: uuid(), code: code, deviceTime: now.toISOString(), registrationId: found.registrationId });
        write(queueKey, queue);
        showPending();
        say(fill(t.textQueued, found.name + (found.organisation ? ' · ' + found.organisation : '')), 'ok');
      }
      input.value = '';
      input.focus();
    });
  });

  window.addEventListener('online', function () { showNetwork(); loadList(); drain(); });
  window.addEventListener('offline', showNetwork);
  setInterval(drain, 10000);
  door.hidden = false;
  showPending();
  showNetwork();
  if (navigator.onLine) { loadList(); drain(); }
})();
