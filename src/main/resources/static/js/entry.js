// The entry grid: a keyboard like a spreadsheet's, the CSRF token on every htmx request, the saved value shown
// back in its Vietnamese form, and a save queue that keeps what was typed while the connection is lost (in
// localStorage, so a reload loses nothing) and sends it again by itself. Served from the application itself
// (offices are often offline).
(function () {
  const main = document.querySelector('main[data-csrf-header]');
  const table = document.querySelector('table.entry[data-queue-key]');
  const status = document.getElementById('save-queue');
  const STORE = 'kehoach.entry.queue';
  const RETRY_MS = 4000;

  document.addEventListener('htmx:configRequest', function (e) {
    if (main) {
      e.detail.headers[main.dataset.csrfHeader] = main.dataset.csrfToken;
    }
  });

  function cells(col) {
    return Array.from(document.querySelectorAll('table.entry input.cell[data-col="' + col + '"]'));
  }

  function go(target) {
    if (target && !target.disabled) {
      target.focus();
      target.select();
    }
  }

  // Enter and the up/down arrows move within a column; left/right move between value and comment when the caret
  // is at the edge. Leaving a cell fires its change event, which saves it.
  document.addEventListener('keydown', function (e) {
    const input = e.target.closest && e.target.closest('table.entry input.cell');
    if (!input || e.altKey || e.ctrlKey || e.metaKey) {
      return;
    }
    const column = cells(input.dataset.col);
    const i = column.indexOf(input);
    const row = input.closest('tr');
    if (e.key === 'Enter' || e.key === 'ArrowDown') {
      e.preventDefault();
      if (i + 1 < column.length) {
        go(column[i + 1]);
      } else {
        input.blur();
      }
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      go(column[i - 1]);
    } else if (e.key === 'ArrowRight' && input.dataset.col === 'value' && input.selectionEnd === input.value.length) {
      e.preventDefault();
      go(row.querySelector('input.cell[data-col="comment"]'));
    } else if (e.key === 'ArrowLeft' && input.dataset.col === 'comment' && input.selectionStart === 0) {
      e.preventDefault();
      go(row.querySelector('input.cell[data-col="value"]'));
    }
  });

  // After a save, the cell shows the stored value as the application prints it ("1492,9" → "1.492,9"), unless
  // the typist is back in it or the value was refused (then the text stays for correction).
  function showSaved(info) {
    if (!info || info.id !== 'saved-cell' || info.dataset.saved !== 'true') {
      return;
    }
    const input = document.getElementById('v-' + info.dataset.element);
    if (input && document.activeElement !== input) {
      input.value = info.dataset.value || '';
    }
  }

  document.addEventListener('htmx:oobAfterSwap', function (e) {
    showSaved(e.target);
  });

  // The entry list: a unit ended by a reorganisation (or created later) offers only the periods it existed in.
  document.querySelectorAll('select.unit-periods').forEach(function (units) {
    const periods = units.form && units.form.querySelector('select[name="period"]');
    if (!periods) {
      return;
    }
    function limit() {
      const option = units.options[units.selectedIndex];
      const allowed = option && option.dataset.periods ? option.dataset.periods.split(' ') : null;
      Array.from(periods.options).forEach(function (p) {
        p.disabled = allowed !== null && allowed.indexOf(p.value) < 0;
        p.hidden = p.disabled;
      });
      if (periods.selectedOptions.length && periods.selectedOptions[0].disabled) {
        const first = Array.from(periods.options).find(function (p) { return !p.disabled; });
        if (first) {
          periods.value = first.value;
        }
      }
    }
    units.addEventListener('change', limit);
    limit();
  });

  if (!table) {
    return;
  }

  // The history panel of a cell closes with its button or Escape, giving the focus back to the cell's row.
  function closeHistory() {
    const panel = document.getElementById('cell-history');
    if (panel && panel.firstElementChild) {
      const shown = panel.querySelector('[data-element]');
      panel.replaceChildren();
      const cell = shown && document.getElementById('v-' + shown.dataset.element);
      if (cell && !cell.disabled) {
        cell.focus();
      }
    }
  }
  document.addEventListener('click', function (e) {
    if (e.target.closest && e.target.closest('#cell-history .history-close')) {
      closeHistory();
    }
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') {
      closeHistory();
    }
  });

  // ---- The save queue -------------------------------------------------------------------------------------------
  const formKey = table.dataset.queueKey;
  let flushing = false;
  let offline = false;
  let timer = null;

  function load() {
    try {
      const all = JSON.parse(window.localStorage.getItem(STORE) || '[]');
      return Array.isArray(all) ? all : [];
    } catch (ignored) {
      return [];
    }
  }

  function store(all) {
    try {
      if (all.length) {
        window.localStorage.setItem(STORE, JSON.stringify(all));
      } else {
        window.localStorage.removeItem(STORE);
      }
    } catch (ignored) {
      // A full or forbidden storage: the queue lives as long as the page.
    }
  }

  function mine() {
    return load().filter(function (q) { return q.form === formKey; });
  }

  function drop(element) {
    store(load().filter(function (q) { return !(q.form === formKey && q.element === element); }));
    const row = document.getElementById('row-' + element);
    if (row) {
      row.classList.remove('queued');
    }
  }

  /** What the row of the cell would send, kept under the form and the element (a later edit replaces it). */
  function enqueue(input) {
    const row = input.closest('tr');
    const url = input.getAttribute('hx-post');
    if (!row || !url) {
      return;
    }
    const element = row.dataset.element;
    const item = {
      form: formKey, url: url, element: element,
      value: row.querySelector('input[name="value"]').value,
      comment: row.querySelector('input[name="comment"]').value,
      version: row.querySelector('input[name="version"]').value,
      at: Date.now()
    };
    const all = load().filter(function (q) { return !(q.form === formKey && q.element === element); });
    all.push(item);
    store(all);
    row.classList.add('queued');
    offline = true;
    show();
    schedule();
  }

  function say(template, n) {
    return (template || '').replace('%N', String(n));
  }

  function show(done) {
    if (!status) {
      return;
    }
    const n = mine().length;
    status.classList.remove('offline', 'sending', 'done');
    if (n > 0) {
      status.hidden = false;
      status.classList.add(flushing ? 'sending' : 'offline');
      status.textContent = say(flushing ? status.dataset.sending : status.dataset.offline, n);
    } else if (done) {
      status.hidden = false;
      status.classList.add('done');
      status.textContent = status.dataset.done;
    } else {
      status.hidden = true;
      status.textContent = '';
    }
  }

  function schedule() {
    if (timer === null) {
      timer = window.setInterval(function () {
        if (mine().length === 0) {
          window.clearInterval(timer);
          timer = null;
        } else {
          flush();
        }
      }, RETRY_MS);
    }
  }

  /** A refusal of the server (validation, conflict, a unit not in force): shown at the cell, never queued. */
  function refuse(element, text) {
    const state = document.getElementById('state-' + element);
    if (!state) {
      return;
    }
    state.className = 'state mark-error';
    const p = document.createElement('p');
    p.className = 'msg error';
    p.textContent = text;
    state.replaceChildren(p);
  }

  function refusal(body, statusCode) {
    try {
      const problem = JSON.parse(body);
      if (problem && problem.detail) {
        return problem.detail;
      }
    } catch (ignored) {
      // Not JSON: the application's page names the refusal in #bad-request.
    }
    const doc = new DOMParser().parseFromString(body || '', 'text/html');
    const named = doc.getElementById('bad-request') || doc.querySelector('p.error') || doc.querySelector('h1');
    return named && named.textContent.trim() ? named.textContent.trim() : 'Lỗi ' + statusCode;
  }

  /** Swaps in the out-of-band parts of a cell's answer, as htmx does: marks, version, summary, the saved value. */
  function swap(html) {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    doc.querySelectorAll('[hx-swap-oob]').forEach(function (fresh) {
      const old = fresh.id && document.getElementById(fresh.id);
      if (!old) {
        return;
      }
      fresh.removeAttribute('hx-swap-oob');
      const node = document.importNode(fresh, true);
      if (fresh.id === 'saved-cell') {
        node.hidden = true;
      }
      old.replaceWith(node);
      if (window.htmx) {
        window.htmx.process(node);
      }
      showSaved(node);
    });
  }

  function unreachable(code) {
    return code === 0 || code === 502 || code === 503 || code === 504;
  }

  /** Sends the queued values of this form one by one; stops at the first that cannot reach the server. */
  async function flush() {
    if (flushing || mine().length === 0) {
      return;
    }
    flushing = true;
    show();
    let reached = true;
    for (const item of mine()) {
      let response;
      try {
        const body = new URLSearchParams({element: item.element, value: item.value, comment: item.comment,
          version: item.version});
        const headers = {'Content-Type': 'application/x-www-form-urlencoded', 'HX-Request': 'true'};
        if (main) {
          headers[main.dataset.csrfHeader] = main.dataset.csrfToken;
        }
        response = await fetch(item.url, {method: 'POST', body: body, headers: headers, credentials: 'same-origin'});
      } catch (lost) {
        reached = false;
        break;
      }
      if (unreachable(response.status)) {
        reached = false;
        break;
      }
      const text = await response.text();
      drop(item.element);
      if (response.ok) {
        swap(text);
      } else {
        refuse(item.element, refusal(text, response.status));
      }
    }
    flushing = false;
    offline = !reached;
    show(reached && mine().length === 0);
    if (!reached) {
      schedule();
    }
  }

  // htmx could not reach the server: keep the row's value and comment, say so, and try again later.
  function lost(e) {
    const input = e.detail && e.detail.elt;
    if (input && input.matches && input.matches('table.entry input.cell')) {
      enqueue(input);
    }
  }

  document.addEventListener('htmx:sendError', lost);
  document.addEventListener('htmx:timeout', lost);
  document.addEventListener('htmx:responseError', function (e) {
    const input = e.detail && e.detail.elt;
    if (!input || !input.matches || !input.matches('table.entry input.cell')) {
      return;
    }
    const xhr = e.detail.xhr;
    if (unreachable(xhr.status)) {
      enqueue(input);
    } else {
      refuse(input.closest('tr').dataset.element, refusal(xhr.responseText, xhr.status));
    }
  });

  // A save that reached the server replaces whatever was queued for the cell; the rest of the queue follows it.
  document.addEventListener('htmx:afterRequest', function (e) {
    const input = e.detail && e.detail.elt;
    if (!input || !input.matches || !input.matches('table.entry input.cell') || !e.detail.successful) {
      return;
    }
    const element = input.closest('tr').dataset.element;
    const had = mine().length > 0;
    drop(element);
    if (had) {
      if (mine().length > 0) {
        flush();
      } else {
        offline = false;
        show(true);
      }
    }
  });

  window.addEventListener('online', flush);

  // What a reload finds in the queue goes back into its cells (marked as waiting), then is sent again.
  const waiting = mine();
  waiting.forEach(function (item) {
    const value = document.getElementById('v-' + item.element);
    const comment = document.getElementById('c-' + item.element);
    if (value) {
      value.value = item.value;
    }
    if (comment) {
      comment.value = item.comment;
    }
    const row = document.getElementById('row-' + item.element);
    if (row) {
      row.classList.add('queued');
    }
  });
  if (waiting.length) {
    offline = true;
    show();
    schedule();
    window.setTimeout(flush, 500);
  }
})();
