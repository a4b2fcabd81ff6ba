// The SPARQL editor: CodeMirror (from its WebJar) with the SPARQL mode, competency questions as examples, results as a
// table, the query kept in the page's address (#query=…) so a link restores it, downloads of the results, completion of
// our prefixes and the ontology's terms, and a history of queries run in this browser (localStorage).
// Without JavaScript the form still works: it sends the query to /sparql and shows the raw results.
(function () {
  var HISTORY_KEY = 'stargate-kg.history';
  var HISTORY_MAX = 50;
  var textarea = document.getElementById('query');
  var status = document.getElementById('status');
  var results = document.getElementById('results');
  var examples = document.getElementById('examples');
  var historySelect = document.getElementById('history');

  function templateText(id) {
    var t = document.getElementById(id);
    return t ? t.content.textContent || t.innerHTML : '';
  }

  var completions = JSON.parse(templateText('completions') || '{"prefixes":{},"terms":[]}');

  // ---- Completion: prefixes (in PREFIX lines and as "p:"), terms of the ontology and functions as "p:local".
  function declared(cm) {
    var found = {}, re = /^\s*PREFIX\s+([A-Za-z][\w.-]*)?:/gim, m, text = cm.getValue();
    while ((m = re.exec(text)) !== null) found[m[1] || ''] = true;
    return found;
  }

  function hint(cm) {
    var cur = cm.getCursor(), line = cm.getLine(cur.line);
    var start = cur.ch;
    while (start > 0 && /[\w:.-]/.test(line.charAt(start - 1))) start--;
    var word = line.slice(start, cur.ch), lower = word.toLowerCase(), list = [];
    var prefixes = completions.prefixes;
    if (/^\s*PREFIX\s+[\w.-]*$/i.test(line.slice(0, cur.ch))) {
      Object.keys(prefixes).forEach(function (p) {
        if (p.toLowerCase().indexOf(lower) === 0)
          list.push({ text: p + ': <' + prefixes[p] + '>', displayText: p + ': <' + prefixes[p] + '>' });
      });
    } else {
      var colon = word.indexOf(':');
      if (colon < 0) {
        Object.keys(prefixes).forEach(function (p) {
          if (p.toLowerCase().indexOf(lower) === 0) list.push({ text: p + ':', displayText: p + ':  ' + prefixes[p] });
        });
      }
      completions.terms.forEach(function (t) {
        var local = t.name.substring(t.name.indexOf(':') + 1).toLowerCase();
        var match = colon >= 0 ? t.name.toLowerCase().indexOf(lower) === 0 : word.length > 0 && local.indexOf(lower) === 0;
        if (match) list.push({ text: t.name, term: t, displayText: t.name + '  ' + (t.label && t.label !== t.name ? t.label + ', ' : '') + t.kind });
      });
    }
    var result = { list: list, from: CodeMirror.Pos(cur.line, start), to: CodeMirror.Pos(cur.line, cur.ch) };
    // A term whose prefix the query does not declare gets its PREFIX line added at the top.
    CodeMirror.on(result, 'pick', function (picked) {
      if (!picked.term) return;
      var p = picked.term.name.substring(0, picked.term.name.indexOf(':'));
      if (!declared(cm)[p] && prefixes[p])
        cm.replaceRange('PREFIX ' + p + ': <' + prefixes[p] + '>\n', CodeMirror.Pos(0, 0));
    });
    return result;
  }

  var editor = CodeMirror.fromTextArea(textarea, {
    mode: 'application/sparql-query', lineNumbers: true, indentUnit: 2,
    hintOptions: { hint: hint, completeSingle: false }
  });
  editor.on('inputRead', function (cm, change) {
    if (cm.state.completionActive || change.origin !== '+input') return;
    var cur = cm.getCursor(), before = cm.getLine(cur.line).slice(0, cur.ch);
    if (/[A-Za-z][\w.-]*:[\w-]*$/.test(before) || /^\s*PREFIX\s+[\w.-]+$/i.test(before)) cm.showHint();
  });

  // ---- The query in the address: #query=… restores it, and every change is written back.
  function queryFromHash() {
    var hash = window.location.hash;
    if (hash.indexOf('#query=') !== 0) return null;
    var q = decodeURIComponent(hash.substring(7));
    // A query without declarations (as "Query this" sends) gets our prefixes, so it can be extended at once.
    return /^\s*(PREFIX|BASE)\b/im.test(q) ? q : templateText('prefixes') + '\n' + q;
  }
  function shareUrl() {
    return window.location.origin + window.location.pathname + '#query=' + encodeURIComponent(editor.getValue());
  }
  var fromHash = queryFromHash();
  if (fromHash !== null) editor.setValue(fromHash);
  var writing = null;
  editor.on('change', function () {
    clearTimeout(writing);
    writing = setTimeout(function () { history.replaceState(null, '', shareUrl()); }, 250);
  });
  window.addEventListener('hashchange', function () {
    var q = queryFromHash();
    if (q !== null && q !== editor.getValue()) editor.setValue(q);
  });
  document.getElementById('share').addEventListener('click', function () {
    var url = shareUrl(), field = document.getElementById('share-url');
    history.replaceState(null, '', url);
    field.value = url;
    field.hidden = false;
    field.select();
    if (navigator.clipboard) navigator.clipboard.writeText(url).catch(function () {});
    status.textContent = 'The link to this query is in the address bar and below.';
  });

  examples.addEventListener('change', function () {
    if (examples.value) editor.setValue(templateText('example-' + examples.value));
  });

  // ---- History of queries run in this browser, most recent first.
  function loadHistory() {
    try {
      var h = JSON.parse(window.localStorage.getItem(HISTORY_KEY) || '[]');
      return Array.isArray(h) ? h : [];
    } catch (e) {
      return [];
    }
  }
  function summary(query) {
    var lines = query.split('\n').filter(function (l) { return l.trim() && !/^\s*(PREFIX|BASE)\b/i.test(l); });
    var text = (lines[0] || query).trim();
    return text.length > 70 ? text.substring(0, 70) + '…' : text;
  }
  function showHistory() {
    var h = loadHistory();
    while (historySelect.options.length > 1) historySelect.remove(1);
    h.forEach(function (item, i) {
      var o = document.createElement('option');
      o.value = String(i);
      o.textContent = new Date(item.at).toLocaleString() + ' — ' + summary(item.query);
      historySelect.appendChild(o);
    });
  }
  function remember(query) {
    var h = loadHistory().filter(function (item) { return item.query !== query; });
    h.unshift({ query: query, at: Date.now() });
    try {
      window.localStorage.setItem(HISTORY_KEY, JSON.stringify(h.slice(0, HISTORY_MAX)));
    } catch (e) {
      // storage full or off: the query still runs
    }
    showHistory();
  }
  historySelect.addEventListener('change', function () {
    var item = loadHistory()[Number(historySelect.value)];
    if (historySelect.value !== '' && item) editor.setValue(item.query);
  });
  document.getElementById('clear-history').addEventListener('click', function () {
    window.localStorage.removeItem(HISTORY_KEY);
    showHistory();
  });
  showHistory();

  // ---- Downloads: links that ask the endpoint for the same query in a file format.
  function isGraphQuery(query) {
    var body = query.replace(/#[^\n]*/g, '').replace(/^\s*(PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*/gim, '');
    return /^\s*(CONSTRUCT|DESCRIBE)\b/i.test(body);
  }
  function showDownloads(query) {
    var graph = isGraphQuery(query);
    var formats = graph ? { ttl: 'ttl', nt: 'nt', jsonld: 'json-ld' } : { csv: 'csv', tsv: 'tsv', json: 'json' };
    ['csv', 'tsv', 'json', 'ttl', 'nt', 'jsonld'].forEach(function (id) {
      var a = document.getElementById('download-' + id);
      a.hidden = !formats[id];
      if (formats[id]) a.href = '/sparql?query=' + encodeURIComponent(query) + '&format=' + formats[id];
    });
    document.getElementById('downloads').hidden = false;
  }

  // ---- Results: prefixed names with the graph's prefixes, labels beside IRIs, our IRIs linking to their pages here,
  // sorting by a column and paging; at most PAGE rows are drawn at once (the downloads stay complete).
  var PAGE = 100;
  var shown = null; // { vars, rows, sortBy, descending, page, labels }

  function prefixMap(query) {
    var map = {}, re = /^\s*PREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>/gim, m;
    Object.keys(completions.prefixes || {}).forEach(function (p) { map[p] = completions.prefixes[p]; });
    while ((m = re.exec(query || '')) !== null) map[m[1] || ''] = m[2];
    return map;
  }
  var prefixes = prefixMap('');

  function shortName(iri) {
    var best = null;
    Object.keys(prefixes).forEach(function (p) {
      var ns = prefixes[p];
      if (iri.indexOf(ns) === 0 && /^[\w.-]*$/.test(iri.slice(ns.length)) && (!best || ns.length > prefixes[best].length)) best = p;
    });
    return best === null ? null : best + ':' + iri.slice(prefixes[best].length);
  }

  // Our own IRIs open their page on this server (the path under the dataset namespace); others go out, marked so.
  var namespace = (completions.prefixes && completions.prefixes.id || '').replace(/id\/$/, '');
  function localHref(iri) {
    if (namespace && iri.indexOf(namespace) === 0) return '/' + iri.slice(namespace.length);
    if (namespace && iri.indexOf(namespace.replace(/\/$/, '')) === 0) return '/ontology';
    return null;
  }

  function cell(term, labels) {
    var td = document.createElement('td');
    if (!term) return td;
    if (term.type === 'uri') {
      var a = document.createElement('a');
      var local = localHref(term.value);
      a.href = local || term.value;
      if (!local) { a.className = 'external'; a.rel = 'external'; }
      a.textContent = shortName(term.value) || '<' + term.value + '>';
      a.title = term.value;
      td.appendChild(a);
      if (labels && labels[term.value]) {
        var l = document.createElement('span');
        l.className = 'iri-label';
        l.textContent = labels[term.value];
        td.appendChild(l);
      }
    } else {
      td.textContent = term.value;
      if (term['xml:lang']) td.title = '@' + term['xml:lang'];
      else if (term.datatype) td.title = shortName(term.datatype) || term.datatype;
    }
    return td;
  }

  function compare(a, b) {
    if (!a) return b ? 1 : 0;
    if (!b) return -1;
    var x = parseFloat(a.value), y = parseFloat(b.value);
    if (!isNaN(x) && !isNaN(y) && String(x) !== 'NaN' && a.type === 'literal' && b.type === 'literal') return x - y;
    return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  }

  function draw() {
    var s = shown, vars = s.vars, rows = s.rows;
    var t = document.createElement('table');
    t.className = 'results';
    var head = t.createTHead().insertRow();
    vars.forEach(function (v) {
      var th = document.createElement('th');
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'sort';
      b.textContent = '?' + v + (s.sortBy === v ? (s.descending ? ' ▼' : ' ▲') : '');
      b.title = 'Sort by ?' + v;
      b.addEventListener('click', function () {
        s.descending = s.sortBy === v ? !s.descending : false;
        s.sortBy = v;
        rows.sort(function (r1, r2) { var c = compare(r1[v], r2[v]); return s.descending ? -c : c; });
        s.page = 0;
        draw();
      });
      th.appendChild(b);
      head.appendChild(th);
    });
    var body = t.createTBody();
    var from = s.page * PAGE, to = Math.min(rows.length, from + PAGE);
    rows.slice(from, to).forEach(function (row) {
      var tr = body.insertRow();
      vars.forEach(function (v) { tr.appendChild(cell(row[v], s.labels)); });
    });
    results.textContent = '';
    if (rows.length > PAGE) {
      var pager = document.createElement('p');
      pager.className = 'pager';
      var prev = document.createElement('button');
      prev.type = 'button'; prev.textContent = '← previous'; prev.disabled = s.page === 0; prev.id = 'results-prev';
      prev.addEventListener('click', function () { s.page--; draw(); });
      var next = document.createElement('button');
      next.type = 'button'; next.textContent = 'next →'; next.disabled = to >= rows.length; next.id = 'results-next';
      next.addEventListener('click', function () { s.page++; draw(); });
      var where = document.createElement('span');
      where.id = 'results-range';
      where.textContent = ' rows ' + (from + 1) + '–' + to + ' of ' + rows.length + ' (downloads hold all) ';
      pager.appendChild(prev); pager.appendChild(where); pager.appendChild(next);
      results.appendChild(pager);
    }
    results.appendChild(t);
    fetchLabels(rows.slice(from, to), vars);
  }

  // Labels of the IRIs on the page shown, in one more query; already known ones are not asked again.
  function fetchLabels(rows, vars) {
    var s = shown, wanted = [];
    rows.forEach(function (row) {
      vars.forEach(function (v) {
        var t = row[v];
        if (t && t.type === 'uri' && !(t.value in s.labels) && wanted.indexOf(t.value) < 0 && !/[<>"{}|\\^`\s]/.test(t.value)) wanted.push(t.value);
      });
    });
    if (wanted.length === 0) return;
    wanted.forEach(function (iri) { s.labels[iri] = null; });
    var q = 'SELECT ?s (SAMPLE(?l) AS ?label) WHERE { VALUES ?s { ' + wanted.map(function (i) { return '<' + i + '>'; }).join(' ')
          + ' } ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } GROUP BY ?s';
    fetch('/sparql', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/sparql-results+json' },
                       body: 'query=' + encodeURIComponent(q) })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (json) {
        if (!json || shown !== s) return;
        json.results.bindings.forEach(function (b) { if (b.label) s.labels[b.s.value] = b.label.value; });
        results.querySelectorAll('table.results td a[title]').forEach(function (a) {
          var label = s.labels[a.title];
          if (label && !(a.nextSibling && a.nextSibling.className === 'iri-label')) {
            var span = document.createElement('span'); span.className = 'iri-label'; span.textContent = label;
            a.parentNode.insertBefore(span, a.nextSibling);
          }
        });
      }).catch(function () { /* labels are a help, not the answer */ });
  }

  function table(json, query) {
    prefixes = prefixMap(query);
    shown = { vars: json.head.vars, rows: json.results.bindings.slice(), sortBy: null, descending: false, page: 0, labels: {} };
    draw();
  }

  function run(evt) {
    if (evt) evt.preventDefault();
    var format = document.getElementById('format').value;
    var query = editor.getValue();
    var accept = format === 'json'
      ? 'application/sparql-results+json, text/turtle;q=0.9'
      : { xml: 'application/sparql-results+xml', csv: 'text/csv', tsv: 'text/tab-separated-values' }[format];
    status.textContent = 'Running…';
    results.textContent = '';
    document.getElementById('downloads').hidden = true;
    history.replaceState(null, '', shareUrl());
    remember(query);
    var started = performance.now();
    fetch('/sparql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': accept },
      body: 'query=' + encodeURIComponent(query)
    }).then(function (resp) {
      return resp.text().then(function (text) { return { resp: resp, text: text }; });
    }).then(function (r) {
      var ms = Math.round(performance.now() - started);
      var type = r.resp.headers.get('Content-Type') || '';
      if (!r.resp.ok) {
        status.textContent = 'Error ' + r.resp.status + ' (' + ms + ' ms)';
        var pre = document.createElement('pre'); pre.className = 'error'; pre.textContent = r.text;
        results.appendChild(pre);
        return;
      }
      if (type.indexOf('application/sparql-results+json') === 0) {
        var json = JSON.parse(r.text);
        if (typeof json.boolean === 'boolean') {
          status.textContent = 'ASK: ' + json.boolean + ' (' + ms + ' ms)';
        } else {
          status.textContent = json.results.bindings.length + ' results (' + ms + ' ms)'
            + (json.results.bindings.length > PAGE ? ', ' + PAGE + ' to a page' : '');
          table(json, query);
        }
      } else {
        status.textContent = 'Done (' + ms + ' ms)';
        var pre2 = document.createElement('pre'); pre2.textContent = r.text;
        results.appendChild(pre2);
      }
      showDownloads(query);
    }).catch(function (err) {
      status.textContent = 'Request failed: ' + err;
    });
  }
  document.getElementById('sparql-form').addEventListener('submit', run);

  // ---- Syntax as you type: the server parses (nothing runs) a moment after the last key, and the line is marked.
  var syntax = document.getElementById('syntax'), syntaxTimer = null, marked = null, asked = 0;
  function checkSyntax() {
    var query = editor.getValue(), ticket = ++asked;
    if (query.length > 20000) { syntax.textContent = ''; return; }
    fetch('/sparql-syntax?query=' + encodeURIComponent(query), { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (json) {
        if (ticket !== asked) return;
        if (marked !== null) { editor.removeLineClass(marked, 'background', 'syntax-error-line'); marked = null; }
        if (json.ok) {
          syntax.textContent = 'Syntax OK';
          syntax.className = 'syntax ok';
        } else {
          syntax.textContent = (json.line ? 'Line ' + json.line + ', column ' + json.column + ': ' : '') + (json.error || 'not a valid query');
          syntax.className = 'syntax error';
          if (json.line) { marked = json.line - 1; editor.addLineClass(marked, 'background', 'syntax-error-line'); }
        }
      }).catch(function () { syntax.textContent = ''; });
  }
  editor.on('change', function () {
    clearTimeout(syntaxTimer);
    syntaxTimer = setTimeout(checkSyntax, 400);
  });
  checkSyntax();
  editor.setOption('extraKeys', {
    'Ctrl-Enter': function () { run(); }, 'Cmd-Enter': function () { run(); },
    'Ctrl-Space': 'autocomplete'
  });
})();
