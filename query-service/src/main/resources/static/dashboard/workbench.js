// The workbench: a form for each action the signed-in role may take now, built from the command's schema in the
// engine's OpenAPI document, sent with If-Match (the record's version) and an Idempotency-Key. A refusal is shown
// in the form with its rule and sentence; an accepted command shows up through the page's live stream.
const Workbench = (() => {
  const { el, label, t } = Cpm;

  function resolve(api, schema) {
    return schema && schema.$ref ? api.components.schemas[schema.$ref.split('/').pop()] : schema;
  }

  // Identifiers, references, names and titles are one line whatever their limit; longer texts get a box.
  const ONE_LINE = /(Id|Reference|Location|Article)$|^(title|name|expertise)$/;
  function prose(name, part) {
    return name === 'rationale' || ((part.maxLength || 0) > 200 && !ONE_LINE.test(name));
  }

  // One input per property; nested records become fieldsets; a list of texts is one line each.
  function fields(api, schema, path, fixed) {
    const object = resolve(api, schema);
    const required = object.required || [];
    return Object.entries(object.properties || {}).map(([name, property]) => {
      const key = path ? path + '.' + name : name;
      const part = resolve(api, property);
      const id = 'f-' + key.replaceAll('.', '-');
      if (fixed[key] !== undefined) return el('input', { type: 'hidden', name: key, value: fixed[key], 'data-kind': part.type });
      if (part.type === 'object' && part.properties) {
        return el('fieldset', {}, el('legend', {}, label(name)), ...fields(api, part, key, fixed));
      }
      const text = required.includes(name) ? label(name) : t('ui.form.optional', { field: label(name) });
      let input;
      if (part.enum) {
        const choices = part.enum.map(v => el('option', { value: v }, label(v)));
        input = el('select', { id, name: key }, ...(required.includes(name) ? choices : [el('option', { value: '' }, '-'), ...choices]));
      } else if (part.type === 'array' && resolve(api, part.items).type === 'object') {
        input = el('textarea', { id, name: key, rows: 6, 'data-kind': 'json', translate: 'no',
          placeholder: JSON.stringify([example(api, part.items)]) });
      } else if (part.type === 'array') {
        input = el('textarea', { id, name: key, rows: 3, 'data-kind': 'array', placeholder: t('ui.form.onePerLine') });
      } else if (part.type === 'number' || part.type === 'integer') {
        input = el('input', { id, name: key, type: 'number', step: part.type === 'integer' ? '1' : '0.01', 'data-kind': 'number' });
      } else if (part.format === 'date-time') {
        input = el('input', { id, name: key, placeholder: '2030-12-31T23:59:59Z', translate: 'no' });
      } else {
        input = el(prose(name, part) ? 'textarea' : 'input', { id, name: key, rows: 2 });
      }
      return el('div', { class: 'field' }, el('label', { for: id }, text), input);
    });
  }

  function body(form) {
    const result = {};
    Array.from(form.elements).filter(e => e.name).forEach(input => {
      const value = input.value.trim();
      if (value === '') return;
      const parts = input.name.split('.');
      let target = result;
      parts.slice(0, -1).forEach(p => (target = target[p] ??= {}));
      const kind = input.dataset.kind;
      target[parts[parts.length - 1]] = kind === 'number' || kind === 'integer' ? Number(value)
        : kind === 'array' ? value.split('\n').map(line => line.trim()).filter(Boolean)
        : kind === 'json' ? parseOrText(value) : value;
    });
    return result;
  }

  // A list of records is typed as JSON; what does not parse is sent as it is, for the engine to refuse by name.
  function parseOrText(value) {
    try { return JSON.parse(value); } catch (e) { return value; }
  }

  // The shape of a record as a hint: each property with an empty value of its type.
  function example(api, schema) {
    const object = resolve(api, schema);
    return Object.fromEntries(Object.entries(object.properties || {}).map(([name, property]) => {
      const part = resolve(api, property);
      return [name, part.type === 'array' ? [part.items && resolve(api, part.items).type === 'object' ? example(api, part.items) : '']
        : part.type === 'object' ? example(api, part) : part.type === 'number' || part.type === 'integer' ? 0 : ''];
    }));
  }

  // The page's last outcome, kept above the forms: an accepted command may change which forms the page shows.
  function last(command, outcome, text) {
    let node = document.getElementById('last-outcome');
    if (!node) {
      node = el('p', { id: 'last-outcome', role: 'status' });
      document.getElementById('workbench').before(node);
    }
    node.dataset.command = command;
    node.dataset.outcome = outcome;
    node.className = outcome;
    node.textContent = text;
  }

  // The rule named once, in the title ("Refused by rule D1"), the detail (in the page's language: the request asked
  // for it with Accept-Language) without it.
  function refusal(problem) {
    const rule = problem.rule;
    const title = rule ? t('ui.form.refusedBy', { rule }) : t('ui.form.refused', { status: problem.status });
    const detail = rule ? (problem.detail || '').replaceAll(rule + ': ', '') : problem.detail || '';
    return el('div', { class: 'refusal', role: 'alert' },
      el('strong', {}, title + (detail ? ':' : '')), ' ', detail,
      problem.errors ? el('ul', {}, ...problem.errors.map(e => el('li', {}, e.path + ': ' + e.message))) : '');
  }

  // actions: [{ command, roles }]; fixed: values the page knows (programmeId, sessionId); version(): the version of
  // the record as the page shows it now, sent as If-Match.
  async function render(container, actions, fixed, version, onDone = () => {}) {
    const [me, api] = await Promise.all([Cpm.me(), Cpm.openApi()]);
    const mine = actions.filter(a => me.commands.includes(a.command));
    if (!mine.length) {
      container.replaceChildren(el('p', { class: 'none' }, t('ui.form.noAction', { role: label(me.role) })));
      return;
    }
    container.replaceChildren(...mine.map(action => {
      const operation = api.paths['/api/commands/' + action.command].post;
      const schema = operation.requestBody.content['application/json'].schema;
      const form = el('form', { class: 'action', 'data-command': action.command },
        ...fields(api, schema, '', fixed),
        el('label', { for: 'f-took-place-on-' + action.command }, t('ui.form.tookPlaceOn')),
        el('input', { type: 'date', id: 'f-took-place-on-' + action.command, class: 'took-place-on' }),
        el('button', { type: 'submit' }, label(action.command)), el('div', { class: 'outcome' }));
      form.addEventListener('submit', async event => {
        event.preventDefault();
        last(action.command, 'pending', '');
        const answer = await Cpm.command(action.command, body(form), version(),
          form.querySelector('.took-place-on').value);
        form.querySelector('.outcome').replaceChildren(answer.ok
          ? el('p', { class: 'accepted', role: 'status' }, t('ui.form.done', { version: answer.body.version }))
          : refusal(answer.body));
        if (answer.ok) onDone();
        last(action.command, answer.ok ? 'accepted' : 'refused', answer.ok
          ? t('ui.form.lastDone', { command: label(action.command), record: answer.body.aggregateId, version: answer.body.version })
          : t('ui.form.lastRefused', { command: label(action.command), rule: answer.body.rule || '-', detail: answer.body.detail || '' }));
      });
      return el('details', { 'data-command': action.command },
        el('summary', {}, label(action.command) + ' - ' + t('summary.' + action.command)), form);
    }));
  }

  return { render };
})();
