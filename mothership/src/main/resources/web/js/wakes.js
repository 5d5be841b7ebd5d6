// A battery pot's wakes as it measured them (each phase on its own clock) and its battery over time, on its page; an
// always-on pot's connects (its connect records) the same way.
'use strict';
SP.Wakes = class {
  static SPAN = 7 * 86400e3;
  static PHASES = [
    ['awake_ms', 'awake, all phases', '#2d6a3e'], ['wifi_ms', 'WiFi join', '#c98a24'], ['mqtt_ms', 'MQTT connect', '#2477c9'],
    ['publish_ms', 'publish', '#8a4fc9'], ['listen_ms', 'listen', '#66756b']];

  constructor(el, potId) {
    this.el = el;
    this.potId = potId;
    this.plots = [];
  }

  async load() {
    const to = Date.now();
    const from = to - SP.Wakes.SPAN;
    const base = '/api/pots/' + encodeURIComponent(this.potId);
    const [wakes, readings, connects] = await Promise.all([
      SP.get(base + '/wakes?from=' + from + '&to=' + to + '&limit=2000'),
      SP.get(base + '/readings?from=' + from + '&to=' + to + '&limit=20000'),
      SP.get(base + '/connects?from=' + from + '&to=' + to + '&limit=2000')]);
    const battery = readings.filter(r => r.battery_mv != null);
    this.destroy();
    // Only a pot on batteries has wakes or a battery, only an always-on pot connects: no empty section.
    this.el.hidden = wakes.length === 0 && battery.length === 0 && connects.length === 0;
    this.el.dataset.loaded = '1';
    if (this.el.hidden) return;
    if (wakes.length === 0 && battery.length === 0) {
      this.el.innerHTML = '<h2>Connects <span class="muted small">(last 7 days, as the pot measured them)</span></h2>'
        + '<div id="connects-table"></div>';
      this.connects(connects.slice(-10).reverse());
      return;
    }
    this.el.innerHTML = `
      <h2>Wakes and battery <span class="muted small">(last 7 days, as the pot measured them)</span></h2>
      <div class="muted small" id="wakes-summary"></div>
      <div class="chart-wrap" id="wakes-chart"></div>
      <div class="chart-wrap" id="battery-chart"></div>
      <div id="wakes-table"></div>
      <div id="connects-table"></div>`;
    this.el.querySelector('#wakes-chart').dataset.wakes = String(wakes.length);
    this.el.querySelector('#battery-chart').dataset.points = String(battery.length);
    this.summary(wakes);
    if (wakes.length) {
      this.plot('#wakes-chart', from, to, [wakes.map(w => Date.parse(w.received_at) / 1000),
        ...SP.Wakes.PHASES.map(([k]) => wakes.map(w => w[k]))],
        SP.Wakes.PHASES.map(([, label, stroke]) => ({ label, stroke, width: 2, points: { show: true }, value: (u, v) => v == null ? '—' : v + ' ms' })),
        (u, v) => v.map(x => x + ' ms'), null);
    }
    if (battery.length) {
      this.plot('#battery-chart', from, to, [battery.map(r => Date.parse(r.ts) / 1000), battery.map(r => r.battery_mv / 1000)],
        [{ label: 'battery', stroke: '#b3412e', width: 2, value: (u, v) => v == null ? '—' : v.toFixed(2) + ' V' }],
        (u, v) => v.map(x => x.toFixed(2) + ' V'), null);
    }
    this.table(wakes.slice(-10).reverse());
    if (connects.length) this.connects(connects.slice(-10).reverse());
  }

  // Each connect: how long the pot was without a usable link, phase by phase, and why the link before it went down.
  connects(rows) {
    const ms = (v) => v == null ? '—' : v.toLocaleString();
    this.el.querySelector('#connects-table').innerHTML = '<table class="stack"><thead><tr><th>Received</th><th>Connect</th>'
      + '<th>Reset</th><th>Boot</th><th>WiFi</th><th>Address</th><th>MQTT</th><th>Session</th><th>First publish</th>'
      + '<th>Up</th><th>Why it reconnected</th></tr></thead><tbody>'
      + rows.map(c => '<tr data-connect="' + c.boot + '-' + c.connect + '"><td>' + SP.agoSpan(c.received_at) + '</td><td>boot '
        + c.boot + ', #' + c.connect + '</td><td>' + SP.esc(c.reset || '—') + '</td><td>' + ms(c.boot_ms) + '</td><td>'
        + ms(c.wifi_ms) + '</td><td>' + ms(c.address_ms) + '</td><td>' + ms(c.mqtt_ms) + '</td><td>' + ms(c.session_ms)
        + '</td><td>' + ms(c.first_publish_ms) + '</td><td>' + SP.esc(c.up_ms == null ? '—' : SP.Wakes.uptime(c.up_ms))
        + '</td><td>' + SP.esc(c.reason || '—') + '</td></tr>').join('')
      + '</tbody></table>';
  }

  static uptime(ms) {
    const s = Math.floor(ms / 1000);
    return s < 120 ? s + ' s' : s < 7200 ? Math.floor(s / 60) + ' min' : Math.floor(s / 3600) + ' h';
  }

  summary(wakes) {
    const el = this.el.querySelector('#wakes-summary');
    if (!wakes.length) { el.textContent = 'No wake reported yet.'; return; }
    const awake = wakes.map(w => w.awake_ms).filter(v => v != null).sort((a, b) => a - b);
    const median = awake.length ? awake[Math.floor(awake.length / 2)] : null;
    const modelled = wakes.some(w => w.boot_modelled);
    el.textContent = wakes.length + ' wakes; awake ' + (median == null ? '—' : 'median ' + median + ' ms')
      + (modelled ? ' (the boot is modelled, not measured)' : '');
  }

  plot(selector, from, to, data, series, values, range) {
    const el = this.el.querySelector(selector);
    const width = Math.max(280, el.clientWidth);
    const opts = {
      width, height: 200,
      scales: { x: { time: true, min: from / 1000, max: to / 1000 }, y: range ? { range } : {} },
      axes: [{ stroke: '#66756b', grid: { stroke: '#eef2ee' } }, { stroke: '#66756b', grid: { stroke: '#eef2ee' }, values, size: 64 }],
      series: [{}, ...series]
    };
    this.plots.push(new uPlot(opts, data, el));
  }

  table(rows) {
    const ms = (v) => v == null ? '—' : v.toLocaleString();
    this.el.querySelector('#wakes-table').innerHTML = '<table class="stack"><thead><tr><th>Received</th><th>Reset</th>'
      + '<th>Awake ms</th><th>Boot</th><th>Read</th><th>WiFi</th><th>Address</th><th>MQTT</th><th>Publish</th><th>Listen</th>'
      + '<th>Round trips</th></tr></thead><tbody>'
      + rows.map(w => '<tr data-wake="' + w.boot + '-' + w.seq + '"><td>' + SP.agoSpan(w.received_at) + '</td><td>' + SP.esc(w.reset || '—')
        + '</td><td>' + ms(w.awake_ms) + '</td><td>' + ms(w.boot_ms) + (w.boot_modelled ? ' <span class="muted small">modelled</span>' : '')
        + '</td><td>' + ms(w.read_ms) + '</td><td>' + ms(w.wifi_ms) + '</td><td>' + ms(w.address_ms) + '</td><td>' + ms(w.mqtt_ms)
        + '</td><td>' + ms(w.publish_ms) + (w.readings == null ? '' : ' <span class="muted small">(' + w.readings + ' readings)</span>')
        + '</td><td>' + ms(w.listen_ms) + '</td><td>' + ms(w.round_trips) + '</td></tr>').join('')
      + '</tbody></table>';
  }

  destroy() {
    this.plots.forEach(p => p.destroy());
    this.plots = [];
  }
};
