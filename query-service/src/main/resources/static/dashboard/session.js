const { el, t } = Cpm;
let id = new URLSearchParams(location.search).get('id');

function table(headings, rows, attributes = {}) {
  return el('table', attributes, el('thead', {}, el('tr', {}, headings.map(h => el('th', {}, t(h))))),
    el('tbody', {}, rows.length ? rows.map(r => el('tr', {}, r.map(c => el('td', {}, c))))
      : el('tr', { class: 'empty' }, el('td', { colspan: headings.length, class: 'none' }, t('ui.none')))));
}

function programmeLink(p) {
  return el('a', { href: '/dashboard/programme.html?id=' + encodeURIComponent(p.programmeId) }, Texts.title(p));
}

// What can be done at a session in its status: open it, or record decisions and close it; report on its items.
const ACTIONS = { SCHEDULED: ['openSession'], OPEN: ['recordDecision', 'closeSession'], CLOSED: [] };
let shownStatus = null;

function decision(d) {
  const p = d.payload || {};
  const what = d.eventType === 'DecisionRecorded'
    ? el('span', {}, t('ui.session.decision', { number: p.number }), ' ', Texts.decision(d.aggregateId, p.text))
    : Cpm.label(d.eventType);
  return el('span', {}, what, d.programmeId ? ' - ' + d.programmeId : '');
}

// The papers of the session in a language: agenda, plan summaries, decisions, each as PDF and DOCX.
function papers() {
  const language = document.getElementById('paper-language');
  if (!language.options.length) {
    ['ar', 'en', 'es', 'fr', 'ru', 'zh'].forEach(code => language.append(el('option', { value: code, lang: code }, t('ui.autonym.' + code))));
    language.value = Cpm.language;
    language.addEventListener('change', papers);
  }
  document.getElementById('paper-links').replaceChildren(...['agenda', 'plans', 'decisions'].map(paper =>
    el('p', { class: 'paper' }, t('ui.papers.' + paper), ' ', ...['pdf', 'docx'].map(kind => {
      const button = el('button', { type: 'button', class: 'link', 'data-paper': paper + '.' + kind }, t('ui.papers.' + kind));
      button.addEventListener('click', () => Cpm.download('/api/query/sessions/' + encodeURIComponent(id) + '/papers/'
        + paper + '.' + kind + '?language=' + language.value, id + '-' + paper + '-' + language.value + '.' + kind)
        .catch(e => Cpm.status(t('ui.error', { message: e.message }))));
      return button;
    }))));
}

async function refresh() {
  const sessions = await Cpm.get('/api/query/sessions');
  document.getElementById('sessions').replaceChildren(...sessions.map(s =>
    el('a', { href: '?id=' + s.sessionId, class: 'session-link' },
      t('ui.session.link', { session: s.sessionId, year: s.sessionYear, status: Cpm.label(s.status) }))));
  if (!id && sessions.length) id = sessions[sessions.length - 1].sessionId;
  if (!id) return;
  const agenda = await Cpm.get('/api/query/sessions/' + encodeURIComponent(id) + '/agenda');
  await Texts.load();
  papers();
  document.getElementById('title').textContent =
    t('ui.session.title', { session: id, year: agenda.session.sessionYear, status: Cpm.label(agenda.session.status) });
  if (shownStatus !== agenda.session.status) {
    shownStatus = agenda.session.status;
    const actions = ACTIONS[agenda.session.status].concat(['reportOnActionItem']).map(command => ({ command }));
    await Workbench.render(document.getElementById('workbench'), actions, { sessionId: id }, () => null, () => setTimeout(refresh, 300));
  }
  const item = i => [i.decisionNumber + '/' + i.itemId, Cpm.label(i.addressee), Texts.request(i), Cpm.label(i.status), i.documentReference || ''];
  const itemColumns = ['ui.column.item', 'ui.column.addressee', 'ui.column.request', 'ui.column.status', 'ui.column.report'];
  document.getElementById('agenda').replaceChildren(
    el('h2', {}, t('ui.session.rounds')),
    table(['ui.column.round', 'ui.column.input'], agenda.rounds.map(r => [r.roundId,
      r.inputClosed ? t('ui.session.closedEarly') : Date.parse(r.inputDeadline) > Date.now() ? t('ui.session.openUntil', { when: Cpm.when(r.inputDeadline) })
        : t('ui.session.closedAtDeadline', { when: Cpm.when(r.inputDeadline) })]), { id: 'rounds' }),
    el('h2', {}, t('ui.session.proposals')),
    table(['ui.column.programme', 'ui.column.stage', 'ui.column.article'], agenda.proposals.map(p => [programmeLink(p), Cpm.label(p.stage), p.conventionArticle || '']),
      { id: 'proposals' }),
    el('h2', {}, t('ui.session.presentations')),
    table(['ui.column.programme', 'ui.column.stage', 'ui.column.delayed'], agenda.presentations.map(p => [programmeLink(p), Cpm.label(p.stage), t(p.delayed ? 'ui.yes' : 'ui.no')])),
    el('h2', {}, t('ui.session.missingReports')),
    table(['ui.column.programme', 'ui.column.stage', 'ui.column.yearOne'], agenda.missingReports.map(p => [programmeLink(p), Cpm.label(p.stage), p.yearOneSession]),
      { id: 'missing-reports' }),
    el('h2', {}, t('ui.session.decisions')),
    table(['ui.column.when', 'ui.column.decision', 'ui.column.by', 'ui.column.rationale'], agenda.decisions.map(d =>
      [Cpm.happened(d), decision(d), Cpm.label(d.actorRole), el('span', { lang: 'en' }, d.rationale)]),
      { id: 'decisions' }),
    el('h2', {}, t('ui.session.itemsDue')),
    table(itemColumns, agenda.actionItemsDue.map(item)),
    el('h2', {}, t('ui.session.itemsOverdue')),
    table(itemColumns, agenda.actionItemsOverdue.map(item), { id: 'overdue' }));
}

Cpm.start(async () => {
  document.getElementById('page').hidden = false;
  await refresh();
  Cpm.stream('/api/live/board', name => { if (name === 'programme') refresh(); });
});
