// The article view as evidence: highlights the passages of what is chosen (from the list, a #ev-… link or a tapped
// sentence) by toggling classes only, so the text never moves; the server renders the same state for ?focus=.
(function () {
  var text = document.getElementById('article-text');
  if (!text) return;
  var view = document.querySelector('.article-view');
  var panel = document.getElementById('sentence-panel');
  var note = document.getElementById('focus-note');
  var segs = Array.prototype.slice.call(document.querySelectorAll('.article-view .seg'));

  function covers(seg, anchors) {
    var p = (seg.getAttribute('data-p') || '').split(' ');
    for (var i = 0; i < anchors.length; i++) if (p.indexOf(anchors[i]) >= 0) return true;
    return false;
  }

  function highlight(anchors, target) {
    segs.forEach(function (s) {
      s.classList.toggle('on', anchors.length > 0 && covers(s, anchors));
      s.classList.toggle('target', !!target && covers(s, [target]));
    });
    document.querySelectorAll('.article-view .anchor.target').forEach(function (a) { a.classList.remove('target'); });
    if (target) {
      var a = document.getElementById(target);
      if (a) {
        a.classList.add('target');
        a.scrollIntoView({block: 'start'});
      }
    }
  }

  function describe(label, href, count) {
    if (!note) return;
    note.textContent = 'Highlighted: ' + (count === 1 ? 'the passage' : 'the ' + count + ' passages') + ' of ';
    if (href) {
      var a = document.createElement('a');
      a.href = href;
      a.textContent = label;
      note.appendChild(a);
    } else {
      note.appendChild(document.createTextNode(label));
    }
    note.appendChild(document.createTextNode(' · '));
    var clear = document.createElement('a');
    clear.className = 'clear';
    clear.href = view.getAttribute('data-base');
    clear.textContent = 'show plain text';
    note.appendChild(clear);
  }

  document.querySelectorAll('a.focus-item').forEach(function (link) {
    link.addEventListener('click', function (ev) {
      var anchors = link.getAttribute('data-anchors').split(' ');
      ev.preventDefault();
      history.replaceState(null, '', link.getAttribute('href'));
      var page = link.parentNode.querySelector('a.page-link');
      describe(link.textContent, page ? page.getAttribute('href') : null, anchors.length);
      highlight(anchors, anchors[0]);
    });
  });

  // A link to #ev-… with no ?focus= (older links, hand-written ones) highlights that passage alone.
  function fromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (id.indexOf('ev-') !== 0 || !document.getElementById(id)) return;
    if (location.search.indexOf('focus=') < 0) describe('this passage', null, 1);
    var chosen = segs.filter(function (s) { return s.classList.contains('on'); }).length > 0 && location.search.indexOf('focus=') >= 0;
    highlight(chosen ? currentAnchors() : [id], id);
  }

  function currentAnchors() {
    var out = [];
    segs.forEach(function (s) {
      if (s.classList.contains('on')) (s.getAttribute('data-p') || '').split(' ').forEach(function (a) { if (a && out.indexOf(a) < 0) out.push(a); });
    });
    return out;
  }

  window.addEventListener('hashchange', fromHash);
  fromHash();

  // Tapping a sentence lists what it supports, from the passages that start in it.
  text.addEventListener('click', function (ev) {
    var seg = ev.target.closest ? ev.target.closest('.seg') : null;
    if (!seg || !seg.hasAttribute('data-s') || !panel) return;
    var n = seg.getAttribute('data-s');
    var list = panel.querySelector('ul');
    list.innerHTML = '';
    var seen = {};
    var anchors = [];
    document.querySelectorAll('ol.passages > li[data-s="' + n + '"]').forEach(function (entry) {
      anchors.push(entry.getAttribute('data-anchor'));
      entry.querySelectorAll('ul.supports a').forEach(function (a) {
        if (seen[a.getAttribute('href')]) return;
        seen[a.getAttribute('href')] = true;
        var li = document.createElement('li');
        li.appendChild(a.cloneNode(true));
        list.appendChild(li);
      });
    });
    segs.forEach(function (s) { s.classList.toggle('chosen-sentence', s.getAttribute('data-s') === n); });
    panel.querySelector('.none').hidden = list.children.length > 0;
    panel.hidden = false;
    highlight(anchors, null);
    if (note) note.textContent = 'Highlighted: the passages of the sentence you chose.';
  });
})();
