// The GraphQL-over-HTTP audit of graphql-http (pinned in package.json),
// run against a live server: node audit.mjs http://127.0.0.1:8080/graphql
// (or LATTICE_AUDIT_URL). Prints every audit and a summary line
// "N passed, M failed"; exits 1 unless every audit passed, 2 on a fatal error.
import { auditServer } from 'graphql-http';

const url = process.argv[2] || process.env.LATTICE_AUDIT_URL;
if (!url) {
  console.error('usage: node audit.mjs <graphql url> (or set LATTICE_AUDIT_URL)');
  process.exit(2);
}

try {
  const results = await auditServer({ url });
  let failed = 0;
  for (const r of results) {
    if (r.status === 'ok') {
      console.log(`ok    ${r.id} ${r.name}`);
      continue;
    }
    failed++;
    console.log(`${r.status.padEnd(5)} ${r.id} ${r.name}: ${r.reason}`);
  }
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
} catch (err) {
  console.error(`audit could not run against ${url}: ${err && err.stack ? err.stack : err}`);
  process.exit(2);
}
