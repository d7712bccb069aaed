/**
 * "Changes since…" in the panel's toolbar: a toggle and the git ref it compares with (prefilled
 * with the ref the server suggests). The server does the comparing; this only says which ref,
 * shows that it is working, and shows why a ref did not work, next to the box that has it.
 */
import type { GraphModel } from '../../protocol/graph-model';
import { html } from './svg';

export class SinceControl {
  readonly toggle: HTMLButtonElement;
  readonly ref: HTMLInputElement;
  private readonly note: HTMLElement;
  private suggested?: { ref: string; label: string };
  /** The ref asked for and not answered yet: models without a diff meanwhile do not turn it off. */
  private awaiting?: string;

  constructor(root: HTMLElement, private readonly show: (ref: string | undefined) => void) {
    const group = html('div', { className: 'since', attrs: { role: 'group', 'aria-label': 'Changes since a git ref' } }, root);
    this.toggle = html('button', {
      text: 'Changes since',
      attrs: { id: 'since-toggle', type: 'button', 'aria-pressed': 'false', title: 'Mark the dependencies and violations added and removed since the git ref' },
    }, group);
    this.ref = html('input', {
      attrs: { id: 'since-ref', type: 'text', placeholder: 'git ref', 'aria-label': 'Git ref to compare with (Enter compares)', 'aria-describedby': 'since-note', spellcheck: 'false', maxlength: '256' },
    }, group);
    this.note = html('span', { className: 'since-note', attrs: { id: 'since-note', role: 'status' } }, group);
    this.toggle.addEventListener('click', () => (this.isOn() ? this.turnOff() : this.compare()));
    this.ref.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') this.compare();
    });
    this.ref.addEventListener('input', () => this.ref.removeAttribute('aria-invalid'));
  }

  /** The server's proposal fills the box unless the user typed there already. */
  suggest(ref: string, label: string): void {
    this.suggested = { ref, label };
    if (this.ref.value === '') this.ref.value = ref;
    this.ref.title = `Suggested: ${ref} (${label})`;
    if (!this.isOn()) this.setNote(label, 'hint');
  }

  failed(ref: string, message: string): void {
    if (this.awaiting !== undefined && this.awaiting !== ref) return;
    this.awaiting = undefined;
    this.toggle.setAttribute('aria-pressed', 'false');
    this.ref.setAttribute('aria-invalid', 'true');
    this.setNote(message, 'error');
  }

  /** Every model drawn: one with a diff means "on", one without (nothing awaited) means "off". */
  modelShown(model: GraphModel): void {
    if (model.since) {
      this.awaiting = undefined;
      this.toggle.setAttribute('aria-pressed', 'true');
      this.setNote(`since ${model.since.commit.slice(0, 12)}`, 'hint');
    } else if (this.awaiting === undefined) {
      this.toggle.setAttribute('aria-pressed', 'false');
    }
  }

  private isOn(): boolean {
    return this.toggle.getAttribute('aria-pressed') === 'true' || this.awaiting !== undefined;
  }

  private compare(): void {
    const ref = this.ref.value.trim() || this.suggested?.ref || '';
    if (ref === '') {
      this.ref.setAttribute('aria-invalid', 'true');
      this.setNote('Type a git ref: a branch, tag or commit.', 'error');
      this.ref.focus();
      return;
    }
    this.ref.value = ref;
    this.ref.removeAttribute('aria-invalid');
    this.awaiting = ref;
    this.toggle.setAttribute('aria-pressed', 'true');
    this.setNote(`Comparing with ${ref}…`, 'busy');
    this.show(ref);
  }

  private turnOff(): void {
    this.awaiting = undefined;
    this.toggle.setAttribute('aria-pressed', 'false');
    this.setNote(this.suggested && this.ref.value === this.suggested.ref ? this.suggested.label : '', 'hint');
    this.show(undefined);
  }

  private setNote(text: string, kind: 'hint' | 'busy' | 'error'): void {
    this.note.textContent = text;
    this.note.className = `since-note ${kind}`;
  }
}
