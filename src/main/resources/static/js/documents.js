// Downloads of the plan document with a visible progress indicator: the file is fetched, then saved under the
// name the server gives it; the status line says what happens.
document.addEventListener('click', async (event) => {
  const button = event.target.closest('[data-download]');
  if (!button) {
    return;
  }
  event.preventDefault();
  const status = document.getElementById('download-status');
  const all = document.querySelectorAll('[data-download]');
  all.forEach((b) => { b.disabled = true; });
  status.textContent = button.dataset.working;
  status.classList.add('busy');
  try {
    const response = await fetch(button.dataset.download, { credentials: 'same-origin' });
    if (!response.ok) {
      let message = String(response.status);
      try { message = (await response.json()).error || message; } catch (e) { /* not JSON */ }
      throw new Error(message);
    }
    const blob = await response.blob();
    const disposition = response.headers.get('Content-Disposition') || '';
    const star = disposition.match(/filename\*=UTF-8''([^;]+)/i);
    const plain = disposition.match(/filename="?([^";]+)"?/i);
    const name = star ? decodeURIComponent(star[1]) : plain ? plain[1] : 'ke-hoach';
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    status.textContent = button.dataset.done.replace('{0}', name).replace('{1}', String(Math.max(1, Math.round(blob.size / 1024))));
    status.dataset.file = name;
  } catch (e) {
    status.textContent = button.dataset.failed + ' ' + e.message;
  } finally {
    status.classList.remove('busy');
    all.forEach((b) => { b.disabled = false; });
  }
});

// When the page carries a CSRF token (Spring Security), htmx sends it with every change.
document.addEventListener('htmx:configRequest', (event) => {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
