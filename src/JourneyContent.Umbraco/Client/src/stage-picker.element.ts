import { css, customElement, html, nothing, property, state, styleMap, classMap } from '@umbraco-cms/backoffice/external/lit';
import { UmbLitElement } from '@umbraco-cms/backoffice/lit-element';
import { UmbTextStyles } from '@umbraco-cms/backoffice/style';
import { UmbChangeEvent } from '@umbraco-cms/backoffice/event';
import { UMB_PROPERTY_DATASET_CONTEXT, type UmbPropertyDatasetContext } from '@umbraco-cms/backoffice/property';
import type { UmbPropertyEditorUiElement } from '@umbraco-cms/backoffice/property-editor';
import {
  errorMessage,
  JourneyContentApi,
  type JourneyStage,
  type StageModel,
  type StageSuggestion,
  type SuggestionRequest,
} from './api.js';
import { label, languageOf, localized, type Language } from './labels.js';

// The Journey composition's own properties: they describe the item rather than say what it is
// about, so they are not sent as body text (the summary goes in its own field).
const summaryAlias = 'journeySummary';
const kindAlias = 'journeyKind';
const journeyAliasPrefix = 'journey';

// Enough words for the classifier; a long page must not become a megabyte POST on every click.
const maxTextLength = 20_000;
const shownWords = 5;

/**
 * Property editor UI for the primary journey stage (a stage key stored as a plain string).
 * The stages come from the server so that a site's own stages and colours show up here.
 */
@customElement('journey-stage-picker')
export class JourneyStagePickerElement extends UmbLitElement implements UmbPropertyEditorUiElement {
  @property()
  value: string | undefined;

  @property({ type: Boolean, reflect: true })
  readonly = false;

  @state()
  private _model?: StageModel;

  @state()
  private _loadError?: string;

  @state()
  private _suggestion?: StageSuggestion;

  @state()
  private _suggesting = false;

  @state()
  private _suggestError?: string;

  readonly #api = new JourneyContentApi(this);

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this._model) void this.#load();
  }

  get #language(): Language {
    return languageOf(this.localize.lang());
  }

  async #load(): Promise<void> {
    this._loadError = undefined;
    try {
      this._model = await this.#api.stages();
    } catch (error) {
      this._loadError = errorMessage(error, this.#language);
    }
  }

  #select(stage: string | undefined): void {
    if (this.readonly || stage === this.value) return;
    this.value = stage;
    this.dispatchEvent(new UmbChangeEvent());
  }

  async #suggest(): Promise<void> {
    this._suggesting = true;
    this._suggestion = undefined;
    this._suggestError = undefined;
    try {
      this._suggestion = await this.#api.suggest(await this.#describeDocument());
    } catch (error) {
      this._suggestError = errorMessage(error, this.#language);
    } finally {
      this._suggesting = false;
    }
  }

  // The property dataset is the variant being edited (culture and segment), so a French
  // variant is classified from its French text. It also exists in blocks, where a document
  // workspace context would describe the page around the block instead.
  async #describeDocument(): Promise<SuggestionRequest> {
    let dataset: UmbPropertyDatasetContext | undefined;
    try {
      dataset = await this.getContext(UMB_PROPERTY_DATASET_CONTEXT);
    } catch {
      // Outside a workspace (e.g. a preview of the editor) there is nothing more to send.
    }
    const properties = (await dataset?.getProperties()) ?? [];
    const culture = dataset?.getVariantId().culture;
    const request: SuggestionRequest = { title: dataset?.getName() ?? '' };

    const summary = plainText(properties.find((p) => p.alias === summaryAlias)?.value);
    if (summary) request.summary = summary;

    const kind = firstString(properties.find((p) => p.alias === kindAlias)?.value);
    if (kind) request.kind = kind;

    const text = properties
      .filter((p) => !p.alias.startsWith(journeyAliasPrefix))
      .map((p) => plainText(p.value))
      // A value without a space is a key, a URL or an id, not prose to classify.
      .filter((t) => /\s/.test(t))
      .join('\n\n')
      .slice(0, maxTextLength);
    if (text) request.text = text;

    if (culture) request.language = culture.split('-')[0]!.toLowerCase();
    return request;
  }

  override render() {
    const language = this.#language;
    if (this._loadError) return html`<p class="error" role="alert">${this._loadError}</p>`;
    if (!this._model) return html`<uui-loader aria-label=${label(language, 'loading')}></uui-loader>`;

    const stages = [...this._model.stages].sort((a, b) => a.order - b.order);
    const known = !this.value || stages.some((s) => s.key === this.value);
    return html`
      <fieldset ?disabled=${this.readonly}>
        <legend class="visually-hidden">${label(language, 'stagesLegend')}</legend>
        <div class="chips">
          ${stages.map((stage) => this.#renderChoice(stage, language))}
          ${this.#renderNone(language)}
        </div>
      </fieldset>
      ${known ? nothing : html`<p class="warning">${label(language, 'unknownStage', { stage: this.value ?? '' })}</p>`}
      ${this.readonly ? nothing : this.#renderSuggestion(language, stages)}
    `;
  }

  #renderChoice(stage: JourneyStage, language: Language) {
    const checked = stage.key === this.value;
    const description = localized(stage.description, language);
    return html`
      <label class=${classMap({ chip: true, checked })} title=${description} style=${styleMap({ '--stage-color': stage.color })}>
        <input
          type="radio"
          name="stage"
          .value=${stage.key}
          .checked=${checked}
          ?disabled=${this.readonly}
          @change=${() => this.#select(stage.key)} />
        <span class="swatch" aria-hidden="true"></span>
        <span>${localized(stage.label, language, stage.key)}</span>
      </label>
    `;
  }

  #renderNone(language: Language) {
    const checked = !this.value;
    return html`
      <label class=${classMap({ chip: true, checked, none: true })} title=${label(language, 'noneDescription')}>
        <input type="radio" name="stage" value="" .checked=${checked} ?disabled=${this.readonly} @change=${() => this.#select(undefined)} />
        <span>${label(language, 'none')}</span>
      </label>
    `;
  }

  #renderSuggestion(language: Language, stages: JourneyStage[]) {
    return html`
      <div class="suggest">
        <uui-button
          look="secondary"
          compact
          label=${label(language, 'suggest')}
          .state=${this._suggesting ? 'waiting' : undefined}
          ?disabled=${this._suggesting}
          @click=${this.#suggest}></uui-button>
        <div class="suggestion" aria-live="polite">${this.#renderSuggestionResult(language, stages)}</div>
      </div>
    `;
  }

  #renderSuggestionResult(language: Language, stages: JourneyStage[]) {
    if (this._suggesting) return label(language, 'suggesting');
    if (this._suggestError) return html`<span class="error">${this._suggestError}</span>`;
    const suggestion = this._suggestion;
    if (!suggestion) return nothing;
    if (!suggestion.stage) return localized(suggestion.reason, language, label(language, 'noSuggestion'));

    const stage = stages.find((s) => s.key === suggestion.stage);
    const words = suggestion.words.slice(0, shownWords).join(', ') + (suggestion.words.length > shownWords ? '…' : '');
    // The classifier's own confidence is near 100 % right or wrong: only the calibrated figure is shown, or none.
    const likely = suggestion.calibratedConfidence;
    const parts = [
      label(language, 'suggested', { stage: localized(stage?.label, language, suggestion.stage) }),
      likely === null || likely === undefined
        ? null
        : label(language, 'suggestedLikely', { confidence: new Intl.NumberFormat(language, { style: 'percent' }).format(likely) }),
      words ? label(language, 'suggestedWords', { words }) : null,
    ].filter((part) => part !== null);
    const applied = suggestion.stage === this.value;
    return html`
      <span>${parts.join(' ')}</span>
      ${applied
        ? html`<span class="hint">${label(language, 'applied')}</span>`
        : html`<uui-button
            look="primary"
            compact
            label=${label(language, 'apply')}
            @click=${() => this.#select(suggestion.stage ?? undefined)}></uui-button>`}
    `;
  }

  static override styles = [
    UmbTextStyles,
    css`
      fieldset {
        border: 0;
        margin: 0;
        padding: 0;
        min-width: 0;
      }
      .visually-hidden {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: var(--uui-size-space-3);
      }
      .chip {
        display: inline-flex;
        align-items: center;
        gap: var(--uui-size-space-2);
        padding: var(--uui-size-space-2) var(--uui-size-space-4);
        border: 1px solid var(--uui-color-border);
        border-radius: 999px;
        background: var(--uui-color-surface);
        cursor: pointer;
      }
      .chip:hover {
        border-color: var(--uui-color-border-emphasis);
      }
      .chip.checked {
        border-color: var(--stage-color, var(--uui-color-selected));
        box-shadow: inset 0 0 0 1px var(--stage-color, var(--uui-color-selected));
        font-weight: 700;
      }
      /* The radio itself stays in the tab order; the chip shows its focus. */
      .chip:focus-within {
        outline: 2px solid var(--uui-color-focus);
        outline-offset: 2px;
      }
      .chip input {
        margin: 0;
        accent-color: var(--stage-color, var(--uui-color-selected));
      }
      .chip input:focus-visible {
        outline: none;
      }
      :host([readonly]) .chip {
        cursor: default;
        opacity: 0.8;
      }
      .swatch {
        width: 0.9em;
        height: 0.9em;
        border-radius: 50%;
        background: var(--stage-color);
        /* A border keeps a pale stage colour visible on a white surface. */
        box-shadow: 0 0 0 1px var(--uui-color-border-emphasis);
      }
      .suggest {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--uui-size-space-3);
        margin-top: var(--uui-size-space-4);
      }
      .suggestion {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--uui-size-space-3);
      }
      .error {
        color: var(--uui-color-danger);
      }
      .warning {
        color: var(--uui-color-warning-standalone);
      }
      .hint {
        color: var(--uui-color-text-alt);
      }
    `,
  ];
}

/** The readable text of a property value: a string, or rich text's `{ markup }`. */
function plainText(value: unknown): string {
  let source: string | undefined;
  if (typeof value === 'string') source = value;
  else if (value && typeof value === 'object' && 'markup' in value && typeof value.markup === 'string') source = value.markup;
  if (!source) return '';
  if (!source.includes('<')) return source.trim();
  // DOMParser builds an inert document: no script runs and no image loads.
  const body = new DOMParser().parseFromString(source, 'text/html').body;
  body.querySelectorAll('script, style, template').forEach((element) => element.remove());
  // Text nodes are joined with spaces so that "<p>one</p><p>two</p>" does not become "onetwo".
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.nodeValue ?? '');
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** A kind picked in a text box (a string) or a dropdown (an array of strings). */
function firstString(value: unknown): string | undefined {
  if (typeof value === 'string') return value || undefined;
  if (Array.isArray(value)) return value.find((v): v is string => typeof v === 'string' && v.length > 0);
  return undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-stage-picker': JourneyStagePickerElement;
  }
}
