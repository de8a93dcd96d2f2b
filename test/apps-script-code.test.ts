/**
 * The text of the built Code.js, parsed with the TypeScript compiler: what
 * Apps Script sees (top-level function declarations and their JSDoc), and
 * that loading the file does no work.
 */
import ts from 'typescript';
import { FUNCTIONS } from '../core/registry';
import { fakeAppsScript } from './support/apps-script-fakes';
import { builtFile, loadCode } from './support/apps-script-load';

const code = builtFile('Code.js');
const file = ts.createSourceFile('Code.js', code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS);

const declarations = new Map<string, ts.FunctionDeclaration>();
for (const statement of file.statements) {
  if (ts.isFunctionDeclaration(statement) && statement.name) declarations.set(statement.name.text, statement);
}

function jsdocOf(node: ts.Node): ts.JSDoc | undefined {
  const docs = (node as { jsDoc?: ts.JSDoc[] }).jsDoc;
  return docs?.[docs.length - 1];
}

function commentText(comment: string | ts.NodeArray<ts.JSDocComment> | undefined): string {
  if (comment === undefined) return '';
  return (typeof comment === 'string' ? comment : comment.map((part) => part.text).join('')).replace(/\s+/g, ' ').trim();
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

describe.each(FUNCTIONS.map((spec) => [spec.name, spec] as const))('custom function %s in Code.js', (name, spec) => {
  const declaration = declarations.get(name);
  const doc = declaration && jsdocOf(declaration);
  const tags: readonly ts.JSDocTag[] = doc?.tags ?? [];

  it('is a top-level function declaration with the spec parameter names, in order', () => {
    expect(declaration).toBeDefined();
    expect(declaration!.parameters.map((p) => p.name.getText(file))).toEqual(spec.params.map((p) => p.name));
  });

  it('has JSDoc with the summary, @customfunction and @return', () => {
    expect(normalise(commentText(doc?.comment))).toBe(normalise(spec.summary));
    expect(tags.filter((tag) => tag.tagName.text === 'customfunction')).toHaveLength(1);
    const returns = tags.filter((tag): tag is ts.JSDocReturnTag => ts.isJSDocReturnTag(tag));
    expect(returns).toHaveLength(1);
    expect(returns[0].typeExpression).toBeDefined();
    expect(commentText(returns[0].comment)).not.toBe('');
  });

  it('documents every parameter: type, name (optional ones in brackets, with the default) and description', () => {
    const params = tags.filter((tag): tag is ts.JSDocParameterTag => ts.isJSDocParameterTag(tag));
    expect(params.map((tag) => tag.name.getText(file))).toEqual(spec.params.map((p) => p.name));
    spec.params.forEach((param, i) => {
      const tag = params[i];
      expect({ name: param.name, bracketed: tag.isBracketed }).toEqual({ name: param.name, bracketed: param.optional });
      expect(tag.typeExpression).toBeDefined();
      const description = commentText(tag.comment);
      expect(description).toContain(normalise(param.description));
      if (param.optional && param.defaultValue !== undefined) {
        expect(description).toMatch(new RegExp(`default "?${String(param.defaultValue).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"?`, 'i'));
      }
    });
  });
});

describe('Code.js as a whole', () => {
  it('holds only the bundle variable and function declarations at top level (no start-up work)', () => {
    const kinds = file.statements.map((statement) => {
      if (ts.isFunctionDeclaration(statement)) return 'function';
      if (ts.isVariableStatement(statement)) {
        return `var ${statement.declarationList.declarations.map((d) => d.name.getText(file)).join(',')}`;
      }
      if (ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression)) return 'directive';
      return ts.SyntaxKind[statement.kind];
    });
    expect(kinds.filter((kind) => kind !== 'function' && kind !== 'directive')).toEqual(['var SalesOps']);
  });

  it('touches no Apps Script service while loading', () => {
    const fake = fakeAppsScript({ timeZone: 'Pacific/Auckland' });
    loadCode(fake, code);
    expect(fake.log).toEqual([]);
  });

  it('declares the triggers, menu items and sidebar calls as top-level functions', () => {
    for (const name of ['onOpen', 'onInstall', 'showSidebar', 'salesopsListSheets', 'salesopsReadSelection', 'salesopsInsertTemplate']) {
      expect({ name, declared: declarations.has(name) }).toEqual({ name, declared: true });
    }
    // Every menu item calls a function that exists at top level (else Sheets says "Script function not found").
    const fake = fakeAppsScript({ timeZone: 'Etc/UTC' });
    loadCode(fake, code).run('onOpen', { authMode: 'FULL' });
    const handlers = fake.ui.menus.flatMap((menu) => menu.items).flatMap((item) => (item === 'separator' ? [] : [item.functionName]));
    expect(handlers.length).toBeGreaterThanOrEqual(3);
    for (const handler of handlers) expect({ handler, declared: declarations.has(handler) }).toEqual({ handler, declared: true });
  });

  // The size stands for what Sheets pays on every batch of calls: evaluating the file, which
  // `npm run bench -- codejs` times against 5 ms (0.5 ms at 122 KB). The server holds every
  // template's fields, checks and sheet builder, because it checks each request again.
  it('is at most 160 KB', () => {
    expect(Buffer.byteLength(code, 'utf8')).toBeLessThanOrEqual(160 * 1024);
  });
});
