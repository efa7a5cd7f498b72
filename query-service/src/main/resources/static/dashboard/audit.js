// The auditor's console: the event store read directly (history, state as of a session or an instant, diffs, hash
// chains), the read models' dead letters and rebuild, and the decision log's downloads.
const { el, label, when, t } = Cpm;
const $ = id => document.getElementById(id);
const enc = encodeURIComponent;

function actorOf(payload) {
  const actor = (payload && payload.actor) || {};
  return label(actor.role) + ' ' + (actor.party || '') + ' ' + (actor.person || '');
}

async function history() {
  const events = await Cpm.get('/api/audit/aggregates/' + enc($('aggregate').value.trim()) + '/history');
  $('history').querySelector('tbody').replaceChildren(...(events.length ? events.map(e => el('tr', { 'data-sequence': e.sequenceNumber },
    el('td', {}, String(e.sequenceNumber)), el('td', {}, label(e.eventType)),
    el('td', {}, Cpm.day(e.tookPlaceOn)), el('td', {}, when(e.timestamp)),
    el('td', {}, actorOf(e.payload)), el('td', { title: e.hash || '', translate: 'no' }, (e.hash || '-').slice(0, 12)),
    el('td', {}, el('details', {}, el('summary', {}, t('ui.audit.jsonContent')),
      el('pre', { tabindex: 0, translate: 'no' }, JSON.stringify({ payload: e.payload, metadata: e.metadata, previousHash: e.previousHash }, null, 2))))))
    : [el('tr', {}, el('td', { colspan: 7, class: 'none' }, t('ui.none')))]));
}

async function state() {
  const session = $('as-of-session').value, day = $('as-of-day').value, instant = $('as-of-instant').value.trim();
  const query = instant ? 'asOf=' + enc(instant) : day ? 'on=' + day
    : 'session=' + enc(session) + '&moment=' + $('as-of-moment').value;
  const result = await Cpm.get('/api/audit/aggregates/' + enc($('aggregate').value.trim()) + '/state?' + query);
  $('state-summary').textContent = t(result.lastEventAt ? 'ui.audit.stateAt' : 'ui.audit.stateBefore',
    { type: label(result.aggregateType), id: result.aggregateId, version: result.version, when: when(result.lastEventAt) });
  $('state').textContent = JSON.stringify(result.state, null, 2);
}

async function diff() {
  const result = await Cpm.get('/api/audit/aggregates/' + enc($('aggregate').value.trim()) + '/diff?from=' +
    enc($('diff-from').value.trim()) + '&to=' + enc($('diff-to').value.trim()));
  $('diff').querySelector('tbody').replaceChildren(...(result.changes.length ? result.changes.map(c => el('tr', {},
    el('td', {}, c.path), el('td', {}, JSON.stringify(c.before)), el('td', {}, JSON.stringify(c.after)),
    el('td', {}, c.changedBy.join(', ')))) : [el('tr', {}, el('td', { colspan: 4, class: 'none' }, t('ui.audit.nothingChanged')))]));
}

async function verify() {
  const result = await Cpm.get('/api/audit/verify');
  $('verification').replaceChildren(result.intact
    ? el('span', { id: 'intact' }, t('ui.audit.intact', { events: result.eventsChecked, chains: result.aggregatesChecked, root: result.rootHash }))
    : el('span', { class: 'broken', id: 'broken' }, t('ui.audit.brokenLinks', { broken: result.broken.length, root: result.rootHash })));
  $('breaks').replaceChildren(...result.broken.map(b => el('li', { class: 'broken' },
    t('ui.audit.break', { record: b.aggregateId || '', sequence: b.sequenceNumber ?? '?', event: b.eventId || '?', problem: b.problem }))));
  // Each break of the record in view is marked on its chain, the table of its events.
  document.querySelectorAll('#history tr.broken').forEach(row => row.classList.remove('broken'));
  result.broken.filter(b => b.aggregateId === $('aggregate').value.trim()).forEach(b => {
    const row = document.querySelector('#history tr[data-sequence="' + b.sequenceNumber + '"]');
    if (row) { row.classList.add('broken'); row.title = b.problem; }
  });
}

async function takeCheckpoint() {
  const checkpoint = await Cpm.get('/api/audit/checkpoint');
  $('checkpoint').value = JSON.stringify(checkpoint, null, 2);
  const link = el('a', { href: URL.createObjectURL(new Blob([$('checkpoint').value], { type: 'application/json' })),
    download: 'cpm-checkpoint-' + checkpoint.takenAt.replaceAll(':', '') + '.json' });
  document.body.append(link);
  link.click();
  link.remove();
}

async function verifyCheckpoint() {
  const response = await fetch('/api/audit/checkpoint/verify', { method: 'POST', body: $('checkpoint').value,
    headers: Cpm.headers({ 'Content-Type': 'application/json' }, true) });
  const result = await response.json();
  if (!response.ok) {
    $('checkpoint-result').replaceChildren(el('span', { class: 'broken' }, result.title + ': ' + (result.detail || '')));
    return;
  }
  $('checkpoint-result').replaceChildren(!result.signatureValid
    ? el('span', { class: 'broken', id: 'checkpoint-forged' }, t('ui.audit.notSigned'))
    : result.intact ? el('span', { id: 'checkpoint-holds' }, t('ui.audit.checkpointHolds', { key: result.keyId }))
      : el('span', { class: 'broken', id: 'checkpoint-broken' }, t('ui.audit.checkpointBroken', { key: result.keyId })));
  $('checkpoint-problems').replaceChildren(...result.problems.map(p => el('li', { class: 'broken' }, p)));
}

async function deadLetters() {
  const letters = await Cpm.get('/api/admin/dead-letters');
  $('dead-letters').replaceChildren(...(letters.length ? letters.map(l => el('li', {},
    t('ui.audit.deadLetter', { event: label(l.eventType), record: l.aggregateId || '?', sequence: l.sequenceNumber ?? '?',
      since: when(l.enqueuedAt), cause: l.cause || '' })))
    : [el('li', { class: 'none' }, t('ui.none'))]));
}

async function post(path) {
  const response = await fetch(path, { method: 'POST', headers: Cpm.headers({}, true) });
  return response.json();
}

async function rebuild() {
  await post('/api/admin/rebuild');
  for (;;) {
    const status = await Cpm.get('/api/admin/rebuild');
    $('rebuild-progress').value = status.percent;
    $('rebuild-status').textContent = !status.running ? t('ui.audit.rebuilt', { events: status.headIndex })
      : status.phase === 'FINISHING' ? t('ui.audit.rebuildFinishing', { events: status.headIndex })
        : t('ui.audit.rebuilding', { percent: Math.round(status.percent), rate: Math.round(status.eventsPerSecond) });
    if (!status.running) return;
    await new Promise(resolve => setTimeout(resolve, 300));
  }
}

async function download(format) {
  const response = await fetch('/api/audit/log/export?format=' + format,
    { headers: Cpm.headers() });
  const link = el('a', { href: URL.createObjectURL(await response.blob()), download: 'cpm-decision-log.' + format });
  document.body.append(link);
  link.click();
  link.remove();
}

function guard(action) {
  return () => action().catch(error => Cpm.status(t('ui.error', { message: error.message })));
}

Cpm.start(async () => {
  $('page').hidden = false;
  const requested = new URLSearchParams(location.search).get('id');
  if (requested) $('aggregate').value = requested;
  const sessions = await Cpm.get('/api/query/sessions');
  $('as-of-session').replaceChildren(...sessions.map(s => el('option', { value: s.sessionId }, t('ui.sessionOption', { session: s.sessionId, year: s.sessionYear }))));
  $('show-history').addEventListener('click', guard(history));
  $('show-state').addEventListener('click', guard(state));
  $('show-diff').addEventListener('click', guard(diff));
  $('verify').addEventListener('click', guard(verify));
  $('show-dead-letters').addEventListener('click', guard(deadLetters));
  $('retry').addEventListener('click', guard(async () => { await post('/api/admin/dead-letters/retry'); await deadLetters(); }));
  $('rebuild').addEventListener('click', guard(rebuild));
  $('take-checkpoint').addEventListener('click', guard(takeCheckpoint));
  $('verify-checkpoint').addEventListener('click', guard(verifyCheckpoint));
  $('export-csv').addEventListener('click', guard(() => download('csv')));
  $('export-json').addEventListener('click', guard(() => download('json')));
  await Promise.all([history(), deadLetters()]);
  Cpm.status(t('ui.ready'));
});
