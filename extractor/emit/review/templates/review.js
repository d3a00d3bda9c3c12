// Review page: builds everything from the inert JSON block with textContent only (the documents are untrusted).
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("review-data").textContent);
  var records = data.records, findings = data.findings;
  var byId = new Map();
  records.forEach(function (r) { byId.set(r.id, r); });
  findings.forEach(function (f) { byId.set(f.id, f); });
  var children = new Map();
  records.forEach(function (r) {
    var key = r.parent || "";
    if (!children.has(key)) children.set(key, []);
    children.get(key).push(r);
  });
  var treeNodes = new Map(), findingNodes = new Map(), pageDivs = new Map(), lineDivs = [];

  // -- small helpers ------------------------------------------------------------------------------------------
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  var hues = new Map();  // one colour per record type, well apart, in order of first appearance: no type list
  records.forEach(function (r) { if (!hues.has(r.type)) hues.set(r.type, Math.round(hues.size * 137.508) % 360); });
  function colour(type) { return "hsl(" + (hues.get(type) || 0) + ", 70%, 42%)"; }
  function area(b) { return (b[2] - b[0]) * (b[3] - b[1]); }
  function span(s) { return s ? (s.line_end || s.line_start) - s.line_start : 0; }
  function contains(b, x, y) { return x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3]; }
  function where(s) {
    if (!s) return "no location";
    if (s.page !== undefined) return "page " + s.page + (s.bbox ? " [" + s.bbox.join(", ") + "]" : "");
    if (s.line_start !== undefined) {
      var end = s.line_end || s.line_start;
      return end === s.line_start ? "line " + s.line_start : "lines " + s.line_start + "–" + end;
    }
    return "no location";
  }
  function within(inner, outer) {  // is source `inner` inside source `outer`?
    if (!inner || !outer) return false;
    if (inner.line_start !== undefined && outer.line_start !== undefined) {
      return inner.line_start >= outer.line_start &&
        (inner.line_end || inner.line_start) <= (outer.line_end || outer.line_start);
    }
    if (inner.page === undefined || inner.page !== outer.page || !inner.bbox || !outer.bbox) return false;
    var a = inner.bbox, b = outer.bbox;
    return a[0] >= b[0] - 1 && a[1] >= b[1] - 1 && a[2] <= b[2] + 1 && a[3] <= b[3] + 1;
  }
  function place(box, bbox, page) {
    box.style.left = (100 * bbox[0] / page.width) + "%";
    box.style.top = (100 * bbox[1] / page.height) + "%";
    box.style.width = (100 * (bbox[2] - bbox[0]) / page.width) + "%";
    box.style.height = (100 * (bbox[3] - bbox[1]) / page.height) + "%";
  }
  function describe(item) {  // one line for a record or a finding
    return item.code ? item.code + ": " + item.message : item.type + ": " + item.label;
  }
  function status(text) { document.getElementById("status").textContent = text || ""; }

  // -- header ---------------------------------------------------------------------------------------------------
  document.getElementById("title").textContent = data.title;
  var nErr = findings.filter(function (f) { return f.severity === "error"; }).length;
  document.getElementById("summary").textContent = data.format + " · " +
    (data.pages.length ? data.pages.length + " pages" : data.lines.length + " lines") + " · " +
    data.tables.length + " tables · " + records.length + " records · " + findings.length + " findings (" +
    nErr + " errors)";
  ["tables", "cells", "records", "findings"].forEach(function (layer) {
    var label = el("label"), box = el("input");
    box.type = "checkbox"; box.checked = true; box.id = "layer-" + layer;
    box.addEventListener("change", function () {
      document.getElementById("source").classList.toggle("off-" + layer, !box.checked);
    });
    label.appendChild(box); label.appendChild(document.createTextNode(" " + layer));
    document.getElementById("layers").appendChild(label);
  });

  // -- source: page images with overlays, or numbered lines -------------------------------------------------------
  function buildPages(root) {
    data.pages.forEach(function (p) {
      var div = el("div", "page");
      div.dataset.page = p.number;
      if (p.image) { var img = el("img"); img.src = p.image; img.alt = "page " + p.number; div.appendChild(img); }
      div.appendChild(el("span", "caption", "page " + p.number + (p.route !== "text" ? " (" + p.route + ")" : "")));
      pageDivs.set(p.number, { div: div, page: p });
      root.appendChild(div);
      div.addEventListener("click", function (e) { pickAt(p, div, e, true); });
      div.addEventListener("mousemove", function (e) { pickAt(p, div, e, false); });
    });
    function addBox(s, cls, extra) {
      var entry = s && pageDivs.get(s.page);
      if (!entry || !s.bbox || !entry.page.width) return null;
      var box = el("div", "box " + cls);
      place(box, s.bbox, entry.page);
      if (extra) extra(box);
      entry.div.appendChild(box);
      return box;
    }
    data.tables.forEach(function (t) {
      t.regions.forEach(function (r) { addBox(r, "table"); });
      t.cells.forEach(function (c) {
        var spanned = c.row_span > 1 || c.col_span > 1;
        addBox(c, "cell" + (c.header ? " header" : "") + (spanned ? " span" : ""), function (b) {
          if (spanned) b.dataset.span = c.row_span + "×" + c.col_span;
        });
      });
    });
    records.forEach(function (r) {
      addBox(r.source, "record", function (b) {
        b.dataset.id = r.id;
        b.dataset.type = r.type;
        b.style.setProperty("--c", colour(r.type));
      });
    });
    findings.forEach(function (f) { addBox(f.source, "finding", function (b) { b.dataset.id = f.id; }); });
  }

  function pickAt(p, div, e, select) {
    var rect = div.getBoundingClientRect();
    var x = (e.clientX - rect.left) / rect.width * p.width, y = (e.clientY - rect.top) / rect.height * p.height;
    var src = document.getElementById("source");
    var best = null;
    function consider(item, kind, rank) {
      var s = item.source;
      if (!s || s.page !== p.number || !s.bbox || !contains(s.bbox, x, y)) return;
      var key = [area(s.bbox), rank];
      if (!best || key[0] < best.key[0] || (key[0] === best.key[0] && key[1] < best.key[1])) {
        best = { item: item, kind: kind, key: key };
      }
    }
    if (!src.classList.contains("off-records")) records.forEach(function (r) { consider(r, "record", 0); });
    if (!src.classList.contains("off-findings")) findings.forEach(function (f) { consider(f, "finding", 1); });
    if (best) {
      if (select) selectItem(best.item.id, { fromSource: true });
      else status(describe(best.item));
      return;
    }
    var cell = null;
    data.tables.forEach(function (t) {
      t.cells.forEach(function (c) {
        if (c.page !== p.number || !c.bbox || !contains(c.bbox, x, y)) return;
        if (!cell || area(c.bbox) < area(cell.bbox)) cell = c;
      });
    });
    if (!cell) { status("page " + p.number + " (" + Math.round(x) + ", " + Math.round(y) + ")"); return; }
    var spans = cell.row_span > 1 || cell.col_span > 1 ? " span " + cell.row_span + "×" + cell.col_span : "";
    status("cell r" + cell.row + " c" + cell.col + spans + ": " + cell.text);
  }

  function buildLines(root) {
    var box = el("div", "lines");
    data.lines.forEach(function (text, i) {
      var line = el("div", "line");
      line.dataset.line = i + 1;
      line.appendChild(el("span", "no", i + 1));
      line.appendChild(el("span", "text", text));
      line.addEventListener("click", function () { pickLine(i + 1, true); });
      line.addEventListener("mouseenter", function () { pickLine(i + 1, false); });
      lineDivs.push(line);
      box.appendChild(line);
    });
    root.appendChild(box);
    data.tables.forEach(function (t) { markLines(t, function (l) { l.classList.add("in-table"); }); });
    findings.forEach(function (f) { markLines(f.source, function (l) { l.classList.add("has-finding"); }); });
    var innermost = [];
    records.forEach(function (r) {
      markLines(r.source, function (l, n) {
        if (!innermost[n] || span(r.source) <= span(innermost[n].source)) innermost[n] = r;
      });
    });
    innermost.forEach(function (r, n) { if (r) lineDivs[n - 1].style.borderLeftColor = colour(r.type); });
  }
  function markLines(s, fn) {
    if (!s || s.line_start === undefined) return;
    for (var n = s.line_start; n <= (s.line_end || s.line_start) && n <= lineDivs.length; n++) fn(lineDivs[n - 1], n);
  }
  function pickLine(n, select) {
    var best = null;
    records.concat(findings).forEach(function (item) {
      var s = item.source;
      if (!s || s.line_start === undefined || n < s.line_start || n > (s.line_end || s.line_start)) return;
      var shorter = !best || span(s) < span(best.source);
      if (shorter || (span(s) === span(best.source) && best.code && !item.code)) best = item;  // records first
    });
    if (select && best) selectItem(best.id, { fromSource: true });
    else status(best ? describe(best) : "line " + n);
  }

  // -- records tree -----------------------------------------------------------------------------------------------
  function recordNode(r) {
    var li = el("li", "collapsed"), node = el("div", "node"), kids = children.get(r.id) || [];
    li.dataset.id = r.id;
    node.setAttribute("role", "treeitem");
    var toggle = el("span", "toggle", kids.length ? "▸" : "");
    var sw = el("span", "swatch"); sw.style.background = colour(r.type);
    node.appendChild(toggle); node.appendChild(sw);
    node.appendChild(el("span", "type", r.type)); node.appendChild(el("span", "label", r.label));
    if (!r.source) node.appendChild(el("span", "nowhere", "(no location)"));
    li.appendChild(node);
    toggle.addEventListener("click", function (e) {
      e.stopPropagation();
      setOpen(li, li.classList.contains("collapsed"));
    });
    node.addEventListener("click", function () { selectItem(r.id, { fromTree: true }); });
    if (kids.length) {
      var ul = el("ul");
      kids.forEach(function (k) { ul.appendChild(recordNode(k)); });
      li.appendChild(ul);
    }
    treeNodes.set(r.id, li);
    return li;
  }
  function setOpen(li, open) {
    li.classList.toggle("collapsed", !open);
    var t = li.querySelector(":scope > .node > .toggle");
    if (t && t.textContent) t.textContent = open ? "▾" : "▸";
  }
  function buildTree() {
    var root = el("ul", "tree"), groups = new Map();
    (children.get("") || []).forEach(function (r) {
      if (!groups.has(r.group)) groups.set(r.group, []);
      groups.get(r.group).push(r);
    });
    groups.forEach(function (items, name) {
      var li = el("li", "group" + (items.length > 1 ? " collapsed" : "")), node = el("div", "node");
      var toggle = el("span", "toggle", items.length > 1 ? "▸" : "▾");
      node.appendChild(toggle); node.appendChild(el("span", "label", name));
      node.appendChild(el("span", "count", "(" + items.length + ")"));
      node.addEventListener("click", function () { setOpen(li, li.classList.contains("collapsed")); });
      var ul = el("ul");
      items.forEach(function (r) { ul.appendChild(recordNode(r)); });
      li.appendChild(node); li.appendChild(ul);
      root.appendChild(li);
    });
    if (!records.length) root.appendChild(el("li", "nowhere", "no records"));
    document.getElementById("tree").appendChild(root);
  }

  // -- findings -------------------------------------------------------------------------------------------------
  function buildFindings() {
    var box = document.getElementById("findings");
    findings.forEach(function (f) {
      var item = el("div", "finding-item");
      item.dataset.id = f.id;
      item.appendChild(el("span", "sev " + f.severity, f.severity));
      item.appendChild(el("span", "code", f.code));
      item.appendChild(el("span", "msg", f.message));
      item.appendChild(el("span", "nowhere", where(f.source)));
      item.addEventListener("click", function () { selectItem(f.id, { fromList: true }); });
      findingNodes.set(f.id, item);
      box.appendChild(item);
    });
    if (!findings.length) box.appendChild(el("div", "nowhere", "no findings"));
  }
  function showTab(name) {
    document.getElementById("tree").classList.toggle("hidden", name !== "records");
    document.getElementById("findings").classList.toggle("hidden", name !== "findings");
    document.getElementById("tab-records").classList.toggle("active", name === "records");
    document.getElementById("tab-findings").classList.toggle("active", name === "findings");
  }
  document.getElementById("tab-records").textContent = "Records (" + records.length + ")";
  document.getElementById("tab-findings").textContent = "Findings (" + findings.length + ")";
  document.getElementById("tab-records").addEventListener("click", function () { showTab("records"); });
  document.getElementById("tab-findings").addEventListener("click", function () { showTab("findings"); });

  // -- selection ------------------------------------------------------------------------------------------------
  function clearSelection() {
    document.querySelectorAll(".box.hl").forEach(function (b) { b.remove(); });
    document.querySelectorAll(".page-hl, .line.hl, .node.selected, .finding-item.selected").forEach(function (e) {
      e.classList.remove("page-hl", "hl", "selected");
    });
  }
  function highlightSource(s, scroll) {
    var target = null;
    if (s && s.page !== undefined && pageDivs.has(s.page)) {
      var entry = pageDivs.get(s.page);
      if (s.bbox && entry.page.width) {
        target = el("div", "box hl");
        target.id = "highlight";
        place(target, s.bbox, entry.page);
        entry.div.appendChild(target);
      } else {
        entry.div.classList.add("page-hl");
        target = entry.div;
      }
    } else if (s && s.line_start !== undefined && lineDivs.length) {
      markLines(s, function (l) { l.classList.add("hl"); });
      target = lineDivs[Math.min(s.line_start, lineDivs.length) - 1];
    }
    if (target && scroll) target.scrollIntoView({ block: "center" });
    return target;
  }
  function selectItem(id, how) {
    var item = byId.get(id);
    if (!item) return;
    how = how || {};
    clearSelection();
    var isFinding = id.charAt(0) === "f";
    var found = highlightSource(item.source, !how.fromSource);
    if (isFinding) {
      var fi = findingNodes.get(id);
      fi.classList.add("selected");
      if (!how.fromList) { showTab("findings"); fi.scrollIntoView({ block: "nearest" }); }
    } else {
      var li = treeNodes.get(id);
      for (var up = item.parent ? treeNodes.get(item.parent) : null; up; ) {
        setOpen(up, true);
        var parentRecord = byId.get(up.dataset.id);
        up = parentRecord && parentRecord.parent ? treeNodes.get(parentRecord.parent) : null;
      }
      var group = li.closest(".group");
      if (group) setOpen(group, true);
      li.querySelector(":scope > .node").classList.add("selected");
      if (!how.fromTree) {
        showTab("records");
        li.querySelector(":scope > .node").scrollIntoView({ block: "nearest" });
      }
    }
    document.body.dataset.selected = id;
    showDetails(item, isFinding, found);
  }

  // -- details --------------------------------------------------------------------------------------------------
  function refButton(id) {
    var target = byId.get(id);
    var b = el("button", "ref", target ? describe(target) : id);
    b.type = "button";
    b.addEventListener("click", function () { selectItem(id); });
    return b;
  }
  function renderValue(v) {
    if (v === null || v === undefined) return el("span", "nowhere", "—");
    if (Array.isArray(v)) {
      if (!v.length) return el("span", "nowhere", "[]");
      var ol = el("ol");
      v.forEach(function (x) { var li = el("li"); li.appendChild(renderValue(x)); ol.appendChild(li); });
      return ol;
    }
    if (typeof v === "object") {
      if (typeof v.$ref === "string" && Object.keys(v).length === 1) return refButton(v.$ref);
      var table = el("table");
      Object.keys(v).forEach(function (k) {
        var tr = el("tr"), td = el("td");
        tr.appendChild(el("td", "k", k));
        td.appendChild(renderValue(v[k]));
        tr.appendChild(td);
        table.appendChild(tr);
      });
      return table;
    }
    return el("span", null, v);
  }
  function showDetails(item, isFinding, located) {
    var box = document.getElementById("details");
    box.textContent = "";
    box.appendChild(el("h2", null, isFinding ? item.severity + " · " + item.code : item.type + " · " + item.label));
    box.appendChild(el("div", "path", isFinding ? item.id : item.path));
    box.appendChild(el("div", located ? null : "nowhere", where(item.source)));
    var fields = isFinding ? Object.assign({}, item) : item.fields;
    if (isFinding) { delete fields.id; delete fields.source; }
    box.appendChild(renderValue(fields));
    var related = el("div");
    if (isFinding) {
      var owner = null;
      records.forEach(function (r) {
        if (within(item.source, r.source) && (!owner || within(r.source, owner.source))) owner = r;
      });
      if (owner) { related.appendChild(el("strong", null, "record here: ")); related.appendChild(refButton(owner.id)); }
    } else {
      var here = findings.filter(function (f) { return within(f.source, item.source); });
      if (here.length) {
        related.appendChild(el("strong", null, "findings here:"));
        var ul = el("ol");
        here.forEach(function (f) { var li = el("li"); li.appendChild(refButton(f.id)); ul.appendChild(li); });
        related.appendChild(ul);
      }
    }
    box.appendChild(related);
  }

  // -- build ----------------------------------------------------------------------------------------------------
  var source = document.getElementById("source");
  if (data.pages.length) buildPages(source); else buildLines(source);
  buildTree();
  buildFindings();
  document.body.dataset.ready = "true";
})();
