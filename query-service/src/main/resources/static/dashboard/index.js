const { el, money, t } = Cpm;
const rows = new Map();

function card(row) {
  return el('div', { class: 'card', 'data-programme-id': row.programmeId, 'data-stage': row.stage },
    el('a', { href: '/dashboard/programme.html?id=' + encodeURIComponent(row.programmeId) }, Texts.title(row)),
    el('div', { class: 'meta' }, t(row.yearTwoSession ? 'ui.card.presented' : 'ui.card.proposed',
      { id: row.programmeId, yearOne: row.yearOneSession, yearTwo: row.yearTwoSession })),
    el('div', { class: 'meta' }, t('ui.card.experts', { experts: row.experts, gap: money(row.gapUsd) })),
    row.reportMissingAt ? el('div', { class: 'flag', title: 'M3' }, t('ui.card.reportMissing', { session: row.reportMissingAt })) : '',
    row.delayed ? el('span', { class: 'badge delayed' }, t('ui.board.delayed')) : '',
    el('div', { class: 'meta' }, t('ui.card.funding', { needed: money(row.fundingNeededUsd), pledged: money(row.pledgedUsd),
      contributed: money(row.contributedUsd) })),
    el('div', { class: 'meta', title: t('ui.recorded', { when: Cpm.when(row.lastChangedAt) }) },
      t('ui.card.last', { event: Cpm.label(row.lastEvent), day: Cpm.day(row.lastTookPlaceOn) })));
}

// The programmes the party in the filter acted on, from the board's party filter; null when there is none.
let partyIds = null;

async function filterParty() {
  const party = document.getElementById('filter-party').value.trim().toUpperCase();
  partyIds = party
    ? new Set((await Cpm.get('/api/query/programmes?size=200&party=' + encodeURIComponent(party))).items.map(r => r.programmeId))
    : null;
  render();
}

// Open input deadlines, action items overdue (C3: due at a session that closed without their report) and those due at
// sessions not yet closed.
async function timers() {
  const sessions = await Cpm.get('/api/query/sessions');
  const agendas = await Promise.all(sessions.map(s => Cpm.get('/api/query/sessions/' + encodeURIComponent(s.sessionId) + '/agenda')));
  const rounds = agendas.flatMap(a => a.rounds.map(r => ({ ...r, sessionId: a.session.sessionId })))
    .filter(r => !r.inputClosed && Date.parse(r.inputDeadline) > Date.now());
  const items = [...agendas.flatMap(a => a.actionItemsOverdue),
    ...agendas.filter(a => a.session.status !== 'CLOSED').flatMap(a => a.actionItemsDue.filter(i => i.status === 'OPEN'))];
  const none = columns => [el('tr', {}, el('td', { colspan: columns, class: 'none' }, t('ui.none')))];
  document.querySelector('#deadlines tbody').replaceChildren(...(rounds.length ? rounds.map(r => el('tr', {},
    el('td', {}, r.roundId), el('td', {}, r.sessionId), el('td', {}, Cpm.when(r.inputDeadline)))) : none(3)));
  document.querySelector('#action-items tbody').replaceChildren(...(items.length ? items.map(i => el('tr', { 'data-status': i.status },
    el('td', {}, i.decisionId + ' ' + i.itemId), el('td', {}, Cpm.label(i.addressee)), el('td', {}, Texts.request(i)),
    el('td', {}, i.dueSession), el('td', { class: i.status === 'OVERDUE' ? 'broken' : '' }, Cpm.label(i.status)))) : none(5)));
}

// Search and filters: a text in the title or id, a session (year 1 or 2), a party, delayed (Y5), report missing (M3).
function shown(row) {
  const text = document.getElementById('search').value.trim().toLowerCase();
  const session = document.getElementById('filter-session').value;
  return (!text || (row.title + ' ' + Texts.titleText(row) + ' ' + row.programmeId).toLowerCase().includes(text))
    && (!session || row.yearOneSession === session || row.yearTwoSession === session)
    && (!partyIds || partyIds.has(row.programmeId))
    && (!document.getElementById('filter-delayed').checked || row.delayed)
    && (!document.getElementById('filter-missing').checked || row.reportMissingAt);
}

let stages = [];

function render(changedId) {
  const board = document.getElementById('board');
  const visible = [...rows.values()].filter(shown);
  // Empty stages are left out, but a programme's stage is always shown.
  board.replaceChildren(...stages.filter(stage => visible.some(r => r.stage === stage)).map(stage => {
    const inStage = visible.filter(r => r.stage === stage);
    return el('section', { class: 'column', id: 'stage-' + stage, 'data-stage': stage },
      el('h2', {}, Cpm.label(stage) + ' (' + inStage.length + ')'), inStage.map(card));
  }));
  if (!visible.length) board.replaceChildren(el('p', { class: 'none' }, t('ui.board.noMatch')));
  if (changedId) {
    const changed = board.querySelector('[data-programme-id="' + CSS.escape(changedId) + '"]');
    if (changed) { changed.classList.add('changed'); setTimeout(() => changed.classList.remove('changed'), 1500); }
  }
}

Cpm.start(async () => {
  document.getElementById('page').hidden = false;
  stages = (await Cpm.lifecycle()).stages;
  await Texts.load();
  const sessions = await Cpm.get('/api/query/sessions');
  document.getElementById('filter-session').append(...sessions.map(s =>
    el('option', { value: s.sessionId }, t('ui.sessionOption', { session: s.sessionId, year: s.sessionYear }))));
  ['search', 'filter-session', 'filter-delayed', 'filter-missing'].forEach(id =>
    document.getElementById(id).addEventListener('input', () => render()));
  document.getElementById('filters').addEventListener('submit', event => event.preventDefault());
  document.getElementById('filter-party').addEventListener('change', () => filterParty().catch(e => Cpm.status(t('ui.error', { message: e.message }))));
  const parties = await Cpm.get('/api/query/funding/by-party');
  document.getElementById('parties').append(...parties.map(p => el('option', { value: p.party })));
  await timers();
  Cpm.stream('/api/live/board', (name, data) => {
    if (name === 'snapshot') { rows.clear(); data.forEach(r => rows.set(r.programmeId, r)); render(); }
    if (name === 'programme') {
      rows.set(data.programme.programmeId, data.programme);
      render(data.programme.programmeId);
      timers();
    }
  });
});
