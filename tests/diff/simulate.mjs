// simulate.mjs - runs @cloud-copilot/iam-simulate as an external oracle.
//
// Reads JSON lines on standard input and writes one JSON line per case on
// standard output. Input lines are either
//   {"type":"policy","id":N,"doc":{...policy document...}}
// which defines policy N for later cases, or
//   {"type":"case","id":N,"identity":[ids],"resource":id|null,
//    "boundary":id|null,"scps":[ids],"rcps":[ids],"session":id|null,
//    "request":{"principal":ARN|null,"action":A,"resource":ARN,
//               "resourceAccount":ID,"context":{key:string|[strings]}}}
// Output lines are {"id":N,"result":"Allowed"|"ExplicitlyDenied"|
// "ImplicitlyDenied"|"error","error":MESSAGE}.
//
// The package is AGPL-licensed: it is installed at test time (never
// vendored) and only run as this separate program. Its core engine is
// called directly so that session policies are honoured and the request is
// not validated against the service catalog.

import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const moduleDir = process.env.IAM_SIMULATE_DIR ||
  path.join(path.dirname(new URL(import.meta.url).pathname), 'node_modules');
const pkg = path.join(moduleDir, '@cloud-copilot', 'iam-simulate', 'dist', 'esm');
const { authorize } = await import(
  pathToFileURL(path.join(pkg, 'core_engine', 'CoreSimulatorEngine.js')).href);
const { AwsRequestImpl } = await import(
  pathToFileURL(path.join(pkg, 'request', 'request.js')).href);
const { RequestContextImpl } = await import(
  pathToFileURL(path.join(pkg, 'requestContext.js')).href);
const { DiscoveryContextKeyConstraints } = await import(
  pathToFileURL(path.join(pkg, 'context_keys', 'discoveryContextKeyConstraints.js')).href);
const { loadPolicy } = await import(pathToFileURL(path.join(
  moduleDir, '@cloud-copilot', 'iam-policy', 'dist', 'esm', 'index.js')).href);

const policies = new Map();
const out = [];
const flush = () => {
  if (out.length) {
    process.stdout.write(out.join('\n') + '\n');
    out.length = 0;
  }
};

// Policies are loaded once and reused by every case that names them.
const loaded = new Map();
function get(id, name) {
  let p = loaded.get(id);
  if (p === undefined) {
    const doc = policies.get(id);
    if (doc === undefined) throw new Error(`unknown policy ${id}`);
    p = loadPolicy(doc, { name: `policy-${id}` });
    loaded.set(id, p);
  }
  return p;
}

function runCase(c) {
  const r = c.request;
  const principal = r.principal ? r.principal : { type: 'Anonymous' };
  const request = new AwsRequestImpl(principal,
    { resource: r.resource, accountId: r.resourceAccount },
    r.action, new RequestContextImpl(r.context || {}));
  const levels = (ids, kind) => (ids || []).map((id, i) => ({
    orgIdentifier: `${kind}-${i}`, policies: [get(id, `${kind}-${i}`)] }));
  const analysis = authorize({
    request,
    sessionPolicy: c.session != null ? get(c.session, 'session') : undefined,
    identityPolicies: (c.identity || []).map((id, i) => get(id, `identity-${i}`)),
    serviceControlPolicies: levels(c.scps, 'scp'),
    resourceControlPolicies: levels(c.rcps, 'rcp'),
    resourcePolicy: c.resource != null ? get(c.resource, 'resource') : undefined,
    permissionBoundaries: c.boundary != null ? [get(c.boundary, 'boundary')] : undefined,
    vpcEndpointPolicies: undefined,
    simulationParameters: {
      simulationMode: 'Strict',
      discoveryContextKeyConstraints: new DiscoveryContextKeyConstraints([]),
    },
    serviceSettings: { s3: { blockPublicAccess: false } },
  });
  return analysis.result;
}

// The time spent deciding cases (policies loaded on first use included), for
// the benchmark; start-up and reading input are not counted.
let caseMs = 0;
let cases = 0;
const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  if (!line.trim()) continue;
  let msg;
  try {
    msg = JSON.parse(line);
  } catch (e) {
    out.push(JSON.stringify({ id: null, result: 'error', error: `bad JSON: ${e.message}` }));
    continue;
  }
  if (msg.type === 'policy') {
    policies.set(msg.id, msg.doc);
    continue;
  }
  const t0 = performance.now();
  try {
    const result = runCase(msg);
    caseMs += performance.now() - t0;
    ++cases;
    out.push(JSON.stringify({ id: msg.id, result }));
  } catch (e) {
    caseMs += performance.now() - t0;
    out.push(JSON.stringify({ id: msg.id, result: 'error', error: String(e && e.message || e) }));
  }
  if (out.length >= 1000) flush();
}
out.push(JSON.stringify({ type: 'stats', cases, ms: caseMs }));
flush();
