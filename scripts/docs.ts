/** npm run docs: regenerates docs/functions.md and the README's function table from the specs. */
import { readFileSync, writeFileSync } from 'node:fs';
import { FUNCTIONS } from '../core';
import { renderFunctionsDoc, withReadmeTable } from './docs/reference';

writeFileSync('docs/functions.md', renderFunctionsDoc(FUNCTIONS));
writeFileSync('README.md', withReadmeTable(readFileSync('README.md', 'utf8'), FUNCTIONS));
console.log(`docs/functions.md and README.md list ${FUNCTIONS.length} functions`);
