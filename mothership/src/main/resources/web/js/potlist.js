// The pot list: every pot, its state in colour and words, moisture, last seen, last watered. Live.
'use strict';
SP.potList = {
  pots: new Map(),

  async show(view) {
    view.innerHTML = '<h1>Pots</h1><div class="card" style="padding:6px 8px">'
      + '<table class="pots stack" id="pots"><thead><tr><th>Pot</th><th>Room</th><th>State</th><th>Moisture</th>'
      + '<th>Last seen</th><th>Last watered</th></tr></thead><tbody></tbody></table>'
      + '<div class="chart-empty hidden" id="no-pots">No pot has talked to this mothership yet. Start one with '
      + '<code>./scripts/simulate</code>, or point a pot at this broker.</div></div>';
    view.querySelector('tbody').addEventListener('click', (e) => {
      const tr = e.target.closest('tr[data-pot-id]');
      if (tr) location.hash = '#/pot/' + encodeURIComponent(tr.dataset.potId);
    });
    const pots = await SP.get('/api/pots');
    this.pots = new Map(pots.map(p => [p.id, p]));
    this.render();
  },

  render() {
    const body = document.querySelector('#pots tbody');
    if (!body) return;
    body.innerHTML = [...this.pots.values()].map(p => this.row(p)).join('');
    document.getElementById('no-pots').classList.toggle('hidden', this.pots.size > 0);
  },

  row(p) {
    const m = p.moisture;
    const bar = m == null ? '' : '<span class="bar"><span style="width:' + Math.max(0, Math.min(100, m)) + '%"></span></span>';
    return '<tr data-pot-id="' + SP.esc(p.id) + '" class="state-' + SP.esc(p.state) + (SP.notTalking(p.state) ? ' not-talking' : '') + '">'
      + SP.cell('Pot', '<strong>' + SP.esc(p.name || p.id) + '</strong><br><span class="muted mono small">' + SP.esc(p.id) + '</span>'
        + (p.battery_mv == null ? '' : ' <span class="battery small" title="battery at ' + SP.esc(SP.time(p.battery_at)) + '">'
          + SP.volts(p.battery_mv) + '</span>'))
      + SP.cell('Room', SP.esc(p.room || '—'))
      + SP.cell('State', SP.stateBadge(p.state) + SP.asleepChip(p) + (p.reason ? '<div class="muted small">' + SP.esc(p.reason) + '</div>' : ''))
      + SP.cell('Moisture', bar + SP.pct(m) + (p.fault ? ' <span class="state FAULT">' + SP.esc(p.fault) + '</span>' : ''), 'num moisture')
      + SP.cell('Last seen', SP.agoSpan(p.last_seen), 'last-seen')
      + SP.cell('Last watered', SP.agoSpan(p.last_watered)) + '</tr>';
  },

  /**
   * A live event: the pot is marked and its row redrawn on the next flush, at most once a second, so a
   * fleet of thousands of pots reading every 5 s costs one small redraw per second, not thousands.
   */
  onEvent(type, data) {
    let id;
    if (type === 'pot') {
      id = data.id;
      if (!this.pots.has(id)) this.fullRender = true;
      this.pots.set(id, data);
    } else if (type === 'reading') {
      id = data.pot_id;
      const p = this.pots.get(id);
      if (!p) { this.refresh(); return; }
      p.last_seen = data.received_at || data.ts;
      if (data.moisture != null) p.moisture = data.moisture;
      p.fault = data.fault || null;
    } else {
      return;
    }
    this.dirty.add(id);
    if (!this.flushTimer) this.flushTimer = setTimeout(() => this.flush(), 1000);
  },

  dirty: new Set(),

  flush() {
    this.flushTimer = null;
    const body = document.querySelector('#pots tbody');
    if (!body) { this.dirty.clear(); return; }
    if (this.fullRender) {
      this.fullRender = false;
      this.dirty.clear();
      this.render();
      return;
    }
    for (const id of this.dirty) {
      const row = body.querySelector('tr[data-pot-id="' + CSS.escape(id) + '"]');
      if (row) row.outerHTML = this.row(this.pots.get(id));
    }
    this.dirty.clear();
  },

  async refresh() {
    if (this.refreshing) return;
    this.refreshing = true;
    try {
      const pots = await SP.get('/api/pots');
      this.pots = new Map(pots.map(p => [p.id, p]));
      this.render();
    } finally { this.refreshing = false; }
  }
};
