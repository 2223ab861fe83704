// The explorer's pictures, drawn from the JSON each page carries (web/pictures.go
// shapes it and holds the scales; app.css holds the colours): the moves graph by
// cytoscape, the plots by Chart.js, both served from /app/static/vendor/. Each
// picture's figure stays hidden until it is drawn, so without script a person
// gets the table beside it, which holds the same data. The drawn instances are
// kept on window.latticePictures, for the browser tests.
(function () {
  'use strict';

  var drawn = window.latticePictures = {};
  var count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }
  function colour(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }
  function font() {
    return getComputedStyle(document.body).fontFamily;
  }
  function go(href) { window.location.href = href; }
  function short(s, n) { return s.length > n ? s.slice(0, n - 1) + '…' : s; }

  // moves draws the roles within reach around the person, a ring a move.
  function moves() {
    var g = data('moves-data');
    var box = document.getElementById('moves');
    if (!g || !box || !window.cytoscape) return;
    box.closest('figure').hidden = false;
    // cytoscape would add a <style> giving its container position: relative,
    // which the page's CSP refuses: app.css gives it, and an element with the
    // id cytoscape looks for tells it so.
    if (!document.getElementById('__________cytoscape_stylesheet')) {
      var marker = document.createElement('meta');
      marker.id = '__________cytoscape_stylesheet';
      document.head.appendChild(marker);
    }
    var tones = {};
    ['up', 'down', 'same', 'unknown'].forEach(function (t) { tones[t] = colour('--tone-' + t); });
    var ink = colour('--ink');
    var rings = 1;
    g.nodes.forEach(function (n) { rings = Math.max(rings, n.steps); });
    // Each ring keeps the list's order, and a role further out follows the
    // role it is reached through, so the moves fan out rather than cross.
    var index = {}, parent = {};
    g.nodes.forEach(function (n, i) { index[n.id] = i; });
    g.edges.forEach(function (e) { parent[e.target] = e.source; });
    function lineage(id) {
      var k = [];
      for (var hops = 0; id in index && hops < 10; hops++) { k.unshift(index[id]); id = parent[id]; }
      return k;
    }
    var ordered = g.nodes.slice().sort(function (a, b) {
      var ka = lineage(a.id), kb = lineage(b.id);
      for (var i = 0; i < Math.min(ka.length, kb.length); i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
      return ka.length - kb.length;
    });
    var elements = [{ data: { id: g.centreId, label: g.centre, size: 22, steps: 0 }, classes: 'me' }];
    ordered.forEach(function (n) {
      elements.push({ data: { id: n.id, label: n.title, href: n.href, size: n.size, steps: n.steps, tone: n.tone, tip: n.tip } });
    });
    g.edges.forEach(function (e, i) {
      elements.push({ data: { id: 'move-' + i, source: e.source, target: e.target, width: e.width } });
    });
    var cy = window.cytoscape({
      container: box,
      elements: elements,
      // A page scrolls past the map on a phone: no panning or zooming by hand.
      userZoomingEnabled: false,
      userPanningEnabled: false,
      boxSelectionEnabled: false,
      autoungrabify: true,
      style: [
        { selector: 'node', style: {
          width: 'data(size)', height: 'data(size)',
          'background-color': function (n) { return tones[n.data('tone')] || tones.unknown; },
          'border-width': 1.5, 'border-color': '#fff',
          label: 'data(label)', color: ink, 'font-family': font(), 'font-size': 12,
          'text-valign': 'bottom', 'text-margin-y': 3, 'text-wrap': 'wrap', 'text-max-width': 110,
          'text-outline-color': '#fff', 'text-outline-width': 2
        } },
        { selector: 'node.me', style: { 'background-color': ink, 'font-weight': 700 } },
        { selector: 'node.current', style: { 'border-color': colour('--focus'), 'border-width': 4 } },
        { selector: 'edge', style: { width: 'data(width)', 'line-color': colour('--edge'), 'curve-style': 'straight', opacity: 0.8 } }
      ],
      layout: {
        name: 'concentric',
        // The person in the middle, then a ring for each number of moves.
        concentric: function (n) { return rings - n.data('steps'); },
        levelWidth: function () { return 1; },
        startAngle: 3 / 2 * Math.PI,
        minNodeSpacing: 24,
        padding: 16,
        animate: false
      }
    });
    // Labels keep a readable size on the screen however far the fit zooms out.
    function readable() {
      var z = cy.zoom();
      cy.style().selector('node').style({ 'font-size': 12 / z, 'text-max-width': 110 / z, 'text-outline-width': 2 / z }).update();
    }
    readable();
    cy.on('resize', function () { cy.fit(undefined, 16); readable(); });
    cy.on('tap', 'node[href]', function (ev) { go(ev.target.data('href')); });
    cy.on('mouseover', 'node[href]', function (ev) {
      box.style.cursor = 'pointer';
      box.title = ev.target.data('label') + ': ' + ev.target.data('tip');
    });
    cy.on('mouseout', 'node', function () { box.style.cursor = ''; box.title = ''; });

    // The keyboard walks the roles in the table's order; Enter opens one.
    var roles = g.nodes.map(function (n) { return cy.getElementById(n.id); });
    var now = -1;
    var said = document.getElementById('moves-now');
    function pick(i) {
      if (!roles.length) return;
      now = (i + roles.length) % roles.length;
      cy.nodes().removeClass('current');
      var n = roles[now].addClass('current');
      var steps = n.data('steps');
      said.textContent = n.data('label') + ': ' + n.data('tip') + ', ' + steps + ' move' + (steps === 1 ? '' : 's') + ' away. Enter opens it.';
    }
    box.addEventListener('keydown', function (ev) {
      if (ev.key === 'ArrowRight' || ev.key === 'ArrowDown') { ev.preventDefault(); pick(now + 1); }
      else if (ev.key === 'ArrowLeft' || ev.key === 'ArrowUp') { ev.preventDefault(); pick(now - 1); }
      else if (ev.key === 'Home') { ev.preventDefault(); pick(0); }
      else if (ev.key === 'End') { ev.preventDefault(); pick(roles.length - 1); }
      else if (ev.key === 'Enter' && now >= 0) { ev.preventDefault(); go(roles[now].data('href')); }
    });
    box.addEventListener('blur', function () { cy.nodes().removeClass('current'); });
    box.addEventListener('focus', function () { if (now >= 0) roles[now].addClass('current'); });
    drawn.moves = cy;
  }

  function chartDefaults() {
    var C = window.Chart;
    C.defaults.font.family = font();
    C.defaults.font.size = 13;
    C.defaults.color = colour('--ink');
    C.defaults.animation = false;
    C.defaults.maintainAspectRatio = false;
    C.defaults.plugins.legend.display = false;
    C.defaults.plugins.tooltip.displayColors = false;
  }

  // front plots the trade-off plans, cost against hours; each point opens its plan.
  function front() {
    var d = data('front-data');
    var canvas = document.getElementById('front-chart');
    if (!d || !canvas) return;
    canvas.closest('figure').hidden = false;
    var mark = colour('--mark'), current = colour('--mark-current');
    drawn.front = new window.Chart(canvas, {
      type: 'scatter',
      data: { datasets: [{
        label: 'Plans',
        data: d.points.map(function (p) { return { x: p.hours, y: p.cost, href: p.href, sum: p.sum, steps: p.steps || [] }; }),
        pointRadius: d.points.map(function (p) { return p.current ? 10 : 7; }),
        pointHoverRadius: d.points.map(function (p) { return p.current ? 12 : 9; }),
        pointBackgroundColor: d.points.map(function (p) { return p.current ? current : mark; }),
        pointBorderColor: '#fff', pointBorderWidth: 2
      }] },
      options: {
        layout: { padding: 12 },
        interaction: { mode: 'nearest', intersect: true },
        scales: {
          x: { beginAtZero: true, title: { display: true, text: 'learning hours' }, ticks: { callback: function (v) { return count.format(v); } } },
          y: { beginAtZero: true, title: { display: true, text: 'cost' }, ticks: { callback: function (v) { return '$' + count.format(v); } } }
        },
        plugins: { tooltip: { callbacks: {
          title: function (items) { return items[0].raw.sum; },
          label: function (item) { return item.raw.steps.length ? 'Earn ' + item.raw.steps.join(', then ') : 'Nothing to earn'; },
          footer: function () { return 'Click to open this plan'; }
        } } },
        onClick: function (ev, els) { if (els.length) go(d.points[els[0].index].href); },
        onHover: function (ev, els) { canvas.style.cursor = els.length ? 'pointer' : ''; }
      }
    });
  }

  // gap draws the cohort's pooled gap: a bar a skill, as long as the members who lack it.
  function gap() {
    var d = data('gap-data');
    var canvas = document.getElementById('gap-chart');
    if (!d || !canvas) return;
    canvas.closest('figure').hidden = false;
    canvas.parentNode.style.height = (4 + 2 * d.bars.length) + 'rem';
    drawn.gap = new window.Chart(canvas, {
      type: 'bar',
      data: {
        labels: d.bars.map(function (b) { return b.skill; }),
        datasets: [{ label: 'Members who lack it', data: d.bars.map(function (b) { return b.lacking; }), backgroundColor: colour('--mark'), maxBarThickness: 22 }]
      },
      options: {
        indexAxis: 'y',
        scales: {
          x: { min: 0, max: d.members, ticks: { stepSize: 1, precision: 0 }, title: { display: true, text: 'members who lack it, of ' + d.members } },
          // A long skill name is cut on the axis (a phone is narrow); the tooltip and the table give it whole.
          y: { ticks: { callback: function (v) { return short(this.getLabelForValue(v), 24); } } }
        },
        plugins: { tooltip: { callbacks: { label: function (item) { return item.raw + ' of ' + d.members + ' members lack it'; } } } }
      }
    });
  }

  // criteria draws each recredentialing candidate's four criteria as bars.
  function criteria() {
    var all = data('criteria-data');
    if (!all) return;
    drawn.criteria = [];
    document.querySelectorAll('canvas[data-criteria]').forEach(function (canvas) {
      var d = all[Number(canvas.dataset.criteria)];
      if (!d) return;
      canvas.parentNode.hidden = false;
      drawn.criteria.push(new window.Chart(canvas, {
        type: 'bar',
        data: {
          labels: d.criteria.map(function (c) { return c.name; }),
          datasets: [{ label: d.role, data: d.criteria.map(function (c) { return c.share; }), backgroundColor: colour('--mark'), maxBarThickness: 16 }]
        },
        options: {
          indexAxis: 'y',
          scales: { x: { min: 0, max: 100, ticks: { stepSize: 25, callback: function (v) { return v + '%'; } } } },
          plugins: { tooltip: { callbacks: { label: function (item) { return Math.round(item.raw) + '%'; } } } }
        }
      }));
    });
  }

  function draw() {
    moves();
    if (window.Chart) {
      chartDefaults();
      front();
      gap();
      criteria();
    }
  }
  // Loaded with defer, after its library: the page is parsed by now.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw);
  else draw();
})();
