// Writes graphql-js's standard introspection query (getIntrospectionQuery of
// the graphql version pinned in package.json), as GraphiQL, Apollo tooling and
// graphql-codegen send it, to the resolvers' test data:
//   node test/http/introspection.mjs   (from the repository root)
// default.graphql has the default options; full.graphql every option on,
// which nests as deep as the standard query goes.
import { writeFileSync } from 'node:fs';
import { getIntrospectionQuery, version } from 'graphql';

const dir = new URL('../../resolvers/testdata/introspection/', import.meta.url);
const header = `# getIntrospectionQuery(OPTIONS) of graphql ${version}; written by test/http/introspection.mjs.\n`;
const all = {
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
  oneOf: true,
};
writeFileSync(new URL('default.graphql', dir), header.replace('OPTIONS', '') + getIntrospectionQuery());
writeFileSync(new URL('full.graphql', dir), header.replace('OPTIONS', JSON.stringify(all)) + getIntrospectionQuery(all));
