// node structured_data_check.mjs VOCABULARY.jsonld PAGE.html [PAGE.html...]
// Prints {"PAGE.html": ["SEVERITY<TAB>type<TAB>message", ...], ...}; exits 1 when any issue is an error.
import { readFileSync } from 'fs';
import Validator from '@adobe/structured-data-validator';
import WebAutoExtractor from '@marbec/web-auto-extractor';

const [vocabularyPath, ...pages] = process.argv.slice(2);
const validator = new Validator(JSON.parse(readFileSync(vocabularyPath, 'utf8')));
const report = {};
let errors = 0;
for (const page of pages) {
  const data = new WebAutoExtractor({ addLocation: true, embedSource: ['rdfa', 'microdata'] })
    .parse(readFileSync(page, 'utf8'));
  const issues = await validator.validate(data);
  errors += issues.filter((issue) => issue.severity === 'ERROR').length;
  report[page] = issues.map((issue) => `${issue.severity}\t${issue.rootType ?? ''}\t${issue.issueMessage}`);
}
console.log(JSON.stringify(report));
process.exit(errors ? 1 : 0);
