// The fleet-wide pages: alerts (with acknowledge), the watering log, the command log, messages.
'use strict';
SP.logs = {
  potName(id) {
    const p = SP.potList.pots.get(id);
    return '<a href="#/pot/' + encodeURIComponent(id) + '">' + SP.esc(p && p.name ? p.name : id) + '</a>';
  },

  table(headers, rows, empty) {
    if (!rows.length) return '<div class="muted small" style="padding:8px 0">' + empty + '</div>';
    return '<table class="stack"><thead><tr>' + headers.map(h => '<th>' + h + '</th>').join('') + '</tr></thead><tbody>'
      + rows.join('') + '</tbody></table>';
  },

  td(label, html) { return SP.cell(label, html); },

  wateringTable(list, withPot) {
    return this.table((withPot ? ['Pot'] : []).concat(['When', 'ml', 'Trigger', 'Outcome', 'Moisture before → after']), list.map(w =>
      '<tr>' + (withPot ? this.td('Pot', this.potName(w.pot_id)) : '') + this.td('When', SP.agoSpan(w.at))
      + this.td('ml', w.ml) + this.td('Trigger', SP.esc(w.trigger) + (w.by ? ' <span class="muted small">(' + SP.esc(w.by) + ')</span>' : ''))
      + this.td('Outcome', SP.esc(w.outcome) + (w.reason ? '<div class="muted small">' + SP.esc(w.reason) + '</div>' : ''))
      + this.td('Moisture', SP.pct(w.moisture_before) + ' → ' + SP.pct(w.moisture_after)) + '</tr>'), 'No watering yet.');
  },

  commandTable(list, withPot) {
    return this.table((withPot ? ['Pot'] : []).concat(['Sent', 'Command', 'By', 'Status', 'Reply']), list.map(c =>
      '<tr>' + (withPot ? this.td('Pot', this.potName(c.pot_id)) : '') + this.td('Sent', SP.agoSpan(c.sent_at))
      + this.td('Command', '<code>' + SP.esc(c.command) + '</code>') + this.td('By', SP.esc(c.by || ''))
      + this.td('Status', SP.esc(c.status) + (c.error ? '<div class="muted small">' + SP.esc(c.error) + '</div>' : ''))
      + this.td('Reply', '<code class="small">' + SP.esc(c.reply || '') + '</code>') + '</tr>'), 'No command sent yet.');
  },

  async alerts(view) {
    view.innerHTML = '<h1>Alerts</h1><div class="card" id="alerts"></div>';
    await this.renderAlerts();
  },

  async renderAlerts() {
    const el = document.getElementById('alerts');
    if (!el) return;
    const [list] = await Promise.all([SP.get('/api/alerts?limit=200'), SP.notify.loadForAlerts()]);
    el.innerHTML = this.table(['Raised', 'Pot', 'Kind', 'What', 'Status', 'Notified', ''], list.map(a =>
      '<tr class="alert-row' + (a.closed_at ? '' : ' open') + '">' + this.td('Raised', SP.agoSpan(a.raised_at))
      + this.td('Pot', this.potName(a.pot_id)) + this.td('Kind', SP.stateBadge(a.kind)) + this.td('What', SP.esc(a.message))
      + this.td('Status', (a.closed_at ? 'over ' + SP.agoSpan(a.closed_at) : '<strong>open</strong>')
        + (a.acknowledged_at ? '<div class="muted small">seen by ' + SP.esc(a.acknowledged_by) + '</div>' : ''))
      + this.td('Notified', SP.notify.cell(a.id))
      + this.td('', a.acknowledged_at ? '' : '<button data-ack="' + a.id + '">Acknowledge</button>') + '</tr>'), 'No alerts. Every plant is fine.');
    el.querySelectorAll('button[data-ack]').forEach(b => b.addEventListener('click', async () => {
      b.disabled = true;
      try { await SP.api('POST', '/api/alerts/' + b.dataset.ack + '/ack'); } catch (e) { SP.toast(e.message); }
      this.renderAlerts();
      SP.app.updateAlertCount();
    }));
  },

  async waterings(view) {
    view.innerHTML = '<h1>Watering log</h1><div class="card" id="waterings"></div>';
    document.getElementById('waterings').innerHTML = this.wateringTable(await SP.get('/api/waterings?limit=200'), true);
  },

  async commands(view) {
    view.innerHTML = '<h1>Command log</h1><div class="card" id="commands"></div>';
    document.getElementById('commands').innerHTML = this.commandTable(await SP.get('/api/commands?limit=200'), true);
  },

  async messages(view) {
    view.innerHTML = '<h1>Messages</h1><p class="muted small">What arrived that is not a reading: the tutorial\'s text messages, '
      + 'and junk payloads (counted and kept, never a crash).</p><div class="card" id="messages"></div>';
    const list = await SP.get('/api/messages?limit=200');
    document.getElementById('messages').innerHTML = this.table(['Received', 'Topic', 'Text', 'Kind'], list.map(m =>
      '<tr>' + this.td('Received', SP.agoSpan(m.received_at)) + this.td('Topic', '<code>' + SP.esc(m.topic) + '</code>')
      + this.td('Text', '<code>' + SP.esc(m.text) + '</code>')
      + this.td('Kind', m.junk ? '<span class="state FAULT">junk</span> <span class="muted small">' + SP.esc(m.problem || '') + '</span>' : 'text')
      + '</tr>'), 'No messages.');
  }
};
