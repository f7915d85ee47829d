// Search and kind filter over every list, and "Show more" for long lists: the first rows of each
// list are HTML; the rest are JSON in a script element, parsed the first time they are needed.
(function () {
  'use strict';
  var PAGE = 200;
  var form = document.getElementById('filters');
  var q = document.getElementById('q');
  var kind = document.getElementById('kind');
  var matches = document.getElementById('matches');
  var lists = [].map.call(document.querySelectorAll('.list'), function (el) {
    var body = el.querySelector('tbody');
    var items = [].map.call(body.rows, function (tr) {
      return { k: tr.getAttribute('data-k') || '', tr: tr, t: null };
    });
    var styles = [].map.call(el.querySelectorAll('thead th'), function (th) { return th.className; });
    var rest = el.querySelector('.rest');
    if (rest) { rest.hidden = true; }
    var list = {
      el: el, body: body, items: items, styles: styles, kinds: el.hasAttribute('data-kinds'),
      data: el.querySelector('script.rows'), shown: PAGE, matched: items,
      status: el.querySelector('.status'), button: null
    };
    if (list.data) { addButton(list); }
    return list;
  });

  function load(list) {
    if (!list.data) { return; }
    JSON.parse(list.data.textContent).forEach(function (r) {
      list.items.push({ k: r[0], c: r.slice(1), tr: null, t: null });
    });
    list.data = null;
  }

  function row(list, item) {
    if (!item.tr) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-k', item.k);
      item.c.forEach(function (cell, i) {
        var td = document.createElement('td');
        td.className = list.styles[i] || '';
        td.textContent = cell;
        tr.appendChild(td);
      });
      item.tr = tr;
    }
    return item.tr;
  }

  function text(item) {
    if (item.t === null) {
      item.t = (item.tr ? item.tr.textContent : item.c.join(' ')).toLowerCase();
    }
    return item.t;
  }

  function addButton(list) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'more';
    b.textContent = 'Show more';
    b.addEventListener('click', function () {
      load(list);
      list.shown += PAGE;
      apply(list);
    });
    list.el.appendChild(b);
    list.button = b;
  }

  function apply(list) {
    var words = q.value.toLowerCase().trim();
    var k = list.kinds ? kind.value : '';
    var filtering = words !== '' || k !== '';
    if (filtering) { load(list); }
    list.matched = !filtering ? list.items : list.items.filter(function (item) {
      return (k === '' || item.k === k) && (words === '' || text(item).indexOf(words) >= 0);
    });
    var frag = document.createDocumentFragment();
    list.matched.slice(0, list.shown).forEach(function (item) { frag.appendChild(row(list, item)); });
    list.body.textContent = '';
    list.body.appendChild(frag);
    var total = Number(list.el.getAttribute('data-total'));
    var shown = Math.min(list.shown, list.matched.length);
    list.status.textContent = filtering
      ? (list.matched.length === 0 ? 'No row matches' : shown + ' of ' + list.matched.length + ' matching rows shown')
        + ' (' + list.items.length + ' in all)'
      : (shown < total ? shown + ' of ' + total + ' rows shown' : '');
    if (list.button) { list.button.hidden = !list.data && list.matched.length <= list.shown; }
    return list.matched.length;
  }

  var timer = null;
  function applyAll() {
    timer = null;
    var n = 0;
    lists.forEach(function (list) { list.shown = PAGE; n += apply(list); });
    matches.textContent = (q.value || kind.value) ? n + ' matching rows' : '';
  }
  function later() {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(applyAll, 120);
  }
  q.addEventListener('input', later);
  kind.addEventListener('change', applyAll);
  form.hidden = false;
})();
