// Notices and webhooks (Secretariat, auditors): the directory, the e-mail outbox (retry what failed), the webhook
// subscriptions with their deliveries, and a replay from a position.
const { el, when, t, label } = Cpm;
const $ = id => document.getElementById(id);
const none = columns => [el('tr', {}, el('td', { colspan: columns, class: 'none' }, t('ui.none')))];

async function post(path, body) {
  const response = await fetch(path, { method: 'POST', body: body ? JSON.stringify(body) : undefined,
    headers: Cpm.headers({ 'Content-Type': 'application/json', Accept: 'application/json' }, true) });
  if (!response.ok) $('error').textContent = t('ui.answered', { path, status: response.status }) + ': ' + ((await response.json()).detail || '');
  return response.ok;
}

async function contacts() {
  const list = await Cpm.get('/api/outreach/contacts');
  $('contacts').querySelector('tbody').replaceChildren(...(list.length ? list.map(c => el('tr', {},
    el('td', {}, c.addressee), el('td', {}, c.person), el('td', {}, c.email), el('td', {}, label(c.language)),
    el('td', {}, label(c.delivery)), el('td', {}, t(c.optionalNotices ? 'ui.yes' : 'ui.no'))))
    : none(6)));
}

async function outbox() {
  const status = $('outbox-status').value;
  const list = await Cpm.get('/api/outreach/outbox' + (status ? '?status=' + status : ''));
  $('outbox').querySelector('tbody').replaceChildren(...(list.length ? list.map(m => {
    const retry = el('button', { type: 'button', class: 'link' }, t('ui.outreach.sendAgain'));
    retry.addEventListener('click', async () => { if (await post('/api/outreach/outbox/' + m.id + '/retry')) outbox(); });
    return el('tr', { 'data-status': m.status }, el('td', {}, String(m.id)), el('td', {}, label(m.status)),
      el('td', {}, m.person + ' (' + m.addressee + ')'), el('td', {}, m.subject), el('td', {}, when(m.sendAfter)),
      el('td', {}, String(m.attempts)), el('td', {}, m.lastError || ''), el('td', {}, m.status === 'FAILED' ? retry : ''));
  }) : none(8)));
}

async function deliveries(id) {
  $('deliveries-of').textContent = t('ui.outreach.deliveriesOf', { id });
  const list = await Cpm.get('/api/webhooks/' + encodeURIComponent(id) + '/deliveries?limit=100');
  $('deliveries').querySelector('tbody').replaceChildren(...(list.length ? list.map(d => el('tr', { 'data-outcome': d.outcome },
    el('td', {}, when(d.attemptedAt)), el('td', {}, label(d.eventType)), el('td', {}, String(d.position)),
    el('td', {}, String(d.attempt)), el('td', {}, label(d.outcome)), el('td', {}, d.httpStatus === null ? '' : String(d.httpStatus)),
    el('td', {}, d.answer || ''), el('td', {}, String(d.durationMs)))) : none(8)));
}

async function subscriptions() {
  const list = await Cpm.get('/api/webhooks');
  $('subscriptions').querySelector('tbody').replaceChildren(...(list.length ? list.map(s => {
    const show = el('button', { type: 'button', class: 'link' }, t('ui.outreach.deliveries'));
    show.addEventListener('click', () => deliveries(s.id));
    const replay = el('button', { type: 'button', class: 'link' }, t('ui.outreach.replay'));
    replay.addEventListener('click', async () => {
      const position = prompt(t('ui.outreach.replayFrom'), '0');
      if (position !== null && await post('/api/webhooks/' + s.id + '/replay', { fromPosition: Number(position) })) subscriptions();
    });
    const resume = el('button', { type: 'button', class: 'link' }, t('ui.outreach.resume'));
    resume.addEventListener('click', async () => { if (await post('/api/webhooks/' + s.id + '/resume')) subscriptions(); });
    return el('tr', { 'data-status': s.status }, el('td', {}, s.id), el('td', {}, s.url),
      el('td', {}, t(s.programmeId ? 'ui.outreach.eventsOf' : 'ui.outreach.events', {
        events: s.eventTypes.length ? s.eventTypes.map(label).join(', ') : t('ui.outreach.all'), programme: s.programmeId })),
      el('td', { title: s.pausedReason || '' }, label(s.status) + (s.pausedReason ? ': ' + s.pausedReason : '')),
      el('td', {}, String(s.position)), el('td', {}, String(s.failures)),
      el('td', {}, show, ' ', replay, s.status === 'PAUSED' ? resume : ''));
  }) : none(7)));
}

Cpm.start(async () => {
  $('page').hidden = false;
  $('outbox-status').addEventListener('change', outbox);
  try {
    await Promise.all([contacts(), outbox(), subscriptions()]);
    Cpm.status(t('ui.upToDate'));
  } catch (failure) {
    $('error').textContent = t('ui.outreach.whose', { message: failure.message });
  }
});
