// One pot: its state, history chart, water button, any command, calibration wizard, settings and logs.
'use strict';
SP.potPage = {
  potId: null, pot: null, chart: null, settings: null,

  async show(view, potId) {
    this.potId = potId;
    const id = encodeURIComponent(potId);
    view.innerHTML = `
      <div class="row"><a href="#/">← All pots</a></div>
      <div class="row" style="margin:8px 0 4px"><h1 id="pot-name" style="margin:0"></h1><span id="pot-state"></span></div>
      <div class="muted small" id="pot-sub"></div>
      <div class="card" style="margin-top:14px"><div class="stats" id="pot-stats"></div></div>
      <div class="card">
        <div class="row" style="justify-content:space-between;margin-bottom:10px">
          <h2 style="margin:0">Moisture history</h2>
          <div class="row">
            <div class="seg" id="ranges">
              <button data-range="hour" class="on">Hour</button><button data-range="day">Day</button>
              <button data-range="month">Month</button><button data-range="year">Year</button>
            </div>
            <a class="btn small" id="csv" href="#">CSV</a>
          </div>
        </div>
        <div class="chart-wrap" id="chart"></div>
        <div class="muted small chart-legend"><span><i class="band-key"></i>the plant's dry/wet band</span>
          <span><i class="water-key"></i>watering</span><span><i class="alert-key"></i>alert</span>
          <span>Drag across the chart to zoom in; double-click to zoom out.</span></div>
      </div>
      <div class="card" id="pot-wakes" hidden></div>
      <div class="grid">
        <div class="card">
          <h2>Water and commands</h2>
          <div class="row"><button class="water" id="water-btn">Water</button>
            <span class="muted small" id="water-note"></span></div>
          <form class="row" id="command-form" style="margin-top:12px">
            <input id="command-input" placeholder="any command, e.g. read, status, interval 10s, help" style="flex:1" autocomplete="off">
            <button type="submit" id="command-send">Send</button>
          </form>
          <div class="reply" id="command-reply"></div>
        </div>
        <div class="card wizard" id="wizard">
          <h2>Calibrate the sensor</h2>
          <ol>
            <li id="wiz-1">Take the sensor out of the soil, wipe it dry and hold it in the air.
              <div><button id="wiz-dry">Sensor is in dry air: calibrate dry</button></div></li>
            <li id="wiz-2">Put the sensor in a glass of water up to its line.
              <div><button id="wiz-wet" disabled>Sensor is in water: calibrate wet</button></div></li>
            <li id="wiz-3">Put the sensor back in the soil. Readings now use the new range.</li>
          </ol>
          <div class="reply" id="wizard-reply"></div>
        </div>
      </div>
      <div class="card">
        <h2>Settings</h2>
        <form class="settings" id="settings-form">
          <label>Name <input name="name"></label>
          <label>Room <input name="room"></label>
          <label>Plant preset <select name="preset" id="preset"></select></label>
          <label>Dry below (%) <input name="dry_below" type="number" step="0.5" min="0" max="100"></label>
          <label>Wet above (%) <input name="wet_above" type="number" step="0.5" min="0" max="100"></label>
          <label>Hysteresis (%) <input name="hysteresis" type="number" step="0.5" min="0" max="50"></label>
          <label>Water per watering (ml) <input name="water_ml" type="number" min="1"></label>
          <label>Daily maximum (ml) <input name="daily_max_ml" type="number" min="0" max="20000"></label>
          <label>Cooldown (minutes) <input name="cooldown_minutes" type="number" min="0" max="10080"></label>
          <label class="check full"><input type="checkbox" name="auto_water"> Water automatically when DRY
            (never when STALE, OFFLINE or FAULT; within the daily maximum and cooldown)</label>
          <div class="full row"><button class="primary" type="submit">Save settings</button><span class="small" id="settings-note"></span></div>
        </form>
      </div>
      <div class="grid">
        <div class="card"><h2>Waterings</h2><div id="pot-waterings"></div></div>
        <div class="card"><h2>Commands</h2><div id="pot-commands"></div></div>
      </div>`;
    view.querySelector('#csv').href = '/api/pots/' + id + '/readings.csv';
    this.chart = new SP.Chart(document.getElementById('chart'), potId);
    view.querySelector('#ranges').addEventListener('click', (e) => {
      const b = e.target.closest('button[data-range]');
      if (!b) return;
      view.querySelectorAll('#ranges button').forEach(x => x.classList.toggle('on', x === b));
      this.chart.load(b.dataset.range);
      const to = Date.now();
      view.querySelector('#csv').href = '/api/pots/' + id + '/readings.csv?from=' + (to - SP.Chart.RANGES[b.dataset.range]) + '&to=' + to;
    });
    view.querySelector('#water-btn').addEventListener('click', () => this.water());
    view.querySelector('#command-form').addEventListener('submit', (e) => { e.preventDefault(); this.command(); });
    view.querySelector('#wiz-dry').addEventListener('click', () => this.calibrate('dry'));
    view.querySelector('#wiz-wet').addEventListener('click', () => this.calibrate('wet'));
    view.querySelector('#settings-form').addEventListener('submit', (e) => { e.preventDefault(); this.saveSettings(); });
    view.querySelector('#preset').addEventListener('change', (e) => this.applyPreset(e.target.value));

    const [pot, settings, presets, limits] = await Promise.all([SP.get('/api/pots/' + id), SP.get('/api/pots/' + id + '/settings'),
      SP.get('/api/presets'), SP.get('/api/limits')]);
    this.presets = presets;
    this.limits = limits;
    view.querySelector('#settings-form [name=water_ml]').max = limits.max_water_ml;
    view.querySelector('#command-input').maxLength = limits.max_command_bytes;
    this.renderPot(pot);
    this.fillSettings(settings);
    this.chart.load('hour');
    this.wakes = new SP.Wakes(document.getElementById('pot-wakes'), potId);
    this.wakes.load();
    this.loadLogs();
  },

  leave() {
    if (this.chart) this.chart.destroy();
    if (this.wakes) this.wakes.destroy();
    this.chart = null; this.wakes = null; this.potId = null;
  },

  renderPot(p) {
    // A new status of a battery pot comes with its wake: draw it.
    if (this.wakes && this.pot && this.pot.asleep_until !== p.asleep_until && p.asleep_until) this.wakes.load();
    this.pot = p;
    if (this.chart) this.chart.setBand(p.dry_below, p.wet_above);
    document.getElementById('pot-name').textContent = p.name || p.id;
    document.getElementById('pot-state').innerHTML = SP.stateBadge(p.state) + SP.asleepChip(p);
    document.getElementById('pot-sub').innerHTML = '<span class="mono">' + SP.esc(p.id) + '</span> · ' + SP.esc(p.room || 'no room')
      + (p.reason ? ' · ' + SP.esc(p.reason) : '');
    const stat = (k, v, id) => '<div class="stat"><div class="k">' + k + '</div><div class="v"' + (id ? ' id="' + id + '"' : '') + '>' + v + '</div></div>';
    document.getElementById('pot-stats').innerHTML =
      stat('Moisture', SP.pct(p.moisture), 'pot-moisture') + stat('Raw', p.raw == null ? '—' : p.raw, 'pot-raw')
      + stat('Last seen', SP.agoSpan(p.last_seen), 'pot-seen') + stat('Last watered', SP.agoSpan(p.last_watered))
      + stat('Link', SP.esc(p.status || '—') + SP.asleepChip(p)) + stat('Readings', (p.readings || 0).toLocaleString())
      + stat('Battery', p.battery_mv == null ? '—' : SP.volts(p.battery_mv) + ' <span class="muted small">'
        + SP.agoSpan(p.battery_at) + '</span>', 'pot-battery');
    // A pot that said it has no pump (its about message) gets no Water button.
    const noPump = p.has_pump === false;
    document.getElementById('water-btn').hidden = noPump;
    if (noPump) document.getElementById('water-note').textContent = 'this pot has no pump: water it by hand';
    else if (this.settings) document.getElementById('water-note').textContent = this.settings.water_ml + ' ml';
    const mlInput = document.querySelector('#settings-form [name=water_ml]');
    if (mlInput && p.water_max_ml != null) mlInput.max = p.water_max_ml;
    else if (mlInput && this.limits) mlInput.max = this.limits.max_water_ml;
  },

  fillSettings(s) {
    this.settings = s;
    const f = document.getElementById('settings-form');
    document.getElementById('preset').innerHTML = '<option value="">(custom)</option>'
      + this.presets.map(p => '<option value="' + SP.esc(p.id) + '">' + SP.esc(p.name) + '</option>').join('');
    for (const [k, v] of Object.entries(s)) {
      const input = f.elements[k];
      if (!input) continue;
      if (input.type === 'checkbox') input.checked = !!v; else input.value = v == null ? '' : v;
    }
    document.getElementById('water-note').textContent = s.water_ml + ' ml';
  },

  applyPreset(id) {
    const p = this.presets.find(x => x.id === id);
    if (!p) return;
    const f = document.getElementById('settings-form');
    f.elements.dry_below.value = p.dry_below;
    f.elements.wet_above.value = p.wet_above;
    f.elements.water_ml.value = p.water_ml;
  },

  async saveSettings() {
    const f = document.getElementById('settings-form');
    const note = document.getElementById('settings-note');
    const body = {};
    for (const k of Object.keys(this.settings)) {
      const input = f.elements[k];
      if (!input) { body[k] = this.settings[k]; continue; }
      body[k] = input.type === 'checkbox' ? input.checked : input.type === 'number' ? Number(input.value) : (input.value || null);
    }
    try {
      this.fillSettings(await SP.api('PUT', '/api/pots/' + encodeURIComponent(this.potId) + '/settings', body));
      note.className = 'small'; note.textContent = 'Saved.';
    } catch (e) { note.className = 'small error-text'; note.textContent = e.message; }
  },

  async send(text, button, replyEl) {
    button.disabled = true;
    replyEl.classList.remove('error');
    replyEl.textContent = '“' + text + '” sent, waiting for the pot…';
    try {
      const result = await SP.api('POST', '/api/pots/' + encodeURIComponent(this.potId) + '/commands', text, 'text/plain');
      SP.showReply(replyEl, result);
      return result;
    } catch (e) { SP.showReply(replyEl, null, e); return null; } finally { button.disabled = false; this.loadLogs(); }
  },

  water() {
    const ml = this.settings ? this.settings.water_ml : 100;
    return this.send('water ' + ml, document.getElementById('water-btn'), document.getElementById('command-reply'));
  },

  command() {
    const input = document.getElementById('command-input');
    if (!input.value.trim()) return;
    this.send(input.value.trim(), document.getElementById('command-send'), document.getElementById('command-reply'));
  },

  async calibrate(which) {
    const r = await this.send('calibrate ' + which, document.getElementById('wiz-' + which), document.getElementById('wizard-reply'));
    const ok = r && r.status === 'ok';
    if (which === 'dry' && ok) { document.getElementById('wiz-1').classList.add('done'); document.getElementById('wiz-wet').disabled = false; }
    if (which === 'wet' && ok) { document.getElementById('wiz-2').classList.add('done'); document.getElementById('wiz-3').classList.add('done'); }
  },

  async loadLogs() {
    if (!this.potId) return;
    const id = encodeURIComponent(this.potId);
    const [w, c] = await Promise.all([SP.get('/api/pots/' + id + '/waterings?limit=20'), SP.get('/api/pots/' + id + '/commands?limit=20')]);
    const wEl = document.getElementById('pot-waterings');
    const cEl = document.getElementById('pot-commands');
    if (wEl) wEl.innerHTML = SP.logs.wateringTable(w, false);
    if (cEl) cEl.innerHTML = SP.logs.commandTable(c, false);
  },

  onEvent(type, data) {
    const pid = type === 'pot' ? data.id : data.pot_id;
    if (!this.potId || pid !== this.potId) return;
    if (type === 'pot') this.renderPot(data);
    if (type === 'reading') {
      if (this.chart) this.chart.add(data);
      if (this.pot) {
        this.pot.last_seen = data.received_at || data.ts;
        if (data.moisture != null) this.pot.moisture = data.moisture;
        if (data.raw != null) this.pot.raw = data.raw;
        this.renderPot(this.pot);
      }
    }
    if (type === 'watering' || type === 'command') this.loadLogs();
    if ((type === 'watering' || type === 'alert') && this.chart) this.chart.reloadMarks();
  }
};
