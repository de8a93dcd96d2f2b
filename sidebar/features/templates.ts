/**
 * Templates: one card per template in core/templates, each inserting a new
 * sheet through the host. A template that needs a form (commission plan,
 * territory design) registers one in TEMPLATE_FORMS; the others insert at once.
 */
import { TEMPLATES, type TemplateDefinition, type TemplateId, type TemplateRequest } from '../../core/templates';
import { el, errorMessage, uniqueId } from '../dom';
import type { Host } from '../host';
import type { SidebarFeature } from './feature';

/** Renders a template's form into its card and returns how to read the request from it. */
export type TemplateForm = (container: HTMLElement) => () => TemplateRequest;

export const TEMPLATE_FORMS: Partial<Record<TemplateId, TemplateForm>> = {};

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
    text: `Insert ${definition.title.toLowerCase()}`,
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
    setStatus(status, 'pending', 'Inserting…');
    try {
      const name = await host.insertTemplate(readRequest());
      setStatus(status, 'success', `Inserted sheet '${name}'`);
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
  label: 'Templates',
  render(panel, host) {
    panel.append(
      el('p', {
        className: 'so-lead',
        text: 'Each template goes to a new sheet, so nothing you typed is overwritten.',
      }),
      ...TEMPLATES.map((definition) => templateCard(definition, host)),
    );
  },
};
