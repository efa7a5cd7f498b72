// Shared by the dashboard's pages: sign-in, authenticated JSON requests and Server-Sent Events over fetch (so the
// credentials go with the stream, and Last-Event-ID with every reconnection). A password signs in to a session cookie
// the page cannot read (HttpOnly); only a bearer token (OpenID Connect, or one pasted) is kept, in sessionStorage.
const Cpm = (() => {
  const KEY = 'cpm.authorization';
  let lifecycleAnswer = null;

  // The page's language: the one chosen with the picker (kept in localStorage), else the browser's first of the six,
  // else English. Every text the page shows comes from the engine's catalogue for it (/api/messages/{language}).
  const LANGUAGES = ['ar', 'en', 'es', 'fr', 'ru', 'zh'];
  const language = (() => {
    const chosen = localStorage.getItem('cpm.language');
    if (LANGUAGES.includes(chosen)) return chosen;
    return (navigator.languages || [navigator.language]).map(l => (l || '').slice(0, 2).toLowerCase())
      .find(l => LANGUAGES.includes(l)) || 'en';
  })();
  let messages = {};

  async function loadMessages() {
    messages = (await (await fetch('/api/messages/' + language)).json()).messages;
    document.documentElement.lang = language;
    document.documentElement.dir = language === 'ar' ? 'rtl' : 'ltr';
    translate(document);
  }

  // A message with its {name} arguments filled in; a key the catalogue lacks shows as such (CatalogueTest forbids it).
  function t(key, args = {}) {
    const pattern = messages[key];
    if (pattern === undefined) return '[' + key + ']';
    return pattern.replace(/\{(\w+)\}/g, (whole, name) => (args[name] !== undefined ? String(args[name]) : whole));
  }

  // The page's own texts: data-i18n (text), data-i18n-placeholder, data-i18n-aria-label.
  function translate(root) {
    root.querySelectorAll('[data-i18n]').forEach(n => (n.textContent = t(n.dataset.i18n)));
    root.querySelectorAll('[data-i18n-placeholder]').forEach(n => (n.placeholder = t(n.dataset.i18nPlaceholder)));
    root.querySelectorAll('[data-i18n-aria-label]').forEach(n => n.setAttribute('aria-label', t(n.dataset.i18nAriaLabel)));
  }

  // The programme lifecycle as the engine states it (/api/query/lifecycle): the first stage (the one no arrow leads
  // to), the main line (from it along each stage's first arrow elsewhere), the other stages, and the stage each
  // recorded event leads to.
  async function lifecycle() {
    if (!lifecycleAnswer) {
      lifecycleAnswer = get('/api/query/lifecycle').then(transitions => {
        const first = transitions.find(t => !transitions.some(u => u.to === t.from)).from;
        const main = [first];
        for (let next; (next = transitions.find(t => t.from === main[main.length - 1] && t.to !== t.from)); ) main.push(next.to);
        const side = [...new Set(transitions.flatMap(t => [t.from, t.to]))].filter(s => !main.includes(s));
        const after = Object.fromEntries(transitions.map(t => [t.event, t.to]));
        return { transitions, first, main, side, stages: [...main, ...side], after };
      }).catch(failure => { lifecycleAnswer = null; throw failure; });
    }
    return lifecycleAnswer;
  }

  // The headers every request of the page carries: the bearer token if there is one (else the session cookie goes by
  // itself); X-Requested-With, so that a 401 carries no Basic challenge (a browser would hold the request for its own
  // dialog); and for an unsafe method the CSRF token the session requires, from its cookie.
  function headers(extra = {}, unsafe = false) {
    const all = { 'X-Requested-With': 'XMLHttpRequest', 'Accept-Language': language, ...extra };
    const bearer = sessionStorage.getItem(KEY);
    if (bearer) all.Authorization = bearer;
    const csrf = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
    if (unsafe && csrf) all['X-XSRF-TOKEN'] = decodeURIComponent(csrf.slice('XSRF-TOKEN='.length));
    return all;
  }

  function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes).forEach(([k, v]) => (k === 'class' ? (node.className = v) : node.setAttribute(k, v)));
    children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(c ?? '')));
    return node;
  }

  function svg(tag, attributes = {}, text) {
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.entries(attributes).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function money(value) {
    return value === null || value === undefined ? '-'
      : new Intl.NumberFormat(language, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(Number(value));
  }

  function status(text) {
    const node = document.getElementById('status');
    if (node) node.textContent = text;
  }

  async function get(path) {
    const response = await fetch(path, { headers: headers({ Accept: 'application/json' }) });
    if (response.status === 401) { sessionStorage.removeItem(KEY); location.reload(); }
    if (!response.ok) throw new Error(t('ui.answered', { path, status: response.status }));
    return response.json();
  }

  // Calls onEvent(name, data, id) for each event; reconnects with Last-Event-ID after any interruption.
  async function stream(path, onEvent) {
    let lastId = null;
    for (;;) {
      try {
        const response = await fetch(path,
          { headers: headers(lastId ? { Accept: 'text/event-stream', 'Last-Event-ID': lastId } : { Accept: 'text/event-stream' }) });
        if (!response.ok) throw new Error('stream answered ' + response.status);
        status(t('ui.live'));
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, '\n');
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let name = 'message', id = null; const data = [];
            block.split('\n').forEach(line => {
              if (!line || line.startsWith(':')) return;
              const colon = line.indexOf(':');
              const field = colon < 0 ? line : line.slice(0, colon);
              const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
              if (field === 'event') name = text; else if (field === 'id') id = text; else if (field === 'data') data.push(text);
            });
            if (id) lastId = id;
            if (data.length) onEvent(name, JSON.parse(data.join('\n')), id);
          }
        }
      } catch (e) {
        console.warn('live stream interrupted', e);
      }
      status(t('ui.reconnecting'));
      await new Promise(resolve => setTimeout(resolve, 1000));
    }
  }

  // A name of the engine (a command, an event, a field, a stage, a role, a value) in the page's language; a name the
  // catalogue lacks is spelled out in English: "ResourcesPledged" -> "Resources pledged".
  function label(name) {
    if (!name) return '';
    if (messages['label.' + name] !== undefined) return messages['label.' + name];
    const words = name.includes('_') ? name.toLowerCase().replaceAll('_', ' ')
      : name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    return (words.charAt(0).toUpperCase() + words.slice(1)).replace(/\b(cpm|rppo|spg|nppo)\b/gi, w => w.toUpperCase());
  }

  // An instant in UTC, to the minute, as the language writes it: the same moment for every reader wherever they are.
  function when(instant) {
    return instant ? new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })
      .format(new Date(instant)) + ' ' + t('ui.utc') : '';
  }

  // A day (yyyy-mm-dd) as the language writes it.
  function day(isoDay) {
    return isoDay ? new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' })
      .format(new Date(isoDay + 'T00:00:00Z')) : '';
  }

  // The day a log entry took place, and when it was recorded if that was another day.
  function happened(entry) {
    if (entry.tookPlaceOn === entry.occurredAt.slice(0, 10)) return when(entry.occurredAt);
    return t('ui.happened', { day: day(entry.tookPlaceOn), recorded: when(entry.occurredAt) });
  }

  let signedIn = null;
  async function me() {
    if (!signedIn) signedIn = await get('/api/me');
    return signedIn;
  }

  let document_ = null;
  async function openApi() {
    if (!document_) document_ = await (await fetch('/v3/api-docs')).json();
    return document_;
  }

  // Sends a command; answers { ok, body } with the problem+json of a refusal as the body. tookPlaceOn: the day it
  // took place when it is recorded later (yyyy-mm-dd), or empty.
  async function command(name, body, version, tookPlaceOn) {
    const sent = headers({ 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() }, true);
    if (version !== undefined && version !== null) sent['If-Match'] = '"' + version + '"';
    if (tookPlaceOn) sent['Took-Place-On'] = tookPlaceOn;
    const response = await fetch('/api/commands/' + name, { method: 'POST', headers: sent, body: JSON.stringify(body) });
    return { ok: response.ok, body: await response.json() };
  }

  // Ends the session on the engine (every node: it is kept in the database) or forgets the token.
  async function signOut() {
    if (!sessionStorage.getItem(KEY)) await fetch('/api/sign-out', { method: 'POST', headers: headers({}, true) });
    sessionStorage.removeItem(KEY);
    location.reload();
  }

  // The language picker: each language named in itself; the choice is remembered for every page.
  function picker() {
    const select = el('select', { id: 'language', 'aria-label': t('ui.language') },
      ...LANGUAGES.map(code => el('option', { value: code, lang: code }, t('ui.autonym.' + code))));
    select.value = language;
    select.addEventListener('change', () => { localStorage.setItem('cpm.language', select.value); location.reload(); });
    return select;
  }

  function header(who) {
    const out = el('button', { type: 'button', id: 'sign-out', class: 'link' }, t('ui.signOut'));
    out.addEventListener('click', signOut);
    document.querySelector('header').replaceChildren(
      el('a', { href: '/dashboard/' }, t('ui.nav.board')), el('a', { href: '/dashboard/session.html' }, t('ui.nav.sessions')),
      el('a', { href: '/dashboard/act.html', id: 'act-link' }, t('ui.nav.act')),
      el('a', { href: '/dashboard/audit.html', id: 'audit-link' }, t('ui.nav.audit')),
      el('a', { href: '/dashboard/outreach.html', id: 'outreach-link' }, t('ui.nav.outreach')),
      el('a', { href: '/swagger-ui.html' }, t('ui.nav.api')), el('span', { class: 'status', id: 'status' }, t('ui.connecting')),
      el('span', { id: 'who' }, who ? who.person + ' (' + label(who.role) + (who.party ? ', ' + who.party : '') + ')' : ''),
      picker(), who ? out : '');
  }

  function base64url(bytes) {
    return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  // OpenID Connect, authorization code with PKCE: to the provider now, back to signed-in.html with a code.
  async function signInWith(oidc) {
    const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
    const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
    const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
    const redirectUri = location.origin + '/dashboard/signed-in.html';
    sessionStorage.setItem('cpm.oidc', JSON.stringify({ state, verifier, redirectUri, returnTo: location.href,
      tokenUri: oidc.tokenUri, clientId: oidc.clientId }));
    const url = new URL(oidc.authorizationUri);
    url.search = new URLSearchParams({ response_type: 'code', client_id: oidc.clientId, redirect_uri: redirectUri,
      scope: oidc.scope, state, code_challenge: challenge, code_challenge_method: 'S256' });
    location.assign(url.toString());
  }

  // Whom the session cookie or the token stands for; null when neither signs in.
  async function whoIsSignedIn() {
    const response = await fetch('/api/me', { headers: headers({ Accept: 'application/json' }) });
    if (!response.ok) return null;
    signedIn = await response.json();
    return signedIn;
  }

  // Runs the page once signed in; until then shows the sign-in form.
  async function start(page) {
    await loadMessages();
    header(null);
    const who = await whoIsSignedIn();
    if (who) { header(who); page(); return; }
    sessionStorage.removeItem(KEY);
    const main = document.querySelector('main');
    const form = el('form', { class: 'login', id: 'login' },
      el('h1', {}, t('ui.signIn')),
      el('label', { for: 'user' }, t('ui.user')), el('input', { id: 'user', name: 'user', autocomplete: 'username' }),
      el('label', { for: 'password' }, t('ui.password')),
      el('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password' }),
      el('button', { type: 'submit', id: 'sign-in' }, t('ui.signIn')),
      el('p', { class: 'hint' }, t('ui.signInHint')),
      el('p', { class: 'error', id: 'login-error' }));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const user = form.user.value.trim(), secret = form.password.value;
      form.password.value = '';
      let refusal = null;
      if (user) {
        const answer = await fetch('/api/sign-in/session', { method: 'POST',
          headers: headers({ 'Content-Type': 'application/json', Accept: 'application/json' }),
          body: JSON.stringify({ user, password: secret }) });
        if (!answer.ok) refusal = answer.status === 404 ? { detail: t('ui.noPasswords') } : await answer.json();
      } else {
        sessionStorage.setItem(KEY, 'Bearer ' + secret);
      }
      const who = refusal ? null : await whoIsSignedIn();
      if (!who) {
        sessionStorage.removeItem(KEY);
        document.getElementById('login-error').textContent =
          t('ui.signInRefused', { reason: (refusal && refusal.detail) || t('ui.tokenRefused') });
        return;
      }
      form.remove();
      header(who);
      page();
    });
    main.prepend(form);
    fetch('/api/sign-in').then(r => r.json()).then(options => {
      if (!options.oidc) return;
      const button = el('button', { type: 'button', id: 'sign-in-oidc' }, t('ui.signInOidc'));
      button.addEventListener('click', () => signInWith(options.oidc));
      form.querySelector('h1').after(button, el('p', { class: 'hint' }, t('ui.signInOr')));
    }).catch(() => {});
  }

  // A file the engine makes (a paper, an export), downloaded with the page's credentials.
  async function download(path, name) {
    const response = await fetch(path, { headers: headers() });
    if (!response.ok) throw new Error(t('ui.answered', { path, status: response.status }));
    const link = el('a', { href: URL.createObjectURL(await response.blob()), download: name });
    document.body.append(link);
    link.click();
    link.remove();
  }

  return { lifecycle, el, svg, money, get, stream, start, status, label, when, day, happened, me, openApi, command,
    headers, t, language, download, loadMessages };
})();
