'use strict';

// Just enough of AWS's request signing and credential chain for the worker's SQS calls, so the image needs
// no SDK (and no dependency to pin, audit and update).
const crypto = require('node:crypto');

const sha256 = (data) => crypto.createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key, data) => crypto.createHmac('sha256', key).update(data, 'utf8').digest();
// RFC 3986 unreserved characters stay; everything else is percent-encoded, as Signature Version 4 requires.
const encode = (text) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Headers signing a request with AWS Signature Version 4 ("Create a signed AWS API request", AWS IAM user
 * guide): `headers` plus X-Amz-Date, X-Amz-Security-Token (temporary credentials) and Authorization.
 * Signs the path as given, which is right for the services this worker calls (path "/"), not for S3.
 */
function signRequest({ method, url, headers = {}, body = '', region, service, credentials, now = new Date() }) {
  const target = new URL(url);
  const amzDate = now.toISOString().replace(/[-:]|\.\d{3}/g, '');
  const day = amzDate.slice(0, 8);
  const extra = { 'X-Amz-Date': amzDate, ...(credentials.sessionToken ? { 'X-Amz-Security-Token': credentials.sessionToken } : {}) };
  const canonical = new Map([['host', target.host]]);
  for (const [name, value] of Object.entries({ ...headers, ...extra })) canonical.set(name.toLowerCase(), String(value).trim().replace(/\s+/g, ' '));
  const names = [...canonical.keys()].sort();
  const signedHeaders = names.join(';');
  const query = [...target.searchParams]
    .map(([k, v]) => [encode(k), encode(v)])
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonicalRequest = [method, target.pathname || '/', query, names.map((n) => `${n}:${canonical.get(n)}\n`).join(''), signedHeaders, sha256(body)].join('\n');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  const key = [day, region, service, 'aws4_request'].reduce((k, part) => hmac(k, part), `AWS4${credentials.secretAccessKey}`);
  const signature = crypto.createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
  return {
    ...headers,
    ...extra,
    Authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}

/** The ECS agent's credentials endpoint for the task role (set by ECS when the task has one). */
const ECS_CREDENTIALS_HOST = 'http://169.254.170.2';

/**
 * A function returning the task's AWS credentials: from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY
 * (/ AWS_SESSION_TOKEN), else from the container credentials endpoint ECS names in
 * AWS_CONTAINER_CREDENTIALS_RELATIVE_URI (or _FULL_URI with AWS_CONTAINER_AUTHORIZATION_TOKEN), cached until
 * a minute before they expire. Throws at once, naming the variables, when the environment offers none.
 */
function credentialsFrom(env, fetchImpl = fetch) {
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
    const fixed = { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, sessionToken: env.AWS_SESSION_TOKEN || undefined };
    return async () => fixed;
  }
  const endpoint = env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI
    ? `${ECS_CREDENTIALS_HOST}${env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI}`
    : env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
  if (!endpoint) {
    throw new Error('no AWS credentials: the task needs a task role (ECS then sets AWS_CONTAINER_CREDENTIALS_RELATIVE_URI), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
  }
  let cached;
  return async (signal) => {
    if (cached && cached.renewAt > Date.now()) return cached.credentials;
    const headers = env.AWS_CONTAINER_AUTHORIZATION_TOKEN ? { Authorization: env.AWS_CONTAINER_AUTHORIZATION_TOKEN } : {};
    const res = await fetchImpl(endpoint, { headers, signal });
    if (!res.ok) throw new Error(`container credentials endpoint answered ${res.status}`);
    const body = await res.json();
    const credentials = { accessKeyId: body.AccessKeyId, secretAccessKey: body.SecretAccessKey, sessionToken: body.Token };
    const expires = Date.parse(body.Expiration);
    cached = { credentials, renewAt: Number.isNaN(expires) ? 0 : expires - 60_000 };
    return credentials;
  };
}

module.exports = { credentialsFrom, signRequest };
