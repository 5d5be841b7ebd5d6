// A pot's moisture history on uPlot: hour/day/month/year, drag to zoom, double-click to zoom out.
'use strict';
SP.Chart = class {
  static RANGES = { hour: 3600e3, day: 86400e3, month: 30 * 86400e3, year: 365 * 86400e3 };

  constructor(el, potId) {
    this.el = el;
    this.potId = potId;
    this.range = 'hour';
    this.plot = null;
    this.data = [[], [], [], []];
    this.resize = new ResizeObserver(() => { if (this.plot) this.plot.setSize(this.size()); });
    this.resize.observe(el);
  }

  size() {
    const w = Math.max(280, this.el.clientWidth);
    return { width: w, height: w < 500 ? 220 : 300 };
  }

  async load(range) {
    this.range = range || this.range;
    const to = Date.now();
    const from = to - SP.Chart.RANGES[this.range];
    const points = Math.min(1500, Math.max(200, Math.round(this.el.clientWidth)));
    const s = await SP.get('/api/pots/' + encodeURIComponent(this.potId) + '/series?from=' + from + '&to=' + to + '&points=' + points);
    this.resolution = s.resolution;
    this.data = [s.time, s.avg, s.min, s.max];
    this.draw(from / 1000, to / 1000);
  }

  draw(fromSec, toSec) {
    const points = this.data[0].length;
    this.el.dataset.points = String(points);
    this.el.dataset.resolution = this.resolution || '';
    if (this.plot) { this.plot.destroy(); this.plot = null; }
    this.el.innerHTML = '';
    if (points === 0) {
      this.el.innerHTML = '<div class="chart-empty">No readings in this ' + this.range + ' yet.</div>';
      return;
    }
    const opts = Object.assign(this.size(), {
      cursor: { drag: { x: true, y: false } },
      scales: { x: { time: true, min: fromSec, max: toSec }, y: { range: [0, 100] } },
      axes: [{ stroke: '#66756b', grid: { stroke: '#eef2ee' } },
             { stroke: '#66756b', grid: { stroke: '#eef2ee' }, values: (u, v) => v.map(x => x + ' %'), size: 52 }],
      series: [{},
        { label: 'moisture', stroke: '#2477c9', width: 2, value: (u, v) => v == null ? '—' : v.toFixed(1) + ' %', spanGaps: false },
        { label: 'min', stroke: 'rgba(36,119,201,.25)', width: 1, value: (u, v) => v == null ? '—' : v.toFixed(1) + ' %' },
        { label: 'max', stroke: 'rgba(36,119,201,.25)', width: 1, value: (u, v) => v == null ? '—' : v.toFixed(1) + ' %' }],
      bands: [{ series: [3, 2], fill: 'rgba(36,119,201,.08)' }]
    });
    this.plot = new uPlot(opts, this.data, this.el);
  }

  /** A live reading: appended when the chart shows the latest hour at raw resolution. */
  add(reading) {
    if (this.range !== 'hour' || this.resolution !== 'raw' || reading.moisture == null) return;
    const t = Date.parse(reading.ts) / 1000;
    const m = reading.moisture;
    if (this.data[0].length && t <= this.data[0][this.data[0].length - 1]) return;
    this.data = [[...this.data[0], t], [...this.data[1], m], [...this.data[2], m], [...this.data[3], m]];
    const now = Date.now() / 1000;
    if (!this.plot) { this.draw(now - 3600, now); return; }
    this.el.dataset.points = String(this.data[0].length);
    const zoomed = this.plot.scales.x.max < this.data[0][this.data[0].length - 2];
    this.plot.setData(this.data, false);
    if (!zoomed) this.plot.setScale('x', { min: now - 3600, max: now });
  }

  destroy() {
    this.resize.disconnect();
    if (this.plot) this.plot.destroy();
  }
};
