/**
 * Code put inside an HTML `<script>` element, unchanged in meaning.
 *
 * The HTML parser reads a script element's text raw and hands it to the
 * JavaScript engine as it is, with two exceptions: `</script` (any case) ends
 * the element early, and `<!--` followed later by `<script` puts the parser in
 * a state where the real `</script>` no longer ends it. So the text must contain
 * none of `</script`, `<script` and `<!--` (case-insensitively): then the parser
 * stays in its plain script state up to our closing tag. (It also turns NUL into
 * U+FFFD, so a NUL is refused; esbuild writes none.)
 *
 * A minifier writes those sequences only inside string, template and regular
 * expression literals. This module finds the literals with the TypeScript
 * parser and writes each affected one another way that has the same value:
 *
 *   "a</script>"   →  "a\x3C/script>"     a string, or a template without a tag: `\x3C`
 *                                          is U+003C, the same character as `<` or `\<`
 *   /<!--/u        →   new RegExp("\x3C!--","u")
 *                                          the same pattern text, so the same matches,
 *                                          `source` and `flags`, a new object each
 *                                          evaluation as a literal gives
 *
 * Anything it cannot rewrite with certainty stops the build with an error
 * instead: a sequence outside a literal, in a tagged template (whose tag can
 * read the raw text), or a regular expression in code that rebinds `RegExp`
 * or uses `with`.
 */
import ts from 'typescript';

/** The sequences the HTML parser reacts to inside a script element. */
const FORBIDDEN = /<\/script|<script|<!--/gi;

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Offsets (relative to `text`) where a forbidden sequence starts. */
function forbiddenAt(text: string): number[] {
  const found: number[] = [];
  const pattern = new RegExp(FORBIDDEN.source, 'gi');
  // Overlapping starts are impossible (each begins with '<' and none contains another '<').
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) found.push(m.index);
  return found;
}

function describe(code: string, at: number): string {
  const line = code.slice(0, at).split('\n').length;
  const near = code.slice(Math.max(0, at - 30), at + 30).replace(/\s+/g, ' ');
  return `line ${line}, near "${near}"`;
}

/**
 * Escapes in the body of a string literal or an untagged template: each `<`
 * that starts a forbidden sequence becomes `\x3C`. A `<` is either a plain
 * character or the identity escape `\<`; both mean U+003C, as does `\x3C`.
 */
function escapeQuoted(raw: string, from: number, to: number): Edit[] {
  const edits: Edit[] = [];
  const starts = new Set(forbiddenAt(raw.slice(from, to)).map((i) => i + from));
  for (let i = from; i < to; i++) {
    if (raw[i] === '\\') {
      if (raw[i + 1] === '<' && starts.has(i + 1)) edits.push({ start: i, end: i + 2, text: '\\x3C' });
      i++; // the escaped character is never the start of an escape itself
      continue;
    }
    if (raw[i] === '<' && starts.has(i)) edits.push({ start: i, end: i + 1, text: '\\x3C' });
  }
  return edits;
}

/** A double-quoted string literal whose value is `text`, with no `<` and only printable ASCII in it. */
function quote(text: string): string {
  return `"${text.replace(/[\\"<]|[^\x20-\x7e]/g, (c) => {
    if (c === '\\' || c === '"') return `\\${c}`;
    if (c === '<') return '\\x3C';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  })}"`;
}

/**
 * A regular expression literal as the same regular expression built at run time:
 * `/body/flags` evaluates to a new RegExp with pattern text `body` and these
 * flags, which is what `new RegExp("body", "flags")` gives.
 */
function regexConstructor(literal: string): string {
  const close = literal.lastIndexOf('/');
  // The leading space keeps `return/x/` from becoming `returnnew`.
  return ` new RegExp(${quote(literal.slice(1, close))},${quote(literal.slice(close + 1))})`;
}

/** Why `RegExp` might not be the built-in where a literal stood: the code binds or assigns the name, or uses `with`. */
function regExpTampering(file: ts.SourceFile): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isWithStatement(node)) found = node;
    else if (ts.isIdentifier(node) && node.text === 'RegExp') {
      const parent = node.parent;
      const named = (parent as { name?: ts.Node }).name === node;
      const declares =
        named &&
        (ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isFunctionDeclaration(parent) || ts.isFunctionExpression(parent) ||
          ts.isClassDeclaration(parent) || ts.isClassExpression(parent) || ts.isBindingElement(parent) || ts.isImportSpecifier(parent) ||
          ts.isNamespaceImport(parent) || ts.isImportClause(parent));
      const target = ts.isPropertyAccessExpression(parent) && parent.name === node ? parent : node;
      const assigns =
        ts.isBinaryExpression(target.parent) &&
        target.parent.left === target &&
        target.parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
        target.parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
      if (declares || assigns) found = node;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** Whether a template part belongs to a tagged template (whose tag can read the raw text). */
function isTagged(node: ts.Node): boolean {
  // A whole template: the literal itself, or the TemplateExpression around a head (its parent) or a middle or tail (in a span).
  const whole = ts.isNoSubstitutionTemplateLiteral(node) ? node : ts.isTemplateHead(node) ? node.parent : node.parent.parent;
  return ts.isTaggedTemplateExpression(whole.parent) && whole.parent.template === whole;
}

/**
 * The code, changed only where a literal spells `</script`, `<script` or `<!--`,
 * so it can sit inside `<script>...</script>` and run exactly as it would from a file.
 * Throws when that cannot be done without changing what the code does.
 */
export function inlineScript(code: string): string {
  if (code.includes('\0')) throw new Error('inlineScript: the code holds a NUL character, which the HTML parser would replace');
  if (forbiddenAt(code).length === 0) return code;

  const file = ts.createSourceFile('inline.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const edits: Edit[] = [];
  /** Looked for once, on the first regular expression that needs rebuilding. */
  let tampering: ts.Node | null | undefined;
  const visit = (node: ts.Node): void => {
    const isTemplatePart =
      ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node);
    if (ts.isStringLiteral(node) || isTemplatePart || ts.isRegularExpressionLiteral(node)) {
      const start = node.getStart(file);
      const raw = code.slice(start, node.end);
      if (forbiddenAt(raw).length > 0) {
        if (ts.isRegularExpressionLiteral(node)) {
          if (tampering === undefined) tampering = regExpTampering(file) ?? null;
          if (tampering) {
            throw new Error(
              `inlineScript: a regular expression spells "</script", "<script" or "<!--", and this code rebinds RegExp or uses with, so it cannot be rebuilt with new RegExp (${describe(code, tampering.getStart(file))})`,
            );
          }
          edits.push({ start, end: node.end, text: regexConstructor(raw) });
        } else if (isTemplatePart && isTagged(node)) {
          throw new Error(
            `inlineScript: a tagged template spells "</script", "<script" or "<!--"; its tag can read the raw text, so it cannot be escaped (${describe(code, start)})`,
          );
        } else {
          // One quote, backtick or `}` opens the body; a quote, a backtick or `${` closes it.
          const close = ts.isTemplateHead(node) || ts.isTemplateMiddle(node) ? 2 : 1;
          edits.push(...escapeQuoted(raw, 1, raw.length - close).map((e) => ({ ...e, start: e.start + start, end: e.end + start })));
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);

  let result = code;
  for (const edit of edits.sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  const left = forbiddenAt(result);
  if (left.length > 0) {
    throw new Error(
      `inlineScript: "${result.slice(left[0], left[0] + 8)}" appears outside a string, template or regular expression, so it cannot be escaped without changing the script (${describe(result, left[0])})`,
    );
  }
  return result;
}
