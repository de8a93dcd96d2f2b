/**
 * The territory designer's card: the accounts from a table in the workbook
 * (its columns guessed from the headers), the importance of each balance
 * column, the territories and the tolerance; Run computes a scenario (off the
 * UI thread where the host can, with progress and Cancel), the last three runs
 * stay side by side with their figures, and Insert writes the chosen one.
 */
import { columnName } from '../../core/a1';
import { type TemplateDefinition, checkTemplate } from '../../core/templates';
import type { FieldProblem, FieldValues } from '../../core/templates/fields';
import type { MeasureRow, ScenarioResult } from '../../core/templates/territory/scenario';
import { currentLocale, declaredText, text } from '../../ui/messages';
import { parseLocalNumber } from '../../ui/number-input';
import { sheetWords } from '../../ui/sheet-words';
import { el, errorMessage, uniqueId } from '../dom';
import { renderFieldForm } from '../field-form';
import type { Host } from '../host';
import { CANCELLED, runInPage } from './runner';
import { giniText, movedText, percentText, scenarioView } from './scenario-view';

/** Runs kept side by side. */
const KEPT = 3;

interface Scenario {
  readonly n: number;
  /** The values it ran with, as the request Insert sends. */
  readonly values: FieldValues;
  readonly names: readonly string[];
  readonly result: ScenarioResult;
}

/** The example accounts' balance columns and importance (60% potential, 40% account count). */
const exampleMeasures = (): MeasureRow[] => [
  { name: sheetWords('templateSheet.territory.example.potential'), importance: 60 },
  { name: sheetWords('templateSheet.territory.example.accounts'), importance: 40 },
];

export function territoryDesigner(definition: TemplateDefinition, host: Host): HTMLElement {
  const titleId = uniqueId('so-template');
  const card = el('section', { className: 'so-card', attrs: { 'aria-labelledby': titleId, 'data-template': definition.id } });
  card.append(
    el('h2', { className: 'so-card-title', text: declaredText(definition.title), attrs: { id: titleId } }),
    el('p', { className: 'so-card-text', text: declaredText(definition.description) }),
  );

  // The importance of each balance column follows the columns picked in the table.
  let measures: (MeasureRow | { name: string; importance: unknown })[] = exampleMeasures();
  const importanceArea = el('div', { className: 'so-field so-territory-measures', attrs: { 'data-path': 'measures' } });
  const measureProblem = el('p', { className: 'so-field-problem', attrs: { 'aria-live': 'polite' } });
  const drawMeasures = () => {
    importanceArea.replaceChildren(
      el('p', { className: 'so-field-label', text: declaredText('territory.field.measures') }),
      ...measures.map((measure, j) => {
        const id = uniqueId('so-importance');
        const input = el('input', {
          className: 'so-input so-number',
          attrs: { id, type: 'text', inputmode: 'decimal', autocomplete: 'off', 'data-field': `measures[${j}].importance`, value: String(measure.importance) },
        });
        input.addEventListener('input', () => {
          const value = parseLocalNumber(input.value, currentLocale());
          measures[j] = { ...measures[j], importance: value === undefined || value === null ? input.value : value };
          refresh();
        });
        return el('div', { className: 'so-importance' }, [el('label', { className: 'so-field-label', text: measure.name, attrs: { for: id } }), input]);
      }),
      el('p', { className: 'so-field-help', text: declaredText('territory.field.measures.help') }),
      measureProblem,
    );
  };

  const values = (): FieldValues => ({ ...form.values(), measures });
  const check = () => checkTemplate(definition, values());
  const showProblems = (problems: readonly FieldProblem<string>[]) => {
    form.showProblems(problems);
    const mine = problems.filter((problem) => problem.field.startsWith('measures'));
    measureProblem.replaceChildren(...mine.map((problem) => el('span', { text: declaredText(`template.problem.${problem.code}`) })));
  };
  /** The form's check as it stands: every edit refreshes it, so Run need not read 250,000 accounts again. */
  let checked: ReturnType<typeof check> | undefined;
  const refresh = () => {
    checked = check();
    showProblems(checked.problems);
  };

  const formArea = el('div', { className: 'so-form' });
  const form = renderFieldForm(
    formArea,
    definition.fields.filter((field) => field.key !== 'measures'),
    refresh,
    host,
    (field, source) => {
      if (field.key !== 'accounts') return;
      const picked = source?.picks.balances;
      measures = Array.isArray(picked)
        ? picked.map((c, j) => ({
            name: source!.table.headers[c] ?? text('sidebar.rows.column', { column: columnName(c) }),
            importance: measures[j]?.importance ?? 1,
          }))
        : exampleMeasures();
      drawMeasures();
    },
  );
  drawMeasures();
  card.append(formArea, importanceArea);

  // Run, with progress and (off the UI thread) Cancel.
  const runButton = el('button', { className: 'so-button', text: text('sidebar.territory.run'), attrs: { type: 'button' } });
  const cancelButton = el('button', { className: 'so-button', text: text('sidebar.territory.cancel'), attrs: { type: 'button' } });
  cancelButton.hidden = true;
  const progress = el('progress', { className: 'so-progress', attrs: { max: '1', value: '0', 'aria-label': text('sidebar.territory.progress') } });
  progress.hidden = true;
  const runStatus = el('p', { className: 'so-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const compareArea = el('div', { className: 'so-territory-compare' });
  const previewArea = el('div', { className: 'so-territory-view' }, [el('p', { className: 'so-muted', text: text('sidebar.territory.noScenario') })]);
  const insertButton = el('button', { className: 'so-button so-button-primary', text: declaredText(definition.insertLabel), attrs: { type: 'button' } });
  insertButton.disabled = true;
  const insertStatus = el('p', { className: 'so-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  card.append(
    el('div', { className: 'so-actions' }, [runButton, cancelButton]),
    progress,
    runStatus,
    compareArea,
    previewArea,
    el('div', { className: 'so-actions' }, [insertButton]),
    insertStatus,
  );

  const scenarios: Scenario[] = [];
  let chosen: Scenario | undefined;
  let runs = 0;
  const runner = host.runTerritories ?? runInPage;

  /** A scenario with more accounts than the host inserts at once can be compared, not inserted. */
  const tooLarge = (scenario: Scenario) => host.insertLimit !== undefined && scenario.result.assignment.length > host.insertLimit.rows;
  const choose = (scenario: Scenario | undefined) => {
    chosen = scenario;
    insertButton.disabled = !scenario || tooLarge(scenario);
    if (scenario && tooLarge(scenario)) {
      const { host: name, rows } = host.insertLimit!;
      setStatus(insertStatus, 'error', text('sidebar.territory.tooManyToInsert', { host: name, most: rows, n: scenario.n, count: scenario.result.assignment.length }));
    } else if (insertStatus.dataset.state === 'error') setStatus(insertStatus, 'success', '');
    previewArea.replaceChildren(
      scenario
        ? scenarioView(text('sidebar.territory.scenario', { n: scenario.n }), scenario.result, scenario.names)
        : el('p', { className: 'so-muted', text: text('sidebar.territory.noScenario') }),
    );
    drawCompare();
  };

  const drawCompare = () => {
    if (scenarios.length === 0) return compareArea.replaceChildren();
    const row = (label: string, cell: (scenario: Scenario) => Node | string) =>
      el('tr', {}, [el('th', { text: label, attrs: { scope: 'row' } }), ...scenarios.map((scenario) => el('td', {}, [cell(scenario)]))]);
    const table = el('table', { className: 'so-compare', attrs: { lang: currentLocale() } }, [
      el('thead', {}, [
        el('tr', {}, [el('th'), ...scenarios.map((s) => el('th', { text: text('sidebar.territory.scenario', { n: s.n }), attrs: { scope: 'col', 'data-scenario': String(s.n), ...(s === chosen ? { 'aria-current': 'true' } : {}) } }))]),
      ]),
      el('tbody', {}, [
        row(text('sidebar.territory.territories'), (s) => String(s.result.territories.length)),
        row(text('sidebar.territory.tolerance'), (s) => percentText(s.values.tolerance as number)),
        row(text('sidebar.territory.weights'), (s) => s.names.map((name, j) => `${name} ${formatShare(s.result.importance, j)}`).join(', ')),
        row(text('sidebar.territory.maxDeviation'), (s) => percentText(s.result.maxDeviation)),
        row(text('sidebar.territory.gini'), (s) => giniText(s.result.gini)),
        row(text('sidebar.territory.moved'), (s) => movedText(s.result, s.names)),
        row('', (s) => {
          const pick = el('button', {
            className: 'so-button so-button-small',
            text: text(s === chosen ? 'sidebar.territory.chosen' : 'sidebar.territory.choose'),
            attrs: { type: 'button', 'aria-pressed': String(s === chosen), 'data-choose': String(s.n) },
          });
          pick.addEventListener('click', () => choose(s));
          const remove = el('button', { className: 'so-icon-button', text: '×', attrs: { type: 'button', 'aria-label': text('sidebar.territory.remove', { n: s.n }) } });
          remove.addEventListener('click', () => {
            scenarios.splice(scenarios.indexOf(s), 1);
            choose(s === chosen ? scenarios[scenarios.length - 1] : chosen);
          });
          return el('span', {}, [pick, remove]);
        }),
      ]),
    ]);
    compareArea.replaceChildren(el('h3', { className: 'so-preview-title', text: text('sidebar.territory.compare') }), table);
  };

  let running: { cancel(): void } | undefined;
  runButton.addEventListener('click', async () => {
    if (running) return;
    // What Insert will send. The check reads the form into new objects, so later edits leave this scenario as it ran.
    const { values: request, problems } = checked ?? check();
    showProblems(problems);
    if (problems.length > 0) return setStatus(runStatus, 'error', text('sidebar.templates.fixFields', { count: problems.length }));
    const names = measures.map((measure) => measure.name);
    const run = runner(request, (done) => (progress.value = done));
    running = run;
    runButton.disabled = true;
    cancelButton.hidden = !run.cancellable;
    progress.value = 0;
    progress.hidden = false;
    setStatus(runStatus, 'pending', text('sidebar.territory.running'));
    const started = Date.now();
    try {
      const result = await run.result;
      const scenario: Scenario = { n: ++runs, values: request, names, result };
      scenarios.push(scenario);
      if (scenarios.length > KEPT) scenarios.shift();
      setStatus(runStatus, 'success', text('sidebar.territory.ran', { n: scenario.n, seconds: ((Date.now() - started) / 1000).toFixed(1) }));
      choose(scenario);
    } catch (error) {
      const cancelled = errorMessage(error) === CANCELLED;
      setStatus(runStatus, cancelled ? 'success' : 'error', cancelled ? text('sidebar.territory.cancelled') : errorMessage(error));
    } finally {
      running = undefined;
      runButton.disabled = false;
      cancelButton.hidden = true;
      progress.hidden = true;
    }
  });
  cancelButton.addEventListener('click', () => running?.cancel());

  let inserting = false;
  insertButton.addEventListener('click', async () => {
    if (inserting || !chosen) return;
    inserting = true;
    insertButton.disabled = true;
    setStatus(insertStatus, 'pending', text('sidebar.templates.inserting'));
    try {
      const name = await host.insertTemplate({ ...chosen.values, template: definition.id });
      setStatus(insertStatus, 'success', text('sidebar.territory.inserted', { name, n: chosen.n }));
    } catch (error) {
      setStatus(insertStatus, 'error', errorMessage(error));
    } finally {
      inserting = false;
      insertButton.disabled = !chosen || tooLarge(chosen);
    }
  });
  refresh();
  return card;
}

/** Balance column j's share of the importance, as a percentage. */
function formatShare(importance: readonly number[], j: number): string {
  const sum = importance.reduce((a, b) => a + b, 0);
  return percentText(sum > 0 ? importance[j] / sum : 0);
}

function setStatus(status: HTMLElement, state: 'pending' | 'success' | 'error', message: string): void {
  status.dataset.state = state;
  status.textContent = message;
}
