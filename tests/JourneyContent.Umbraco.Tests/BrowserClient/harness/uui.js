// Minimal stand-ins for the UUI elements whose behaviour the JourneyContent elements rely on: a uui-button shows its
// label in a real <button> (so it can be found by role and clicked; the click bubbles out to the listener on the
// uui-button) and submits its form when type="submit"; a uui-box shows its headline; uui-input, uui-select and
// uui-checkbox are further down. The other UUI tags stay undefined.
import { LitElement, css, html } from 'lit';

class HarnessButton extends LitElement {
  static properties = {
    label: {},
    look: { reflect: true },
    type: {},
    state: {},
    compact: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
  };

  static styles = css`
    :host { display: inline-block; }
    button { font: inherit; padding: 4px 12px; border-radius: 3px; border: 1px solid #c4c4c4; background: #fff; cursor: pointer; }
    :host([look='primary']) button { background: #1b264f; border-color: #1b264f; color: #fff; }
    button:disabled { opacity: 0.5; cursor: default; }
  `;

  constructor() {
    super();
    this.label = '';
    this.type = 'button';
    this.disabled = false;
    this.addEventListener('click', () => {
      if (this.type === 'submit' && !this.disabled) this.closest('form')?.requestSubmit();
    });
  }

  render() {
    return html`<button type="button" ?disabled=${this.disabled} aria-busy=${this.state === 'waiting' ? 'true' : 'false'}>${this.label}<slot></slot></button>`;
  }
}

class HarnessBox extends LitElement {
  static properties = { headline: {} };

  static styles = css`
    :host { display: block; background: #fff; border-radius: 3px; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.2); padding: 16px 20px; }
    h2 { margin: 0 0 12px; font-size: 16px; }
  `;

  render() {
    return html`${this.headline ? html`<h2>${this.headline}</h2>` : ''}<slot></slot>`;
  }
}

customElements.define('uui-button', HarnessButton);
customElements.define('uui-box', HarnessBox);

// uui-input, uui-select and uui-checkbox as UUI 1.x exposes them to the elements: a `label` (the control's
// accessible name), a `value` (or `checked`), and a `change` event from the element itself once the user has
// changed it; uui-select takes `.options` of { name, value, selected }. Each renders the native control.
class HarnessInput extends LitElement {
  static properties = { label: {}, type: {}, value: {}, placeholder: {}, maxlength: {}, error: { type: Boolean, reflect: true } };

  static styles = css`
    :host { display: inline-block; }
    input { font: inherit; padding: 4px 8px; border: 1px solid #c4c4c4; border-radius: 3px; min-width: 14em; width: 100%; box-sizing: border-box; }
    :host([error]) input { border-color: #d42054; }
  `;

  constructor() {
    super();
    this.type = 'text';
    this.value = '';
  }

  focus() {
    this.renderRoot.querySelector('input')?.focus();
  }

  render() {
    return html`<input
      type=${this.type}
      aria-label=${this.label ?? ''}
      aria-invalid=${this.error ? 'true' : 'false'}
      placeholder=${this.placeholder ?? ''}
      maxlength=${this.maxlength ?? 524288}
      .value=${this.value ?? ''}
      @input=${(e) => {
        this.value = e.target.value;
      }}
      @change=${(e) => {
        this.value = e.target.value;
        this.dispatchEvent(new Event('change', { bubbles: true }));
      }} />`;
  }
}

class HarnessSelect extends LitElement {
  static properties = { label: {}, options: { attribute: false }, value: {}, error: { type: Boolean, reflect: true } };

  static styles = css`
    select { font: inherit; padding: 4px 8px; border: 1px solid #c4c4c4; border-radius: 3px; background: #fff; }
    :host([error]) select { border-color: #d42054; }
  `;

  constructor() {
    super();
    this.options = [];
  }

  willUpdate(changed) {
    if (changed.has('options')) this.value = this.options.find((o) => o.selected)?.value ?? this.options[0]?.value ?? '';
  }

  focus() {
    this.renderRoot.querySelector('select')?.focus();
  }

  render() {
    return html`<select
      aria-label=${this.label ?? ''}
      aria-invalid=${this.error ? 'true' : 'false'}
      @change=${(e) => {
        this.value = e.target.value;
        this.dispatchEvent(new Event('change', { bubbles: true }));
      }}>
      ${this.options.map((o) => html`<option value=${o.value} ?selected=${o.value === this.value}>${o.name}</option>`)}
    </select>`;
  }
}

class HarnessCheckbox extends LitElement {
  static properties = { label: {}, checked: { type: Boolean } };

  static styles = css`
    label { display: flex; gap: 8px; align-items: flex-start; }
  `;

  focus() {
    this.renderRoot.querySelector('input')?.focus();
  }

  render() {
    return html`<label
      ><input
        type="checkbox"
        .checked=${!!this.checked}
        @change=${(e) => {
          this.checked = e.target.checked;
          this.dispatchEvent(new Event('change', { bubbles: true }));
        }} /><span>${this.label}</span></label
    >`;
  }
}

customElements.define('uui-input', HarnessInput);
customElements.define('uui-select', HarnessSelect);
customElements.define('uui-checkbox', HarnessCheckbox);
