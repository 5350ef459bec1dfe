/* publisher serve: the writing coach marks its findings in the rendered page (never in a
   built file). Findings come from the server with their text and source lines; each is
   found in the page's text and wrapped in <mark> elements, with a tag (L, P, W, J) so the
   kind does not depend on colour. The page reloads when the source changes. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('pub-coach-data').textContent);
  var root = document.querySelector('main') || document.body;
  var SKIP = 'script, style, .pub-coach-tag, #pub-coach, sup.noteref';
  var TAGS = { long: 'L', passive: 'P', difficult: 'W', jargon: 'J' };

  function index() {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentElement && node.parentElement.closest(SKIP)
          ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var text = [], map = [], space = true;
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var value = node.nodeValue;
      for (var i = 0; i < value.length; i++) {
        var c = value[i];
        if (c === '\u00ad') continue;
        if (/\s/.test(c)) {
          if (space) continue;
          c = ' ';
          space = true;
        } else {
          space = false;
        }
        text.push(c);
        map.push([node, i]);
      }
    }
    return { text: text.join(''), map: map };
  }

  function normal(text) {
    return text.replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim();
  }

  function wrap(found, start, end, finding, first) {
    var groups = [];
    for (var k = start; k < end; k++) {
      var entry = found.map[k];
      var last = groups[groups.length - 1];
      if (last && last.node === entry[0]) last.to = entry[1];
      else groups.push({ node: entry[0], from: entry[1], to: entry[1] });
    }
    var marks = [];
    for (var g = groups.length - 1; g >= 0; g--) {
      var group = groups[g];
      var node = group.node;
      if (group.to + 1 < node.nodeValue.length) node.splitText(group.to + 1);
      var middle = group.from > 0 ? node.splitText(group.from) : node;
      var mark = document.createElement('mark');
      mark.className = 'pub-coach-mark pub-coach-' + finding.kind;
      mark.dataset.finding = finding.id;
      mark.title = finding.title;
      middle.parentNode.insertBefore(mark, middle);
      mark.appendChild(middle);
      marks.unshift(mark);
    }
    if (marks.length) {
      var tag = document.createElement('span');
      tag.className = 'pub-coach-tag';
      tag.textContent = TAGS[finding.kind] + (first ? '\u2009' + finding.lines[0] : '');
      marks[0].insertBefore(tag, marks[0].firstChild);
      if (first) marks[0].id = 'pub-coach-mark-' + finding.id;
    }
    return marks.length > 0;
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }

  var used = {};
  data.findings.forEach(function (finding, number) {
    finding.id = String(number);
    finding.title = finding.advice + ' (line ' + finding.lines.join(', ') + ')';
    var marked = false;
    if (finding.kind === 'long' || finding.kind === 'passive') {
      var found = index();
      var wanted = normal(finding.text);
      var from = used[finding.kind + wanted] || 0;
      var at = found.text.indexOf(wanted, from);
      if (at >= 0) {
        used[finding.kind + wanted] = at + wanted.length;
        marked = wrap(found, at, at + wanted.length, finding, true);
      }
    } else {
      var pattern = new RegExp('(?<![\\p{L}\\p{N}])' + escapeRegExp(finding.text) +
        '(?![\\p{L}\\p{N}])', 'giu');
      var first = true;
      for (;;) {
        var text = index();
        var hits = [];
        var match;
        pattern.lastIndex = 0;
        while ((match = pattern.exec(text.text))) hits.push(match.index);
        var fresh = hits.filter(function (hit) {
          var node = text.map[hit][0].parentElement;
          return !node.closest('mark.pub-coach-' + finding.kind);
        });
        if (!fresh.length) break;
        wrap(text, fresh[0], fresh[0] + finding.text.length, finding, first);
        first = false;
        marked = true;
      }
    }
    var item = document.querySelector('#pub-coach li[data-finding="' + number + '"]');
    if (item && !marked) {
      item.classList.add('pub-coach-unmarked');
      var note = document.createElement('span');
      note.className = 'pub-coach-note';
      note.textContent = ' (not visible in the page: ' + (finding.where || 'not shown') + ')';
      item.appendChild(note);
    }
  });
  document.documentElement.dataset.coach = 'ready';
  new EventSource('/__coach/events').onmessage = function () { location.reload(); };
})();
