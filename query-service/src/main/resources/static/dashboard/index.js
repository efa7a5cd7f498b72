const { el, money } = Cpm;
const rows = new Map();

function card(row) {
  return el('div', { class: 'card', 'data-programme-id': row.programmeId, 'data-stage': row.stage },
    el('a', { href: '/dashboard/programme.html?id=' + encodeURIComponent(row.programmeId) }, row.title),
    el('div', { class: 'meta' }, row.programmeId + ' - proposed to ' + row.yearOneSession +
      (row.yearTwoSession ? ', presented at ' + row.yearTwoSession : '')),
    el('div', { class: 'meta' }, 'Experts: ' + row.experts + ' - gap: ' + money(row.gapUsd)),
    row.reportMissingAt ? el('div', { class: 'flag', title: 'M3' }, 'Progress report missing at ' + row.reportMissingAt) : '',
    row.delayed ? el('span', { class: 'badge delayed' }, 'delayed (Y5)') : '',
    el('div', { class: 'meta' }, 'Last: ' + row.lastEvent + ' at ' + new Date(row.lastChangedAt).toLocaleString()));
}

function render(changedId) {
  const board = document.getElementById('board');
  board.replaceChildren(...Cpm.STAGES.map(stage => {
    const inStage = [...rows.values()].filter(r => r.stage === stage);
    return el('section', { class: 'column', id: 'stage-' + stage, 'data-stage': stage },
      el('h2', {}, stage.replaceAll('_', ' ') + ' (' + inStage.length + ')'), inStage.map(card));
  }));
  if (changedId) {
    const changed = board.querySelector('[data-programme-id="' + CSS.escape(changedId) + '"]');
    if (changed) { changed.classList.add('changed'); setTimeout(() => changed.classList.remove('changed'), 1500); }
  }
}

Cpm.start(() => {
  document.getElementById('page').hidden = false;
  Cpm.stream('/api/live/board', (name, data) => {
    if (name === 'snapshot') { rows.clear(); data.forEach(r => rows.set(r.programmeId, r)); render(); }
    if (name === 'programme') { rows.set(data.programme.programmeId, data.programme); render(data.programme.programmeId); }
  });
});
