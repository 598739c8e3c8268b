/* jobdocs serve: the editor with a script. Without it the form works as it is (each chip
   shown as the words it prints in brackets ⟦ ⟧, buttons that change the form on the
   server); with it, clause text reads as it prints, template tags are chips inserted from a
   menu, and moving, adding and removing clauses happen in the page. The field's source
   (data-source) is what the chips are made from, and what the form sends. Nothing is
   written until "Save". */
(function () {
  "use strict";
  var form = document.getElementById("role-form") || document.querySelector("form[data-chips]");
  if (!form) return;
  var chips = JSON.parse(document.getElementById("chips").textContent || "{}");
  var words = JSON.parse(document.getElementById("editor-words").textContent || "{}");
  var TAG = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\{#[\s\S]*?#\}/g;
  var dirty = false;
  var counter = 0;

  function markDirty() {
    dirty = true;
    form.querySelectorAll(".unsaved").forEach(function (el) { el.hidden = false; });
  }

  function chip(source, lang) {
    var known = (chips[lang] && chips[lang].chips[source]) || null;
    var label = known ? known[0] : source.replace(/^\{[{%#]\s*|\s*[}%#]\}$/g, "");
    var note = known ? known[1] : "";
    var span = document.createElement("span");
    span.className = "chip";
    span.contentEditable = "false";
    span.dataset.source = source;
    if (note) {
      span.title = note;
      var hidden = document.createElement("span");
      hidden.className = "visually-hidden";
      hidden.textContent = note + ": ";
      span.appendChild(hidden);
    }
    span.appendChild(document.createTextNode(label));
    return span;
  }

  function fill(editor, source, lang) {
    editor.textContent = "";
    var end = 0, m;
    TAG.lastIndex = 0;
    while ((m = TAG.exec(source)) !== null) {
      if (m.index > end) editor.appendChild(document.createTextNode(source.slice(end, m.index)));
      editor.appendChild(chip(m[0], lang));
      end = m.index + m[0].length;
    }
    if (end < source.length) editor.appendChild(document.createTextNode(source.slice(end)));
  }

  function serialize(node) {
    var out = "";
    node.childNodes.forEach(function (child) {
      if (child.nodeType === 3) out += child.nodeValue.replace(/\u00a0/g, " ");
      else if (child.nodeType === 1 && child.dataset && child.dataset.source) out += child.dataset.source;
      else if (child.nodeName === "BR") out += "\n";
      else if (child.nodeType === 1) {
        var inner = serialize(child);
        out += (/^(DIV|P)$/.test(child.nodeName) && out && !out.endsWith("\n") ? "\n" : "") + inner;
      }
    });
    return out;
  }

  function enhance(textarea) {
    var lang = textarea.dataset.lang;
    var label = textarea.parentNode.querySelector('label[for="' + textarea.id + '"]');
    var editor = document.createElement("div");
    editor.className = "chip-editor";
    editor.contentEditable = "true";
    editor.setAttribute("role", "textbox");
    editor.setAttribute("aria-multiline", "true");
    editor.lang = lang;
    if (label) {
      label.id = label.id || textarea.id + "-label";
      editor.setAttribute("aria-labelledby", label.id);
      label.addEventListener("click", function () { editor.focus(); });
      label.htmlFor = "";
    }
    var source = textarea.dataset.source;
    textarea.value = source === undefined ? textarea.value : source;
    fill(editor, textarea.value, lang);
    textarea.hidden = true;
    if (textarea.required) {  // a hidden field cannot be required: the editor says it is
      textarea.required = false;
      editor.setAttribute("aria-required", "true");
    }
    textarea.parentNode.insertBefore(editor, textarea);
    var range = null;
    function keep() {
      var sel = window.getSelection();
      if (sel.rangeCount && editor.contains(sel.getRangeAt(0).commonAncestorContainer)) {
        range = sel.getRangeAt(0).cloneRange();
      }
    }
    editor.addEventListener("keyup", keep);
    editor.addEventListener("mouseup", keep);
    editor.addEventListener("input", function () {
      textarea.value = serialize(editor);
      keep();
      markDirty();
      if (textarea.hasAttribute("data-reference")) {  // the translations will be due
        var clause = textarea.closest(".clause-edit");
        clause.querySelector(".langs").querySelectorAll("p.due").forEach(function (p) { p.hidden = false; });
      }
    });
    editor.addEventListener("keydown", function (e) {
      if (e.key === "Enter") { e.preventDefault(); document.execCommand("insertText", false, "\n"); }
    });
    editor.addEventListener("paste", function (e) {
      e.preventDefault();
      document.execCommand("insertText", false, (e.clipboardData || window.clipboardData).getData("text"));
    });
    var groups = (chips[lang] && chips[lang].menu) || [];
    if (!groups.length) return;
    var bar = document.createElement("div");
    bar.className = "insert";
    var select = document.createElement("select");
    select.setAttribute("aria-label", words.choose + " (" + (label ? label.textContent : lang) + ")");
    var first = document.createElement("option");
    first.value = "";
    first.textContent = words.choose;
    select.appendChild(first);
    groups.forEach(function (g) {
      var og = document.createElement("optgroup");
      og.label = g[0];
      g[1].forEach(function (source) {
        var o = document.createElement("option");
        var known = chips[lang].chips[source];
        o.value = source;
        o.textContent = known[0] + (known[1] ? " — " + known[1] : "");
        og.appendChild(o);
      });
      select.appendChild(og);
    });
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = words.insert;
    button.addEventListener("click", function () {
      if (!select.value) { select.focus(); return; }
      var node = chip(select.value, lang);
      if (range && editor.contains(range.commonAncestorContainer)) {
        range.deleteContents();
        range.insertNode(node);
      } else {
        editor.appendChild(node);
      }
      var space = document.createTextNode(" ");
      node.after(space);
      range = document.createRange();
      range.setStartAfter(space);
      range.collapse(true);
      textarea.value = serialize(editor);
      select.value = "";
      markDirty();
      editor.focus();
      var sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
    });
    bar.appendChild(select);
    bar.appendChild(button);
    editor.parentNode.insertBefore(bar, textarea);
  }

  function newClause(section, parent) {
    var key;
    do { counter += 1; key = "new-" + counter; } while (document.getElementById("c-" + key));
    var html = document.getElementById("new-clause").innerHTML
      .replace(/__KEY__/g, key).replace(/__SECTION__/g, section).replace(/__PARENT__/g, parent);
    var holder = document.createElement("div");
    holder.innerHTML = html.trim();
    var el = holder.firstElementChild;
    el.querySelectorAll("textarea.source").forEach(enhance);
    return el;
  }

  function sectionOf(el) { return el.closest("section[data-section]").dataset.section; }

  form.addEventListener("click", function (e) {
    var button = e.target.closest("button[data-op]");
    if (!button) return;
    e.preventDefault();
    var op = button.dataset.op;
    var item = button.closest(".clause-edit");
    var focus = null;
    if (op === "add") {
      var section = button.closest("section[data-section]");
      focus = newClause(section.dataset.section, "");
      section.querySelector(".clauses").appendChild(focus);
    } else if (op === "sub") {
      focus = newClause(sectionOf(item), item.dataset.key);
      item.querySelector(".nested").appendChild(focus);
    } else if (op === "remove") {
      var after = item.nextElementSibling || item.previousElementSibling || item.parentNode.closest(".clause-edit");
      item.remove();
      var note = form.querySelector(".removed-note") || document.createElement("p");
      note.className = "removed-note";
      note.setAttribute("role", "status");
      note.textContent = words.removed;
      form.querySelector(".savebar").after(note);
      if (after) after.querySelector("textarea, .chip-editor, button").focus();
    } else if (op === "up" && item.previousElementSibling) {
      item.parentNode.insertBefore(item, item.previousElementSibling);
      button.focus();
    } else if (op === "down" && item.nextElementSibling) {
      item.parentNode.insertBefore(item.nextElementSibling, item);
      button.focus();
    }
    if (focus) focus.querySelector(".chip-editor").focus();
    markDirty();
  });

  form.querySelectorAll("textarea.source").forEach(enhance);
  form.querySelectorAll(".no-script").forEach(function (el) { el.hidden = true; });  // chips instead
  form.addEventListener("input", function (e) { if (e.target.matches("input, textarea")) markDirty(); });
  form.addEventListener("submit", function () {
    form.querySelectorAll(".chip-editor").forEach(function (ed) {
      var ta = ed.parentNode.querySelector("textarea.source");
      if (ta) ta.value = serialize(ed);
    });
    dirty = false;
  });
  window.addEventListener("beforeunload", function (e) {
    if (dirty) { e.preventDefault(); e.returnValue = words.unsaved; }
  });
})();
