// A pot's moisture history on uPlot: hour/day/month/year, drag to zoom, double-click to zoom out. Behind the line the
// plant's dry/wet band; on the time axis a mark for each watering and each alert. The time axis starts where the pot's
// data starts, so a new pot's first minutes fill the chart instead of sitting at its right edge.
'use strict';
SP.Chart = class {
  static RANGES = { hour: 3600e3, day: 86400e3, month: 30 * 86400e3, year: 365 * 86400e3 };
  /** The shortest stretch the time axis shows (seconds): a pot's only reading is a dot, not a zero-width axis. */
  static MIN_SPAN = 10;

  constructor(el, potId) {
    this.el = el;
    this.potId = potId;
    this.range = 'hour';
    this.plot = null;
    this.data = [[], [], [], []];
    this.band = null;
    this.marks = { waterings: [], alerts: [] };
    this.resize = new ResizeObserver(() => { if (this.plot) this.plot.setSize(this.size()); });
    this.resize.observe(el);
  }

  size() {
    const w = Math.max(280, this.el.clientWidth);
    return { width: w, height: w < 500 ? 220 : 300 };
  }

  /** The plant's thresholds (percent); redrawn at once when they change. */
  setBand(dryBelow, wetAbove) {
    const band = dryBelow == null || wetAbove == null ? null : { dry: dryBelow, wet: wetAbove };
    if (JSON.stringify(band) === JSON.stringify(this.band)) return;
    this.band = band;
    if (this.plot) this.placeOverlays(this.plot);
  }

  async load(range) {
    this.range = range || this.range;
    const to = Date.now();
    const from = to - SP.Chart.RANGES[this.range];
    const points = Math.min(1500, Math.max(200, Math.round(this.el.clientWidth)));
    const s = await SP.get(this.path('series') + '?from=' + from + '&to=' + to + '&points=' + points);
    this.resolution = s.resolution;
    this.data = [s.time, s.avg, s.min, s.max];
    this.from = from;
    this.to = to;
    this.setMarks(await this.fetchMarks(from, to));
    this.draw();
  }

  path(what) {
    return '/api/pots/' + encodeURIComponent(this.potId) + '/' + what;
  }

  /** The waterings and alerts in [from, to): the pot's alerts by range, its waterings from its recent log. */
  async fetchMarks(from, to) {
    const [alerts, waterings] = await Promise.all([
      SP.get(this.path('alerts') + '?from=' + from + '&to=' + to),
      SP.get(this.path('waterings') + '?limit=500')]);
    const inRange = (iso) => { const t = Date.parse(iso); return t >= from && t < to; };
    return { alerts: alerts.filter(a => inRange(a.raised_at)), waterings: waterings.filter(w => inRange(w.at)) };
  }

  setMarks(marks) {
    this.marks = marks;
    this.marksKey = JSON.stringify(marks);
  }

  /** Reloads the marks only (a watering or an alert just happened): the line stays as it is. */
  async reloadMarks() {
    if (this.from == null) return;
    const to = Math.max(this.to, Date.now() + 1);
    this.setMarks(await this.fetchMarks(this.from, to));
    if (this.plot) this.placeOverlays(this.plot);
  }

  /** Where the time axis starts (seconds): at the first reading or mark when the pot's data begins inside the range. */
  start(fromSec, toSec) {
    const times = [];
    // The first bucket with a good reading (a pot's first readings may be faults, which draw nothing).
    if (this.data[0].length) times.push(this.firstReading());
    for (const w of this.marks.waterings) times.push(Date.parse(w.at) / 1000);
    for (const a of this.marks.alerts) times.push(Date.parse(a.raised_at) / 1000);
    const earliest = times.length ? Math.min(...times) : fromSec;
    return Math.max(fromSec, Math.min(earliest, toSec - SP.Chart.MIN_SPAN));
  }

  /** The time of the first bucket with a good reading (a pot's first readings may be faults: they draw nothing). */
  firstReading() {
    const i = this.data[1].findIndex(v => v != null);
    return this.data[0][i < 0 ? 0 : i];
  }

  draw() {
    const points = this.data[0].length;
    this.el.dataset.points = String(points);
    this.el.dataset.resolution = this.resolution || '';
    if (this.plot) { this.plot.destroy(); this.plot = null; }
    this.el.innerHTML = '';
    if (points === 0) {
      this.el.innerHTML = '<div class="chart-empty">No readings in this ' + this.range + ' yet.</div>';
      return;
    }
    const toSec = this.to / 1000;
    const fromSec = this.start(this.from / 1000, toSec);
    const pct = (u, v) => v == null ? '—' : v.toFixed(1) + ' %';
    const opts = Object.assign(this.size(), {
      cursor: { drag: { x: true, y: false } },
      scales: { x: { time: true, min: fromSec, max: toSec }, y: { range: [0, 100] } },
      axes: [{ stroke: '#66756b', grid: { stroke: '#eef2ee' } },
             { stroke: '#66756b', grid: { stroke: '#eef2ee' }, values: (u, v) => v.map(x => x + ' %'), size: 52 }],
      series: [{},
        { label: 'moisture', stroke: '#2477c9', width: 2, value: pct, spanGaps: false },
        { label: 'min', stroke: 'rgba(36,119,201,.25)', width: 1, value: pct },
        { label: 'max', stroke: 'rgba(36,119,201,.25)', width: 1, value: pct }],
      bands: [{ series: [3, 2], fill: 'rgba(36,119,201,.08)' }],
      hooks: { draw: [(u) => this.placeOverlays(u)] }
    });
    this.plot = new uPlot(opts, this.data, this.el);
    this.el.dataset.xMin = String(fromSec);
    this.el.dataset.firstReading = String(this.firstReading());
  }

  /**
   * The band under the line and the marks over it are elements in uPlot's own layers, placed by the scales after
   * every redraw (zoom, resize, a live reading); each says what it is when pointed at.
   */
  placeOverlays(u) {
    // The band under the line; its two labels over the canvas (its grid lines would cross them), on a light ground.
    let band = u.under.querySelector('.chart-band');
    let labels = u.over.querySelector('.chart-band-labels');
    if (this.band) {
      if (!band) { band = document.createElement('div'); band.className = 'chart-band'; u.under.appendChild(band); }
      if (!labels) { labels = document.createElement('div'); labels.className = 'chart-band-labels'; u.over.appendChild(labels); }
      const top = u.valToPos(Math.min(100, this.band.wet), 'y');
      const bottom = u.valToPos(Math.max(0, this.band.dry), 'y');
      for (const el of [band, labels]) {
        el.style.top = top + 'px';
        el.style.height = Math.max(0, bottom - top) + 'px';
      }
      band.title = 'the plant\'s band: dry below ' + SP.pct(this.band.dry) + ', wet above ' + SP.pct(this.band.wet);
      const html = '<span class="wet-label">wet above ' + SP.pct(this.band.wet) + '</span>'
        + '<span class="dry-label">dry below ' + SP.pct(this.band.dry) + '</span>';
      if (labels.innerHTML !== html) labels.innerHTML = html;
      // A label with no room outside the band (a threshold near 0 or 100 %) goes just inside it.
      labels.classList.toggle('wet-inside', top < 14);
      labels.classList.toggle('dry-inside', u.under.clientHeight - bottom < 14);
      this.el.dataset.band = this.band.dry + '-' + this.band.wet;
    } else {
      if (band) band.remove();
      if (labels) labels.remove();
      delete this.el.dataset.band;
    }
    // The marks are made once per set of marks and only moved on a redraw (a live reading redraws every few seconds).
    if (u.over.marksKey !== this.marksKey) this.makeMarks(u);
    const min = u.scales.x.min;
    const max = u.scales.x.max;
    for (const m of u.over.querySelectorAll('.chart-mark')) {
      const t = Number(m.dataset.t);
      m.hidden = t < min || t > max;
      m.style.left = u.valToPos(t, 'x') + 'px';
    }
    this.el.dataset.waterings = String(u.over.querySelectorAll('.chart-mark.watering:not([hidden])').length);
    this.el.dataset.alerts = String(u.over.querySelectorAll('.chart-mark.alert:not([hidden])').length);
  }

  /** One element per watering and alert, saying what it was when pointed at. */
  makeMarks(u) {
    u.over.querySelectorAll('.chart-mark').forEach(m => m.remove());
    const mark = (cls, iso, title) => {
      const m = document.createElement('div');
      m.className = 'chart-mark ' + cls;
      m.title = title;
      m.dataset.at = iso;
      m.dataset.t = String(Date.parse(iso) / 1000);
      u.over.appendChild(m);
    };
    for (const w of this.marks.waterings) {
      mark('watering ' + w.outcome, w.at, (w.outcome === 'done' ? 'watered ' : 'watering ' + w.outcome + ': ') + w.ml
        + ' ml (' + w.trigger + ') at ' + SP.time(w.at) + (w.reason ? ' — ' + w.reason : ''));
    }
    for (const a of this.marks.alerts) {
      mark('alert ' + a.kind, a.raised_at, a.kind + ' alert at ' + SP.time(a.raised_at) + ': ' + a.message);
    }
    u.over.marksKey = this.marksKey;
  }

  /** A live reading: appended when the chart shows the latest hour at raw resolution. */
  add(reading) {
    if (this.range !== 'hour' || this.resolution !== 'raw' || reading.moisture == null) return;
    const t = Date.parse(reading.ts) / 1000;
    const m = reading.moisture;
    if (this.data[0].length && t <= this.data[0][this.data[0].length - 1]) return;
    this.data = [[...this.data[0], t], [...this.data[1], m], [...this.data[2], m], [...this.data[3], m]];
    const now = Date.now();
    this.from = now - SP.Chart.RANGES.hour;
    this.to = now;
    if (!this.plot) { this.draw(); return; }
    this.el.dataset.points = String(this.data[0].length);
    const zoomed = this.plot.scales.x.max < this.data[0][this.data[0].length - 2];
    this.plot.setData(this.data, false);
    if (!zoomed) {
      const min = this.start(this.from / 1000, now / 1000);
      this.plot.setScale('x', { min, max: now / 1000 });
      this.el.dataset.xMin = String(min);
    }
  }

  destroy() {
    this.resize.disconnect();
    if (this.plot) this.plot.destroy();
  }
};
