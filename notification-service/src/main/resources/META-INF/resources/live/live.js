// The live page: logs in with Keycloak (authorization code + PKCE, the realm's public client), shows the inbox,
// then keeps a WebSocket open and shows each new notification as it arrives. Plain JavaScript, no build step.
'use strict';

const TOKEN = 'downline.live.token';
const VERIFIER = 'downline.live.verifier';
const STATE = 'downline.live.state';
const redirectUri = location.origin + location.pathname;
let lastSequence = 0;
let unread = 0;

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

async function login(config) {
  const verifier = randomText();
  const state = randomText();
  sessionStorage.setItem(VERIFIER, verifier);
  sessionStorage.setItem(STATE, state);
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const query = new URLSearchParams({
    response_type: 'code', client_id: config.clientId, redirect_uri: redirectUri, scope: 'openid',
    state, code_challenge: challenge, code_challenge_method: 'S256'
  });
  location.assign(config.authServerUrl + '/protocol/openid-connect/auth?' + query);
}

async function exchange(config, params) {
  if (params.get('state') !== sessionStorage.getItem(STATE)) {
    throw new Error('The login answer does not match this page (state)');
  }
  const response = await fetch(config.authServerUrl + '/protocol/openid-connect/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', client_id: config.clientId, code: params.get('code'),
      redirect_uri: redirectUri, code_verifier: sessionStorage.getItem(VERIFIER)
    })
  });
  if (!response.ok) {
    throw new Error('Login failed: ' + response.status);
  }
  sessionStorage.removeItem(VERIFIER);
  sessionStorage.removeItem(STATE);
  const token = (await response.json()).access_token;
  sessionStorage.setItem(TOKEN, token);
  history.replaceState(null, '', redirectUri);
  return token;
}

function status(text) {
  document.getElementById('status').textContent = text;
}

function showUnread() {
  document.getElementById('unread').textContent = String(unread);
}

function render(n, fresh) {
  const item = document.createElement('li');
  item.dataset.sequence = n.sequence;
  item.dataset.type = n.notificationType || n.type;
  item.className = (n.read ? '' : 'unread') + (fresh ? ' fresh' : '');
  const title = document.createElement('div');
  title.className = 'title';
  title.textContent = n.title;
  const body = document.createElement('div');
  body.className = 'body';
  body.textContent = n.body;
  const meta = document.createElement('div');
  meta.className = 'meta';
  meta.textContent = '#' + n.sequence + ' · ' + new Date(n.createdAt).toLocaleString();
  item.append(title, body, meta);
  return item;
}

async function api(token, method, path) {
  const response = await fetch(path, { method, headers: { Authorization: 'Bearer ' + token } });
  if (response.status === 401) {
    sessionStorage.removeItem(TOKEN);
    throw new Error('Your session has ended; reload to log in again');
  }
  if (!response.ok) {
    throw new Error(method + ' ' + path + ': ' + response.status);
  }
  return response.json();
}

async function loadInbox(token) {
  const inbox = await api(token, 'GET', '/api/notifications?size=50');
  const list = document.getElementById('list');
  list.replaceChildren(...inbox.items.map(n => render(n, false)));
  lastSequence = inbox.lastSequence;
  unread = inbox.unread;
  showUnread();
}

function connect(token) {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(scheme + '//' + location.host + '/ws/notifications?after=' + lastSequence,
    ['bearer-token-carrier', encodeURIComponent('quarkus-http-upgrade#Authorization#Bearer ' + token)]);
  socket.onopen = () => status('live');
  socket.onmessage = message => {
    const frame = JSON.parse(message.data);
    if (frame.type === 'notification' && frame.room.startsWith('member:') && frame.sequence > lastSequence) {
      lastSequence = frame.sequence;
      unread += 1;
      showUnread();
      document.getElementById('list').prepend(render(frame, true));
    } else if (frame.type === 'error') {
      status('error: ' + frame.code);
    }
  };
  socket.onclose = event => {
    status('reconnecting (' + event.code + ')…');
    setTimeout(() => connect(token), 1000);
  };
}

async function main() {
  const config = await (await fetch('/live/config.json')).json();
  const params = new URLSearchParams(location.search);
  let token = sessionStorage.getItem(TOKEN);
  if (params.has('code')) {
    token = await exchange(config, params);
  }
  if (!token) {
    status('logging in…');
    await login(config);
    return;
  }
  document.getElementById('logout').onclick = () => {
    sessionStorage.removeItem(TOKEN);
    location.assign(config.authServerUrl + '/protocol/openid-connect/logout?client_id=' + config.clientId
      + '&post_logout_redirect_uri=' + encodeURIComponent(redirectUri));
  };
  const readAll = document.getElementById('read-all');
  readAll.disabled = false;
  readAll.onclick = async () => {
    await api(token, 'POST', '/api/notifications/read-all');
    await loadInbox(token);
  };
  await loadInbox(token);
  connect(token);
}

main().catch(error => status(error.message));
