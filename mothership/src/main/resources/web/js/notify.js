// Notifications: the targets (never shown whole), adding one, a test per target, and each alert's deliveries.
'use strict';
SP.notify = {
  byAlert: new Map(),

  async show(view) {
    view.innerHTML = '<h1>Notifications</h1>'
      + '<p class="muted small">Each new alert goes once to every target that wants it: ntfy, e-mail, Telegram or a JSON webhook. '
      + 'Passwords and tokens are kept on the Pi and never shown again. See docs/notifications.md.</p>'
      + '<div class="card"><h2>Targets</h2><div id="notify-targets"></div>'
      + '<form id="notify-add" class="row" autocomplete="off">'
      + '<input name="url" id="notify-url" placeholder="ntfys://ntfy.sh/my-basil-topic?kinds=DRY,WET&amp;quiet=22:00-07:00" '
      + 'style="flex:1;min-width:260px" spellcheck="false" aria-label="notification URL">'
      + '<button class="primary" type="submit">Add target</button></form><div class="error-text" id="notify-error"></div></div>'
      + '<div class="card"><h2>Deliveries</h2><div id="notify-deliveries"></div></div>';
    document.getElementById('notify-add').addEventListener('submit', (e) => { e.preventDefault(); this.add(); });
    await Promise.all([this.renderTargets(), this.renderDeliveries()]);
  },

  async renderTargets() {
    const el = document.getElementById('notify-targets');
    if (!el) return;
    const list = await SP.get('/api/notify/targets');
    el.innerHTML = SP.logs.table(['Target', 'From', ''], list.map(t =>
      '<tr>' + SP.cell('Target', '<code>' + SP.esc(t.shown) + '</code>')
      + SP.cell('From', t.source === 'settings' ? 'this page' : '--' + (t.source === 'file' ? 'notify-file' : 'notify'))
      + SP.cell('', '<button data-test="' + SP.esc(t.key) + '">Send a test</button>'
        + (t.source === 'settings' ? ' <button data-remove="' + SP.esc(t.key) + '">Remove</button>' : '')
        + '<div class="small" data-result="' + SP.esc(t.key) + '"></div>') + '</tr>'),
      'No target yet: alerts show only here, on MQTT and in Home Assistant.');
    el.querySelectorAll('button[data-test]').forEach(b => b.addEventListener('click', async () => {
      const out = el.querySelector('[data-result="' + b.dataset.test + '"]');
      b.disabled = true; out.textContent = 'sending…';
      try {
        const r = await SP.api('POST', '/api/notify/targets/' + b.dataset.test + '/test');
        out.textContent = r.ok ? 'arrived ✓' : r.error;
        out.classList.toggle('error-text', !r.ok);
      } catch (e) { out.textContent = e.message; out.classList.add('error-text'); }
      b.disabled = false;
    }));
    el.querySelectorAll('button[data-remove]').forEach(b => b.addEventListener('click', async () => {
      try { await SP.api('DELETE', '/api/notify/targets/' + b.dataset.remove); } catch (e) { SP.toast(e.message); }
      this.renderTargets();
    }));
  },

  async add() {
    const input = document.getElementById('notify-url');
    const error = document.getElementById('notify-error');
    error.textContent = '';
    try {
      const t = await SP.api('POST', '/api/notify/targets', { url: input.value });
      input.value = '';
      SP.toast('Added ' + t.shown);
      this.renderTargets();
    } catch (e) { error.textContent = e.message; }
  },

  async renderDeliveries() {
    const el = document.getElementById('notify-deliveries');
    if (!el) return;
    const list = await SP.get('/api/notify/deliveries?limit=200');
    el.innerHTML = SP.logs.table(['Alert', 'Target', 'Delivery'], list.map(d =>
      '<tr>' + SP.cell('Alert', '#' + d.alert_id) + SP.cell('Target', '<code class="small">' + SP.esc(d.target) + '</code>')
      + SP.cell('Delivery', this.status(d)) + '</tr>'), 'Nothing sent yet.');
  },

  /** "sent 2 min ago", "trying again in …: error", "gave up: error". */
  status(d) {
    if (d.status === 'sent') return '<span class="delivery sent">sent</span> ' + SP.agoSpan(d.sent_at)
      + (d.held ? ' <span class="muted small">(digest after quiet hours)</span>' : '');
    const err = d.error ? '<div class="muted small">' + SP.esc(d.error) + '</div>' : '';
    if (d.status === 'failed') return '<span class="delivery failed">gave up</span> after ' + d.attempts + ' attempts' + err;
    const when = Date.parse(d.next_at) > Date.now() ? ' next try ' + SP.esc(SP.time(d.next_at)) : '';
    return '<span class="delivery pending">' + (d.held ? 'held for quiet hours' : 'pending') + '</span>'
      + (d.attempts ? ' ' + d.attempts + ' attempts' : '') + when + err;
  },

  /** The alerts page's column: every delivery of the alert. */
  async loadForAlerts() {
    // Built aside and swapped in whole: two redraws at once (an alert and its delivery) must not mix their lists.
    const byAlert = new Map();
    try {
      for (const d of await SP.get('/api/notify/deliveries?limit=1000')) {
        if (!byAlert.has(d.alert_id)) byAlert.set(d.alert_id, []);
        byAlert.get(d.alert_id).push(d);
      }
    } catch (e) { /* an older mothership without notifications */ }
    this.byAlert = byAlert;
  },

  cell(alertId) {
    const list = this.byAlert.get(alertId) || [];
    if (!list.length) return '<span class="muted small">—</span>';
    return list.map(d => '<div class="small"><code>' + SP.esc(d.target) + '</code> ' + this.status(d) + '</div>').join('');
  }
};
