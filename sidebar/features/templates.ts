/**
 * Templates: one card per template in core/templates, each inserting a new
 * sheet through the host. A template that needs a form (commission plan,
 * territory design) registers one in TEMPLATE_FORMS; the others insert at once.
 */
import { TEMPLATES, type TemplateDefinition, type TemplateId, type TemplateRequest } from '../../core/templates';
import { type MessageId, text } from '../../ui/messages';
import { el, errorMessage, uniqueId } from '../dom';
import type { Host } from '../host';
import type { SidebarFeature } from './feature';

/** Renders a template's form into its card and returns how to read the request from it. */
export type TemplateForm = (container: HTMLElement) => () => TemplateRequest;

export const TEMPLATE_FORMS: Partial<Record<TemplateId, TemplateForm>> = {};

/** Each template's Insert button. */
const INSERT_LABELS: Record<TemplateId, MessageId> = { examples: 'template.examples.insert' };

function templateCard(definition: TemplateDefinition, host: Host): HTMLElement {
  const titleId = uniqueId('so-template');
  const card = el('section', { className: 'so-card', attrs: { 'aria-labelledby': titleId } });
  card.append(
    el('h2', { className: 'so-card-title', text: definition.title, attrs: { id: titleId } }),
    el('p', { className: 'so-card-text', text: definition.description }),
  );
  const form = TEMPLATE_FORMS[definition.id];
  const readRequest = form ? form(card) : () => ({ template: definition.id }) as TemplateRequest;

  const button = el('button', {
    className: 'so-button so-button-primary',
    text: text(INSERT_LABELS[definition.id]),
    attrs: { type: 'button' },
  });
  const status = el('p', { className: 'so-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  card.append(el('div', { className: 'so-actions' }, [button]), status);

  let busy = false;
  button.addEventListener('click', async () => {
    if (busy) return;
    busy = true;
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    setStatus(status, 'pending', text('sidebar.templates.inserting'));
    try {
      const name = await host.insertTemplate(readRequest());
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
      ...TEMPLATES.map((definition) => templateCard(definition, host)),
    );
  },
};
