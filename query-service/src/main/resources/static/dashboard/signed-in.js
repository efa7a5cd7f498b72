// The end of the OpenID Connect sign-in (authorization code with PKCE): the provider sent the browser back here with
// a code; it is exchanged for a token at the provider, which the dashboard then sends as a bearer token.
(async () => {
  await Cpm.loadMessages();
  const params = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem('cpm.oidc') || 'null');
  const message = document.getElementById('message');
  sessionStorage.removeItem('cpm.oidc');
  if (!pending || params.get('state') !== pending.state || !params.get('code')) {
    message.textContent = Cpm.t('ui.signedIn.lost', { reason: params.get('error') || 'state' });
    return;
  }
  const response = await fetch(pending.tokenUri, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: params.get('code'),
      redirect_uri: pending.redirectUri, client_id: pending.clientId, code_verifier: pending.verifier })
  });
  const token = await response.json();
  if (!response.ok || !token.access_token) {
    message.textContent = Cpm.t('ui.signedIn.refused', { reason: token.error || response.status });
    return;
  }
  sessionStorage.setItem('cpm.authorization', 'Bearer ' + token.access_token);
  location.replace(pending.returnTo || '/dashboard/');
})();
