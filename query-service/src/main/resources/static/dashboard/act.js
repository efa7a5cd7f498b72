// Every command the signed-in role may issue, as forms; query parameters (programmeId, sessionId, roundId, …) fill in
// and fix the fields they name, and ?command= opens that one.
Cpm.start(async () => {
  document.getElementById('page').hidden = false;
  const params = new URLSearchParams(location.search);
  const fixed = Object.fromEntries(Array.from(params.entries()).filter(([name]) => name !== 'command'));
  const me = await Cpm.me();
  await Workbench.render(document.getElementById('workbench'), me.commands.map(command => ({ command })), fixed, () => null);
  const wanted = params.get('command');
  if (wanted) {
    const details = document.querySelector("details[data-command='" + CSS.escape(wanted) + "']");
    if (details) details.open = true;
  }
  Cpm.status(Cpm.t('ui.ready'));
});
