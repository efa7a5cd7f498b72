const { el } = Cpm;
let id = new URLSearchParams(location.search).get('id');

function table(headings, rows, attributes = {}) {
  return el('table', attributes, el('thead', {}, el('tr', {}, headings.map(h => el('th', {}, h)))),
    el('tbody', {}, rows.length ? rows.map(r => el('tr', {}, r.map(c => el('td', {}, c))))
      : el('tr', { class: 'empty' }, el('td', { colspan: headings.length, class: 'none' }, 'None'))));
}

function programmeLink(p) {
  return el('a', { href: '/dashboard/programme.html?id=' + encodeURIComponent(p.programmeId) }, p.title);
}

// What can be done at a session in its status: open it, or record decisions and close it; report on its items.
const ACTIONS = { SCHEDULED: ['openSession'], OPEN: ['recordDecision', 'closeSession'], CLOSED: [] };
let shownStatus = null;

function decision(d) {
  const p = d.payload || {};
  const what = d.eventType === 'DecisionRecorded' ? 'Decision ' + p.number + ': ' + p.text : Cpm.label(d.eventType);
  return what + (d.programmeId ? ' - ' + d.programmeId : '');
}

async function refresh() {
  const sessions = await Cpm.get('/api/query/sessions');
  document.getElementById('sessions').replaceChildren(...sessions.map(s =>
    el('a', { href: '?id=' + s.sessionId, class: 'session-link' }, s.sessionId + ' (' + s.sessionYear + ', ' + Cpm.label(s.status).toLowerCase() + ')')));
  if (!id && sessions.length) id = sessions[sessions.length - 1].sessionId;
  if (!id) return;
  const agenda = await Cpm.get('/api/query/sessions/' + encodeURIComponent(id) + '/agenda');
  document.getElementById('title').textContent = id + ' (' + agenda.session.sessionYear + ') - ' + Cpm.label(agenda.session.status);
  if (shownStatus !== agenda.session.status) {
    shownStatus = agenda.session.status;
    const actions = ACTIONS[agenda.session.status].concat(['reportOnActionItem']).map(command => ({ command }));
    await Workbench.render(document.getElementById('workbench'), actions, { sessionId: id }, () => null, () => setTimeout(refresh, 300));
  }
  const item = i => [i.decisionNumber + '/' + i.itemId, Cpm.label(i.addressee), i.request, Cpm.label(i.status), i.documentReference || ''];
  document.getElementById('agenda').replaceChildren(
    el('h2', {}, 'Input for the round (P1)'),
    table(['Round', 'Input'], agenda.rounds.map(r => [r.roundId,
      r.inputClosed ? 'closed early' : Date.parse(r.inputDeadline) > Date.now() ? 'open until ' + Cpm.when(r.inputDeadline)
        : 'closed at its deadline, ' + Cpm.when(r.inputDeadline)]), { id: 'rounds' }),
    el('h2', {}, 'Proposals (year 1)'),
    table(['Programme', 'Stage', 'Article'], agenda.proposals.map(p => [programmeLink(p), Cpm.label(p.stage), p.conventionArticle || '']),
      { id: 'proposals' }),
    el('h2', {}, 'Plans presented (year 2)'),
    table(['Programme', 'Stage', 'Delayed'], agenda.presentations.map(p => [programmeLink(p), Cpm.label(p.stage), p.delayed ? 'yes' : 'no'])),
    el('h2', {}, 'Progress reports missing (M3)'),
    table(['Programme', 'Stage', 'Year-1 session'], agenda.missingReports.map(p => [programmeLink(p), p.stage, p.yearOneSession]),
      { id: 'missing-reports' }),
    el('h2', {}, 'Decisions taken'),
    table(['When', 'Decision', 'By', 'Rationale'], agenda.decisions.map(d =>
      [Cpm.happened(d), decision(d), Cpm.label(d.actorRole), d.rationale]),
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
