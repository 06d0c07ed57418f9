import type { UmbControllerHost } from '@umbraco-cms/backoffice/controller-api';
import { umbHttpClient } from '@umbraco-cms/backoffice/http-client';
import { tryExecute } from '@umbraco-cms/backoffice/resources';
import { label, type Language, type LocalizedText } from './labels.js';

// The JourneyContent Management API (camelCase JSON), shared by the stage picker and the dashboard.

const root = '/umbraco/management/api/v1/journey-content';

export interface JourneyStage {
  key: string;
  order: number;
  color: string;
  label: LocalizedText;
  description: LocalizedText;
}

export interface JourneyKind {
  key: string;
  label: LocalizedText;
  defaultStage: string | null;
  isCallToAction: boolean;
}

export interface StageModel {
  stages: JourneyStage[];
  kinds: JourneyKind[];
  languages: string[];
}

export interface SuggestionRequest {
  title: string;
  summary?: string;
  text?: string;
  kind?: string;
  language?: string;
}

export interface StageSuggestion {
  stage: string | null;
  /** The classifier's own confidence: near 1 for most items, right or wrong; not for people. */
  confidence: number;
  /** The share of suggestions that were right at that confidence on the tagged items; null when too few are tagged. */
  calibratedConfidence: number | null;
  probabilities: { stage: string; probability: number }[];
  words: string[];
  /** Why there is no suggestion; null when `stage` is set. */
  reason: LocalizedText | null;
}

/** A filter a report honours, by its query key. */
export type ReportFilterKey = 'from' | 'to' | 'lang' | 'topic' | 'source';

/** One declared column of a catalogue entry. */
export interface ReportColumnDefinition {
  key: string;
  header: string;
  kind: string;
  repeat: string;
}

/** One report of the server's catalogue, in the user's language: the dashboard keeps no list of its own. */
export interface ReportDefinition {
  key: string;
  title: string;
  description: string;
  filters: ReportFilterKey[];
  chart: string;
  columns: ReportColumnDefinition[];
}

export type ReportCell = string | number | boolean | null;

export interface ReportColumn {
  key: string;
  header: string;
  kind: string;
}

export interface ReportBar {
  label: string;
  value: number;
  stage: string | null;
  text: string | null;
}

export interface ReportSeries {
  id: string;
  name: string;
  stage: string | null;
  bars: ReportBar[];
}

export interface ReportResult {
  report: string;
  title: string;
  description: string;
  notes: string[];
  /** The column keys, as in the CSV export. */
  headers: string[];
  columns: ReportColumn[];
  rows: ReportCell[][];
  /** Each cell as the server shows it in the user's language. */
  texts: string[][];
  chart: { kind: string; title: string; series: ReportSeries[] };
  error: string | null;
}

/** The filter values by query key; an empty value is not sent. */
export type ReportFilter = Partial<Record<ReportFilterKey, string>>;

/** A non-2xx answer. `status` is 0 when the server could not be reached at all. */
export class JourneyApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The problem details' per-field error codes (`errors` of a 400 validation problem), by camelCase field name. */
    readonly errors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = 'JourneyApiError';
  }
}

/** What the signed-in back-office user may use (GET /me). */
export interface JourneyPermissions {
  editor: boolean;
  reports: boolean;
  leads: boolean;
  privacy: boolean;
}

export type JourneyPermission = 'editor' | 'reports' | 'leads' | 'privacy';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface CallOptions {
  method?: Method;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  parseAs?: 'json' | 'blob';
}

/**
 * Calls the JourneyContent endpoints through the back office's own HTTP client, so that every call carries the
 * signed-in user's token and an expired session brings up Umbraco's sign-in dialog (and a GET is retried after it)
 * instead of failing silently. In @umbraco-cms/backoffice 17.1 (node_modules, checked):
 * - `umbHttpClient` (package.json exports "./http-client" → dist-cms/packages/core/http-client/index.js) is the
 *   hey-api fetch client of backend-api/client.gen.js (`throwOnError: true`). The back office's app element
 *   (apps/app/app.element.js) gives it `baseUrl`, `credentials: 'include'` and `auth: () => authContext.getLatestToken()`,
 *   and binds UmbApiInterceptorController (resources/api-interceptor.controller.js): on a 401 it calls
 *   `authContext.timeOut()` (the re-login dialog) and holds a GET until the user has signed in again, then retries it.
 *   The token is only sent for a request with `security: [{ scheme: 'bearer', type: 'http' }]`
 *   (backend-api/client/utils.gen.js setAuthParams), as the generated SDK does (backend-api/sdk.gen.js).
 * - `tryExecute(host: UmbControllerHost, promise: Promise<T>, opts?: UmbTryExecuteOptions): Promise<UmbApiResponse<T>>`
 *   (exports "./resources" → resources/try-execute/tryExecute.function.d.ts) resolves with `{ data }` or `{ error }`,
 *   the error an UmbApiError whose `status` and `problemDetails` (with `errors`) come from the server's problem details.
 *   Every element here shows its errors itself, so Umbraco's error notification is turned off (`disableNotifications`).
 */
export class JourneyContentApi {
  readonly #host: UmbControllerHost;

  constructor(host: UmbControllerHost) {
    this.#host = host;
  }

  async stages(): Promise<StageModel> {
    const model = await this.#call<Partial<StageModel>>('/stages');
    return { stages: model.stages ?? [], kinds: model.kinds ?? [], languages: model.languages ?? [] };
  }

  suggest(request: SuggestionRequest): Promise<StageSuggestion> {
    return this.#call<StageSuggestion>('/suggestion', { method: 'POST', body: request });
  }

  /** The server's report catalogue, titles and headers in `culture`. */
  async reports(culture: string): Promise<ReportDefinition[]> {
    const answer = await this.#call<{ reports?: ReportDefinition[] }>(`/reports?${new URLSearchParams({ culture })}`);
    return answer.reports ?? [];
  }

  report(report: ReportDefinition, filter: ReportFilter, culture: string): Promise<ReportResult> {
    return this.#call<ReportResult>(reportPath(report, filter, { culture }));
  }

  reportCsv(report: ReportDefinition, filter: ReportFilter): Promise<Blob> {
    return this.#call<Blob>(reportPath(report, filter, { format: 'csv' }), { parseAs: 'blob' });
  }

  /** What the user may use. */
  me(): Promise<JourneyPermissions> {
    return this.#call<JourneyPermissions>('/me');
  }

  leads(filter: LeadFilter, page: number): Promise<LeadList> {
    return this.#call<LeadList>('/leads', { query: { q: filter.q || undefined, stage: filter.stage || undefined, page } });
  }

  leadsCsv(filter: LeadFilter): Promise<Blob> {
    return this.#call<Blob>('/leads', { query: { format: 'csv', q: filter.q || undefined, stage: filter.stage || undefined }, parseAs: 'blob' });
  }

  lead(id: string): Promise<LeadDossier> {
    return this.#call<LeadDossier>(`/leads/${encodeURIComponent(id)}`);
  }

  async lockStage(id: string, request: StageLockRequest): Promise<StageLockInfo> {
    const answer = await this.#call<{ lock: StageLockInfo }>(`/leads/${encodeURIComponent(id)}/stage-lock`, { method: 'PUT', body: request });
    return answer.lock;
  }

  async unlockStage(id: string): Promise<void> {
    await this.#call<unknown>(`/leads/${encodeURIComponent(id)}/stage-lock`, { method: 'DELETE' });
  }

  exportLead(id: string): Promise<Blob> {
    return this.#call<Blob>(`/leads/${encodeURIComponent(id)}/export`, { parseAs: 'blob' });
  }

  async eraseLead(id: string): Promise<void> {
    await this.#call<unknown>(`/leads/${encodeURIComponent(id)}/erase`, { method: 'POST', body: { confirm: true } });
  }

  async #call<T>(path: string, options: CallOptions = {}): Promise<T> {
    const request = umbHttpClient.request<{ 200: T }, unknown, true>({
      method: options.method ?? 'GET',
      url: `${root}${path}`,
      query: options.query,
      body: options.body,
      parseAs: options.parseAs ?? 'json',
      security: [{ scheme: 'bearer', type: 'http' }],
      headers: { Accept: options.parseAs === 'blob' ? '*/*' : 'application/json' },
    });
    const { data, error } = await tryExecute(this.#host, request, { disableNotifications: true });
    if (error) throw toApiError(error);
    return data as T;
  }
}

// tryExecute's error: an UmbApiError (status, problemDetails) for an answer, an UmbCancelError when cancelled;
// a failed fetch becomes an UmbApiError with status 0 (resources/resource.controller.js mapToUmbError).
function toApiError(error: unknown): JourneyApiError {
  const status = typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : 0;
  const details = (error as { problemDetails?: { errors?: Record<string, string[]>; detail?: string } }).problemDetails;
  const message = details?.detail ?? (error instanceof Error ? error.message : String(error));
  return new JourneyApiError(status, message, details?.errors ?? {});
}

/** The list's filter: free text (email, name, company) and a stage key; empty values are not sent. */
export interface LeadFilter {
  q?: string;
  stage?: string;
}

export interface LeadSummary {
  id: string;
  email: string | null;
  name: string | null;
  company: string | null;
  stage: string | null;
  declaredStage: string | null;
  language: string;
  createdAt: string;
  lastActivityAt: string;
  erased: boolean;
}

export interface LeadList {
  total: number;
  page: number;
  pageSize: number;
  leads: LeadSummary[];
}

export interface LeadSource {
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmTerm: string | null;
  utmContent: string | null;
  referrer: string | null;
  landingPage: string | null;
}

export interface LeadDetail extends LeadSummary {
  firstName: string | null;
  lastName: string | null;
  jobTitle: string | null;
  companySize: string | null;
  country: string | null;
  phone: string | null;
  memberKey: string | null;
  emailConfirmedAt: string | null;
  erasedAt: string | null;
  source: LeadSource;
}

export interface StageShift {
  at: string;
  type: string;
  contentId: string | null;
  contentTitle: string | null;
  stage: string;
  change: number;
}

export interface StageEstimate {
  stage: string | null;
  source: 'inferred' | 'explicit' | 'locked' | 'none';
  confidence: number;
  probabilities: { stage: string; probability: number }[];
  explanation: StageShift[];
}

export interface StageLockInfo {
  stage: string;
  until: string;
  setAt: string;
  setBy: string;
  reason: string | null;
}

export interface TimelineEntry {
  at: string;
  kind: string;
  stage: string | null;
  fromStage: string | null;
  reason: string | null;
  contentId: string | null;
  contentTitle: string | null;
  declaredStage: string | null;
}

export interface LeadDossier {
  lead: LeadDetail;
  estimate: StageEstimate | null;
  lock: StageLockInfo | null;
  lockHistory: { at: string; action: string; byUser: string; detail: string | null; stage: string | null; until: string | null; reason: string | null }[];
  timeline: TimelineEntry[];
  consents: { text: string; version: string; givenAt: string; contentId: string | null }[];
  downloads: { contentId: string; contentTitle: string | null; requestedAt: string; downloadedAt: string | null; downloads: number }[];
  stages: { key: string; color: string; label: LocalizedText }[];
}

/** A stage lock: a number of days, or the last day (`yyyy-MM-dd`, UTC). */
export interface StageLockRequest {
  stage: string;
  days: number | null;
  until: string | null;
  reason: string;
}

/** Saves a blob the server sent as a file. A plain link cannot send the bearer token, so the file is fetched first. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Some browsers read the blob after click() returns; revoking at once can cancel the save.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// Only the filters the report declares are sent, under the catalogue's own query keys.
function reportPath(report: ReportDefinition, filter: ReportFilter, extra: Record<string, string>): string {
  const query = new URLSearchParams();
  for (const key of report.filters) {
    const value = filter[key];
    if (value) query.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) if (value) query.set(key, value);
  const search = query.toString();
  return `/reports/${encodeURIComponent(report.key)}${search ? `?${search}` : ''}`;
}

/** What an element shows for a failed call, in the user's language. */
export function errorMessage(error: unknown, language: Language): string {
  if (!(error instanceof JourneyApiError)) return error instanceof Error ? error.message : String(error);
  switch (error.status) {
    case 0:
      return label(language, 'errorNetwork');
    case 401:
      return label(language, 'errorUnauthorized');
    case 403:
      return label(language, 'errorForbidden');
    default:
      return label(language, 'errorStatus', { status: String(error.status) });
  }
}
