import { css, customElement, html, nothing, state, styleMap } from '@umbraco-cms/backoffice/external/lit';
import { UmbLitElement } from '@umbraco-cms/backoffice/lit-element';
import { UmbTextStyles } from '@umbraco-cms/backoffice/style';
import type { UmbDashboardElement } from '@umbraco-cms/backoffice/dashboard';
import {
  errorMessage,
  JourneyContentApi,
  reportNames,
  type JourneyStage,
  type ReportCell,
  type ReportFilter,
  type ReportName,
  type ReportResult,
} from './api.js';
import { label, languageOf, localized, type Language, type LabelKey } from './labels.js';

// Long reports (content, trend) keep every row in the table; past this many bars the chart
// stops being readable, so it shows the first ones only.
const maxBars = 25;

interface Chart {
  category: string;
  measure: string;
  bars: { label: string; value: number; color?: string }[];
}

/** The "Journey" dashboard of the Content section: funnel and engagement reports with a chart, a table and CSV export. */
@customElement('journey-reports-dashboard')
export class JourneyReportsDashboardElement extends UmbLitElement implements UmbDashboardElement {
  @state()
  private _report: ReportName = 'funnel';

  @state()
  private _filter: ReportFilter = { from: '', to: '', language: '' };

  @state()
  private _languages: string[] = [];

  @state()
  private _stages: JourneyStage[] = [];

  @state()
  private _result?: ReportResult;

  @state()
  private _loading = false;

  @state()
  private _downloading = false;

  @state()
  private _error?: string;

  readonly #api = new JourneyContentApi(this);

  // Switching tabs quickly must not let a slow, older answer overwrite the newer one.
  #request = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#loadStages();
    void this.#loadReport();
  }

  get #language(): Language {
    return languageOf(this.localize.lang());
  }

  async #loadStages(): Promise<void> {
    try {
      const model = await this.#api.stages();
      this._languages = model.languages;
      this._stages = model.stages;
    } catch {
      // Only the language list and the stage names depend on it; the report call reports the
      // same failure (sign-in, permissions) where the user is looking.
    }
  }

  async #loadReport(): Promise<void> {
    const request = ++this.#request;
    this._loading = true;
    this._error = undefined;
    try {
      const result = await this.#api.report(this._report, this._filter);
      if (request === this.#request) this._result = result;
    } catch (error) {
      if (request === this.#request) {
        this._result = undefined;
        this._error = errorMessage(error, this.#language);
      }
    } finally {
      if (request === this.#request) this._loading = false;
    }
  }

  async #downloadCsv(): Promise<void> {
    this._downloading = true;
    this._error = undefined;
    try {
      const blob = await this.#api.reportCsv(this._report, this._filter);
      // A plain link cannot send the bearer token, so the file is fetched and saved from memory.
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `journeycontent-${this._report}.csv`;
      link.click();
      // Some browsers read the blob after click() returns; revoking at once can cancel the save.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      this._error = errorMessage(error, this.#language);
    } finally {
      this._downloading = false;
    }
  }

  #choose(report: ReportName): void {
    if (report === this._report) return;
    this._report = report;
    this._result = undefined;
    void this.#loadReport();
  }

  #setFilter(change: Partial<ReportFilter>): void {
    this._filter = { ...this._filter, ...change };
  }

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    void this.#loadReport();
  }

  override render() {
    const language = this.#language;
    return html`
      <uui-box headline=${label(language, 'reportsTitle')}>
        <uui-tab-group aria-label=${label(language, 'reportsTabs')}>
          ${reportNames.map(
            (name) => html`<uui-tab
              label=${reportLabel(language, name)}
              ?active=${name === this._report}
              @click=${() => this.#choose(name)}>
              ${reportLabel(language, name)}
            </uui-tab>`,
          )}
        </uui-tab-group>
        ${this.#renderFilters(language)}
        ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
        ${this._loading ? html`<uui-loader aria-label=${label(language, 'loading')}></uui-loader>` : nothing}
        ${this.#renderResult(language)}
      </uui-box>
    `;
  }

  #renderFilters(language: Language) {
    const options = [
      { name: label(language, 'allLanguages'), value: '', selected: this._filter.language === '' },
      ...this._languages.map((code) => ({ name: languageName(code, language), value: code, selected: this._filter.language === code })),
    ];
    return html`
      <form class="filters" @submit=${this.#submit} aria-label=${label(language, 'filters')}>
        <div class="field">
          <uui-label for="journey-from">${label(language, 'from')}</uui-label>
          <uui-input
            id="journey-from"
            type="date"
            label=${label(language, 'from')}
            .value=${this._filter.from}
            @change=${(e: Event) => this.#setFilter({ from: valueOf(e) })}></uui-input>
        </div>
        <div class="field">
          <uui-label for="journey-to">${label(language, 'to')}</uui-label>
          <uui-input
            id="journey-to"
            type="date"
            label=${label(language, 'to')}
            .value=${this._filter.to}
            @change=${(e: Event) => this.#setFilter({ to: valueOf(e) })}></uui-input>
        </div>
        <div class="field">
          <uui-label for="journey-language">${label(language, 'language')}</uui-label>
          <uui-select
            id="journey-language"
            label=${label(language, 'language')}
            .options=${options}
            @change=${(e: Event) => this.#setFilter({ language: valueOf(e) })}></uui-select>
        </div>
        <div class="actions">
          <uui-button type="submit" look="primary" label=${label(language, 'show')} ?disabled=${this._loading}></uui-button>
          <uui-button
            look="secondary"
            label=${label(language, 'downloadCsv')}
            .state=${this._downloading ? 'waiting' : undefined}
            ?disabled=${this._downloading}
            @click=${this.#downloadCsv}></uui-button>
        </div>
      </form>
    `;
  }

  #renderResult(language: Language) {
    const result = this._result;
    if (!result) return nothing;
    const error = result.error
      ? html`<p class="error" role="alert">${label(language, 'reportError', { error: result.error })}</p>`
      : nothing;
    if (result.headers.length === 0) return error;
    if (result.rows.length === 0) return html`${error}<p class="hint">${label(language, 'noRows')}</p>`;

    const chart = chartOf(result, (header, cell) => this.#cellText(header, cell, language), this._stages);
    return html`
      ${error}
      <div class="result">
        ${chart ? this.#renderChart(chart, language) : nothing} ${this.#renderTable(result, language)}
      </div>
    `;
  }

  #renderChart(chart: Chart, language: Language) {
    const max = Math.max(0, ...chart.bars.map((bar) => Math.abs(bar.value)));
    const name = label(language, 'chartLabel', {
      report: reportLabel(language, this._report),
      value: humanize(chart.measure),
      category: humanize(chart.category),
    });
    // The bars are drawn for sighted users only; the table beside it carries the same numbers.
    return html`
      <figure class="chart" role="img" aria-label=${name}>
        ${chart.bars.map(
          (bar) => html`
            <div class="bar-row">
              <span class="bar-label" title=${bar.label}>${bar.label}</span>
              <span class="bar-track">
                <span
                  class="bar"
                  style=${styleMap({
                    width: `${max === 0 ? 0 : (Math.abs(bar.value) / max) * 100}%`,
                    background: bar.color ?? null,
                  })}
                ></span>
              </span>
              <span class="bar-value">${formatNumber(bar.value, language)}</span>
            </div>
          `,
        )}
      </figure>
    `;
  }

  #renderTable(result: ReportResult, language: Language) {
    const report = reportLabel(language, this._report);
    const { from, to } = this._filter;
    const caption =
      from && to
        ? label(language, 'tableCaptionRange', { report, from: formatDate(from, language), to: formatDate(to, language) })
        : label(language, 'tableCaption', { report });
    return html`
      <div class="table-wrap">
        <table>
          <caption>${caption}</caption>
          <thead>
            <tr>
              ${result.headers.map((header) => html`<th scope="col">${humanize(header)}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${result.rows.map(
              (row) => html`<tr>
                ${result.headers.map((header, i) => {
                  const cell = row[i] ?? null;
                  return html`<td class=${typeof cell === 'number' ? 'number' : ''}>${this.#cellText(header, cell, language)}</td>`;
                })}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }

  // Stage keys are shown with the site's stage names; `from`/`to` are the transitions report's stages.
  #cellText(header: string, cell: ReportCell, language: Language): string {
    if (cell === null) return '';
    if (typeof cell === 'number') return formatNumber(cell, language);
    if (typeof cell === 'string' && /stage|^from$|^to$/i.test(header)) {
      const stage = this._stages.find((s) => s.key === cell);
      if (stage) return localized(stage.label, language, cell);
    }
    return String(cell);
  }

  static override styles = [
    UmbTextStyles,
    css`
      :host {
        display: block;
        padding: var(--uui-size-layout-1);
      }
      .filters {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-end;
        gap: var(--uui-size-space-4);
        margin: var(--uui-size-space-5) 0;
      }
      .field {
        display: flex;
        flex-direction: column;
        gap: var(--uui-size-space-1);
      }
      .actions {
        display: flex;
        gap: var(--uui-size-space-3);
      }
      .result {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(320px, 1fr));
        gap: var(--uui-size-space-6);
        align-items: start;
      }
      .chart {
        margin: 0;
        display: grid;
        gap: var(--uui-size-space-2);
      }
      .bar-row {
        display: grid;
        grid-template-columns: minmax(6em, 10em) 1fr auto;
        align-items: center;
        gap: var(--uui-size-space-3);
      }
      .bar-label {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .bar-track {
        height: 1.1em;
        background: var(--uui-color-surface-alt);
        border-radius: var(--uui-border-radius);
      }
      .bar {
        display: block;
        height: 100%;
        background: var(--uui-color-interactive);
        border-radius: var(--uui-border-radius);
      }
      .bar-value {
        font-variant-numeric: tabular-nums;
      }
      .table-wrap {
        overflow-x: auto;
      }
      table {
        width: 100%;
        border-collapse: collapse;
      }
      caption {
        text-align: left;
        font-weight: 700;
        padding-bottom: var(--uui-size-space-3);
      }
      th,
      td {
        padding: var(--uui-size-space-2) var(--uui-size-space-3);
        border-bottom: 1px solid var(--uui-color-border);
        text-align: left;
      }
      td.number {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      .error {
        color: var(--uui-color-danger);
      }
      .hint {
        color: var(--uui-color-text-alt);
      }
    `,
  ];
}

function reportLabel(language: Language, report: ReportName): string {
  return label(language, `report_${report}` satisfies LabelKey);
}

/** The first numeric column plotted against the first column. */
function chartOf(
  result: ReportResult,
  text: (header: string, cell: ReportCell) => string,
  stages: JourneyStage[],
): Chart | undefined {
  const measureIndex = result.headers.findIndex(
    (_, i) =>
      i > 0 &&
      result.rows.some((row) => typeof row[i] === 'number') &&
      result.rows.every((row) => typeof row[i] === 'number' || row[i] === null || row[i] === undefined),
  );
  if (measureIndex < 0) return undefined;
  const category = result.headers[0]!;
  return {
    category,
    measure: result.headers[measureIndex]!,
    bars: result.rows.slice(0, maxBars).map((row) => ({
      label: text(category, row[0] ?? null),
      value: typeof row[measureIndex] === 'number' ? row[measureIndex] : 0,
      // A row per stage is drawn in the stage's colour, as on the stage picker and the site.
      color: stages.find((stage) => stage.key === row[0])?.color,
    })),
  };
}

function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(value);
}

// The filter's yyyy-MM-dd is a calendar day: formatting it in UTC keeps it from shifting a day west of Greenwich.
function formatDate(value: string, language: Language): string {
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** `conversion_to_next` → `Conversion to next`: the server's column keys, readable in a header. */
function humanize(header: string): string {
  const words = header.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function languageName(code: string, language: Language): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

// UUI's event types are not installed (the lean dependency set leaves @umbraco-ui/uui out), so
// the value is read from the target the way every UUI form control exposes it.
function valueOf(event: Event): string {
  const target = event.target;
  return target && 'value' in target ? String(target.value ?? '') : '';
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-reports-dashboard': JourneyReportsDashboardElement;
  }
}
