import { css, customElement, html, nothing, state, styleMap } from '@umbraco-cms/backoffice/external/lit';
import { UmbLitElement } from '@umbraco-cms/backoffice/lit-element';
import { UmbTextStyles } from '@umbraco-cms/backoffice/style';
import type { UmbDashboardElement } from '@umbraco-cms/backoffice/dashboard';
import {
  errorMessage,
  JourneyApiError,
  JourneyContentApi,
  saveBlob,
  type JourneyPermissions,
  type LeadDossier,
  type LeadFilter,
  type LeadList,
  type StageLockRequest,
  type TimelineEntry,
} from './api.js';
import { isLabelKey, label, languageOf, localized, type Language, type LabelKey, type LocalizedText } from './labels.js';
import { permissionsOf } from './permissions.js';
import { dashboardStyles, valueOf } from './dashboard.js';

type Duration = '7' | '30' | '90' | 'date';
type LockField = 'stage' | 'until' | 'reason';

interface LockForm {
  stage: string;
  duration: Duration;
  until: string;
  reason: string;
}

const emptyLock: LockForm = { stage: '', duration: '30', until: '', reason: '' };

/**
 * The "Leads" dashboard of the Content section: the lead list (search, stage filter, pages of 50, CSV), and in the
 * same element a lead's page (contact, source, where inference places the lead and why, timeline, stage lock, and for
 * the privacy groups the JSON export and the erasure). The same use cases and words as the standalone back office.
 */
@customElement('journey-leads-dashboard')
export class JourneyLeadsDashboardElement extends UmbLitElement implements UmbDashboardElement {
  @state() private _stages: { key: string; label: LocalizedText; color: string }[] = [];
  @state() private _permissions?: JourneyPermissions;
  @state() private _filter: LeadFilter = {};
  @state() private _page = 1;
  @state() private _list?: LeadList;
  @state() private _loading = false;
  @state() private _downloading = false;
  @state() private _error?: string;
  @state() private _message?: string;
  @state() private _dossier?: LeadDossier;
  @state() private _lock: LockForm = { ...emptyLock };
  @state() private _lockErrors: Partial<Record<LockField, string[]>> = {};
  @state() private _lockMessage?: string;
  @state() private _saving = false;
  @state() private _erasing = false;
  @state() private _eraseConfirmed = false;
  @state() private _eraseError?: string;

  readonly #api = new JourneyContentApi(this);

  // A slow, older answer must not overwrite a newer one (typing a search, paging quickly).
  #request = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#loadStages();
    void this.#loadPermissions();
    void this.#loadList();
  }

  get #language(): Language {
    return languageOf(this.localize.lang());
  }

  async #loadStages(): Promise<void> {
    try {
      this._stages = (await this.#api.stages()).stages;
    } catch {
      // Only the stage filter's names depend on it; the list call reports the failure where the user looks.
    }
  }

  async #loadPermissions(): Promise<void> {
    try {
      this._permissions = await permissionsOf(this);
    } catch {
      // Without an answer, nothing beyond the list is offered: the server refuses what the user may not do anyway.
    }
  }

  async #loadList(): Promise<void> {
    const request = ++this.#request;
    this._loading = true;
    this._error = undefined;
    try {
      const list = await this.#api.leads(this._filter, this._page);
      if (request === this.#request) this._list = list;
    } catch (error) {
      if (request === this.#request) {
        this._list = undefined;
        this._error = errorMessage(error, this.#language);
      }
    } finally {
      if (request === this.#request) this._loading = false;
    }
  }

  async #open(id: string): Promise<void> {
    const request = ++this.#request;
    this._loading = true;
    this._error = undefined;
    this._message = undefined;
    try {
      const dossier = await this.#api.lead(id);
      if (request !== this.#request) return;
      this.#show(dossier);
      await this.updateComplete;
      this.shadowRoot?.querySelector<HTMLElement>('#journey-lead-title')?.focus();
    } catch (error) {
      if (request === this.#request) {
        this._error = error instanceof JourneyApiError && error.status === 404 ? label(this.#language, 'lockLeadNotFound') : errorMessage(error, this.#language);
      }
    } finally {
      if (request === this.#request) this._loading = false;
    }
  }

  #show(dossier: LeadDossier): void {
    this._dossier = dossier;
    this._lock = { ...emptyLock, stage: dossier.lock?.stage ?? dossier.lead.stage ?? dossier.stages[0]?.key ?? '' };
    this._lockErrors = {};
    this._lockMessage = undefined;
    this._eraseConfirmed = false;
    this._eraseError = undefined;
    this._erasing = false;
  }

  async #backToList(message?: string): Promise<void> {
    this._dossier = undefined;
    this._message = message;
    await this.#loadList();
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLElement>('#journey-leads-search')?.focus();
  }

  #search(event: SubmitEvent): void {
    event.preventDefault();
    this._page = 1;
    this._message = undefined;
    void this.#loadList();
  }

  #goTo(page: number): void {
    this._page = page;
    void this.#loadList();
  }

  async #downloadCsv(): Promise<void> {
    this._downloading = true;
    this._error = undefined;
    try {
      saveBlob(await this.#api.leadsCsv(this._filter), 'journeycontent-leads.csv');
    } catch (error) {
      this._error = errorMessage(error, this.#language);
    } finally {
      this._downloading = false;
    }
  }

  async #submitLock(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const dossier = this._dossier;
    if (!dossier) return;
    const form = this._lock;
    const request: StageLockRequest = {
      stage: form.stage,
      days: form.duration === 'date' ? null : Number(form.duration),
      until: form.duration === 'date' ? form.until || null : null,
      reason: form.reason,
    };
    this._saving = true;
    this._lockErrors = {};
    this._lockMessage = undefined;
    try {
      const lock = await this.#api.lockStage(dossier.lead.id, request);
      this._lockMessage = label(this.#language, 'locked', { until: formatDate(lock.until, this.#language) });
      await this.#refresh(dossier.lead.id);
    } catch (error) {
      if (error instanceof JourneyApiError && error.status === 400) {
        this._lockErrors = { stage: error.errors['stage'], until: error.errors['until'], reason: error.errors['reason'] };
        this._lockMessage = label(this.#language, 'lockRefused');
        await this.updateComplete;
        // The first field in error takes the focus, so a screen reader reads its message next.
        const first = (['stage', 'until', 'reason'] as const).find((field) => this._lockErrors[field]?.length);
        this.shadowRoot?.querySelector<HTMLElement>(`#journey-lock-${first === 'until' && form.duration !== 'date' ? 'duration' : first}`)?.focus();
      } else {
        this._lockMessage = error instanceof JourneyApiError && error.status === 404 ? label(this.#language, 'lockLeadNotFound') : errorMessage(error, this.#language);
      }
    } finally {
      this._saving = false;
    }
  }

  async #removeLock(): Promise<void> {
    const dossier = this._dossier;
    if (!dossier) return;
    this._saving = true;
    this._lockErrors = {};
    try {
      await this.#api.unlockStage(dossier.lead.id);
      this._lockMessage = label(this.#language, 'lockRemoved');
    } catch (error) {
      this._lockMessage = error instanceof JourneyApiError && error.status === 404 ? label(this.#language, 'lockNoneToRemove') : errorMessage(error, this.#language);
    } finally {
      this._saving = false;
    }
    await this.#refresh(dossier.lead.id);
  }

  // After a change the page is read again, so the lock, its history and the estimate are the server's.
  async #refresh(id: string): Promise<void> {
    const message = this._lockMessage;
    try {
      const dossier = await this.#api.lead(id);
      this._dossier = dossier;
      this._lock = { ...this._lock, stage: dossier.lock?.stage ?? this._lock.stage };
    } catch (error) {
      this._error = errorMessage(error, this.#language);
    }
    this._lockMessage = message;
  }

  async #exportJson(): Promise<void> {
    const dossier = this._dossier;
    if (!dossier) return;
    this._error = undefined;
    try {
      saveBlob(await this.#api.exportLead(dossier.lead.id), `lead-${dossier.lead.id}.json`);
    } catch (error) {
      this._error = errorMessage(error, this.#language);
    }
  }

  async #askErase(): Promise<void> {
    this._erasing = true;
    this._eraseConfirmed = false;
    this._eraseError = undefined;
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLElement>('#journey-erase-confirm')?.focus();
  }

  async #erase(): Promise<void> {
    const dossier = this._dossier;
    if (!dossier) return;
    if (!this._eraseConfirmed) {
      this._eraseError = label(this.#language, 'eraseUnconfirmed');
      this.shadowRoot?.querySelector<HTMLElement>('#journey-erase-confirm')?.focus();
      return;
    }
    this._saving = true;
    try {
      await this.#api.eraseLead(dossier.lead.id);
      await this.#backToList(label(this.#language, 'erased', { lead: dossier.lead.email ?? dossier.lead.id }));
    } catch (error) {
      this._eraseError = errorMessage(error, this.#language);
    } finally {
      this._saving = false;
    }
  }

  #stageName(key: string | null | undefined, language: Language): string {
    if (!key) return '—';
    const stage = this._dossier?.stages.find((s) => s.key === key) ?? this._stages.find((s) => s.key === key);
    return localized(stage?.label, language, key);
  }

  override render() {
    const language = this.#language;
    return html`
      <uui-box headline=${label(language, 'leadsTitle')}>
        ${this._message ? html`<p class="message" role="status">${this._message}</p>` : nothing}
        ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
        ${this._loading ? html`<uui-loader aria-label=${label(language, 'loading')}></uui-loader>` : nothing}
        ${this._dossier ? this.#renderLead(this._dossier, language) : this.#renderList(language)}
      </uui-box>
    `;
  }

  #renderList(language: Language) {
    const options = [
      { name: label(language, 'allStages'), value: '', selected: !this._filter.stage },
      ...this._stages.map((s) => ({ name: localized(s.label, language, s.key), value: s.key, selected: this._filter.stage === s.key })),
    ];
    const list = this._list;
    const pages = list ? Math.max(1, Math.ceil(list.total / list.pageSize)) : 1;
    return html`
      <form class="filters" role="search" @submit=${this.#search} aria-label=${label(language, 'filters')}>
        <div class="field">
          <uui-label for="journey-leads-search">${label(language, 'leadsSearch')}</uui-label>
          <uui-input
            id="journey-leads-search"
            type="search"
            label=${label(language, 'leadsSearchHint')}
            placeholder=${label(language, 'leadsSearchHint')}
            maxlength="200"
            .value=${this._filter.q ?? ''}
            @change=${(e: Event) => (this._filter = { ...this._filter, q: valueOf(e) })}></uui-input>
        </div>
        <div class="field">
          <uui-label for="journey-leads-stage">${label(language, 'stage')}</uui-label>
          <uui-select
            id="journey-leads-stage"
            label=${label(language, 'stage')}
            .options=${options}
            @change=${(e: Event) => (this._filter = { ...this._filter, stage: valueOf(e) })}></uui-select>
        </div>
        <div class="actions">
          <uui-button type="submit" look="primary" label=${label(language, 'show')}></uui-button>
          <uui-button
            look="secondary"
            label=${label(language, 'downloadCsv')}
            .state=${this._downloading ? 'waiting' : undefined}
            ?disabled=${this._downloading}
            @click=${this.#downloadCsv}></uui-button>
        </div>
      </form>
      ${list
        ? html`
            <p class="total" role="status">${label(language, 'leadsTotal', { total: String(list.total) })}</p>
            ${list.leads.length === 0
              ? html`<p class="hint">${label(language, 'noLeads')}</p>`
              : html`<div class="table-wrap">
                  <table>
                    <caption class="visually-hidden">${label(language, 'leadsTable')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">${label(language, 'email')}</th>
                        <th scope="col">${label(language, 'name')}</th>
                        <th scope="col">${label(language, 'company')}</th>
                        <th scope="col">${label(language, 'stage')}</th>
                        <th scope="col">${label(language, 'captured')}</th>
                        <th scope="col">${label(language, 'lastActivity')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      ${list.leads.map(
                        (lead) => html`<tr data-lead=${lead.id}>
                          <td>
                            <button type="button" class="link" @click=${() => this.#open(lead.id)}>
                              ${lead.erased ? label(language, 'erasedLead') : (lead.email ?? lead.id)}
                            </button>
                          </td>
                          <td>${lead.name ?? ''}</td>
                          <td>${lead.company ?? ''}</td>
                          <td>${this.#renderStage(lead.stage, language)}</td>
                          <td class="date">${formatDateTime(lead.createdAt, language)}</td>
                          <td class="date">${formatDateTime(lead.lastActivityAt, language)}</td>
                        </tr>`,
                      )}
                    </tbody>
                  </table>
                </div>`}
            ${pages > 1
              ? html`<nav class="pager" aria-label=${label(language, 'leadsTable')}>
                  <uui-button
                    look="secondary"
                    label=${label(language, 'previousPage')}
                    ?disabled=${list.page <= 1}
                    @click=${() => this.#goTo(list.page - 1)}></uui-button>
                  <span>${label(language, 'leadsPage', { page: String(list.page), pages: String(pages) })}</span>
                  <uui-button
                    look="secondary"
                    label=${label(language, 'nextPage')}
                    ?disabled=${list.page >= pages}
                    @click=${() => this.#goTo(list.page + 1)}></uui-button>
                </nav>`
              : nothing}
          `
        : nothing}
    `;
  }

  #renderStage(key: string | null, language: Language) {
    if (!key) return '—';
    const colour = (this._dossier?.stages ?? this._stages).find((s) => s.key === key)?.color ?? null;
    return html`<span class="stage"><span class="swatch" style=${styleMap({ background: colour })}></span>${this.#stageName(key, language)}</span>`;
  }

  #renderLead(dossier: LeadDossier, language: Language) {
    const lead = dossier.lead;
    const title = lead.erased ? label(language, 'erasedLead') : lead.name || lead.email || lead.id;
    return html`
      <uui-button look="secondary" label=${label(language, 'back')} @click=${() => this.#backToList()}></uui-button>
      <article class="lead" data-lead=${lead.id} data-permissions=${this._permissions ? 'known' : 'unknown'}>
        <h2 id="journey-lead-title" tabindex="-1">${title}</h2>
        <div class="columns">
          <section aria-labelledby="journey-contact">
            <h3 id="journey-contact">${label(language, 'contact')}</h3>
            ${this.#renderContact(dossier, language)}
          </section>
          <section aria-labelledby="journey-belief">
            <h3 id="journey-belief">${label(language, 'belief')}</h3>
            ${this.#renderEstimate(dossier, language)}
          </section>
        </div>
        <section aria-labelledby="journey-lock">
          <h3 id="journey-lock">${label(language, 'lockTitle')}</h3>
          ${this.#renderLock(dossier, language)}
        </section>
        <section aria-labelledby="journey-timeline">
          <h3 id="journey-timeline">${label(language, 'timeline')}</h3>
          ${dossier.timeline.length === 0
            ? html`<p class="hint">${label(language, 'noActivity')}</p>`
            : html`<ol class="timeline">
                ${dossier.timeline.map(
                  (entry) => html`<li data-kind=${entry.kind}>
                    <time datetime=${entry.at}>${formatDateTime(entry.at, language)}</time>
                    <span>${this.#timelineText(entry, language)}</span>
                  </li>`,
                )}
              </ol>`}
        </section>
        ${dossier.downloads.length > 0
          ? html`<section aria-labelledby="journey-downloads">
              <h3 id="journey-downloads">${label(language, 'downloads')}</h3>
              <ul>
                ${dossier.downloads.map(
                  (d) => html`<li>
                    ${label(language, 'downloadLine', {
                      title: d.contentTitle ?? d.contentId,
                      asked: formatDateTime(d.requestedAt, language),
                      first: d.downloadedAt ? formatDateTime(d.downloadedAt, language) : '—',
                      count: String(d.downloads),
                    })}
                  </li>`,
                )}
              </ul>
            </section>`
          : nothing}
        ${dossier.consents.length > 0
          ? html`<section aria-labelledby="journey-consents">
              <h3 id="journey-consents">${label(language, 'consents')}</h3>
              <ul>
                ${dossier.consents.map(
                  (c) => html`<li>${label(language, 'consentLine', { at: formatDateTime(c.givenAt, language), version: c.version, text: c.text })}</li>`,
                )}
              </ul>
            </section>`
          : nothing}
        ${this._permissions?.privacy && !lead.erased ? this.#renderPrivacy(language) : nothing}
      </article>
    `;
  }

  #renderContact(dossier: LeadDossier, language: Language) {
    const lead = dossier.lead;
    const source = lead.source;
    const origin = [source.utmSource, source.utmMedium, source.utmCampaign, source.utmTerm, source.utmContent].filter(Boolean).join(' / ') || source.referrer || '';
    const rows: [LabelKey, string | null][] = [
      ['email', lead.email],
      ['name', lead.name],
      ['company', lead.company],
      ['jobTitle', lead.jobTitle],
      ['companySize', lead.companySize],
      ['country', lead.country],
      ['phone', lead.phone],
      ['language', lead.language],
      [
        'stage',
        lead.declaredStage
          ? label(language, 'stageDeclared', { stage: this.#stageName(lead.stage, language), declared: this.#stageName(lead.declaredStage, language) })
          : this.#stageName(lead.stage, language),
      ],
      ['addressConfirmed', lead.emailConfirmedAt ? formatDateTime(lead.emailConfirmedAt, language) : null],
      ['leadSource', origin ? (source.landingPage ? label(language, 'sourceValue', { source: origin, landing: source.landingPage }) : origin) : source.landingPage],
      ['capturedAndLast', `${formatDateTime(lead.createdAt, language)} / ${formatDateTime(lead.lastActivityAt, language)}`],
      ['erasedAt', lead.erasedAt ? formatDateTime(lead.erasedAt, language) : null],
    ];
    return html`<dl class="contact">
      ${rows.filter(([, value]) => value).map(([key, value]) => html`<dt>${label(language, key)}</dt><dd data-field=${key}>${value}</dd>`)}
    </dl>`;
  }

  #renderEstimate(dossier: LeadDossier, language: Language) {
    const estimate = dossier.estimate;
    if (!estimate || !estimate.stage) return html`<p class="hint">${label(language, 'beliefUnknown')}</p>`;
    const sourceKey = `source_${estimate.source}`;
    return html`
      <p class="belief">
        ${estimate.source === 'locked'
          ? label(language, 'beliefCurrentLocked', { stage: this.#stageName(estimate.stage, language) })
          : label(language, 'beliefCurrent', {
          stage: this.#stageName(estimate.stage, language),
          source: isLabelKey(sourceKey) ? label(language, sourceKey) : estimate.source,
          probability: percent(estimate.confidence, language),
          })}
      </p>
      <table class="probabilities">
        <caption>${label(language, 'probabilities')}</caption>
        <thead>
          <tr>
            <th scope="col">${label(language, 'stage')}</th>
            <th scope="col">${label(language, 'probability')}</th>
          </tr>
        </thead>
        <tbody>
          ${estimate.probabilities.map(
            (p) => html`<tr>
              <td>${this.#renderStage(p.stage, language)}</td>
              <td class="number">
                <span class="meter" aria-hidden="true"><span style=${styleMap({ width: `${Math.round(p.probability * 100)}%` })}></span></span>
                ${percent(p.probability, language)}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
      <h4>${label(language, 'why')}</h4>
      ${estimate.explanation.length === 0
        ? html`<p class="hint">${label(language, 'noShift')}</p>`
        : html`<ul class="why">
            ${estimate.explanation.map((shift) => {
              const eventKey = `event_${shift.type}`;
              const event = isLabelKey(eventKey) ? label(language, eventKey) : shift.type;
              const what = shift.contentId ? `${event}: ${shift.contentTitle ?? shift.contentId}` : event;
              return html`<li>
                ${label(language, shift.change >= 0 ? 'raised' : 'lowered', {
                  what,
                  stage: this.#stageName(shift.stage, language),
                  change: percent(Math.abs(shift.change), language),
                })}
              </li>`;
            })}
          </ul>`}
    `;
  }

  #timelineText(entry: TimelineEntry, language: Language): string {
    if (entry.kind === 'stage') {
      const reasonKey = `reason_${entry.reason ?? ''}`;
      return label(language, 'stageChange', {
        from: this.#stageName(entry.fromStage, language),
        to: this.#stageName(entry.stage, language),
        reason: isLabelKey(reasonKey) ? label(language, reasonKey) : (entry.reason ?? ''),
      });
    }
    const eventKey = `event_${entry.kind}`;
    const event = isLabelKey(eventKey) ? label(language, eventKey) : entry.kind;
    const declared = entry.declaredStage ? ` — ${this.#stageName(entry.declaredStage, language)}` : '';
    return entry.contentTitle || entry.contentId ? `${event}: ${entry.contentTitle ?? entry.contentId}${declared}` : `${event}${declared}`;
  }

  #renderLock(dossier: LeadDossier, language: Language) {
    const lock = dossier.lock;
    const form = this._lock;
    const errors = this._lockErrors;
    const refused = Object.values(errors).some((codes) => codes?.length);
    const stageOptions = dossier.stages.map((s) => ({ name: localized(s.label, language, s.key), value: s.key, selected: form.stage === s.key }));
    const durations = (['7', '30', '90'] as const).map((days) => ({ name: label(language, 'lockDays', { days }), value: days, selected: form.duration === days }));
    durations.push({ name: label(language, 'lockOnDate'), value: 'date' as never, selected: form.duration === 'date' });
    const fieldError = (field: LockField) =>
      errors[field]?.length
        ? html`<p class="field-error" id="journey-lock-${field}-error">
            ${errors[field]!.map((code) => (isLabelKey(code) ? label(language, code) : code)).join(' ')}
          </p>`
        : nothing;
    return html`
      ${lock
        ? html`<p class="lock-active">
              ${label(language, 'lockActive', { stage: this.#stageName(lock.stage, language), until: formatDate(lock.until, language), by: lock.setBy })}
              ${lock.reason ? html`<br />${label(language, 'lockActiveReason', { reason: lock.reason })}` : nothing}
            </p>
            <uui-button look="secondary" color="danger" label=${label(language, 'lockRemove')} ?disabled=${this._saving} @click=${this.#removeLock}></uui-button>`
        : html`<p>${label(language, 'lockNone')}</p>`}
      <p class="hint">${label(language, 'lockHelp')}</p>
      ${this._lockMessage ? html`<p class=${refused ? 'error' : 'message'} role=${refused ? 'alert' : 'status'}>${this._lockMessage}</p>` : nothing}
      <form class="lock-form" @submit=${this.#submitLock} aria-labelledby="journey-lock" novalidate>
        <div class="field">
          <uui-label for="journey-lock-stage">${label(language, 'lockStage')}</uui-label>
          <uui-select
            id="journey-lock-stage"
            label=${label(language, 'lockStage')}
            .options=${stageOptions}
            ?error=${!!errors.stage?.length}
            @change=${(e: Event) => (this._lock = { ...this._lock, stage: valueOf(e) })}></uui-select>
          ${fieldError('stage')}
        </div>
        <div class="field">
          <uui-label for="journey-lock-duration">${label(language, 'lockDuration')}</uui-label>
          <uui-select
            id="journey-lock-duration"
            label=${label(language, 'lockDuration')}
            .options=${durations}
            @change=${(e: Event) => (this._lock = { ...this._lock, duration: valueOf(e) as Duration })}></uui-select>
          ${form.duration !== 'date' ? fieldError('until') : nothing}
        </div>
        ${form.duration === 'date'
          ? html`<div class="field">
              <uui-label for="journey-lock-until">${label(language, 'lockUntil')}</uui-label>
              <uui-input
                id="journey-lock-until"
                type="date"
                label=${label(language, 'lockUntil')}
                ?error=${!!errors.until?.length}
                .value=${form.until}
                @change=${(e: Event) => (this._lock = { ...this._lock, until: valueOf(e) })}></uui-input>
              ${fieldError('until')}
            </div>`
          : nothing}
        <div class="field wide">
          <uui-label for="journey-lock-reason">${label(language, 'lockReason')}</uui-label>
          <uui-input
            id="journey-lock-reason"
            label=${label(language, 'lockReason')}
            maxlength="500"
            ?error=${!!errors.reason?.length}
            .value=${form.reason}
            @change=${(e: Event) => (this._lock = { ...this._lock, reason: valueOf(e) })}></uui-input>
          ${fieldError('reason')}
        </div>
        <div class="actions">
          <uui-button type="submit" look="primary" label=${label(language, 'lockSubmit')} ?disabled=${this._saving}></uui-button>
        </div>
      </form>
      ${dossier.lockHistory.length > 0
        ? html`<h4>${label(language, 'lockHistory')}</h4>
            <ul class="lock-history">
              ${dossier.lockHistory.map(
                (entry) => html`<li data-action=${entry.action}>
                  ${entry.stage && entry.until
                    ? html`${label(language, entry.action === 'stage_lock' ? 'lockHistoryLockedIn' : 'lockHistoryUnlockedFrom', {
                        at: formatDateTime(entry.at, language),
                        by: entry.byUser,
                        stage: this.#stageName(entry.stage, language),
                        until: formatDateTime(entry.until, language),
                      })}${entry.action === 'stage_lock' && entry.reason
                        ? html` <span class="hint">${label(language, 'lockActiveReason', { reason: entry.reason })}</span>`
                        : nothing}`
                    : html`${label(language, entry.action === 'stage_lock' ? 'lockHistoryLocked' : 'lockHistoryUnlocked', {
                        at: formatDateTime(entry.at, language),
                        by: entry.byUser,
                      })}${entry.detail ? html` <code>${entry.detail}</code>` : nothing}`}
                </li>`,
              )}
            </ul>`
        : nothing}
    `;
  }

  #renderPrivacy(language: Language) {
    return html`<section aria-labelledby="journey-privacy" class="privacy">
      <h3 id="journey-privacy">${label(language, 'privacy')}</h3>
      <div class="actions">
        <uui-button look="secondary" label=${label(language, 'exportJson')} @click=${this.#exportJson}></uui-button>
        ${this._erasing ? nothing : html`<uui-button look="secondary" color="danger" label=${label(language, 'eraseAsk')} @click=${this.#askErase}></uui-button>`}
      </div>
      ${this._erasing
        ? html`<div class="erase" role="group" aria-labelledby="journey-erase-title">
            <h4 id="journey-erase-title">${label(language, 'erase')}</h4>
            <uui-checkbox
              id="journey-erase-confirm"
              label=${label(language, 'eraseConfirm')}
              .checked=${this._eraseConfirmed}
              @change=${(e: Event) => {
                this._eraseConfirmed = checkedOf(e);
                this._eraseError = undefined;
              }}></uui-checkbox>
            ${this._eraseError ? html`<p class="error" role="alert">${this._eraseError}</p>` : nothing}
            <div class="actions">
              <uui-button look="primary" color="danger" label=${label(language, 'erase')} ?disabled=${this._saving} @click=${this.#erase}></uui-button>
              <uui-button look="secondary" label=${label(language, 'cancel')} @click=${() => (this._erasing = false)}></uui-button>
            </div>
          </div>`
        : nothing}
    </section>`;
  }

  static override styles = [
    UmbTextStyles,
    dashboardStyles,
    css`
      .lock-form {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-start;
        gap: var(--uui-size-space-4);
        margin: var(--uui-size-space-5) 0;
      }
      .field.wide {
        flex: 0 1 24em;
      }
      .field.wide uui-input {
        width: 100%;
      }
      .lock-form .actions {
        align-self: flex-end;
      }
      td.number,
      td.date {
        white-space: nowrap;
      }
      button.link {
        font: inherit;
        color: var(--uui-color-interactive);
        background: none;
        border: none;
        padding: 0;
        text-decoration: underline;
        cursor: pointer;
      }
      button.link:focus-visible,
      h2:focus-visible {
        outline: 2px solid var(--uui-color-focus);
      }
      .stage {
        display: inline-flex;
        align-items: center;
        gap: var(--uui-size-space-2);
      }
      .swatch {
        display: inline-block;
        width: 0.8em;
        height: 0.8em;
        border-radius: 50%;
        background: var(--uui-color-border);
      }
      .pager {
        display: flex;
        align-items: center;
        gap: var(--uui-size-space-4);
        margin-top: var(--uui-size-space-4);
      }
      .columns {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(320px, 1fr));
        gap: var(--uui-size-space-6);
        align-items: start;
      }
      h2 {
        margin: var(--uui-size-space-5) 0 var(--uui-size-space-3);
      }
      h3 {
        margin: var(--uui-size-space-5) 0 var(--uui-size-space-2);
        font-size: 1.05em;
      }
      h4 {
        margin: var(--uui-size-space-4) 0 var(--uui-size-space-2);
        font-size: 1em;
      }
      dl.contact {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: var(--uui-size-space-1) var(--uui-size-space-4);
        margin: 0;
      }
      dt {
        font-weight: 700;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .meter {
        display: inline-block;
        width: 6em;
        height: 0.7em;
        margin-right: var(--uui-size-space-2);
        background: var(--uui-color-surface-alt);
        border-radius: var(--uui-border-radius);
        vertical-align: middle;
      }
      .meter span {
        display: block;
        height: 100%;
        background: var(--uui-color-interactive);
        border-radius: var(--uui-border-radius);
      }
      ol.timeline {
        list-style: none;
        padding: 0;
        margin: 0;
        border-left: 2px solid var(--uui-color-border);
      }
      ol.timeline li {
        display: grid;
        grid-template-columns: 12em 1fr;
        gap: var(--uui-size-space-3);
        padding: var(--uui-size-space-1) var(--uui-size-space-3);
      }
      ol.timeline li[data-kind='stage'] {
        font-weight: 700;
      }
      time {
        color: var(--uui-color-text-alt);
        font-variant-numeric: tabular-nums;
      }
      .field-error {
        color: var(--uui-color-danger);
        margin: 0;
      }
      .error {
        margin: var(--uui-size-space-3) 0;
      }
      .message {
        color: var(--uui-color-positive, #0b8152);
      }
      .total {
        color: var(--uui-color-text-alt);
      }
      .privacy {
        border-top: 1px solid var(--uui-color-border);
        margin-top: var(--uui-size-space-6);
      }
      .erase {
        margin-top: var(--uui-size-space-4);
        padding: var(--uui-size-space-4);
        border: 1px solid var(--uui-color-danger);
        border-radius: var(--uui-border-radius);
        display: grid;
        gap: var(--uui-size-space-3);
        max-width: 48em;
      }
      .erase h4 {
        margin: 0;
      }
      .visually-hidden {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
        white-space: nowrap;
      }
    `,
  ];
}

function formatDateTime(value: string, language: Language): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime())
    ? value
    : new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(date);
}

function formatDate(value: string, language: Language): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

function percent(value: number, language: Language): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

function checkedOf(event: Event): boolean {
  const target = event.target;
  return !!target && 'checked' in target && target.checked === true;
}

declare global {
  interface HTMLElementTagNameMap {
    'journey-leads-dashboard': JourneyLeadsDashboardElement;
  }
}
