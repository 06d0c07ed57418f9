import { css, customElement, html, nothing, state, styleMap } from '@umbraco-cms/backoffice/external/lit';
import { UmbLitElement } from '@umbraco-cms/backoffice/lit-element';
import { UmbTextStyles } from '@umbraco-cms/backoffice/style';
import type { UmbDashboardElement } from '@umbraco-cms/backoffice/dashboard';
import {
  errorMessage,
  JourneyContentApi,
  type JourneyStage,
  type ReportDefinition,
  type ReportFilter,
  type ReportFilterKey,
  type ReportResult,
  type ReportSeries,
} from './api.js';
import { dashboardStyles, valueOf } from './dashboard.js';
import { label, languageOf, type Language } from './labels.js';

// Long reports (content, trend) keep every row in the table; past this many bars a chart
// stops being readable, so it shows the first ones only.
const maxBars = 25;

/**
 * The "Journey" dashboard of the Content section. It keeps no list of reports: the server's catalogue
 * gives each report's title, filters, columns and chart, and every report is drawn by the same code.
 */
@customElement('journey-reports-dashboard')
export class JourneyReportsDashboardElement extends UmbLitElement implements UmbDashboardElement {
  @state()
  private _reports: ReportDefinition[] = [];

  @state()
  private _report?: ReportDefinition;

  @state()
  private _filter: ReportFilter = {};

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
    void this.#loadCatalog();
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
      // Only the language list and the bar colours depend on it; the catalogue call reports the
      // same failure (sign-in, permissions) where the user is looking.
    }
  }

  async #loadCatalog(): Promise<void> {
    this._loading = true;
    try {
      this._reports = await this.#api.reports(this.#language);
      this._report = this._reports[0];
    } catch (error) {
      this._error = errorMessage(error, this.#language);
      this._loading = false;
      return;
    }
    await this.#loadReport();
  }

  async #loadReport(): Promise<void> {
    const report = this._report;
    if (!report) {
      this._loading = false;
      return;
    }
    const request = ++this.#request;
    this._loading = true;
    this._error = undefined;
    try {
      const result = await this.#api.report(report, this._filter, this.#language);
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
    const report = this._report;
    if (!report) return;
    this._downloading = true;
    this._error = undefined;
    try {
      const blob = await this.#api.reportCsv(report, this._filter);
      // A plain link cannot send the bearer token, so the file is fetched and saved from memory.
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `journeycontent-${report.key}.csv`;
      link.click();
      // Some browsers read the blob after click() returns; revoking at once can cancel the save.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      this._error = errorMessage(error, this.#language);
    } finally {
      this._downloading = false;
    }
  }

  #choose(report: ReportDefinition): void {
    if (report.key === this._report?.key) return;
    this._report = report;
    this._result = undefined;
    void this.#loadReport();
  }

  #setFilter(key: ReportFilterKey, value: string): void {
    this._filter = { ...this._filter, [key]: value };
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
          ${this._reports.map(
            (report) => html`<uui-tab
              label=${report.title}
              data-report=${report.key}
              ?active=${report.key === this._report?.key}
              @click=${() => this.#choose(report)}>
              ${report.title}
            </uui-tab>`,
          )}
        </uui-tab-group>
        ${this._report ? this.#renderFilters(this._report, language) : nothing}
        ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
        ${this._loading ? html`<uui-loader aria-label=${label(language, 'loading')}></uui-loader>` : nothing}
        ${this.#renderResult(language)}
      </uui-box>
    `;
  }

  // Only the filters the catalogue declares for this report are offered.
  #renderFilters(report: ReportDefinition, language: Language) {
    const has = (key: ReportFilterKey) => report.filters.includes(key);
    const value = (key: ReportFilterKey) => this._filter[key] ?? '';
    const options = [
      { name: label(language, 'allLanguages'), value: '', selected: value('lang') === '' },
      ...this._languages.map((code) => ({ name: languageName(code, language), value: code, selected: value('lang') === code })),
    ];
    const date = (key: 'from' | 'to') => html`
      <div class="field">
        <uui-label for="journey-${key}">${label(language, key)}</uui-label>
        <uui-input
          id="journey-${key}"
          type="date"
          label=${label(language, key)}
          .value=${value(key)}
          @change=${(e: Event) => this.#setFilter(key, valueOf(e))}></uui-input>
      </div>
    `;
    const text = (key: 'topic' | 'source') => html`
      <div class="field">
        <uui-label for="journey-${key}">${label(language, key)}</uui-label>
        <uui-input
          id="journey-${key}"
          label=${label(language, key)}
          maxlength="100"
          .value=${value(key)}
          @change=${(e: Event) => this.#setFilter(key, valueOf(e))}></uui-input>
      </div>
    `;
    return html`
      <form class="filters" @submit=${this.#submit} aria-label=${label(language, 'filters')}>
        ${has('from') ? date('from') : nothing} ${has('to') ? date('to') : nothing}
        ${has('lang')
          ? html`<div class="field">
              <uui-label for="journey-lang">${label(language, 'language')}</uui-label>
              <uui-select
                id="journey-lang"
                label=${label(language, 'language')}
                .options=${options}
                @change=${(e: Event) => this.#setFilter('lang', valueOf(e))}></uui-select>
            </div>`
          : nothing}
        ${has('topic') ? text('topic') : nothing} ${has('source') ? text('source') : nothing}
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
    const intro = html`<p class="hint">${result.description}</p>
      ${result.notes.map((note) => html`<p class="note">${note}</p>`)}`;
    if (result.columns.length === 0) return html`${error}${intro}`;
    if (result.rows.length === 0) return html`${error}${intro}<p class="hint">${label(language, 'noRows')}</p>`;
    const series = result.chart.series.filter((s) => s.bars.length > 0);
    return html`
      ${error}${intro}
      <div class="result">
        ${series.length > 0 ? this.#renderChart(result, series, language) : nothing} ${this.#renderTable(result, language)}
      </div>
    `;
  }

  // Every chart kind is drawn as labelled bars: one group per series when there are several
  // (one funnel per gated asset, one stage of the trend), the stage's colour when it has one.
  #renderChart(result: ReportResult, series: ReportSeries[], language: Language) {
    const name = label(language, 'chartLabel', { report: result.title, chart: result.chart.title });
    const max = Math.max(0, ...series.flatMap((s) => s.bars.map((bar) => Math.abs(bar.value))));
    const colour = (stage: string | null) => this._stages.find((s) => s.key === stage)?.color ?? null;
    // The bars are drawn for sighted users only; the table beside it carries the same numbers.
    return html`
      <figure class="chart" role="img" aria-label=${name} data-chart=${result.chart.kind}>
        ${series.map(
          (s) => html`
            ${series.length > 1 ? html`<span class="series" style=${styleMap({ color: colour(s.stage) })}>${s.name}</span>` : nothing}
            ${s.bars.slice(0, maxBars).map(
              (bar) => html`
                <div class="bar-row">
                  <span class="bar-label" title=${bar.label}>${bar.label}</span>
                  <span class="bar-track">
                    <span
                      class="bar"
                      style=${styleMap({
                        width: `${max === 0 ? 0 : (Math.abs(bar.value) / max) * 100}%`,
                        background: colour(bar.stage),
                      })}
                    ></span>
                  </span>
                  <span class="bar-value">${bar.text ?? String(bar.value)}</span>
                </div>
              `,
            )}
          `,
        )}
      </figure>
    `;
  }

  #renderTable(result: ReportResult, language: Language) {
    const report = result.title;
    const from = this._filter.from ?? '';
    const to = this._filter.to ?? '';
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
              ${result.columns.map((column) => html`<th scope="col" data-column=${column.key}>${column.header}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${result.rows.map(
              (row, r) => html`<tr>
                ${result.columns.map((_, i) => {
                  const cell = row[i] ?? null;
                  return html`<td class=${typeof cell === 'number' ? 'number' : ''}>${result.texts[r]?.[i] ?? String(cell ?? '')}</td>`;
                })}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }

  static override styles = [
    UmbTextStyles,
    dashboardStyles,
    css`
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
      .series {
        font-weight: 700;
        margin-top: var(--uui-size-space-3);
      }
    `,
  ];
}

function formatDate(value: string, language: Language): string {
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

function languageName(code: string, language: Language): string {
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-reports-dashboard': JourneyReportsDashboardElement;
  }
}
