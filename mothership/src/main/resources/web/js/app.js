// The page's frame: a hash router, the live event stream, the alert count and the auto-watering switch.
'use strict';
SP.app = {
  page: null,

  async start() {
    const session = await SP.get('/api/session');
    if (session.login_required && !session.logged_in) { location.href = '/login.html'; return; }
    const logout = document.getElementById('logout');
    logout.classList.toggle('hidden', !session.login_required);
    logout.addEventListener('click', async () => { await SP.api('POST', '/api/logout'); location.href = '/login.html'; });
    const auto = document.getElementById('auto-watering');
    auto.addEventListener('change', async () => {
      try {
        const r = await SP.api('PUT', '/api/auto-watering', { enabled: auto.checked });
        auto.checked = r.enabled;
        SP.toast(r.enabled ? 'Automatic watering allowed (per pot settings apply)' : 'All automatic watering stopped');
      } catch (e) { auto.checked = !auto.checked; SP.toast(e.message); }
    });
    auto.checked = (await SP.get('/api/auto-watering')).enabled;
    window.addEventListener('hashchange', () => this.route());
    this.connect();
    this.updateAlertCount();
    this.checkHealth();
    await this.route();
  },

  async route() {
    const view = document.getElementById('view');
    const hash = location.hash || '#/';
    if (SP.potPage.potId) SP.potPage.leave();
    const potMatch = hash.match(/^#\/pot\/(.+)$/);
    this.page = potMatch ? 'pot' : (hash.slice(2) || 'pots');
    document.querySelectorAll('header nav a').forEach(a => a.classList.toggle('active', a.dataset.nav === this.page));
    try {
      if (SP.potList.pots.size === 0 && this.page !== 'pots') await SP.potList.refresh();
      if (potMatch) await SP.potPage.show(view, decodeURIComponent(potMatch[1]));
      else if (this.page === 'alerts') await SP.logs.alerts(view);
      else if (this.page === 'waterings') await SP.logs.waterings(view);
      else if (this.page === 'commands') await SP.logs.commands(view);
      else if (this.page === 'messages') await SP.logs.messages(view);
      else if (this.page === 'notify') await SP.notify.show(view);
      else if (this.page === 'backups') await SP.backups.show(view);
      else { this.page = 'pots'; await SP.potList.show(view); }
    } catch (e) {
      view.innerHTML = '<div class="card"><h2>Could not load this page</h2><p class="error-text">' + SP.esc(e.message) + '</p></div>';
    }
  },

  /** Server-sent events; the browser reconnects by itself, and the list is reloaded on reconnect. */
  connect() {
    const live = document.getElementById('live');
    const text = document.getElementById('live-text');
    const source = new EventSource('/api/events');
    source.onopen = () => { live.classList.add('on'); text.textContent = 'live'; };
    // "ready" comes once the server has subscribed this stream: a snapshot loaded after it misses no event.
    source.addEventListener('ready', () => {
      if (this.page === 'pots') SP.potList.refresh();
      this.checkHealth();
    });
    source.onerror = () => { live.classList.remove('on'); text.textContent = 'reconnecting'; };
    for (const type of ['reading', 'pot', 'alert', 'command', 'watering', 'message', 'health', 'delivery']) {
      source.addEventListener(type, (e) => this.dispatch(type, JSON.parse(e.data)));
    }
  },

  dispatch(type, data) {
    if (type === 'health') { this.showHealth(data); return; }
    if (type === 'delivery') {
      if (this.page === 'alerts') SP.logs.renderAlerts();
      if (this.page === 'notify') SP.notify.renderDeliveries();
      return;
    }
    if (type === 'message') {
      // A junk flood must not redraw the page hundreds of times a second: at most every 2 s.
      if (this.page === 'messages' && !this.messagesTimer) {
        this.messagesTimer = setTimeout(() => { this.messagesTimer = null; if (this.page === 'messages') SP.logs.messages(document.getElementById('view')); }, 2000);
      }
      return;
    }
    SP.potList.onEvent(type, data);
    if (this.page === 'pot') SP.potPage.onEvent(type, data);
    if (type === 'alert') {
      this.updateAlertCount();
      if (this.page === 'alerts') SP.logs.renderAlerts();
    }
  },

  /** A red line over every page while the store or the broker link is down: readings are not being kept. */
  showHealth(h) {
    const banner = document.getElementById('health-banner');
    const problems = [];
    if (h && !h.broker_connected) problems.push('no link to the MQTT broker (' + (h.broker || '?') + '): readings are not arriving');
    if (h && !h.store_ok) problems.push('the store has a problem: ' + (h.store_error || 'unknown') + ' (ingest resumes by itself once fixed)');
    banner.textContent = problems.join(' · ');
    banner.classList.toggle('hidden', problems.length === 0);
  },

  async checkHealth() {
    try {
      const res = await fetch('/health', { credentials: 'same-origin' });
      this.showHealth(await res.json());
    } catch (e) { /* the event stream says when the server is back */ }
  },

  async updateAlertCount() {
    const open = await SP.get('/api/alerts?open=true&limit=1000');
    document.getElementById('alert-count').textContent = open.filter(a => !a.acknowledged_at).length || '';
  }
};
SP.app.start();
