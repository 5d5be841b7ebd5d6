// Talking to the mothership's API, and the small formatting helpers every page shares.
'use strict';
const SP = window.SP = {};

/** GET/POST/PUT with the cross-site protection header; a 401 sends the person to the login page. */
SP.api = async function (method, path, body, contentType) {
  const headers = {};
  if (method !== 'GET') headers['X-SmartPot-Request'] = '1';
  if (body !== undefined) headers['Content-Type'] = contentType || 'application/json';
  const res = await fetch(path, {
    method, credentials: 'same-origin', headers,
    body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body))
  });
  if (res.status === 401) { location.href = '/login.html'; throw new Error('not logged in'); }
  const text = await res.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch (e) { data = text; }
  if (!res.ok && !(data && typeof data === 'object' && 'status' in data && 'command' in data)) {
    const err = new Error(data && data.error ? data.error + (data.fix ? ' — ' + data.fix : '') : res.status + ' ' + text);
    err.status = res.status; err.body = data;
    throw err;
  }
  return data;
};
SP.get = (path) => SP.api('GET', path);

SP.esc = function (s) {
  return String(s == null ? '' : s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
};

/** "12 s ago", "3 min ago", "5 h ago", "2 d ago"; "never" for none. */
SP.ago = function (iso) {
  if (!iso) return 'never';
  const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  if (s < 90) return s + ' s ago';
  if (s < 90 * 60) return Math.round(s / 60) + ' min ago';
  if (s < 36 * 3600) return Math.round(s / 3600) + ' h ago';
  return Math.round(s / 86400) + ' d ago';
};
SP.time = (iso) => iso ? new Date(iso).toLocaleString() : '—';
SP.pct = (v) => v == null ? '—' : v.toFixed(1) + ' %';
SP.stateBadge = (state) => '<span class="state ' + SP.esc(state) + '">' + SP.esc(state) + '</span>';

/** A deep-sleep pot asleep on purpose: when it said it wakes (its state stays its plant's). */
SP.asleepChip = (p) => p.asleep_until
  ? ' <span class="chip asleep" title="asleep on purpose: no alarm until it is late">asleep until '
    + SP.esc(new Date(p.asleep_until).toISOString().substring(11, 16)) + ' UTC</span>'
  : '';

/** A battery voltage from mV: "2.87 V". */
SP.volts = (mv) => (mv / 1000).toFixed(2) + ' V';
/** A pot that is not talking, or whose sensor is broken: never to be read as fine. */
SP.notTalking = (state) => state === 'STALE' || state === 'OFFLINE' || state === 'UNKNOWN';

/** Elements with a data-ago attribute re-render their "… ago" text every second. */
setInterval(() => {
  document.querySelectorAll('[data-ago]').forEach(el => { el.textContent = SP.ago(el.getAttribute('data-ago') || null); });
}, 1000);
SP.agoSpan = (iso) => '<span data-ago="' + SP.esc(iso || '') + '" title="' + SP.esc(SP.time(iso)) + '">' + SP.ago(iso) + '</span>';

/** A table cell; on a phone the table turns into cards and data-label names the value. */
SP.cell = (label, html, cls) => '<td data-label="' + label + '"' + (cls ? ' class="' + cls + '"' : '') + '><div>' + html + '</div></td>';

SP.toast = function (text) {
  const t = document.getElementById('toast');
  t.textContent = text;
  clearTimeout(SP.toast.timer);
  SP.toast.timer = setTimeout(() => { t.textContent = ''; }, 4000);
};

/** The pot's reply, pretty-printed, for the reply boxes. */
SP.showReply = function (el, result, error) {
  el.classList.toggle('error', !!error || (result && result.status !== 'ok'));
  if (error) { el.textContent = error.message; return; }
  const parts = [result.status + (result.error ? ': ' + result.error : '')];
  if (result.reply != null) parts.push(typeof result.reply === 'string' ? result.reply : JSON.stringify(result.reply, null, 2));
  el.textContent = parts.join('\n');
};
