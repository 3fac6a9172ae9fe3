/* eventwire's map: events from /-/eventwire/events.geojson, clustered, coloured by event type,
   over Natural Earth country outlines shipped with eventwire (drawn under the tiles, so the map
   is never a grey box when no tile server answers). Text from the data is only ever set with
   textContent, never as HTML. */
(function () {
  "use strict";
  var cfg = null; // set by the page (a script after this one): read when the document is ready
  var state = window.eventwireMap = { ready: false, markers: 0, basemap: false, errors: [] };

  function colorOf(type) {
    if (cfg.colors[type]) { return cfg.colors[type]; }
    state._other = state._other || {};
    if (!state._other[type]) {
      var n = Object.keys(state._other).length;
      state._other[type] = cfg.other_colors[n % cfg.other_colors.length];
    }
    return state._other[type];
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function filterQuery() {
    // the page's own filters (table page: Datasette's column filters; map page: eventwire's)
    var params = new URLSearchParams(window.location.search);
    var out = new URLSearchParams();
    params.forEach(function (v, k) { if (k.charAt(0) !== "_" && v !== "") { out.append(k, v); } });
    return out;
  }

  function clusterIcon(cluster) {
    var counts = {}, total = 0;
    cluster.getAllChildMarkers().forEach(function (m) {
      counts[m.options.ewType] = (counts[m.options.ewType] || 0) + 1; total += 1;
    });
    var types = Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a]; });
    var stops = [], acc = 0;
    types.forEach(function (t) {
      var a = acc / total * 100; acc += counts[t]; var b = acc / total * 100;
      stops.push(colorOf(t) + " " + a.toFixed(1) + "% " + b.toFixed(1) + "%");
    });
    var size = total < 10 ? 30 : total < 100 ? 36 : total < 1000 ? 44 : 52;
    var inner = Math.round(size * 0.62);
    var html = '<div class="ew-cluster" data-count="' + total + '" style="width:' + size + 'px;height:' + size +
      'px;background:conic-gradient(' + stops.join(",") + ')"><span style="width:' + inner + 'px;height:' + inner + 'px">' +
      total + '</span></div>';
    return L.divIcon({ html: html, className: "ew-cluster-icon", iconSize: [size, size] });
  }

  function popup(p) {
    var box = el("div", { "class": "ew-popup" });
    var a = el("a", { href: p.url }, p.summary || (p.sub_event_type + " " + (p.event_date || "")));
    box.appendChild(a);
    box.appendChild(el("div", {}, [p.event_date || "undated", p.sub_event_type, p.location, p.country].filter(Boolean).join(" · ")));
    if (p.fatalities !== null && p.fatalities !== undefined) { box.appendChild(el("div", {}, "fatalities: " + p.fatalities)); }
    box.appendChild(el("div", {}, (p.n_sources || 0) + " source(s)"));
    return box;
  }

  function start() {
    cfg = window.EVENTWIRE_MAP;
    if (!cfg || !window.L) { state.ready = true; state.errors.push("no map configuration or no Leaflet"); return; }
    var node = document.getElementById("ew-map");
    var status = el("div", { "class": "ew-status", id: "ew-map-status" }, "loading events…");
    var legend = el("div", { "class": "ew-legend-map", id: "ew-map-legend" });
    if (!node) {
      // the events table page: links at the top, the map below the rows (so rows are on the first screen)
      var table = document.querySelector(".table-wrapper") || document.querySelector("table.rows-and-columns");
      if (!table) { return; }
      document.body.classList.add("ew-table-page");
      var q = filterQuery().toString();
      var links = el("p", { "class": "ew-links" });
      [["Map of these events", cfg.map], ["Timeline", cfg.timeline], ["GeoJSON", cfg.geojson]].forEach(function (x, i) {
        if (i) { links.appendChild(document.createTextNode(" · ")); }
        links.appendChild(el("a", { href: x[1] + (q ? "?" + q : "") }, x[0]));
      });
      links.appendChild(document.createTextNode(" · map below the table"));
      table.parentNode.insertBefore(links, table);
      node = el("div", { id: "ew-map", "class": "ew-map" });
      var after = table.nextSibling;
      table.parentNode.insertBefore(node, after);
    }
    node.parentNode.insertBefore(status, node.nextSibling);
    node.parentNode.insertBefore(legend, status.nextSibling);

    var map = L.map(node, { worldCopyJump: true, preferCanvas: false }).setView([20, 15], 2);
    map.createPane("ew-basemap");
    map.getPane("ew-basemap").style.zIndex = 150; // under the tiles (200): tiles cover it when they load
    fetch(cfg.basemap).then(function (r) { return r.json(); }).then(function (gj) {
      L.geoJSON(gj, { pane: "ew-basemap", interactive: false,
        style: { color: "#8a8a8a", weight: 0.7, fillColor: "#f3efe6", fillOpacity: 1 } }).addTo(map);
      state.basemap = true;
    }).catch(function (e) { state.errors.push("basemap: " + e); });
    if (cfg.tiles) {
      L.tileLayer(cfg.tiles, { maxZoom: 19, attribution: cfg.attribution || "" }).addTo(map);
    }
    map.attributionControl.addAttribution("Countries: Natural Earth");

    var clusters = L.markerClusterGroup({ iconCreateFunction: clusterIcon, maxClusterRadius: 50, chunkedLoading: true });
    map.addLayer(clusters);
    var seen = {}, bounds = [];

    function addPage(gj) {
      var layer = [];
      gj.features.forEach(function (f) {
        if (!f.geometry || f.geometry.type !== "Point") { return; }
        var p = f.properties, c = f.geometry.coordinates;
        var color = colorOf(p.event_type);
        seen[p.event_type] = (seen[p.event_type] || 0) + 1;
        var icon = L.divIcon({ className: "ew-marker-icon",
          html: '<div class="ew-marker" style="width:12px;height:12px;background:' + color + '"></div>', iconSize: [14, 14] });
        var m = L.marker([c[1], c[0]], { icon: icon, ewType: p.event_type, title: p.sub_event_type || "" });
        m.bindPopup(function () { return popup(p); });
        layer.push(m); bounds.push([c[1], c[0]]);
      });
      clusters.addLayers(layer);
      state.markers += layer.length;
    }

    function drawLegend() {
      legend.textContent = "";
      Object.keys(seen).sort(function (a, b) { return seen[b] - seen[a]; }).forEach(function (t) {
        legend.appendChild(el("span", { "class": "sw", style: "background:" + colorOf(t) }));
        legend.appendChild(document.createTextNode(t + " (" + seen[t] + ")"));
      });
    }

    function load(url) {
      return fetch(url).then(function (r) {
        if (!r.ok) { return r.json().then(function (j) { throw new Error(j.error || r.status); }); }
        return r.json();
      }).then(function (gj) {
        addPage(gj);
        status.textContent = state.markers + " events with a place" + (gj.next ? ", loading more…" : "");
        if (gj.next && state.markers < cfg.max_markers) { return load(gj.next); }
        if (gj.next) { status.textContent = state.markers + " events shown (the newest); narrow the filter to see the rest"; }
      });
    }

    var q = filterQuery();
    q.set("_located", "1");
    q.set("_size", String(cfg.page_size));
    load(cfg.geojson + "?" + q.toString()).then(function () {
      drawLegend();
      if (bounds.length) { map.fitBounds(bounds, { maxZoom: 8, padding: [20, 20] }); }
      if (!state.markers) { status.textContent = "no events with a place for this filter"; }
      state.ready = true;
    }).catch(function (e) {
      status.textContent = "could not load events: " + e.message;
      state.errors.push(String(e)); state.ready = true;
    });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
