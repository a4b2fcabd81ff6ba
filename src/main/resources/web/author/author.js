// The authoring page: the article with its proposals, a side list in text order, and the changes sent as JSON.
'use strict';
(function () {
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  let state = null;
  let selected = null;

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else if (v !== undefined && v !== null) e.setAttribute(k, v);
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  }

  async function load() {
    const r = await fetch('/api/state', {credentials: 'same-origin'});
    state = await r.json();
    render();
  }

  async function api(op, body) {
    const r = await fetch('/api/' + op, {
      method: 'POST', credentials: 'same-origin',
      headers: {'Content-Type': 'application/json', 'X-CSRF-Token': csrf, 'X-Base-Version': String(state.version)},
      body: JSON.stringify(body || {})
    });
    const answer = await r.json();
    if (r.status === 409) {
      state = answer;
      render();
      flash('Someone else changed the folder first; this is the folder as it is now. Make the change again.');
      return null;
    }
    if (!r.ok) {
      flash(answer.error || ('Refused: ' + r.status));
      return null;
    }
    state = answer;
    render();
    return answer;
  }

  function flash(message) {
    const g = document.getElementById('general');
    g.prepend(el('p', {class: 'flash'}, message));
  }

  function render() {
    const s = document.getElementById('status');
    s.textContent = (state.ready ? 'Ready to publish' : 'Not ready: ' + state.blocking + ' problem(s)') +
      ' · ' + state.notReviewed + ' not reviewed · version ' + state.version;
    s.className = state.ready ? 'ready' : 'notready';
    s.dataset.version = String(state.version);
    document.getElementById('undo').disabled = !state.canUndo;
    document.getElementById('redo').disabled = !state.canRedo;
    const g = document.getElementById('general');
    g.replaceChildren(...state.problems.map(p => el('p', {class: p.blocking ? 'blocking' : 'warning'},
      (p.focus ? p.focus + ': ' : '') + p.message)));
    renderText();
    renderList();
    if (selected) select(selected, false);
  }

  // Cuts the text at every span's ends; each piece is marked with the innermost proposal covering it.
  function renderText() {
    const text = state.text;
    const spans = [];
    for (const p of state.proposals)
      for (const s of p.spans) spans.push({b: s.begin, e: s.end, role: s.role, id: p.id, pending: p.status !== 'reviewed'});
    const cuts = new Set([0, text.length]);
    spans.forEach(s => { cuts.add(s.b); cuts.add(s.e); });
    const points = [...cuts].sort((a, b) => a - b);
    const box = document.getElementById('article');
    box.replaceChildren();
    for (let i = 0; i + 1 < points.length; i++) {
      const b = points[i], e = points[i + 1];
      const covering = spans.filter(s => s.b <= b && s.e >= e).sort((x, y) => (x.e - x.b) - (y.e - y.b));
      const piece = text.slice(b, e);
      if (!covering.length) { box.append(document.createTextNode(piece)); continue; }
      const top = covering[0];
      box.append(el('mark', {class: top.role + (top.pending ? ' pending' : ''), 'data-id': top.id,
        'data-ids': covering.map(c => c.id).join(' '), title: top.role, onclick: ev => { ev.stopPropagation(); select(top.id, true); }}, piece));
    }
  }

  function renderList() {
    const list = document.getElementById('list');
    list.replaceChildren(...state.proposals.map(item));
  }

  function item(p) {
    const pending = p.status !== 'reviewed';
    const li = el('li', {class: p.kind + (pending ? ' pending' : ''), 'data-id': p.id, tabindex: '0'},
      el('div', {}, el('span', {class: 'kind'}, p.kind === 'fact' || p.kind === 'claim' ? p.typeLabel : p.kind), ' ', el('span', {class: 'badge'}, p.status)),
      el('div', {class: 'label'}, p.label));
    li.addEventListener('click', ev => { if (ev.target === li || ev.target.classList.contains('label')) select(p.id, true); });
    li.addEventListener('keydown', ev => { if (ev.key === 'Enter' && ev.target === li) select(p.id, true); });
    if (p.entity) li.append(el('div', {class: 'field', 'data-property': 'linked'}, el('span', {class: 'name'}, 'names '),
      el('span', {class: 'value'}, p.entityShort)));
    for (const f of p.fields) li.append(field(p, f));
    for (const pr of p.problems) li.append(problem(p, pr));
    const actions = el('div', {class: 'actions'});
    if (pending) actions.append(el('button', {type: 'button', class: 'accept', onclick: () => api('accept', {id: p.id})}, 'Accept'));
    // The article itself is the folder's frame: it is accepted or corrected, never rejected.
    if (p.kind !== 'article')
      actions.append(el('button', {type: 'button', class: 'reject', onclick: () => api('reject', {id: p.id})}, 'Reject'));
    if (p.entity) actions.append(el('button', {type: 'button', class: 'relink', onclick: ev =>
      openPicker(ev.target.parentNode, '', iri => api('link', {id: p.id, entity: iri}))}, 'Link to…'));
    if (p.kind === 'person' || p.kind === 'organization') {
      if (!p.entity) actions.append(el('button', {type: 'button', class: 'merge', onclick: ev =>
        openPicker(ev.target.parentNode, p.types[0] || '', iri => api('merge', {from: p.id, into: iri}), p.id)}, 'Merge into…'));
    }
    li.append(actions);
    return li;
  }

  function field(p, f) {
    const bad = p.problems.some(pr => pr.path === f.short);
    const row = el('div', {class: 'field' + (bad ? ' bad' : ''), 'data-property': f.short}, el('span', {class: 'name'}, f.name + ': '));
    const values = el('span', {class: 'value'}, f.values.map(v => v.iri ? v.label : v.text).join(', '));
    row.append(values);
    const editable = f.short !== 'sg:evidence' && f.short !== 'sg:describedIn';
    if (!editable) return row;
    if (f.values.every(v => v.iri) && f.class) {
      row.append(' ', el('button', {type: 'button', class: 'change', 'data-property': f.short, onclick: ev =>
        openPicker(row, f.class, iri => api('set', {id: p.id, property: f.property, values: [{iri: iri}]}))}, 'Change'));
    } else if (f.values.length === 1 && !f.values[0].iri) {
      row.append(' ', el('button', {type: 'button', class: 'edit', 'data-property': f.short, onclick: () =>
        editLiteral(row, f.values[0], text => api('set', {id: p.id, property: f.property,
          values: [Object.assign({}, f.values[0], {text: text, iri: undefined, label: undefined, short: undefined})]}))}, 'Edit'));
    }
    return row;
  }

  function problem(p, pr) {
    const box = el('div', {class: 'problems', 'data-path': pr.path || ''}, el('p', {}, (pr.path ? pr.path + ': ' : '') + pr.message));
    if (pr.path && pr.class && !p.fields.some(f => f.short === pr.path)) {
      box.append(el('button', {type: 'button', class: 'fix-pick', onclick: () =>
        openPicker(box, pr.class, iri => api('set', {id: p.id, property: pr.path, values: [{iri: iri}]}))}, 'Pick'));
    } else if (pr.path && pr.path.indexOf(':') > 0 && !p.fields.some(f => f.short === pr.path)) {
      const input = el('input', {type: 'text', class: 'fix', 'aria-label': pr.path});
      box.append(input, el('button', {type: 'button', class: 'fix-save', onclick: () =>
        api('set', {id: p.id, property: pr.path, values: [{text: input.value}]})}, 'Set'));
    }
    return box;
  }

  function editLiteral(row, value, save) {
    const input = el('input', {type: 'text', class: 'literal', value: value.text});
    row.append(input, el('button', {type: 'button', class: 'save', onclick: () => save(input.value)}, 'Save'));
    input.focus();
  }

  // Search-as-you-type over the graph's labels; "new" makes an entity of the class from the words typed.
  function openPicker(where, cls, pick, except) {
    const old = where.querySelector('.picker');
    if (old) old.remove();
    const input = el('input', {type: 'search', placeholder: 'Type a name…', 'aria-label': 'Search by name'});
    const ul = el('ul', {role: 'listbox'});
    const box = el('div', {class: 'picker'}, input, ul);
    where.append(box);
    let seq = 0;
    input.addEventListener('input', async () => {
      const mine = ++seq;
      const r = await fetch('/api/search?q=' + encodeURIComponent(input.value) + '&class=' + encodeURIComponent(cls || ''), {credentials: 'same-origin'});
      const hits = await r.json();
      if (mine !== seq) return;
      ul.replaceChildren(...hits.filter(h => h.iri !== except).map(h => el('li', {role: 'option', tabindex: '0', 'data-iri': h.iri,
        onclick: () => pick(h.iri)}, h.label + (h.here ? '' : ' (shared)'))));
      if (input.value.trim() && cls)
        ul.append(el('li', {role: 'option', tabindex: '0', class: 'new', onclick: async () => {
          const made = await api('entity', {label: input.value.trim(), class: cls});
          if (made && made.created) pick(made.created);
        }}, 'New: ' + input.value.trim()));
    });
    input.focus();
  }

  function select(id, scroll) {
    selected = id;
    document.querySelectorAll('.selected').forEach(e => e.classList.remove('selected'));
    const li = document.querySelector('#list li[data-id="' + CSS.escape(id) + '"]');
    if (li) { li.classList.add('selected'); if (scroll) li.scrollIntoView({block: 'nearest'}); }
    document.querySelectorAll('#article mark').forEach(m => {
      if (m.dataset.ids.split(' ').includes(id)) m.classList.add('selected');
    });
    const m = document.querySelector('#article mark.selected');
    if (m && scroll && li && document.activeElement !== li) m.scrollIntoView({block: 'nearest'});
  }

  // The character offset of a point in the article, counting the text nodes before it.
  function offsetOf(node, offset) {
    const box = document.getElementById('article');
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    let n, total = 0;
    while ((n = walker.nextNode())) {
      if (n === node) return total + offset;
      total += n.textContent.length;
    }
    return null;
  }

  let adding = null;
  async function openAdder(begin, end) {
    adding = {begin: begin, end: end};
    const adder = document.getElementById('adder');
    adder.hidden = false;
    adder.querySelector('.words').textContent = '“' + state.text.slice(begin, end) + '”';
    const select = document.getElementById('add-class');
    if (!select.options.length) {
      const classes = await (await fetch('/api/classes', {credentials: 'same-origin'})).json();
      select.replaceChildren(el('option', {value: ''}, 'Choose a class…'), ...classes.map(c => el('option', {value: c.short}, c.label)));
    }
    document.getElementById('add-fields').replaceChildren();
    adder.scrollIntoView({block: 'nearest'});
  }

  async function loadForm(cls) {
    const box = document.getElementById('add-fields');
    box.replaceChildren();
    if (!cls) return;
    const form = await (await fetch('/api/form?class=' + encodeURIComponent(cls), {credentials: 'same-origin'})).json();
    for (const f of form.fields) {
      const row = el('div', {class: 'field' + (f.required ? ' req' : ''), 'data-property': f.short, 'data-kind': f.kind},
        el('span', {class: 'name'}, f.name));
      if (f.kind === 'entity') {
        const chosen = el('span', {class: 'chosen'});
        row.append(' ', chosen, ' ', el('button', {type: 'button', class: 'pick', onclick: () =>
          openPicker(row, f.class, iri => {
            row.dataset.iri = iri;
            const hit = row.querySelector('.picker li[data-iri="' + CSS.escape(iri) + '"]');
            chosen.textContent = hit ? hit.textContent : iri;
            row.querySelector('.picker').remove();
          })}, 'Pick'));
      } else if (f.kind === 'amount') {
        row.append(el('input', {type: 'text', inputmode: 'decimal', class: 'number', 'aria-label': f.name}),
          el('select', {class: 'currency'}, ...form.currencies.map(c => el('option', {value: c.iri}, c.label))));
      } else {
        row.append(el('input', {type: f.kind === 'date' ? 'date' : 'text', class: 'text', 'data-datatype': f.datatype || '', 'aria-label': f.name}));
      }
      if (f.required) row.title = f.message || 'required';
      box.append(row);
    }
  }

  async function saveAdder() {
    const cls = document.getElementById('add-class').value;
    if (!cls) { flash('Choose a class first'); return; }
    const fields = {};
    for (const row of document.querySelectorAll('#add-fields .field')) {
      const p = row.dataset.property;
      if (row.dataset.kind === 'entity' && row.dataset.iri) fields[p] = [{iri: row.dataset.iri}];
      else if (row.dataset.kind === 'amount') {
        const n = row.querySelector('.number').value.trim();
        if (n) fields[p] = [{amount: n, currency: row.querySelector('.currency').value}];
      } else {
        const input = row.querySelector('input.text');
        if (input && input.value.trim()) {
          const dt = input.dataset.datatype;
          fields[p] = [dt && !dt.endsWith('#string') && !dt.endsWith('Literal') ? {text: input.value.trim(), datatype: dt} : {text: input.value.trim()}];
        }
      }
    }
    const done = await api('create', {begin: adding.begin, end: adding.end, class: cls,
      label: document.getElementById('add-label').value, fields: fields});
    if (done) {
      document.getElementById('adder').hidden = true;
      if (done.created) select(done.created, true);
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.getElementById('undo').addEventListener('click', () => api('undo'));
    document.getElementById('redo').addEventListener('click', () => api('redo'));
    document.getElementById('add-class').addEventListener('change', ev => loadForm(ev.target.value));
    document.getElementById('add-save').addEventListener('click', saveAdder);
    document.getElementById('add-cancel').addEventListener('click', () => { document.getElementById('adder').hidden = true; });
    document.getElementById('article').addEventListener('mouseup', () => {
      const sel = window.getSelection();
      if (!sel || sel.isCollapsed || !sel.rangeCount) return;
      const r = sel.getRangeAt(0);
      const b = offsetOf(r.startContainer, r.startOffset), e = offsetOf(r.endContainer, r.endOffset);
      if (b !== null && e !== null && e > b) openAdder(b, e);
    });
    load();
  });
})();
