// A firm's app for the tests, on Node.js, from another family of OpenID Connect clients than
// Payara's: it signs its users in through the portal with openid-client (a certified relying
// party library), as a public app (no secret, PKCE S256), and checks the portal's back-channel
// logout tokens with jose against the published keys. Settings come from the environment:
// ISSUER (the portal), CLIENT_ID, PORT, and ACR (the level it asks for, if any).
import http from 'node:http';
import crypto from 'node:crypto';
import * as client from 'openid-client';
import { createRemoteJWKSet, jwtVerify } from 'jose';

const issuer = process.env.ISSUER;
const clientId = process.env.CLIENT_ID;
const port = Number(process.env.PORT);
const acr = process.env.ACR;
const base = `http://127.0.0.1:${port}`;
const redirectUri = `${base}/callback`;
const LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

const config = await client.discovery(new URL(issuer), clientId, undefined, client.None(), {
  execute: [client.allowInsecureRequests],
});
const keys = createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri));

const sessions = new Map(); // cookie -> { pending | claims, userinfo }
const endedSids = new Set();
const received = [];

function page(response, status, title, body) {
  response.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
  response.end(
    `<!DOCTYPE html><html lang="en"><head><title>${title}</title></head>` +
      `<body><main><h1>${title}</h1>${body}</main></body></html>`,
  );
}

function escape(value) {
  return String(value).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function session(request, response) {
  const cookie = /(?:^|;\s*)app=([^;]+)/.exec(request.headers.cookie || '');
  if (cookie && sessions.has(cookie[1])) {
    return { id: cookie[1], data: sessions.get(cookie[1]) };
  }
  const id = crypto.randomBytes(24).toString('base64url');
  sessions.set(id, {});
  response.setHeader('Set-Cookie', `app=${id}; Path=/; HttpOnly; SameSite=Lax`);
  return { id, data: sessions.get(id) };
}

async function signIn(response, data) {
  const verifier = client.randomPKCECodeVerifier();
  data.pending = {
    verifier,
    state: client.randomState(),
    nonce: client.randomNonce(),
  };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid email profile',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state: data.pending.state,
    nonce: data.pending.nonce,
    ...(acr ? { acr_values: acr } : {}),
  });
  response.writeHead(302, { Location: url.href });
  response.end();
}

async function handle(request, response) {
  const url = new URL(request.url, base);
  if (url.pathname === '/backchannel' && request.method === 'POST') {
    let body = '';
    for await (const chunk of request) body += chunk;
    try {
      const token = new URLSearchParams(body).get('logout_token');
      const { payload } = await jwtVerify(token, keys, {
        issuer: config.serverMetadata().issuer,
        audience: clientId,
        typ: 'logout+jwt',
        algorithms: ['ES256'],
        requiredClaims: ['iat', 'jti', 'sid', 'events'],
      });
      if (payload.nonce !== undefined || !payload.events || !(LOGOUT_EVENT in payload.events)) {
        throw new Error('not a logout token');
      }
      endedSids.add(payload.sid);
      received.push(payload.sid);
      response.writeHead(200, { 'Cache-Control': 'no-store' });
      response.end();
    } catch (refused) {
      response.writeHead(400);
      response.end();
    }
    return;
  }
  if (url.pathname === '/backchannel') {
    page(response, 200, 'Sign-outs', `<pre>${received.map(escape).join('\n')}</pre>`);
    return;
  }
  const { data } = session(request, response);
  if (url.pathname === '/callback') {
    if (!data.pending) {
      page(response, 400, 'No sign-in under way', '');
      return;
    }
    const pending = data.pending;
    delete data.pending;
    const tokens = await client.authorizationCodeGrant(config, url, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    data.claims = tokens.claims();
    data.userinfo = await client.fetchUserInfo(config, tokens.access_token, data.claims.sub);
    response.writeHead(302, { Location: `${base}/claims` });
    response.end();
    return;
  }
  if (url.pathname === '/claims') {
    if (data.claims && endedSids.has(data.claims.sid)) {
      delete data.claims; // signed out by the portal: sign in again
    }
    if (!data.claims) {
      await signIn(response, data);
      return;
    }
    const shown = { ...data.claims, 'userinfo-email': data.userinfo.email };
    const rows = ['sub', 'email', 'name', 'amr', 'acr', 'sid', 'auth_time', 'userinfo-email']
      .map((k) => `<dt>${k}</dt><dd id="${k}">${escape(shown[k])}</dd>`)
      .join('');
    page(response, 200, 'Invoices of the firm', `<dl>${rows}</dl>`);
    return;
  }
  page(response, 404, 'Not found', '');
}

http
  .createServer((request, response) => {
    handle(request, response).catch((error) => {
      console.error(error);
      if (!response.headersSent) {
        page(response, 500, 'The app failed', `<pre>${escape(error.message)}</pre>`);
      }
    });
  })
  .listen(port, '127.0.0.1', () => console.log(`ready on ${base}`));
