/**
 * Templates: one card per template in core/templates, each with the form its
 * declared fields draw (checked as the user types, with each problem beside
 * its field) and an Insert button that asks the host for a new sheet.
 */
import { TEMPLATES, type TemplateDefinition, checkTemplate } from '../../core/templates';
import { declaredText, text } from '../../ui/messages';
import { el, errorMessage, uniqueId } from '../dom';
import { renderFieldForm } from '../field-form';
import { templatePreview } from '../template-preview';
import type { Host } from '../host';
import type { SidebarFeature } from './feature';
import { territoryDesigner } from '../territory/designer';

/** Templates whose card is more than a form and Insert: the territory designer runs and compares scenarios first. */
const CARDS: Readonly<Record<string, (definition: TemplateDefinition, host: Host) => HTMLElement>> = { territory: territoryDesigner };

function templateCard(definition: TemplateDefinition, host: Host): HTMLElement {
  const titleId = uniqueId('so-template');
  const card = el('section', { className: 'so-card', attrs: { 'aria-labelledby': titleId, 'data-template': definition.id } });
  card.append(
    el('h2', { className: 'so-card-title', text: declaredText(definition.title), attrs: { id: titleId } }),
    el('p', { className: 'so-card-text', text: declaredText(definition.description) }),
  );
  const formArea = el('div', { className: 'so-form' });
  if (definition.fields.length > 0) card.append(formArea);
  const preview = definition.preview ? templatePreview() : undefined;
  const refresh = () => {
    const { values, problems } = checkTemplate(definition, form.values());
    form.showProblems(problems);
    preview?.show(problems.length === 0 ? definition.preview!(values) : undefined);
  };
  const form = renderFieldForm(formArea, definition.fields, refresh, host);
  if (preview) {
    card.append(preview.element);
    refresh();
  }

  const button = el('button', {
    className: 'so-button so-button-primary',
    text: declaredText(definition.insertLabel),
    attrs: { type: 'button' },
  });
  const status = el('p', { className: 'so-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  card.append(el('div', { className: 'so-actions' }, [button]), status);

  let busy = false;
  button.addEventListener('click', async () => {
    if (busy) return;
    const { values, problems } = checkTemplate(definition, form.values());
    form.showProblems(problems);
    if (problems.length > 0) {
      setStatus(status, 'error', text('sidebar.templates.fixFields', { count: problems.length }));
      return;
    }
    busy = true;
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    setStatus(status, 'pending', text('sidebar.templates.inserting'));
    try {
      const name = await host.insertTemplate({ ...values, template: definition.id });
      setStatus(status, 'success', text('sidebar.templates.inserted', { name }));
    } catch (error) {
      setStatus(status, 'error', errorMessage(error));
    } finally {
      busy = false;
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  });
  return card;
}

function setStatus(status: HTMLElement, state: 'pending' | 'success' | 'error', message: string): void {
  status.dataset.state = state;
  status.textContent = message;
}

export const templatesFeature: SidebarFeature = {
  id: 'templates',
  label: () => text('sidebar.tab.templates'),
  render(panel, host) {
    panel.append(
      el('p', {
        className: 'so-lead',
        text: text('sidebar.templates.lead'),
      }),
      ...TEMPLATES.map((definition) => (CARDS[definition.id] ?? templateCard)(definition, host)),
    );
  },
};
