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
})();
