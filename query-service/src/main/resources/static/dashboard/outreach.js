// Notices and webhooks (Secretariat, auditors): the directory, the e-mail outbox (retry what failed), the webhook
// subscriptions with their deliveries, and a replay from a position.
const { el, when } = Cpm;
const $ = id => document.getElementById(id);
const none = columns => [el('tr', {}, el('td', { colspan: columns, class: 'none' }, 'None'))];

async function post(path, body) {
  const response = await fetch(path, { method: 'POST', body: body ? JSON.stringify(body) : undefined,
    headers: Cpm.headers({ 'Content-Type': 'application/json', Accept: 'application/json' }, true) });
  if (!response.ok) $('error').textContent = path + ' answered ' + response.status + ': ' + ((await response.json()).detail || '');
  return response.ok;
}

async function contacts() {
  const list = await Cpm.get('/api/outreach/contacts');
  $('contacts').querySelector('tbody').replaceChildren(...(list.length ? list.map(c => el('tr', {},
    el('td', {}, c.addressee), el('td', {}, c.person), el('td', {}, c.email), el('td', {}, c.language),
    el('td', {}, c.delivery === 'DAILY_DIGEST' ? 'daily digest' : 'at once'), el('td', {}, c.optionalNotices ? 'yes' : 'no')))
    : none(6)));
}

async function outbox() {
  const status = $('outbox-status').value;
  const list = await Cpm.get('/api/outreach/outbox' + (status ? '?status=' + status : ''));
  $('outbox').querySelector('tbody').replaceChildren(...(list.length ? list.map(m => {
    const retry = el('button', { type: 'button', class: 'link' }, 'Send again');
    retry.addEventListener('click', async () => { if (await post('/api/outreach/outbox/' + m.id + '/retry')) outbox(); });
    return el('tr', { 'data-status': m.status }, el('td', {}, String(m.id)), el('td', {}, m.status),
      el('td', {}, m.person + ' (' + m.addressee + ')'), el('td', {}, m.subject), el('td', {}, when(m.sendAfter)),
      el('td', {}, String(m.attempts)), el('td', {}, m.lastError || ''), el('td', {}, m.status === 'FAILED' ? retry : ''));
  }) : none(8)));
}

async function deliveries(id) {
  $('deliveries-of').textContent = 'Deliveries of ' + id;
  const list = await Cpm.get('/api/webhooks/' + encodeURIComponent(id) + '/deliveries?limit=100');
  $('deliveries').querySelector('tbody').replaceChildren(...(list.length ? list.map(d => el('tr', { 'data-outcome': d.outcome },
    el('td', {}, when(d.attemptedAt)), el('td', {}, d.eventType), el('td', {}, String(d.position)),
    el('td', {}, String(d.attempt)), el('td', {}, d.outcome), el('td', {}, d.httpStatus === null ? '' : String(d.httpStatus)),
    el('td', {}, d.answer || ''), el('td', {}, String(d.durationMs)))) : none(8)));
}

async function subscriptions() {
  const list = await Cpm.get('/api/webhooks');
  $('subscriptions').querySelector('tbody').replaceChildren(...(list.length ? list.map(s => {
    const show = el('button', { type: 'button', class: 'link' }, 'Deliveries');
    show.addEventListener('click', () => deliveries(s.id));
    const replay = el('button', { type: 'button', class: 'link' }, 'Replay from...');
    replay.addEventListener('click', async () => {
      const position = prompt('Deliver again from global position', '0');
      if (position !== null && await post('/api/webhooks/' + s.id + '/replay', { fromPosition: Number(position) })) subscriptions();
    });
    const resume = el('button', { type: 'button', class: 'link' }, 'Resume');
    resume.addEventListener('click', async () => { if (await post('/api/webhooks/' + s.id + '/resume')) subscriptions(); });
    return el('tr', { 'data-status': s.status }, el('td', {}, s.id), el('td', {}, s.url),
      el('td', {}, (s.eventTypes.length ? s.eventTypes.join(', ') : 'all') + (s.programmeId ? ' of ' + s.programmeId : '')),
      el('td', { title: s.pausedReason || '' }, s.status + (s.pausedReason ? ': ' + s.pausedReason : '')),
      el('td', {}, String(s.position)), el('td', {}, String(s.failures)),
      el('td', {}, show, ' ', replay, s.status === 'PAUSED' ? resume : ''));
  }) : none(7)));
}

Cpm.start(async () => {
  $('page').hidden = false;
  $('outbox-status').addEventListener('change', outbox);
  try {
    await Promise.all([contacts(), outbox(), subscriptions()]);
    Cpm.status('up to date');
  } catch (failure) {
    $('error').textContent = failure.message + ' (this page is the Secretariat\'s and the auditors\')';
  }
});
