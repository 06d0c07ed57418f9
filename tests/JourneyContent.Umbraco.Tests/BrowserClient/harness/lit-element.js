// Stand-in for @umbraco-cms/backoffice/lit-element: UmbLitElement is a LitElement with Umbraco's context
// consumption and localization controller. Only what the JourneyContent elements call is here.
import { LitElement } from 'lit';
import { contextFor } from './context.js';

export class UmbLitElement extends LitElement {
  // The localization controller: lang() is the back-office user's culture, here the harness language.
  localize = {
    lang: () => window.harness.lang,
  };

  /** Resolves with the context provided for the token, or undefined when the harness provides none. */
  async getContext(token) {
    return contextFor(token);
  }

  /** Calls back once with the context, as a provider found up the tree would. */
  consumeContext(token, callback) {
    const context = contextFor(token);
    queueMicrotask(() => callback(context));
    return { destroy() {} };
  }
}
