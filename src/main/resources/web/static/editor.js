// The SPARQL editor: CodeMirror highlighting, competency questions as examples, results as a table.
// Without JavaScript the form still works: it sends the query to /sparql and shows the raw results.
(function () {
  var textarea = document.getElementById('query');
  var editor = CodeMirror.fromTextArea(textarea, { mode: 'application/sparql-query', lineNumbers: true, indentUnit: 2 });
  var status = document.getElementById('status');
  var results = document.getElementById('results');
  var examples = document.getElementById('examples');

  function templateText(id) {
    var t = document.getElementById(id);
    return t ? t.content.textContent || t.innerHTML : '';
  }
  var hash = window.location.hash;
  if (hash.indexOf('#query=') === 0) {
    editor.setValue(templateText('prefixes') + '\n' + decodeURIComponent(hash.substring(7)));
  }
  examples.addEventListener('change', function () {
    if (examples.value) editor.setValue(templateText('example-' + examples.value));
  });

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
    }).catch(function (err) {
      status.textContent = 'Request failed: ' + err;
    });
  }
  document.getElementById('sparql-form').addEventListener('submit', run);
  editor.setOption('extraKeys', { 'Ctrl-Enter': function () { run(); }, 'Cmd-Enter': function () { run(); } });
})();
