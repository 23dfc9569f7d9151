// The entry grid: a keyboard like a spreadsheet's, the CSRF token on every htmx request, and the saved value shown
// back in its Vietnamese form. Served from the application itself (offices are often offline).
(function () {
  const main = document.querySelector('main[data-csrf-header]');

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
  document.addEventListener('htmx:oobAfterSwap', function (e) {
    const info = e.target;
    if (!info || info.id !== 'saved-cell' || info.dataset.saved !== 'true') {
      return;
    }
    const input = document.getElementById('v-' + info.dataset.element);
    if (input && document.activeElement !== input) {
      input.value = info.dataset.value || '';
    }
  });
})();
