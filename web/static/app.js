// The explorer's progressive enhancement: autocomplete on search fields, a
// busy indicator while a form's answer is computed, a print button. Every
// page works without it.
(function () {
  'use strict';

  function debounce(fn, ms) {
    var t;
    return function () {
      var args = arguments;
      clearTimeout(t);
      t = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }

  // combobox turns an input with data-suggest into an autocomplete over the
  // search API. data-suggest names a kind (ROLE, SKILL, CREDENTIAL) to keep
  // one kind and fill the hidden input named data-target with the id; empty,
  // choosing a suggestion opens its page.
  function combobox(input) {
    var box = input.closest('.combo');
    var list = document.getElementById(input.getAttribute('aria-controls'));
    var kind = input.dataset.suggest;
    var target = input.dataset.target ? box.querySelector('input[type=hidden][name="' + input.dataset.target + '"]') : null;
    var items = [];
    var active = -1;
    var seq = 0;
    var chose = false;

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }
    function highlight(i) {
      var lis = list.children;
      for (var k = 0; k < lis.length; k++) lis[k].setAttribute('aria-selected', k === i ? 'true' : 'false');
      active = i;
      if (i >= 0) {
        input.setAttribute('aria-activedescendant', lis[i].id);
        lis[i].scrollIntoView({ block: 'nearest' });
      }
    }
    function choose(i) {
      var s = items[i];
      if (!s) return;
      if (target) {
        target.value = s.id;
        input.value = s.name;
        close();
      } else {
        window.location.href = s.href;
      }
    }
    function show(suggestions) {
      items = suggestions;
      list.textContent = '';
      if (!items.length) { close(); return; }
      items.forEach(function (s, i) {
        var li = document.createElement('li');
        li.id = list.id + '-' + i;
        li.setAttribute('role', 'option');
        var name = document.createElement('span');
        name.textContent = s.name;
        li.appendChild(name);
        if (!kind) {
          var tag = document.createElement('span');
          tag.className = 'tag';
          tag.textContent = s.kind;
          li.appendChild(tag);
        }
        li.addEventListener('mousedown', function (ev) { ev.preventDefault(); choose(i); });
        list.appendChild(li);
      });
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      active = -1;
    }
    var fetchSuggestions = debounce(function (text) {
      var mine = ++seq;
      var url = '/app/suggest?q=' + encodeURIComponent(text) + (kind ? '&kind=' + encodeURIComponent(kind) : '');
      fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (s) { if (mine === seq) show(Array.isArray(s) ? s : []); })
        .catch(function () { /* offline or refused: the form still submits */ });
    }, 150);

    input.addEventListener('input', function () {
      if (target) target.value = '';
      var text = input.value.trim();
      if (text.length < 2) { seq++; close(); return; }
      fetchSuggestions(text);
    });
    input.addEventListener('keydown', function (ev) {
      if (list.hidden) return;
      if (ev.key === 'ArrowDown') { ev.preventDefault(); highlight(Math.min(active + 1, items.length - 1)); }
      else if (ev.key === 'ArrowUp') { ev.preventDefault(); highlight(Math.max(active - 1, 0)); }
      else if (ev.key === 'Enter' && active >= 0) {
        ev.preventDefault();
        // Some input methods still send the Enter on as a keypress, which
        // would submit the form: the choice is the answer to this Enter.
        chose = true;
        setTimeout(function () { chose = false; }, 500);
        choose(active);
      }
      else if (ev.key === 'Escape') { close(); }
    });
    if (input.form) {
      input.form.addEventListener('submit', function (ev) {
        if (chose) { ev.preventDefault(); ev.stopImmediatePropagation(); }
      });
    }
    input.addEventListener('blur', function () { setTimeout(close, 100); });
  }

  // tidy leaves out of a submitted form what the deep link does not need: a
  // typed title whose id the autocomplete filled in, and empty fields.
  function tidy(form) {
    form.querySelectorAll('input[data-target]').forEach(function (input) {
      var target = form.querySelector('input[type=hidden][name="' + input.dataset.target + '"]');
      if (target && target.value) input.disabled = true;
    });
    var addSkill = form.querySelector('input[name=add_skill]');
    var addTitle = form.querySelector('input[name=add_skill_title]');
    var addLevel = form.querySelector('select[name=add_skill_level]');
    if (addLevel && !(addSkill && addSkill.value) && !(addTitle && addTitle.value.trim())) addLevel.disabled = true;
    form.querySelectorAll('input, select').forEach(function (el) {
      if (!el.disabled && el.name && el.type !== 'checkbox' && el.value.trim() === '') el.disabled = true;
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('input[data-suggest]').forEach(combobox);
    document.querySelectorAll('form[data-busy]').forEach(function (form) {
      form.addEventListener('submit', function () {
        tidy(form);
        document.body.classList.add('is-busy');
      });
    });
    // Coming back to the page with the back button shows it, not the spinner.
    window.addEventListener('pageshow', function () {
      document.body.classList.remove('is-busy');
      document.querySelectorAll('form[data-busy] [disabled]').forEach(function (el) { el.disabled = false; });
    });
    // A file dropped anywhere on a drop form is chosen and sent, as if picked.
    document.querySelectorAll('form[data-drop]').forEach(function (form) {
      var input = form.querySelector('input[type=file]');
      form.addEventListener('dragover', function (ev) { ev.preventDefault(); form.classList.add('over'); });
      form.addEventListener('dragleave', function () { form.classList.remove('over'); });
      form.addEventListener('drop', function (ev) {
        ev.preventDefault();
        form.classList.remove('over');
        if (!ev.dataTransfer || !ev.dataTransfer.files.length) return;
        input.files = ev.dataTransfer.files;
        form.requestSubmit();
      });
    });
    document.querySelectorAll('[data-print]').forEach(function (b) {
      b.addEventListener('click', function () { window.print(); });
    });
  });
})();
