// The login form: posts JSON with the cross-site protection header, then goes to the dashboard.
document.getElementById('login-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const error = document.getElementById('login-error');
  error.textContent = '';
  const res = await fetch('/api/login', {
    method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-SmartPot-Request': '1' },
    body: JSON.stringify({ username: document.getElementById('username').value, password: document.getElementById('password').value })
  });
  if (res.ok) { location.href = '/'; return; }
  const body = await res.json().catch(() => ({}));
  error.textContent = (body.error || 'login failed') + (body.fix ? ' — ' + body.fix : '');
});
