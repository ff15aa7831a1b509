/**
 * The inbox page's browser script: polls `/inbox/api/chats` every second, renders cards with the
 * official `adaptivecards` renderer (Teams' host config when present), types as the chosen person and
 * turns `Action.Execute` presses into invokes whose data includes the card's input values.
 */
export const INBOX_SCRIPT = String.raw`(function () {
  'use strict';
  var AC = window.AdaptiveCards;
  var hostConfig = null;
  var selected = null;
  var people = [];
  var shown = '';
  var rendered = new Map();
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function post(path, body) {
    return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (res) { return res.json().then(function (json) { return { ok: res.ok, json: json }; }); });
  }

  function notice(text, isError) {
    var node = $('notice');
    node.textContent = text || '';
    node.className = isError ? 'error' : '';
  }

  function answered(result) {
    if (!result.ok) return notice(result.json.error || 'failed', true);
    var body = result.json.body;
    if (body && body.type === 'application/vnd.microsoft.activity.message') notice(String(body.value));
    else if (body && body.type === 'application/vnd.microsoft.error') notice('Error: ' + JSON.stringify(body.value), true);
    else if (result.json.status >= 300) notice('The bot answered ' + result.json.status, true);
    else notice('');
    refresh();
  }

  function renderCard(card, email, activityId) {
    var adaptive = new AC.AdaptiveCard();
    if (hostConfig) adaptive.hostConfig = new AC.HostConfig(hostConfig);
    adaptive.onExecuteAction = function (action) {
      if (action instanceof AC.ExecuteAction) {
        var data = action.data && typeof action.data === 'object' && !Array.isArray(action.data) ? action.data : {};
        post('/inbox/api/invoke', { email: email, verb: action.verb || '', data: data, replyToId: activityId }).then(answered);
      } else if (action instanceof AC.OpenUrlAction) {
        window.open(action.url, '_blank', 'noopener');
      } else {
        notice('The fake handles Action.Execute and Action.OpenUrl only', true);
      }
    };
    try {
      adaptive.parse(card);
      return adaptive.render() || el('div', 'error', '(the card rendered nothing)');
    } catch (error) {
      return el('div', 'error', 'The card failed to render: ' + error);
    }
  }

  function renderLine(line, email) {
    var item = el('li', line.from);
    var when = new Date(line.at).toLocaleTimeString() + (line.edited ? ' (edited)' : '');
    item.appendChild(el('div', 'when', when));
    if (line.from === 'user') {
      item.appendChild(el('div', 'text', line.text));
      return item;
    }
    if (line.text) item.appendChild(el('div', 'bubble', line.text));
    line.cards.forEach(function (card) {
      var holder = el('div', 'card');
      holder.appendChild(renderCard(card, email, line.id));
      item.appendChild(holder);
    });
    (line.files || []).forEach(function (file) {
      var box = el('div', 'bubble', file.kind === 'consent' ? 'Steady wants to send you a file: ' + file.name + ' ' : 'File: ');
      if (file.kind === 'info') {
        var link = el('a', '', file.name);
        link.href = file.url;
        link.download = file.name;
        box.appendChild(link);
      } else {
        ['accept', 'decline'].forEach(function (action) {
          var button = el('button', '', action === 'accept' ? 'Allow' : 'Decline');
          button.type = 'button';
          button.onclick = function () { post('/inbox/api/file-consent', { email: email, action: action }).then(answered); };
          box.appendChild(button);
        });
      }
      item.appendChild(box);
    });
    return item;
  }

  function renderPeople() {
    var nav = $('people');
    nav.textContent = '';
    people.forEach(function (person) {
      var button = el('button', 'person', person.name);
      button.type = 'button';
      button.setAttribute('aria-current', String(person.email === selected));
      button.appendChild(el('span', 'meta', person.email + (person.installed ? '' : ' \u00b7 not installed')));
      button.onclick = function () { selected = person.email; shown = ''; render(); };
      nav.appendChild(button);
    });
  }

  function renderChat() {
    var person = people.find(function (p) { return p.email === selected; });
    var input = $('text');
    var button = $('compose').querySelector('button');
    input.disabled = button.disabled = !person || !person.installed;
    if (!person) { $('title').textContent = 'Choose a person'; $('lines').textContent = ''; return; }
    var signature = JSON.stringify(person);
    if (signature === shown) return;
    shown = signature;
    var title = $('title');
    title.textContent = person.name + ' (' + person.email + ')';
    if (!person.installed) {
      var install = el('button', '', 'Install the app');
      install.type = 'button';
      install.style.marginLeft = '12px';
      install.onclick = function () { post('/inbox/api/install', { email: person.email }).then(answered); };
      title.appendChild(install);
    }
    var list = $('lines');
    var atBottom = list.scrollTop + list.clientHeight >= list.scrollHeight - 8;
    var next = new Map();
    list.textContent = '';
    person.lines.forEach(function (line) {
      var key = person.email + '|' + JSON.stringify(line);
      var node = rendered.get(key) || renderLine(line, person.email);
      next.set(key, node);
      list.appendChild(node);
    });
    rendered.forEach(function (node, key) { if (key.indexOf(person.email + '|') !== 0) next.set(key, node); });
    rendered = next;
    if (atBottom) list.scrollTop = list.scrollHeight;
  }

  function render() { renderPeople(); renderChat(); }

  function refresh() {
    return fetch('/inbox/api/chats').then(function (res) { return res.json(); }).then(function (view) {
      people = view.people;
      if (view.clock) {
        $('clockbar').hidden = false;
        $('clock').textContent = new Date(view.clock).toUTCString().replace(/:\d\d GMT$/, ' UTC');
      }
      if (selected === null && people.length > 0) selected = people[0].email;
      render();
    }).catch(function () { notice('The fake Teams server is not answering', true); });
  }

  Array.prototype.forEach.call(document.querySelectorAll('#clockbar button'), function (button) {
    button.addEventListener('click', function () {
      button.disabled = true;
      post('/inbox/api/clock', { minutes: Number(button.getAttribute('data-minutes')) }).then(function () {
        button.disabled = false;
        return refresh();
      });
    });
  });

  $('compose').addEventListener('submit', function (event) {
    event.preventDefault();
    var input = $('text');
    var text = input.value.trim();
    if (!text || !selected) return;
    input.value = '';
    post('/inbox/api/say', { email: selected, text: text }).then(answered);
  });

  fetch('/inbox/hostconfig.json').then(function (res) { return res.json(); }).then(function (config) {
    hostConfig = config;
  }).catch(function () { hostConfig = null; }).then(function () {
    refresh();
    setInterval(refresh, 1000);
  });
})();
`;
