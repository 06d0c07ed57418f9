// Minimal stand-ins for the UUI elements whose behaviour the JourneyContent elements rely on: a uui-button shows its
// label in a real <button> (so it can be found by role and clicked; the click bubbles out to the listener on the
// uui-button) and submits its form when type="submit"; a uui-box shows its headline. The other UUI tags stay undefined.
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
