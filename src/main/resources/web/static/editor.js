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

  // ---- Results.
  function cell(term) {
    var td = document.createElement('td');
    if (!term) return td;
    if (term.type === 'uri') {
      var a = document.createElement('a');
      a.href = term.value;
      a.textContent = term.value;
      td.appendChild(a);
    } else {
      td.textContent = term.value;
      if (term['xml:lang']) td.title = '@' + term['xml:lang'];
      else if (term.datatype) td.title = term.datatype;
    }
    return td;
  }

  function table(json) {
    var vars = json.head.vars, rows = json.results.bindings;
    var t = document.createElement('table');
    t.className = 'results';
    var head = t.createTHead().insertRow();
    vars.forEach(function (v) { var th = document.createElement('th'); th.textContent = '?' + v; head.appendChild(th); });
    var body = t.createTBody();
    rows.forEach(function (row) {
      var tr = body.insertRow();
      vars.forEach(function (v) { tr.appendChild(cell(row[v])); });
    });
    return t;
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
          status.textContent = json.results.bindings.length + ' results (' + ms + ' ms)';
          results.appendChild(table(json));
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
  editor.setOption('extraKeys', {
    'Ctrl-Enter': function () { run(); }, 'Cmd-Enter': function () { run(); },
    'Ctrl-Space': 'autocomplete'
  });
})();
