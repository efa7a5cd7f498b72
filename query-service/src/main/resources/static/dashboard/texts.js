// The record's texts in the reader's language (T1): a programme's title and plan summary, a decision's text, an action
// item's request; where no translation is recorded, the original, marked with its language.
const Texts = (() => {
  const { el, t, label, language } = Cpm;
  let translations = new Map();

  async function load() {
    const rows = await Cpm.get('/api/query/translations');
    translations = new Map(rows.filter(r => r.language.toLowerCase() === language)
      .map(r => [r.subject + '|' + r.text + '|' + (r.itemId || ''), r]));
  }

  function find(subject, text, itemId) {
    return translations.get(subject + '|' + text + '|' + (itemId || ''));
  }

  // The text as a node: the translation, or the original with its language named after it.
  function shown(subject, text, itemId, original) {
    const translated = find(subject, text, itemId);
    if (translated) return el('span', { class: 'translated', title: t('ui.translatedBy', { by: translated.providedBy }) }, translated.translation);
    if (language === 'en') return original;
    return el('span', { lang: 'en', class: 'original' }, original, ' ',
      el('small', { lang: language }, t('ui.inOriginal', { language: label('EN') })));
  }

  function plain(subject, text, itemId, original) {
    const translated = find(subject, text, itemId);
    return translated ? translated.translation : original;
  }

  return {
    load,
    title: row => shown('programme:' + row.programmeId, 'PROGRAMME_TITLE', null, row.title),
    titleText: row => plain('programme:' + row.programmeId, 'PROGRAMME_TITLE', null, row.title),
    request: item => shown('decision:' + item.decisionId, 'ACTION_ITEM_REQUEST', item.itemId, item.request),
    decision: (decisionId, text) => shown('decision:' + decisionId, 'DECISION_TEXT', null, text),
    summary: (programmeId, text) => shown('programme:' + programmeId, 'PLAN_SUMMARY', null, text)
  };
})();
