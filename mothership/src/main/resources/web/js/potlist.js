// The pot list: who needs attention first, each pot's state in colour and words, its moisture against its plant's
// dry/wet band, last seen, last watered. Live.
'use strict';
SP.potList = {
  pots: new Map(),
  /** Open alerts by id, as the API and the live events give them: a pot with one is sorted up. */
  openAlerts: new Map(),

  /** The order of the list, most urgent first; a pot falls in the first group whose test it passes. */
  GROUPS: [
    { key: 'water', one: 'needs water', many: 'need water', test: (p) => p.state === 'DRY' },
    { key: 'alert', one: 'alert', many: 'alerts', test: (p, kinds) => p.state === 'WET' || p.state === 'FAULT' || kinds.length > 0 },
    { key: 'silent', one: 'not talking', many: 'not talking', test: (p) => SP.notTalking(p.state) },
    { key: 'fine', one: 'fine', many: 'fine', test: () => true }
  ],

  async show(view) {
    view.innerHTML = '<div class="row list-head"><h1>Pots</h1><div class="row" id="pot-summary"></div></div>'
      + '<p class="muted small order-note" id="pots-order"><span class="long">Who needs you first: pots that <b>need water</b>'
      + ' (DRY), then <b>alerts</b> (WET, a sensor fault or another open alert), then pots <b>not talking</b> (STALE,'
      + ' OFFLINE, no reading yet), then the <b>fine</b> ones; within each, by room and name. The bar is the moisture, the'
      + ' light stretch between the two marks the plant\'s dry/wet band.</span><span class="short">Who needs you first:'
      + ' dry, alerts, not talking, fine; then by room and name. Bars: moisture on the plant\'s dry/wet band.</span></p>'
      + '<div class="card" style="padding:6px 8px">'
      + '<table class="pots stack" id="pots"><thead><tr><th>Pot</th><th>Room</th><th>State</th><th>Moisture</th>'
      + '<th>Last seen</th><th>Last watered</th></tr></thead><tbody></tbody></table>'
      + '<div class="chart-empty hidden" id="no-pots">No pot has talked to this mothership yet. Start one with '
      + '<code>./scripts/simulate</code>, or point a pot at this broker.</div></div>';
    view.querySelector('tbody').addEventListener('click', (e) => {
      const tr = e.target.closest('tr[data-pot-id]');
      if (tr) location.hash = '#/pot/' + encodeURIComponent(tr.dataset.potId);
    });
    await this.load();
  },

  /**
   * Loads the list whole. Loads may overlap (the page's own and the one after the live stream opens): only the latest
   * started is kept, and the live events that came while it was on its way are applied again on top of it, so a
   * snapshot taken before an event never wipes it (a new pot would otherwise stay missing until the next reload).
   */
  async load() {
    const gen = ++this.loadGen;
    this.eventsDuringLoad = [];
    const [pots, alerts] = await Promise.all([SP.get('/api/pots'), SP.get('/api/alerts?open=true')]);
    if (gen !== this.loadGen) return;
    const during = this.eventsDuringLoad;
    this.eventsDuringLoad = null;
    this.pots = new Map(pots.map(p => [p.id, p]));
    this.openAlerts = new Map(alerts.map(a => [a.id, a]));
    this.alertsByPot = null;
    this.render();
    for (const [type, data] of during) this.onEvent(type, data);
  },

  loadGen: 0,
  /** Live events seen while a load is on its way; null when none is. */
  eventsDuringLoad: null,

  /** Open alert kinds of a pot that its state does not already say (a STALE pot's STALE alert says nothing new). */
  alertKinds(p) {
    if (!this.alertsByPot) {
      // Indexed once per change of the open alerts: a fleet of thousands is sorted without a scan per pot.
      this.alertsByPot = new Map();
      for (const a of this.openAlerts.values()) {
        if (!this.alertsByPot.has(a.pot_id)) this.alertsByPot.set(a.pot_id, []);
        this.alertsByPot.get(a.pot_id).push(a.kind);
      }
    }
    const kinds = [];
    for (const kind of this.alertsByPot.get(p.id) || []) {
      if (kind !== p.state && !kinds.includes(kind)) kinds.push(kind);
    }
    return kinds;
  },

  group(p) {
    const kinds = this.alertKinds(p);
    return this.GROUPS.findIndex(g => g.test(p, kinds));
  },

  /** Most urgent group first; within a group by room, name and id, so a new reading never reshuffles a group. */
  sorted() {
    const key = (p) => [this.group(p), (p.room || '').toLowerCase(), (p.name || p.id).toLowerCase(), p.id];
    const keyed = [...this.pots.values()].map(p => ({ p, k: key(p) }));
    keyed.sort((a, b) => {
      for (let i = 0; i < a.k.length; i++) {
        if (a.k[i] < b.k[i]) return -1;
        if (a.k[i] > b.k[i]) return 1;
      }
      return 0;
    });
    return keyed.map(x => x.p);
  },

  render() {
    const body = document.querySelector('#pots tbody');
    if (!body) return;
    const pots = this.sorted();
    this.renderedOrder = pots.map(p => p.id).join('\n');
    body.innerHTML = pots.map(p => this.row(p)).join('');
    document.getElementById('no-pots').classList.toggle('hidden', this.pots.size > 0);
    this.summary(pots);
  },

  /** How many pots are in each group, in words and the group's colour. */
  summary(pots) {
    const el = document.getElementById('pot-summary');
    if (!el) return;
    const counts = this.GROUPS.map(() => 0);
    for (const p of pots) counts[this.group(p)]++;
    el.innerHTML = this.GROUPS.map((g, i) => counts[i] === 0 ? ''
      : '<span class="tally ' + g.key + '" data-group="' + g.key + '">' + counts[i] + ' ' + (counts[i] === 1 ? g.one : g.many) + '</span>').join('');
  },

  /** The moisture bar: filled in the state's colour, the plant's dry/wet band light behind it and marked. */
  bar(p) {
    if (p.moisture == null) return '';
    const clamp = (v) => Math.max(0, Math.min(100, v));
    let band = '';
    let title = 'moisture ' + SP.pct(p.moisture);
    if (p.dry_below != null && p.wet_above != null) {
      const dry = clamp(p.dry_below);
      const wet = clamp(p.wet_above);
      band = '<span class="band" style="left:' + dry + '%;width:' + Math.max(0, wet - dry) + '%"></span>'
        + '<span class="tick dry" style="left:' + dry + '%"></span><span class="tick wet" style="left:' + wet + '%"></span>';
      title += '; dry below ' + SP.pct(p.dry_below) + ', wet above ' + SP.pct(p.wet_above);
    }
    return '<span class="bar ' + SP.esc(p.state) + '" title="' + SP.esc(title) + '">' + band
      + '<span class="fill" style="width:' + clamp(p.moisture) + '%"></span></span>';
  },

  row(p) {
    const group = this.GROUPS[this.group(p)].key;
    const alerts = this.alertKinds(p).map(k => ' <span class="chip alert">' + SP.esc(k) + '</span>').join('');
    return '<tr data-pot-id="' + SP.esc(p.id) + '" data-group="' + group + '" class="state-' + SP.esc(p.state)
      + (SP.notTalking(p.state) ? ' not-talking' : '') + '">'
      + SP.cell('Pot', '<strong class="pot-name">' + SP.esc(p.name || p.id) + '</strong><br><span class="muted mono small pot-id">'
        + SP.esc(p.id) + '</span>' + (p.battery_mv == null ? '' : ' <span class="battery small" title="battery at '
        + SP.esc(SP.time(p.battery_at)) + '">' + SP.volts(p.battery_mv) + '</span>'), 'pot')
      + SP.cell('Room', SP.esc(p.room || '—'), 'room')
      + SP.cell('State', SP.stateBadge(p.state) + SP.asleepChip(p) + alerts
        + (p.reason ? '<div class="muted small reason">' + SP.esc(p.reason) + '</div>' : ''), 'state-cell')
      + SP.cell('Moisture', this.bar(p) + '<span class="pct">' + SP.pct(p.moisture) + '</span>'
        + (p.fault ? ' <span class="state FAULT">' + SP.esc(p.fault) + '</span>' : ''), 'num moisture')
      + SP.cell('Last seen', SP.agoSpan(p.last_seen), 'last-seen')
      + SP.cell('Last watered', SP.agoSpan(p.last_watered), 'last-watered') + '</tr>';
  },

  /**
   * A live event: the pot is marked and its row redrawn on the next flush, at most once a second, so a
   * fleet of thousands of pots reading every 5 s costs one small redraw per second, not thousands.
   */
  onEvent(type, data) {
    if (this.eventsDuringLoad) this.eventsDuringLoad.push([type, data]);
    let id;
    if (type === 'pot') {
      id = data.id;
      this.pots.set(id, data);
    } else if (type === 'reading') {
      id = data.pot_id;
      const p = this.pots.get(id);
      if (!p) { this.refresh(); return; }
      p.last_seen = data.received_at || data.ts;
      if (data.moisture != null) p.moisture = data.moisture;
      p.fault = data.fault || null;
    } else if (type === 'alert') {
      id = data.pot_id;
      if (data.closed_at) this.openAlerts.delete(data.id); else this.openAlerts.set(data.id, data);
      this.alertsByPot = null;
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
    const pots = this.sorted();
    // A pot that changed group (or name, or a new pot) moves: the whole list is redrawn in the new order.
    if (pots.map(p => p.id).join('\n') !== this.renderedOrder) {
      this.dirty.clear();
      this.render();
      return;
    }
    for (const id of this.dirty) {
      const row = body.querySelector('tr[data-pot-id="' + CSS.escape(id) + '"]');
      const p = this.pots.get(id);
      if (row && p) row.outerHTML = this.row(p);
    }
    this.dirty.clear();
    this.summary(pots);
  },

  async refresh() {
    if (this.refreshing) return;
    this.refreshing = true;
    try {
      await this.load();
    } finally { this.refreshing = false; }
  }
};
