// The pickers every page shares, as progressive enhancement of plain form fields: the form still submits the same
// names and values, and without this script the fields work as before.
//   <input name=period data-period-picker> or <select data-period-picker>: type of period, then year and part,
//     with ‹ previous / next ›; writes the period id ("2021S1"). data-period-types="YEARLY,SIX_MONTHLY" limits the
//     types, data-period-optional allows the empty value, data-period-years="2015-2030" the years of an input.
//   <select data-unit-picker> (options with data-level): a searchable tree, accent-insensitive, keyboard usable.
//   <select multiple data-figure-picker> (optgroups by sector): search, checkboxes, "select whole group", chips.
//   <code> after a label (and any .code): shown only as a tooltip unless "Hiện mã" is on (body.show-codes).
// The words come from the server (PickerLabels) as JSON in <meta name=kehoach-pickers> of fragments.html.
(function () {
  'use strict';

  var meta = document.querySelector('meta[name="kehoach-pickers"]');
  var L = {};
  try {
    L = JSON.parse((meta && meta.getAttribute('content')) || '{}');
  } catch (e) {
    L = {};
  }

  function t(key, vars) {
    var s = L[key] || key;
    if (vars) {
      Object.keys(vars).forEach(function (k) {
        s = s.split('{' + k + '}').join(String(vars[k]));
      });
    }
    return s;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) {
      e.className = cls;
    }
    if (text != null) {
      e.textContent = text;
    }
    return e;
  }

  function fire(field) {
    field.dispatchEvent(new Event('input', {bubbles: true}));
    field.dispatchEvent(new Event('change', {bubbles: true}));
  }

  /** Lower case without accents: "Xã Minh Lông" → "xa minh long"; đ → d. */
  function fold(s) {
    return (s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase()
      .replace(/\s+/g, ' ').trim();
  }

  function wordsOf(text, exact) {
    var s = exact ? (text || '').normalize('NFC').toLowerCase() : fold(text);
    return s.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  function hits(text, query, exact) {
    var hay = wordsOf(text, exact);
    return wordsOf(query, exact).every(function (w) {
      return hay.some(function (h) { return h.indexOf(w) === 0; });
    });
  }

  /**
   * A test for texts against what the person typed: each word typed begins a word of the text, without accents
   * ("minh lông" finds "Xã Minh Long"); but when the accents typed match something ("lúa"), they count, so "lúa"
   * does not also bring "luật".
   */
  function matcher(query, texts) {
    var exact = /[^\x00-\x7f]/.test(query) && texts.some(function (x) { return hits(x, query, true); });
    return function (text) { return hits(text, query, exact); };
  }

  // ---------------------------------------------------------------- periods (as vn.kehoach.period.Period)

  var TYPES = ['YEARLY', 'SIX_MONTHLY', 'QUARTERLY', 'MONTHLY', 'YEAR_TO_DATE', 'SEASON', 'CROP_YEAR', 'FIVE_YEARLY'];
  var DEFAULT_TYPES = ['YEARLY', 'SIX_MONTHLY', 'QUARTERLY', 'MONTHLY', 'SEASON'];
  var PARTS = {YEARLY: 1, SIX_MONTHLY: 2, QUARTERLY: 4, MONTHLY: 12, YEAR_TO_DATE: 12, SEASON: 4, CROP_YEAR: 1, FIVE_YEARLY: 1};
  var SEASONS = ['DX', 'HT', 'MUA', 'VD'];
  var ROMAN = ['I', 'II', 'III', 'IV'];

  function parse(id) {
    var s = (id || '').trim().toUpperCase();
    var m;
    if ((m = /^(\d{4})$/.exec(s))) return {type: 'YEARLY', year: +m[1], index: 1};
    if ((m = /^(\d{4})S([12])$/.exec(s))) return {type: 'SIX_MONTHLY', year: +m[1], index: +m[2]};
    if ((m = /^(\d{4})Q([1-4])$/.exec(s))) return {type: 'QUARTERLY', year: +m[1], index: +m[2]};
    if ((m = /^(\d{4})(\d{2})$/.exec(s)) && +m[2] >= 1 && +m[2] <= 12) return {type: 'MONTHLY', year: +m[1], index: +m[2]};
    if ((m = /^(\d{4})YTD(\d{1,2})$/.exec(s)) && +m[2] >= 1 && +m[2] <= 12) return {type: 'YEAR_TO_DATE', year: +m[1], index: +m[2]};
    if ((m = /^(\d{4})(DX|HT|MUA|VD)$/.exec(s))) return {type: 'SEASON', year: +m[1], index: SEASONS.indexOf(m[2]) + 1};
    if ((m = /^(\d{4})CY$/.exec(s))) return {type: 'CROP_YEAR', year: +m[1], index: 1};
    if ((m = /^(\d{4})-(\d{4})$/.exec(s)) && +m[2] === +m[1] + 4) return {type: 'FIVE_YEARLY', year: +m[1], index: 1};
    return null;
  }

  function pad(n) {
    return (n < 10 ? '0' : '') + n;
  }

  function periodId(p) {
    switch (p.type) {
      case 'YEARLY': return String(p.year);
      case 'SIX_MONTHLY': return p.year + 'S' + p.index;
      case 'QUARTERLY': return p.year + 'Q' + p.index;
      case 'MONTHLY': return p.year + pad(p.index);
      case 'YEAR_TO_DATE': return p.year + 'YTD' + pad(p.index);
      case 'SEASON': return p.year + SEASONS[p.index - 1];
      case 'CROP_YEAR': return p.year + 'CY';
      case 'FIVE_YEARLY': return p.year + '-' + (p.year + 4);
    }
    return '';
  }

  function periodLabel(p) {
    var pattern = L['label.' + p.type + '.' + p.index] || L['label.' + p.type] || periodId(p);
    return pattern.split('{y0}').join(p.year - 1).split('{y1}').join(p.year + 1).split('{y4}').join(p.year + 4)
      .split('{y}').join(p.year).split('{r}').join(ROMAN[p.index - 1] || p.index).split('{i}').join(p.index);
  }

  function partLabel(type, i) {
    switch (type) {
      case 'SIX_MONTHLY': return t('half.' + i);
      case 'QUARTERLY': return t('quarter.' + i);
      case 'MONTHLY': return t('month', {i: i});
      case 'YEAR_TO_DATE': return t('ytd', {i: i});
      case 'SEASON': return t('season.' + i);
    }
    return '';
  }

  /** The neighbour of the same type: step −1 or +1 (year-to-date and crop years by a year, five-year periods by five). */
  function step(p, by) {
    if (p.type === 'FIVE_YEARLY') return {type: p.type, year: p.year + 5 * by, index: 1};
    if (p.type === 'YEAR_TO_DATE' || PARTS[p.type] === 1) return {type: p.type, year: p.year + by, index: p.index};
    var n = PARTS[p.type];
    var k = p.year * n + (p.index - 1) + by;
    return {type: p.type, year: Math.floor(k / n), index: (k % n + n) % n + 1};
  }

  /** A first month for moving between calendar types: 2021S2 → 7, so quarters continue with Q3. */
  function firstMonth(p) {
    switch (p.type) {
      case 'SIX_MONTHLY': return p.index === 1 ? 1 : 7;
      case 'QUARTERLY': return (p.index - 1) * 3 + 1;
      case 'MONTHLY': return p.index;
      case 'YEAR_TO_DATE': return p.index;
    }
    return 1;
  }

  function convert(p, type) {
    var m = firstMonth(p);
    var year = p.year;
    switch (type) {
      case 'SIX_MONTHLY': return {type: type, year: year, index: m <= 6 ? 1 : 2};
      case 'QUARTERLY': return {type: type, year: year, index: Math.floor((m - 1) / 3) + 1};
      case 'MONTHLY': return {type: type, year: year, index: m};
      case 'YEAR_TO_DATE': return {type: type, year: year, index: p.type === 'YEAR_TO_DATE' ? p.index : 12};
      case 'FIVE_YEARLY': return {type: type, year: 2021 + Math.floor((year - 2021) / 5) * 5, index: 1};
    }
    return {type: type, year: year, index: 1};
  }

  function option(value, text, selected) {
    var o = el('option', null, text);
    o.value = value;
    o.selected = !!selected;
    return o;
  }

  function button(cls, text, label) {
    var b = el('button', cls, text);
    b.type = 'button';
    if (label) {
      b.title = label;
      b.setAttribute('aria-label', label);
    }
    return b;
  }

  function periodPicker(field) {
    var isSelect = field.tagName === 'SELECT';
    var allowed = (field.getAttribute('data-period-types') || '').split(/[\s,]+/).filter(function (x) {
      return TYPES.indexOf(x) >= 0;
    });
    var optional = field.hasAttribute('data-period-optional');
    var known = null; // for a <select>: the periods it offers, by id
    if (isSelect) {
      known = {};
      var ok = true;
      Array.prototype.forEach.call(field.options, function (o) {
        if (!o.value) {
          optional = true;
          return;
        }
        var p = parse(o.value);
        if (!p) ok = false; else known[periodId(p)] = p;
      });
      if (!ok || Object.keys(known).length === 0) return; // not periods: left as it is
    }
    var current = parse(field.value);
    if (!isSelect && !field.value.trim()) optional = true;

    var types;
    if (isSelect) {
      types = TYPES.filter(function (ty) {
        return (!allowed.length || allowed.indexOf(ty) >= 0) && Object.keys(known).some(function (k) { return known[k].type === ty; });
      });
    } else {
      types = TYPES.filter(function (ty) {
        return (allowed.length ? allowed : DEFAULT_TYPES).indexOf(ty) >= 0 || (current && current.type === ty);
      });
    }
    if (!types.length) return;

    var box = el('span', 'period-picker');
    box.setAttribute('role', 'group');
    var typeSel = el('select', 'pp-type');
    typeSel.setAttribute('aria-label', t('periodType'));
    if (optional) typeSel.appendChild(option('', t('none')));
    types.forEach(function (ty) { typeSel.appendChild(option(ty, t('type.' + ty))); });
    var prev = button('pp-prev', '‹', t('previous'));
    var yearSel = el('select', 'pp-year');
    yearSel.setAttribute('aria-label', t('year'));
    var partSel = el('select', 'pp-part');
    partSel.setAttribute('aria-label', t('part'));
    var next = button('pp-next', '›', t('next'));
    box.appendChild(typeSel);
    box.appendChild(prev);
    box.appendChild(yearSel);
    box.appendChild(partSel);
    box.appendChild(next);
    var codeButton = null;
    if (!isSelect) {
      codeButton = button('pp-code', '✎', t('typeCode'));
      codeButton.setAttribute('aria-pressed', 'false');
      box.appendChild(codeButton);
    }
    field.parentNode.insertBefore(box, field.nextSibling);

    function has(p) {
      return !known || !!known[periodId(p)];
    }

    function years(type) {
      var out = [];
      if (known) {
        Object.keys(known).forEach(function (k) {
          var p = known[k];
          if (p.type === type && out.indexOf(p.year) < 0) out.push(p.year);
        });
        return out.sort();
      }
      var range = /^(\d{4})\s*-\s*(\d{4})$/.exec(field.getAttribute('data-period-years') || '');
      var now = new Date().getFullYear();
      var from = range ? +range[1] : now - 10;
      var to = range ? +range[2] : now + 5;
      if (current && current.type === type) {
        from = Math.min(from, current.year);
        to = Math.max(to, current.year);
      }
      for (var y = from; y <= to; y++) {
        if (type !== 'FIVE_YEARLY' || (y - 2021) % 5 === 0) out.push(y);
      }
      if (type === 'FIVE_YEARLY' && current && current.type === type && out.indexOf(current.year) < 0) {
        out.push(current.year);
        out.sort();
      }
      return out;
    }

    function parts(type, year) {
      var out = [];
      for (var i = 1; i <= PARTS[type]; i++) {
        if (has({type: type, year: year, index: i})) out.push(i);
      }
      return out;
    }

    /** The nearest period of the type the field can take: the same if it can, else the closest offered. */
    function nearest(p) {
      if (has(p)) return p;
      var best = null;
      var bestD = Infinity;
      Object.keys(known).forEach(function (k) {
        var q = known[k];
        if (q.type !== p.type) return;
        var d = Math.abs((q.year * 12 + q.index) - (p.year * 12 + p.index));
        if (d < bestD) {
          bestD = d;
          best = q;
        }
      });
      return best;
    }

    function neighbour(p, by) {
      if (!known) return step(p, by);
      var same = Object.keys(known).map(function (k) { return known[k]; }).filter(function (q) { return q.type === p.type; })
        .sort(function (a, b) { return a.year - b.year || a.index - b.index; });
      var i = same.map(periodId).indexOf(periodId(p));
      return i < 0 || !same[i + by] ? null : same[i + by];
    }

    function render() {
      var p = current;
      typeSel.value = p ? p.type : '';
      yearSel.textContent = '';
      partSel.textContent = '';
      var on = !!p;
      [prev, yearSel, partSel, next].forEach(function (x) { x.hidden = !on; });
      box.title = p ? periodLabel(p) : '';
      if (!p) return;
      years(p.type).forEach(function (y) {
        yearSel.appendChild(option(y, p.type === 'FIVE_YEARLY' ? y + ' – ' + (y + 4) : String(y), y === p.year));
      });
      var ps = parts(p.type, p.year);
      if (PARTS[p.type] > 1) {
        ps.forEach(function (i) { partSel.appendChild(option(i, partLabel(p.type, i), i === p.index)); });
      } else {
        partSel.hidden = true;
      }
      prev.disabled = !neighbour(p, -1);
      next.disabled = !neighbour(p, 1);
    }

    function set(p) {
      current = p;
      var value = p ? periodId(p) : '';
      if (isSelect) {
        field.value = value;
      } else {
        field.value = value;
      }
      render();
      fire(field);
    }

    function codeMode(on) {
      if (!codeButton) return;
      codeButton.setAttribute('aria-pressed', on ? 'true' : 'false');
      field.classList.toggle('picker-original', !on);
      [typeSel, prev, yearSel, partSel, next].forEach(function (x) { x.classList.toggle('pp-off', on); });
      if (on) {
        field.focus();
      } else {
        current = parse(field.value);
        render();
      }
    }

    typeSel.addEventListener('change', function () {
      var ty = typeSel.value;
      if (!ty) return set(null);
      var base = current || {type: 'YEARLY', year: new Date().getFullYear(), index: 1};
      var p = convert(base, ty);
      if (known) {
        p = nearest(p) || known[Object.keys(known).filter(function (k) { return known[k].type === ty; }).pop()];
      }
      set(p);
    });
    yearSel.addEventListener('change', function () {
      var p = {type: current.type, year: +yearSel.value, index: current.index};
      set(known ? nearest(p) : p);
    });
    partSel.addEventListener('change', function () {
      set({type: current.type, year: current.year, index: +partSel.value});
    });
    prev.addEventListener('click', function () {
      var p = neighbour(current, -1);
      if (p) set(p);
    });
    next.addEventListener('click', function () {
      var p = neighbour(current, 1);
      if (p) set(p);
    });
    if (codeButton) {
      codeButton.addEventListener('click', function () {
        codeMode(codeButton.getAttribute('aria-pressed') !== 'true');
      });
    }

    field.classList.add('picker-original');
    field.setAttribute('data-picker-ready', '');
    if (!isSelect && field.value.trim() && !current) {
      codeMode(true); // a list ("2021S1, 2021") or a code the picker does not know: typed as before
    } else {
      render();
    }
  }

  // ---------------------------------------------------------------- org units

  var uid = 0;

  function unitPicker(select) {
    if (select.multiple || !select.options.length) return;
    uid++;
    var items = Array.prototype.map.call(select.options, function (o, i) {
      return {value: o.value, text: o.textContent.trim(), level: +(o.getAttribute('data-level') || 1),
        title: o.title || '', index: i, parent: -1};
    });
    var minLevel = Math.min.apply(null, items.map(function (x) { return x.level; }));
    items.forEach(function (it, i) {
      for (var j = i - 1; j >= 0; j--) {
        if (items[j].level < it.level) {
          it.parent = j;
          break;
        }
      }
    });

    var box = el('span', 'unit-picker');
    var input = el('input', 'up-input');
    input.type = 'text';
    input.id = (select.id || 'unit') + '-search';
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('autocomplete', 'off');
    input.setAttribute('spellcheck', 'false');
    input.placeholder = t('unitSearch');
    input.title = t('unitSearch');
    var list = el('ul', 'up-list');
    list.id = 'unit-picker-list-' + uid;
    list.setAttribute('role', 'listbox');
    list.hidden = true;
    input.setAttribute('aria-controls', list.id);
    box.appendChild(input);
    box.appendChild(list);
    select.parentNode.insertBefore(box, select.nextSibling);
    select.classList.add('picker-original');
    select.setAttribute('data-picker-ready', '');

    var shown = []; // indexes of items in the list
    var active = -1; // position in shown

    function selectedItem() {
      return items[select.selectedIndex] || null;
    }

    function reset() {
      var s = selectedItem();
      input.value = s ? s.text : '';
    }

    function open(query) {
      var q = (query || '').trim();
      var hit = {};
      var keep = {};
      var match = matcher(q, items.map(function (it) { return it.text; }));
      items.forEach(function (it, i) {
        if (!q || match(it.text)) {
          hit[i] = true;
          keep[i] = true;
          for (var p = it.parent; p >= 0; p = items[p].parent) keep[p] = true;
        }
      });
      shown = [];
      list.textContent = '';
      items.forEach(function (it, i) {
        if (!keep[i]) return;
        var li = el('li', 'up-item up-level-' + Math.min(6, it.level - minLevel) + (hit[i] ? '' : ' up-context'), it.text);
        li.id = list.id + '-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('data-value', it.value);
        if (it.title) li.title = it.title;
        li.setAttribute('aria-selected', i === select.selectedIndex ? 'true' : 'false');
        li.addEventListener('mousedown', function (e) { e.preventDefault(); });
        li.addEventListener('click', function () { choose(i); });
        list.appendChild(li);
        shown.push(i);
      });
      if (!shown.length) {
        var none = el('li', 'up-none', t('noMatch'));
        list.appendChild(none);
      }
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      // The first match, or the chosen unit when nothing is typed.
      var first = -1;
      for (var k = 0; k < shown.length; k++) {
        if (q ? hit[shown[k]] : shown[k] === select.selectedIndex) {
          first = k;
          break;
        }
      }
      activate(first < 0 && shown.length ? 0 : first);
    }

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function activate(k) {
      var lis = list.querySelectorAll('.up-item');
      if (active >= 0 && lis[active]) lis[active].classList.remove('up-active');
      active = k;
      if (k >= 0 && lis[k]) {
        lis[k].classList.add('up-active');
        input.setAttribute('aria-activedescendant', lis[k].id);
        lis[k].scrollIntoView({block: 'nearest'});
      }
    }

    function choose(i) {
      var changed = select.selectedIndex !== i;
      select.selectedIndex = i;
      reset();
      close();
      if (changed) fire(select);
    }

    input.addEventListener('focus', function () { input.select(); });
    input.addEventListener('click', function () {
      if (list.hidden) open('');
    });
    input.addEventListener('input', function () { open(input.value); });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        if (list.hidden) {
          open('');
          return;
        }
        if (!shown.length) return;
        var k = active + (e.key === 'ArrowDown' ? 1 : -1);
        activate(Math.max(0, Math.min(shown.length - 1, k)));
      } else if (e.key === 'Enter') {
        if (!list.hidden) {
          e.preventDefault();
          if (active >= 0) choose(shown[active]); else close();
        }
      } else if (e.key === 'Escape') {
        if (!list.hidden) {
          e.preventDefault();
          close();
          reset();
        }
      } else if (e.key === 'Tab') {
        if (!list.hidden && active >= 0 && input.value !== (selectedItem() || {}).text) choose(shown[active]); else close();
      }
    });
    input.addEventListener('blur', function () {
      close();
      reset();
    });
    select.addEventListener('change', reset);
    reset();
  }

  // ---------------------------------------------------------------- figures

  function figurePicker(select) {
    if (!select.multiple) return;
    var box = el('div', 'figure-picker');
    var chips = el('div', 'fp-chips');
    chips.setAttribute('aria-live', 'polite');
    var search = el('input', 'fp-search');
    search.type = 'search';
    search.id = (select.id || 'figure') + '-search';
    search.placeholder = t('figureSearch');
    search.setAttribute('aria-label', t('figureSearch'));
    search.setAttribute('autocomplete', 'off');
    var groups = el('div', 'fp-groups');
    box.appendChild(chips);
    box.appendChild(search);
    box.appendChild(groups);
    select.parentNode.insertBefore(box, select.nextSibling);
    select.classList.add('picker-original');
    select.setAttribute('data-picker-ready', '');

    var boxes = []; // {option, checkbox, row}
    var expanded = false;
    var sections = [];

    function addGroup(name, options) {
      var section = el('fieldset', 'fp-group');
      var legend = el('legend');
      var title = el('span', 'fp-group-name', name);
      var all = button('fp-all', t('selectGroup'));
      legend.appendChild(title);
      legend.appendChild(all);
      section.appendChild(legend);
      var mine = [];
      options.forEach(function (o) {
        var row = el('label', 'fp-item');
        var cb = el('input');
        cb.type = 'checkbox';
        cb.value = o.value;
        cb.checked = o.selected;
        var text = el('span', null, o.textContent.trim());
        row.title = o.value;
        row.appendChild(cb);
        row.appendChild(text);
        section.appendChild(row);
        var b = {option: o, checkbox: cb, row: row, name: o.textContent.trim(), group: name};
        cb.addEventListener('change', function () {
          o.selected = cb.checked;
          changed();
        });
        boxes.push(b);
        mine.push(b);
      });
      all.addEventListener('click', function () {
        var visible = mine.filter(function (b) { return !b.row.hidden; });
        var on = !visible.every(function (b) { return b.checkbox.checked; });
        visible.forEach(function (b) {
          b.checkbox.checked = on;
          b.option.selected = on;
        });
        changed();
      });
      sections.push({section: section, items: mine, all: all});
      groups.appendChild(section);
    }

    var loose = [];
    Array.prototype.forEach.call(select.children, function (c) {
      if (c.tagName === 'OPTGROUP') {
        addGroup(c.label, Array.prototype.slice.call(c.querySelectorAll('option')));
      } else if (c.tagName === 'OPTION') {
        loose.push(c);
      }
    });
    if (loose.length) addGroup('', loose);

    function renderChips() {
      chips.textContent = '';
      var chosen = boxes.filter(function (b) { return b.checkbox.checked; });
      if (!chosen.length) chips.appendChild(el('span', 'fp-empty', t('noneSelected')));
      var hidden = expanded || chosen.length <= 6 ? 0 : chosen.length - 5;
      chosen.slice(0, chosen.length - hidden).forEach(function (b) {
        var chip = el('span', 'fp-chip');
        chip.setAttribute('data-value', b.option.value);
        chip.appendChild(el('span', null, b.name));
        var x = button('fp-remove', '×', t('remove', {name: b.name}));
        x.addEventListener('click', function () {
          b.checkbox.checked = false;
          b.option.selected = false;
          changed();
        });
        chip.appendChild(x);
        chips.appendChild(chip);
      });
      if (hidden) {
        // Many chosen: the first few, and "+7" that shows them all.
        var more = button('fp-more', '+' + hidden, t('selectedCount', {n: chosen.length}));
        more.addEventListener('click', function () {
          expanded = true;
          renderChips();
        });
        chips.appendChild(more);
      }
    }

    function renderGroups() {
      sections.forEach(function (s) {
        var visible = s.items.filter(function (b) { return !b.row.hidden; });
        s.section.hidden = visible.length === 0;
        var allOn = visible.length > 0 && visible.every(function (b) { return b.checkbox.checked; });
        s.all.textContent = allOn ? t('clearGroup') : t('selectGroup');
      });
    }

    function changed() {
      renderChips();
      renderGroups();
      fire(select);
    }

    search.addEventListener('input', function () {
      var q = search.value;
      var match = matcher(q, boxes.map(function (b) { return b.name + ' ' + b.group; }));
      boxes.forEach(function (b) {
        b.row.hidden = !!q.trim() && !match(b.name + ' ' + b.group);
      });
      renderGroups();
    });
    search.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') {
        e.preventDefault(); // typing a search does not send the form
        var first = boxes.filter(function (b) { return !b.row.hidden; })[0];
        if (first) first.checkbox.focus();
      }
    });
    renderChips();
    renderGroups();
  }

  // ---------------------------------------------------------------- codes

  /**
   * A <code> right after an inline label in the same cell or heading, holding an internal code (SPRING_RICE_AREA,
   * MINHLONG): the code of what the label names. Other code elements (a token, a command, a URL) are the page's text.
   */
  var BLOCKS = /^(P|DIV|SECTION|ARTICLE|UL|OL|LI|TABLE|FORM|PRE|H[1-6]|HEADER|FOOTER|NAV|BLOCKQUOTE|DL|FIELDSET)$/;
  function markCodes() {
    Array.prototype.forEach.call(document.querySelectorAll('main code'), function (c) {
      var label = c.previousElementSibling;
      if (!label || c.classList.contains('code') || !label.textContent.trim() || label.tagName === 'CODE') return;
      if (BLOCKS.test(label.tagName) || !/^[A-Z0-9][A-Z0-9_.\-]*$/.test(c.textContent.trim())) return;
      c.classList.add('code');
      if (!label.title) label.title = c.textContent.trim();
    });
    var codes = document.querySelectorAll('main .code');
    if (!codes.length) return;
    var on = false;
    try {
      on = localStorage.getItem('kehoach.showCodes') === '1';
    } catch (e) {
      on = false;
    }
    document.body.classList.toggle('show-codes', on);
    var toggle = el('label', 'codes-toggle');
    var cb = el('input');
    cb.type = 'checkbox';
    cb.id = 'show-codes';
    cb.checked = on;
    toggle.appendChild(cb);
    toggle.appendChild(document.createTextNode(' ' + t('showCodes')));
    cb.addEventListener('change', function () {
      document.body.classList.toggle('show-codes', cb.checked);
      try {
        localStorage.setItem('kehoach.showCodes', cb.checked ? '1' : '0');
      } catch (e) {
        // private mode: the choice lasts for the page
      }
    });
    var h1 = document.querySelector('main h1');
    if (h1) h1.parentNode.insertBefore(toggle, h1.nextSibling); else document.querySelector('main').prepend(toggle);
  }

  // ---------------------------------------------------------------- start

  function enhance(root) {
    Array.prototype.forEach.call(root.querySelectorAll('[data-period-picker]:not([data-picker-ready])'), periodPicker);
    Array.prototype.forEach.call(root.querySelectorAll('select[data-unit-picker]:not([data-picker-ready])'), unitPicker);
    Array.prototype.forEach.call(root.querySelectorAll('select[data-figure-picker]:not([data-picker-ready])'), figurePicker);
  }

  function start() {
    enhance(document);
    if (document.querySelector('main')) markCodes();
    // Parts of pages that htmx swaps in get their pickers too.
    document.body.addEventListener('htmx:afterSettle', function (e) { enhance(e.target || document); });
  }

  window.KeHoachPickers = {parse: parse, id: periodId, label: periodLabel, step: step, fold: fold, enhance: enhance};

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
