// Lets a reader drag the nodes of the graph view; the picture is complete without this script.
(function () {
  var svg = document.getElementById('explore');
  if (!svg) return;
  var dragging = null, moved = false;
  function point(evt) {
    var pt = svg.createSVGPoint();
    pt.x = evt.clientX; pt.y = evt.clientY;
    return pt.matrixTransform(svg.getScreenCTM().inverse());
  }
  function place(node, x, y) {
    var ox = +node.getAttribute('data-x'), oy = +node.getAttribute('data-y');
    node.querySelector('circle').setAttribute('cx', x);
    node.querySelector('circle').setAttribute('cy', y);
    var label = node.querySelector('text');
    label.setAttribute('x', +label.getAttribute('x') + x - ox); label.setAttribute('y', +label.getAttribute('y') + y - oy);
    svg.querySelectorAll('g.edge').forEach(function (edge) {
      var line = edge.querySelector('line'), text = edge.querySelector('text');
      ['1', '2'].forEach(function (end) {
        if (+line.getAttribute('x' + end) === ox && +line.getAttribute('y' + end) === oy) {
          line.setAttribute('x' + end, x); line.setAttribute('y' + end, y);
        }
      });
      text.setAttribute('x', (+line.getAttribute('x1') + +line.getAttribute('x2')) / 2);
      text.setAttribute('y', (+line.getAttribute('y1') + +line.getAttribute('y2')) / 2);
    });
    node.setAttribute('data-x', x); node.setAttribute('data-y', y);
  }
  svg.querySelectorAll('g.node').forEach(function (node) {
    node.querySelector('circle').addEventListener('mousedown', function (evt) {
      dragging = node; moved = false; evt.preventDefault();
    });
  });
  svg.addEventListener('mousemove', function (evt) {
    if (!dragging) return;
    moved = true;
    var p = point(evt);
    place(dragging, Math.round(p.x), Math.round(p.y));
  });
  window.addEventListener('mouseup', function () { setTimeout(function () { dragging = null; }, 0); });
  svg.addEventListener('click', function (evt) {
    if (moved) { evt.preventDefault(); moved = false; }
  }, true);

  // Clicking a node's circle grows the picture in place: its own neighbours (from its graph view) join around it.
  var SVG = 'http://www.w3.org/2000/svg';
  function present(iri) {
    return Array.prototype.some.call(svg.querySelectorAll('g.node'), function (n) { return n.getAttribute('data-iri') === iri; });
  }
  function grow(node, href) {
    if (node.classList.contains('expanded')) return;
    node.classList.add('expanded');
    fetch(href, { headers: { Accept: 'text/html' } }).then(function (r) { return r.text(); }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, 'text/html');
      var theirs = doc.getElementById('explore');
      if (!theirs) return;
      var cx = +node.getAttribute('data-x'), cy = +node.getAttribute('data-y');
      var fresh = Array.prototype.filter.call(theirs.querySelectorAll('g.node:not(.center)'), function (n) {
        return !present(n.getAttribute('data-iri'));
      }).slice(0, 12);
      var edges = theirs.querySelectorAll('g.edge');
      fresh.forEach(function (n, i) {
        var angle = 2 * Math.PI * i / fresh.length, x = Math.round(cx + 110 * Math.cos(angle)), y = Math.round(cy + 110 * Math.sin(angle));
        var ox = n.getAttribute('data-x'), oy = n.getAttribute('data-y');
        var label = '';
        Array.prototype.forEach.call(edges, function (e) {
          var l = e.querySelector('line');
          if (l.getAttribute('x2') === ox && l.getAttribute('y2') === oy) label = e.querySelector('text').textContent;
        });
        var g = document.createElementNS(SVG, 'g');
        g.setAttribute('class', 'edge grown');
        var line = document.createElementNS(SVG, 'line');
        line.setAttribute('x1', cx); line.setAttribute('y1', cy); line.setAttribute('x2', x); line.setAttribute('y2', y);
        var text = document.createElementNS(SVG, 'text');
        text.setAttribute('x', Math.round(cx + 0.6 * (x - cx))); text.setAttribute('y', Math.round(cy + 0.6 * (y - cy)) - 3);
        text.textContent = label;
        g.appendChild(line); g.appendChild(text);
        svg.insertBefore(g, svg.querySelector('g.node'));
        var copy = document.importNode(n, true);
        copy.setAttribute('data-x', x); copy.setAttribute('data-y', y);
        copy.classList.add('grown');
        var circle = copy.querySelector('circle'), t = copy.querySelector('text');
        circle.setAttribute('cx', x); circle.setAttribute('cy', y);
        t.setAttribute('x', x + (x >= cx ? 12 : -12)); t.setAttribute('y', y + 4);
        t.setAttribute('text-anchor', x >= cx ? 'start' : 'end');
        svg.appendChild(copy);
        attach(copy);
      });
    });
  }
  function attach(node) {
    var link = node.querySelector('a');
    node.querySelector('circle').addEventListener('mousedown', function (evt) {
      dragging = node; moved = false; evt.preventDefault();
    });
    link.addEventListener('click', function (evt) {
      if (moved || node.classList.contains('center')) return;
      evt.preventDefault();
      grow(node, link.getAttribute('href'));
    });
  }
  svg.querySelectorAll('g.node').forEach(function (node) {
    var link = node.querySelector('a');
    link.addEventListener('click', function (evt) {
      if (moved || node.classList.contains('center')) return;
      evt.preventDefault();
      grow(node, link.getAttribute('href'));
    });
  });
})();
