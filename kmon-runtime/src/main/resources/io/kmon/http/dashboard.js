// kmon dashboard script, served at /dashboard.js: reads /metrics, /alerts, /errors and the
// series /metrics names in chart_series, and redraws the page every REFRESH_MS.
"use strict";
(function () {
  var REFRESH_MS = 5000;
  var RESIZE_MS = 150;
  var HOUR = 3600 * 1000;
  var sort = { key: "calls", asc: false };
  var lastMethods = [];
  var token = null;

  // A token may come in the URL fragment (#token=...), which browsers never send to the server.
  (function readToken() {
    var m = /(?:^|[#&])token=([^&]+)/.exec(location.hash || "");
    if (m) {
      token = decodeURIComponent(m[1]);
      try { sessionStorage.setItem("kmon.token", token); } catch (e) { /* storage off */ }
      history.replaceState(null, "", location.pathname);
    } else {
      try { token = sessionStorage.getItem("kmon.token"); } catch (e) { token = null; }
    }
  })();

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function get(path) {
    var headers = { "Accept": "application/json" };
    if (token) headers["Authorization"] = "Bearer " + token;
    return fetch(path, { headers: headers, cache: "no-store" }).then(function (r) {
      if (r.status === 401) { var e = new Error("unauthorized"); e.status = 401; throw e; }
      // /health answers 503 with a JSON body when unhealthy: still data
      if (!r.ok && r.status !== 503) { throw new Error(path + ": HTTP " + r.status); }
      return r.json();
    });
  }

  // ---- formatting: one table, and every number on the page goes through it ----
  // FORMAT[kind].value(v) writes one reading. FORMAT[kind].axis(top), for the kinds a chart
  // can show, returns the formatter of its tick labels, which share one unit picked from the
  // axis' top value.
  var MIB = 1 << 20, GIB = 1 << 30;
  function tick(f) { return function (v) { return v === 0 ? "0" : f(v); }; }
  var FORMAT = {
    count: { value: function (n) { return Math.round(n).toLocaleString("en-US"); } },
    compact: {
      value: function (n) {
        var a = Math.abs(n);
        if (a >= 1e9) return (n / 1e9).toFixed(2) + "G";
        if (a >= 1e6) return (n / 1e6).toFixed(2) + "M";
        if (a >= 1e4) return (n / 1e3).toFixed(1) + "k";
        return FORMAT.count.value(n);
      }
    },
    seconds: {
      value: function (s) {
        if (s < 1e-3) return (s * 1e6).toFixed(0) + " µs";
        if (s < 1) return (s * 1e3).toFixed(s < 0.01 ? 2 : 1) + " ms";
        return s.toFixed(2) + " s";
      },
      axis: function (top) {
        var unit = top < 1e-3 ? [1e6, " µs"] : top < 1 ? [1e3, " ms"] : [1, " s"];
        return tick(function (v) { return +(v * unit[0]).toFixed(2) + unit[1]; });
      }
    },
    rate: {
      value: function (r) {
        if (r === 0) return "0/s";
        if (r < 0.1) return (r * 60).toFixed(1) + "/min";
        return (r < 10 ? r.toFixed(2) : r.toFixed(0)) + "/s";
      },
      axis: function (top) {
        var perMin = top < 0.1;
        return tick(function (v) { return +(perMin ? v * 60 : v).toFixed(2) + (perMin ? "/min" : "/s"); });
      }
    },
    percent: {
      value: function (p) { return p.toFixed(p < 10 ? 1 : 0) + "%"; },
      axis: function () { return tick(function (v) { return +v.toFixed(1) + "%"; }); }
    },
    ratio: { value: function (r) { return (100 * r).toFixed(2) + "%"; } },
    bytes: {
      value: function (b) { return b >= GIB ? (b / GIB).toFixed(2) + " GiB" : (b / MIB).toFixed(0) + " MiB"; },
      axis: function (top) {
        var gib = top >= GIB;
        return tick(function (v) { return gib ? +(v / GIB).toFixed(2) + " GiB" : +(v / MIB).toFixed(0) + " MiB"; });
      },
      // bytes get round MiB (or GiB) ticks, not round byte counts
      unit: function (top) { return top >= GIB ? GIB : MIB; }
    },
    uptime: {
      value: function (sec) {
        sec = Math.floor(sec);
        var d = Math.floor(sec / 86400), h = Math.floor(sec % 86400 / 3600), m = Math.floor(sec % 3600 / 60), s = sec % 60;
        if (d) return d + "d " + h + "h";
        if (h) return h + "h " + m + "m";
        if (m) return m + "m " + s + "s";
        return s + "s";
      }
    },
    age: {
      value: function (sec) {
        var s = Math.max(0, sec);
        if (s < 60) return Math.floor(s) + "s ago";
        if (s < 3600) return Math.floor(s / 60) + "m ago";
        if (s < 86400) return Math.floor(s / 3600) + "h ago";
        return Math.floor(s / 86400) + "d ago";
      }
    },
    clock: {
      value: function (ms) {
        var d = new Date(ms);
        function p(n) { return (n < 10 ? "0" : "") + n; }
        return p(d.getHours()) + ":" + p(d.getMinutes()) + ":" + p(d.getSeconds());
      }
    }
  };
  // v as a kind of value, or a dash when there is none
  function fmt(kind, v) {
    return v === null || v === undefined || (typeof v === "number" && isNaN(v)) ? "–" : FORMAT[kind].value(v);
  }

  // ---- charts: inline SVG, one path per series ----
  var SVGNS = "http://www.w3.org/2000/svg";
  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVGNS, tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  // A round top for the y axis, and a division count that keeps every tick round too.
  function niceScale(v) {
    if (!(v > 0)) return { max: 1, ticks: 4 };
    var p = Math.pow(10, Math.floor(Math.log10(v)));
    var steps = [[1, 4], [2, 4], [2.5, 5], [5, 5], [10, 4]];
    for (var i = 0; i < steps.length; i++) if (v <= steps[i][0] * p) return { max: steps[i][0] * p, ticks: steps[i][1] };
    return { max: 10 * p, ticks: 4 };
  }
  function drawChart(node, lines, axis, fixedMax) {
    clear(node);
    var w = Math.max(200, Math.round(node.getBoundingClientRect().width || 600));
    var h = 150, left = 56, right = 8, top = 8, bottom = 20;
    node.setAttribute("viewBox", "0 0 " + w + " " + h);
    var all = [];
    lines.forEach(function (l) { all = all.concat(l.points); });
    if (all.length < 2) {
      node.appendChild(svg("text", { x: w / 2, y: h / 2, "text-anchor": "middle", "class": "empty" },
          "waiting for samples…"));
      drawLegend(node, []);
      return;
    }
    var t0 = Infinity, t1 = -Infinity, vmax = 0;
    all.forEach(function (p) { t0 = Math.min(t0, p[0]); t1 = Math.max(t1, p[0]); if (p[1] > vmax) vmax = p[1]; });
    if (t1 === t0) t1 = t0 + 1;
    var unit = FORMAT[axis].unit ? FORMAT[axis].unit(vmax) : 1;
    var scale = fixedMax ? { max: fixedMax, ticks: 4 } : niceScale(vmax * 1.1 / unit);
    scale.max *= unit;
    var ymax = scale.max, tickLabel = FORMAT[axis].axis(ymax);
    function x(t) { return left + (t - t0) / (t1 - t0) * (w - left - right); }
    function y(v) { return top + (1 - Math.min(v, ymax) / ymax) * (h - top - bottom); }
    for (var i = 0; i <= scale.ticks; i++) {
      var v = ymax * i / scale.ticks, yy = y(v).toFixed(1);
      node.appendChild(svg("line", { x1: left, x2: w - right, y1: yy, y2: yy, "class": "grid" }));
      node.appendChild(svg("text", { x: left - 6, y: +yy + 3, "text-anchor": "end", "class": "axis" }, tickLabel(v)));
    }
    node.appendChild(svg("text", { x: left, y: h - 4, "class": "axis" }, fmt("clock", t0)));
    node.appendChild(svg("text", { x: w - right, y: h - 4, "text-anchor": "end", "class": "axis" }, fmt("clock", t1)));
    lines.forEach(function (l, n) {
      if (l.points.length < 2) return;
      var d = l.points.map(function (p, k) { return (k ? "L" : "M") + x(p[0]).toFixed(1) + " " + y(p[1]).toFixed(1); }).join(" ");
      var first = l.points[0], last = l.points[l.points.length - 1];
      var gid = node.id + "-g" + n;
      var defs = svg("defs", {});
      var grad = svg("linearGradient", { id: gid, x1: 0, y1: 0, x2: 0, y2: 1 });
      grad.appendChild(svg("stop", { offset: "0%", "stop-color": l.color, "stop-opacity": 0.35 }));
      grad.appendChild(svg("stop", { offset: "100%", "stop-color": l.color, "stop-opacity": 0 }));
      defs.appendChild(grad);
      node.appendChild(defs);
      node.appendChild(svg("path", { d: d + " L" + x(last[0]).toFixed(1) + " " + y(0) + " L" + x(first[0]).toFixed(1) + " " + y(0) + " Z",
        fill: "url(#" + gid + ")", stroke: "none", "class": "area" }));
      node.appendChild(svg("path", { d: d, fill: "none", stroke: l.color, "stroke-width": 2,
        "stroke-linejoin": "round", "class": "line", "data-series": l.name }));
    });
    drawLegend(node, lines.filter(function (l) { return l.points.length >= 2; }));
  }
  // A chart of several lines names them in a list under it; one line needs no legend.
  function drawLegend(node, lines) {
    var box = node.nextElementSibling;
    if (lines.length < 2) {
      if (box) box.remove();
      return;
    }
    if (!box) {
      box = el("ul", "legend");
      box.id = node.id + "-legend";
      node.parentNode.appendChild(box);
    }
    clear(box);
    lines.forEach(function (l) {
      var item = el("li");
      item.setAttribute("data-series", l.name);
      var swatch = el("span", "swatch");
      swatch.style.background = l.color; // CSSOM, which the style-src policy allows
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(l.name));
      box.appendChild(item);
    });
  }
  function rates(points) {
    var out = [];
    for (var i = 1; i < points.length; i++) {
      var dt = (points[i][0] - points[i - 1][0]) / 1000;
      if (dt > 0 && points[i][1] !== null && points[i - 1][1] !== null) {
        out.push([points[i][0], Math.max(0, (points[i][1] - points[i - 1][1]) / dt)]);
      }
    }
    return out;
  }
  function sumSeries(list) {
    var byT = {};
    list.forEach(function (pts) { pts.forEach(function (p) { if (p[1] !== null) byT[p[0]] = (byT[p[0]] || 0) + p[1]; }); });
    return Object.keys(byT).map(Number).sort(function (a, b) { return a - b; }).map(function (t) { return [t, byT[t]]; });
  }
  function series(name, since) {
    return get("/metrics/series?name=" + encodeURIComponent(name) + "&since=" + since)
      .then(function (b) { return b.points; }, function () { return []; });
  }
  function last(points) { return points.length ? points[points.length - 1][1] : null; }

  // ---- sections ----
  function renderStatus(m, health) {
    var st = health ? health.status : "unknown";
    $("status").className = "pill s-" + st;
    $("status-text").textContent = st;
    $("uptime").textContent = fmt("uptime", m.uptime_seconds);
    $("updated").textContent = fmt("clock", Date.now());
  }

  function renderKpis(m, gauges) {
    var calls = 0, errors = 0, slow = null;
    m.methods.forEach(function (r) {
      calls += r.calls; errors += r.errors;
      if (r.p95_seconds !== null && (!slow || r.p95_seconds > slow.p95_seconds)) slow = r;
    });
    $("k-calls").textContent = fmt("compact", calls);
    $("k-calls-sub").textContent = m.methods.length + " method" + (m.methods.length === 1 ? "" : "s");
    $("k-errors").textContent = fmt("compact", errors);
    $("k-errors").className = "value " + (errors === 0 ? "rate-ok" : "rate-bad");
    $("k-errors-sub").textContent = calls ? fmt("ratio", errors / calls) + " of calls" : "no calls yet";
    $("k-p95").textContent = slow ? fmt("seconds", slow.p95_seconds) : "–";
    $("k-p95-sub").textContent = slow ? slow.component + "." + slow.method : "\u00a0";
    $("k-alerts").textContent = fmt("count", m.recent_alerts);
    var lv = m.alerts_by_level || {};
    $("k-alerts-sub").textContent = (lv.critical || 0) + " critical · " + (lv.error || 0) + " error · " + (lv.warning || 0) + " warning";
    $("k-alerts").className = "value " + ((lv.critical || lv.error) ? "rate-bad" : lv.warning ? "rate-warn" : "");
    $("k-cpu").textContent = fmt("percent", gauges["system.cpu.usage_percent"]);
    var used = gauges["jvm.memory.heap.used_bytes"], max = gauges["jvm.memory.heap.max_bytes"];
    $("k-heap").textContent = fmt("bytes", used);
    $("k-heap-sub").textContent = max ? "of " + fmt("bytes", max) + " max" : "\u00a0";
  }

  function rateClass(r) { return r === 0 ? "rate-ok" : r < 0.05 ? "rate-warn" : "rate-bad"; }

  function renderMethods(rows) {
    lastMethods = rows;
    var body = document.querySelector("#methods tbody");
    clear(body);
    $("methods-none").style.display = rows.length ? "none" : "block";
    $("n-methods").textContent = rows.length ? rows.length + " methods" : "";
    var sorted = rows.slice().sort(function (a, b) {
      var x = a[sort.key], y = b[sort.key];
      if (x === null) return 1; if (y === null) return -1;
      var c = typeof x === "string" ? x.localeCompare(y) : x - y;
      return sort.asc ? c : -c;
    });
    var maxCalls = Math.max.apply(null, rows.map(function (r) { return r.calls; }).concat([1]));
    sorted.forEach(function (r) {
      var tr = el("tr");
      tr.setAttribute("data-component", r.component);
      tr.setAttribute("data-method", r.method);
      tr.appendChild(el("td", null, r.component));
      tr.appendChild(el("td", "method", r.method));
      var calls = el("td");
      var bar = el("span", "bar"); bar.style.width = Math.max(2, 60 * r.calls / maxCalls) + "px";
      calls.appendChild(bar); calls.appendChild(document.createTextNode(fmt("count", r.calls)));
      tr.appendChild(calls);
      tr.appendChild(el("td", r.errors ? "rate-bad" : null, fmt("count", r.errors)));
      tr.appendChild(el("td", rateClass(r.error_rate), fmt("ratio", r.error_rate)));
      tr.appendChild(el("td", null, fmt("seconds", r.avg_seconds)));
      tr.appendChild(el("td", null, fmt("seconds", r.p95_seconds)));
      tr.appendChild(el("td", null, fmt("seconds", r.p99_seconds)));
      body.appendChild(tr);
    });
    document.querySelectorAll("#methods th").forEach(function (th) {
      th.className = th.getAttribute("data-key") === sort.key ? "sorted" + (sort.asc ? " asc" : "") : "";
    });
  }
  document.querySelectorAll("#methods th").forEach(function (th) {
    th.addEventListener("click", function () {
      var key = th.getAttribute("data-key");
      sort = { key: key, asc: sort.key === key ? !sort.asc : (key === "component" || key === "method") };
      renderMethods(lastMethods);
    });
  });

  function detailsText(d) {
    if (!d) return "";
    return Object.keys(d).map(function (k) {
      var v = d[k];
      return k + "=" + (typeof v === "number" ? (Number.isInteger(v) ? v : v.toFixed(2)) : v);
    }).join("  ");
  }

  function renderChecks(health) {
    var ul = $("checks"); clear(ul);
    var names = health ? Object.keys(health.checks) : [];
    if (!names.length) { ul.appendChild(el("li", "none", "No health checks registered.")); return; }
    names.forEach(function (name) {
      var c = health.checks[name];
      var li = el("li");
      li.appendChild(el("span", "dot s-" + c.status));
      var box = el("div", "msg");
      box.appendChild(el("div", "check-name", name));
      var d = detailsText(c.details);
      if (d) box.appendChild(el("div", "details", d));
      li.appendChild(box);
      li.appendChild(el("span", "when s-" + c.status, c.status));
      ul.appendChild(li);
    });
  }

  function renderAlerts(body, now) {
    var ul = $("alerts"); clear(ul);
    if (!body.alerts.length) { ul.appendChild(el("li", "none", "No alerts. Quiet is good.")); return; }
    body.alerts.forEach(function (a) {
      var li = el("li", "alert l-" + a.level);
      li.appendChild(el("span", "lvl", a.level));
      var box = el("div", "msg");
      box.appendChild(el("div", null, a.message));
      var d = detailsText(a.details);
      box.appendChild(el("div", "details", a.component + (d ? "  ·  " + d : "")));
      li.appendChild(box);
      var when = el("span", "when", fmt("age", (now - a.timestamp) / 1000));
      when.title = new Date(a.timestamp).toISOString();
      li.appendChild(when);
      ul.appendChild(li);
    });
  }

  function renderErrors(body, now) {
    var ul = $("errors"); clear(ul);
    $("n-errgroups").textContent = body.errors.length ? body.total + " failures in " + body.errors.length + " groups" : "";
    if (!body.errors.length) { ul.appendChild(el("li", "none", "No errors recorded.")); return; }
    body.errors.forEach(function (g) {
      var li = el("li");
      li.setAttribute("data-type", g.type);
      li.appendChild(el("span", "count", "×" + fmt("compact", g.count)));
      var box = el("div", "msg");
      var type = g.type.substring(g.type.lastIndexOf(".") + 1);
      box.appendChild(el("div", "check-name", type + "  in  " + g.component + (g.method ? "." + g.method : "")));
      if (g.last_message) box.appendChild(el("div", "details", g.last_message));
      if (g.sample_stack_trace) {
        var det = el("details");
        det.appendChild(el("summary", null, "stack trace"));
        det.appendChild(el("pre", null, g.sample_stack_trace));
        box.appendChild(det);
      }
      li.appendChild(box);
      var when = el("span", "when", fmt("age", (now - g.last_seen) / 1000));
      when.title = "first " + new Date(g.first_seen).toISOString() + ", last " + new Date(g.last_seen).toISOString();
      li.appendChild(when);
      ul.appendChild(li);
    });
  }

  // The series each chart draws come from the server (monitoring.chart_series), so the page
  // never builds a metric name. The last points fetched are kept to redraw on resize.
  var COLORS = ["#4fb3ff", "#a371f7", "#3fb950", "#d29922", "#ff7b72"];
  var charted = null;
  function renderCharts(names, now) {
    var since = Math.max(0, now - HOUR);
    function fetchAll(list) { return Promise.all((list || []).map(function (n) { return series(n, since); })); }
    return Promise.all([fetchAll(names.calls), fetchAll(names.errors), fetchAll(names.p95), fetchAll(names.cpu),
      fetchAll(names.heap), fetchAll(names.memory)]).then(function (r) {
      charted = { p95Names: names.p95 || [], calls: r[0], errors: r[1], p95: r[2], cpu: r[3], heap: r[4], memory: r[5] };
      drawCharts();
    });
  }
  function drawCharts() {
    var c = charted;
    var callRate = rates(sumSeries(c.calls));
    drawChart($("c-calls"), [{ name: "calls", points: callRate, color: COLORS[0] }], "rate");
    $("n-calls").textContent = fmt("rate", last(callRate));
    var errRate = rates(sumSeries(c.errors));
    drawChart($("c-errors"), [{ name: "errors", points: errRate, color: "#f85149" }], "rate");
    $("n-errors").textContent = fmt("rate", last(errRate));
    var p95 = c.p95.map(function (pts, i) { return { name: c.p95Names[i], points: pts, color: COLORS[(i + 1) % COLORS.length] }; });
    drawChart($("c-p95"), p95, "seconds");
    $("n-p95").textContent = p95.length ? fmt("seconds", Math.max.apply(null, p95.map(function (l) { return last(l.points) || 0; }))) : "";
    var cpu = sumSeries(c.cpu);
    drawChart($("c-cpu"), [{ name: "cpu", points: cpu, color: "#d29922" }], "percent", 100);
    $("n-cpu").textContent = fmt("percent", last(cpu));
    var heap = sumSeries(c.heap);
    if (heap.length) {
      drawChart($("c-mem"), [{ name: "heap", points: heap, color: "#3fb950" }], "bytes");
      $("n-mem").textContent = "heap " + fmt("bytes", last(heap));
    } else {
      var memory = sumSeries(c.memory);
      drawChart($("c-mem"), [{ name: "memory", points: memory, color: "#3fb950" }], "percent", 100);
      $("n-mem").textContent = fmt("percent", last(memory));
    }
  }

  function fault(text) {
    var f = $("fault");
    f.textContent = text || "";
    f.className = text ? "banner show" : "banner";
  }

  var timer = null;
  function refresh() {
    clearTimeout(timer);
    Promise.all([get("/metrics"), get("/alerts?limit=20"), get("/errors")]).then(function (r) {
      var body = r[0], m = body.monitoring, now = m.metrics_summary.timestamp;
      $("auth").className = "banner";
      fault(null);
      renderStatus(m, body.health);
      renderKpis(m, m.metrics_summary.gauges);
      renderMethods(m.methods);
      renderChecks(body.health);
      renderAlerts(r[1], now);
      renderErrors(r[2], now);
      return renderCharts(m.chart_series, now);
    }).then(function () {
      document.body.setAttribute("data-loaded", "true");
    }, function (e) {
      if (e && e.status === 401) {
        $("auth").className = "banner show";
      } else {
        fault("Cannot reach the kmon server: " + (e && e.message ? e.message : e));
      }
    }).then(function () {
      timer = setTimeout(refresh, REFRESH_MS);
    });
  }
  // The token form never navigates (the policy's form-action 'none' would refuse it anyway).
  $("auth").addEventListener("submit", function (e) {
    e.preventDefault();
    token = $("token").value.trim();
    try { sessionStorage.setItem("kmon.token", token); } catch (e) { /* storage off */ }
    refresh();
  });
  $("every").textContent = REFRESH_MS / 1000;
  // A resize redraws the charts from the points already fetched, once the window settles.
  var resizing = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizing);
    resizing = setTimeout(function () { if (charted) drawCharts(); }, RESIZE_MS);
  });
  refresh();
})();
