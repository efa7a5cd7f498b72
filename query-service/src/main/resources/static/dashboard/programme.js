const { el, svg, money, t } = Cpm;
const id = new URLSearchParams(location.search).get('id');
// The stages the programme passed through, in order, each with the session and the time it entered it: the stage
// each recorded event leads to, as the lifecycle says.
function path(lifecycle, steps) {
  if (!steps.length) return [];
  const taken = [{ stage: lifecycle.first, session: steps[0].session, day: day(steps[0]) }];
  steps.forEach(step => {
    const to = step.events.map(e => lifecycle.after[e]).find(s => s);
    if (to && to !== taken[taken.length - 1].stage) taken.push({ stage: to, session: step.session, day: day(step) });
  });
  return taken;
}

function diagram({ transitions, main, side }, current, taken) {
  const width = 150, gap = 30, top = 20;
  const box = {};
  main.forEach((s, i) => (box[s] = { x: 10 + i * (width + gap), y: top }));
  side.forEach((s, i) => (box[s] = { x: 10 + i * (width + gap), y: top + 90 }));
  const drawing = svg('svg', { width: 10 + main.length * (width + gap), height: 170, id: 'lifecycle-diagram' });
  const marker = svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto' });
  marker.append(svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#5d6b62' }));
  const defs = svg('defs');
  defs.append(marker);
  drawing.append(defs);
  transitions.forEach(t => {
    if (t.from === t.to) return;
    const a = box[t.from], b = box[t.to];
    const line = a.y === b.y
      ? { x1: a.x + width, y1: a.y + 17, x2: b.x, y2: b.y + 17 }
      : { x1: a.x + width / 2, y1: a.y + 34, x2: b.x + width / 2, y2: b.y };
    drawing.append(svg('line', { ...line, stroke: '#5d6b62', 'marker-end': 'url(#arrow)' }));
  });
  Object.entries(box).forEach(([stage, p]) => {
    const passed = taken.find(t => t.stage === stage);
    const cls = stage === current ? 'current' : passed ? 'passed' : '';
    drawing.append(svg('rect', { x: p.x, y: p.y, width, height: 34, rx: 5, class: cls, 'data-stage': stage }));
    if (passed) {
      drawing.append(svg('text', { x: p.x + 4, y: p.y + 48, class: 'when', 'data-passed': stage },
        (passed.session || '') + ' ' + Cpm.day(passed.day)));
    }
    const text = { x: p.x + 8, y: p.y + 21, class: cls };
    if (stage.length > 18) Object.assign(text, { textLength: width - 16, lengthAdjust: 'spacingAndGlyphs' });
    drawing.append(svg('text', text, Cpm.label(stage)));
  });
  return drawing;
}

function chart(row) {
  const bars = [['needed', row.fundingNeededUsd], ['pledged', row.pledgedUsd], ['contributed', row.contributedUsd],
    ['mobilised', row.mobilisedUsd], ['gap', row.gapUsd]];
  const max = Math.max(1, ...bars.map(b => Number(b[1] || 0)));
  const drawing = svg('svg', { width: 620, height: bars.length * 28 + 10, id: 'funding-chart' });
  bars.forEach(([name, value], i) => {
    const y = 5 + i * 28;
    drawing.append(svg('text', { x: 0, y: y + 15 }, t('ui.funding.' + name)));
    drawing.append(svg('rect', { x: 90, y, height: 20, width: Math.max(1, 380 * Number(value || 0) / max), class: name }));
    drawing.append(svg('text', { x: 480, y: y + 15 }, money(value)));
  });
  return drawing;
}

let shown = { stage: null, version: null };

// The day a step took place: its Took-Place-On, else the day it was recorded (UTC).
function day(step) {
  return step.day || step.at.slice(0, 10);
}

// One step per command (its events share a correlation id), with the session it was taken at or during.
function commands(timeline, sessions) {
  const steps = [];
  timeline.forEach(e => {
    const last = steps[steps.length - 1];
    if (last && e.correlationId && last.correlationId === e.correlationId) { last.events.push(e.eventType); return; }
    steps.push({ correlationId: e.correlationId, at: e.occurredAt, day: e.tookPlaceOn, entry: e, command: e.command,
      events: [e.eventType],
      session: e.sessionId || sessionAt(sessions, e.occurredAt), rationale: e.rationale,
      actor: Cpm.label(e.actorRole) + ' ' + e.actorId + (e.actorParty ? ' (' + e.actorPerson + ')' : '') });
  });
  return steps;
}

// The session open at an instant, or "after CPM-n" between sessions.
function sessionAt(sessions, instant) {
  const at = Date.parse(instant), time = value => (value ? Date.parse(value) : null);
  const open = sessions.find(s => s.openedAt && time(s.openedAt) <= at && (!s.closedAt || at < time(s.closedAt)));
  if (open) return open.sessionId;
  const before = sessions.filter(s => s.closedAt && time(s.closedAt) <= at).pop();
  return before ? t('ui.programme.after', { session: before.sessionId }) : '';
}

async function refresh() {
  const [row, timeline, lifecycle, sessions] = await Promise.all([
    Cpm.get('/api/query/programmes/' + encodeURIComponent(id)),
    Cpm.get('/api/query/programmes/' + encodeURIComponent(id) + '/timeline'),
    Cpm.lifecycle(),
    Cpm.get('/api/query/sessions')]);
  shown.version = row.version;
  if (shown.stage !== row.stage) {
    shown.stage = row.stage;
    const open = sessions.find(s => s.status === 'OPEN');
    const fixed = { programmeId: row.programmeId };
    if (open) fixed.sessionId = open.sessionId;
    await Workbench.render(document.getElementById('workbench'), row.nextActions, fixed, () => shown.version);
  }
  await Texts.load();
  document.title = Texts.titleText(row);
  document.getElementById('title').replaceChildren(Texts.title(row));
  document.getElementById('summary').replaceChildren(
    el('span', { class: 'badge', id: 'stage', 'data-stage': row.stage }, Cpm.label(row.stage)), ' ',
    t(row.yearTwoSession ? 'ui.programme.summaryPresented' : 'ui.programme.summary', { id: row.programmeId,
      article: row.conventionArticle || '', yearOne: row.yearOneSession, yearTwo: row.yearTwoSession,
      experts: row.experts, version: row.planVersion }),
    row.delayed ? el('span', { class: 'badge delayed' }, ' ' + t('ui.board.delayed')) : '');
  const steps = commands(timeline, sessions);
  document.getElementById('lifecycle').replaceChildren(diagram(lifecycle, row.stage, path(lifecycle, steps)));
  document.getElementById('funding').replaceChildren(chart(row));
  document.getElementById('actions').replaceChildren(...(row.nextActions.length ? row.nextActions.map(a =>
    el('li', {}, Cpm.label(a.command) + ' - ' + a.roles.map(Cpm.label).join(', ')))
    : [el('li', { class: 'none' }, t('ui.programme.noAction', { stage: Cpm.label(row.stage) }))]));
  document.querySelector('#timeline tbody').replaceChildren(...steps.map(step => el('tr', { 'data-event-type': step.events[0] },
    el('td', {}, Cpm.happened(step.entry)), el('td', {}, step.session || ''), el('td', {}, step.events.map(Cpm.label).join(' + ')),
    el('td', {}, step.actor), el('td', {}, Cpm.label(step.command)), el('td', { lang: 'en' }, step.rationale || ''))));
}

Cpm.start(async () => {
  document.getElementById('page').hidden = false;
  await refresh();
  Cpm.stream('/api/live/programmes/' + encodeURIComponent(id), name => { if (name === 'programme') refresh(); });
});
