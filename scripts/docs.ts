/** npm run docs: regenerates docs/functions.md, docs/templates.md and the README's function table from the declarations. */
import { readFileSync, writeFileSync } from 'node:fs';
import { FUNCTIONS } from '../core';
import { TEMPLATES } from '../core/templates';
import { renderFunctionsDoc, withReadmeTable } from './docs/reference';
import { renderTemplatesDoc } from './docs/templates';

writeFileSync('docs/functions.md', renderFunctionsDoc(FUNCTIONS));
writeFileSync('README.md', withReadmeTable(readFileSync('README.md', 'utf8'), FUNCTIONS));
console.log(`docs/functions.md and README.md list ${FUNCTIONS.length} functions`);
writeFileSync('docs/templates.md', renderTemplatesDoc(TEMPLATES));
console.log(`docs/templates.md lists ${TEMPLATES.length} templates`);
