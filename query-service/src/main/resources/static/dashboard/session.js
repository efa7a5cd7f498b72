const { el } = Cpm;
let id = new URLSearchParams(location.search).get('id');

function table(headings, rows, attributes = {}) {
  return el('table', attributes, el('thead', {}, el('tr', {}, headings.map(h => el('th', {}, h)))),
    el('tbody', {}, rows.map(r => el('tr', {}, r.map(c => el('td', {}, c))))));
}

function programmeLink(p) {
  return el('a', { href: '/dashboard/programme.html?id=' + encodeURIComponent(p.programmeId) }, p.title);
}

async function refresh() {
  const sessions = await Cpm.get('/api/query/sessions');
  document.getElementById('sessions').replaceChildren(...sessions.map(s =>
    el('a', { href: '?id=' + s.sessionId, style: 'margin-right:1rem' }, s.sessionId + ' (' + s.sessionYear + ', ' + s.status + ')')));
  if (!id && sessions.length) id = sessions[sessions.length - 1].sessionId;
  if (!id) return;
  const agenda = await Cpm.get('/api/query/sessions/' + encodeURIComponent(id) + '/agenda');
  document.getElementById('title').textContent = id + ' (' + agenda.session.sessionYear + ') - ' + agenda.session.status;
  const item = i => [i.decisionNumber + '/' + i.itemId, i.addressee, i.request, i.status, i.documentReference || ''];
  document.getElementById('agenda').replaceChildren(
    el('h2', {}, 'Proposals (year 1)'),
    table(['Programme', 'Stage', 'Article'], agenda.proposals.map(p => [programmeLink(p), p.stage, p.conventionArticle || '']),
      { id: 'proposals' }),
    el('h2', {}, 'Plans presented (year 2)'),
    table(['Programme', 'Stage', 'Delayed'], agenda.presentations.map(p => [programmeLink(p), p.stage, p.delayed ? 'yes' : 'no'])),
    el('h2', {}, 'Progress reports missing (M3)'),
    table(['Programme', 'Stage', 'Year-1 session'], agenda.missingReports.map(p => [programmeLink(p), p.stage, p.yearOneSession]),
      { id: 'missing-reports' }),
    el('h2', {}, 'Decisions taken'),
    table(['When', 'Decision', 'By', 'Rationale'], agenda.decisions.map(d =>
      [new Date(d.occurredAt).toLocaleString(), d.eventType + (d.programmeId ? ' - ' + d.programmeId : ''), d.actorRole, d.rationale]),
      { id: 'decisions' }),
    el('h2', {}, 'Action items due'),
    table(['Item', 'Addressee', 'Request', 'Status', 'Report'], agenda.actionItemsDue.map(item)),
    el('h2', {}, 'Action items overdue'),
    table(['Item', 'Addressee', 'Request', 'Status', 'Report'], agenda.actionItemsOverdue.map(item), { id: 'overdue' }));
}

Cpm.start(async () => {
  document.getElementById('page').hidden = false;
  await refresh();
  Cpm.stream('/api/live/board', name => { if (name === 'programme') refresh(); });
});
