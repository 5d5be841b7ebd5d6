// The backups page: the nightly backup's folder and the latest file for download (the admin's, behind the login).
'use strict';
SP.backups = {
  async show(view) {
    const b = await SP.get('/api/backups');
    if (!b.enabled) {
      view.innerHTML = '<h1>Backups</h1><div class="card"><p>Nightly backups are off.</p>'
        + '<p class="muted">Start the mothership with <code>--backup-dir DIR</code> (best on another disk) and '
        + '<code>--backup-keep N</code>; or back up by hand: <code>scripts/mothership backup --data DIR FILE</code>. '
        + 'See docs/backup.md.</p></div>';
      return;
    }
    const latest = b.latest
      ? '<p>Latest: <strong>' + SP.esc(b.latest.name) + '</strong>, ' + Math.round(b.latest.bytes / 1024).toLocaleString()
        + ' KB, made ' + SP.agoSpan(b.latest.made_at) + '.</p>'
        + '<p><a class="btn primary" id="backup-download" href="/api/backups/latest" download>Download the latest backup</a></p>'
      : '<p class="muted">No backup yet.</p>';
    view.innerHTML = '<h1>Backups</h1><div class="card">'
      + '<p>Every night at ' + SP.esc(b.at) + ' into <code>' + SP.esc(b.dir) + '</code>, keeping the ' + b.keep + ' newest.</p>'
      + latest
      + '<p><button id="backup-now">Back up now</button></p>'
      + '<p class="muted small">Restore into a new data folder: <code>scripts/mothership restore --data NEW_DIR FILE</code>.</p></div>';
    document.getElementById('backup-now').addEventListener('click', async (e) => {
      e.target.disabled = true;
      try {
        const made = await SP.api('POST', '/api/backups');
        SP.toast('Backup ' + made.name + ' made');
        await this.show(view);
      } catch (err) { SP.toast(err.message); e.target.disabled = false; }
    });
  }
};
