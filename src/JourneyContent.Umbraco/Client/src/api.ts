import { UMB_AUTH_CONTEXT } from '@umbraco-cms/backoffice/auth';
import type { UmbClassInterface } from '@umbraco-cms/backoffice/class-api';
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
  confidence: number;
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
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'JourneyApiError';
  }
}

/** Calls the JourneyContent endpoints with the signed-in back-office user's credentials. */
export class JourneyContentApi {
  readonly #host: UmbClassInterface;

  constructor(host: UmbClassInterface) {
    this.#host = host;
  }

  async stages(): Promise<StageModel> {
    const model = await this.#json<Partial<StageModel>>('/stages');
    return { stages: model.stages ?? [], kinds: model.kinds ?? [], languages: model.languages ?? [] };
  }

  suggest(request: SuggestionRequest): Promise<StageSuggestion> {
    return this.#json<StageSuggestion>('/suggestion', {
      method: 'POST',
      body: JSON.stringify(request),
      headers: { 'Content-Type': 'application/json' },
    });
  }

  /** The server's report catalogue, titles and headers in `culture`. */
  async reports(culture: string): Promise<ReportDefinition[]> {
    const answer = await this.#json<{ reports?: ReportDefinition[] }>(`/reports?${new URLSearchParams({ culture })}`);
    return answer.reports ?? [];
  }

  report(report: ReportDefinition, filter: ReportFilter, culture: string): Promise<ReportResult> {
    return this.#json<ReportResult>(reportPath(report, filter, { culture }));
  }

  async reportCsv(report: ReportDefinition, filter: ReportFilter): Promise<Blob> {
    const response = await this.#fetch(reportPath(report, filter, { format: 'csv' }), { headers: { Accept: 'text/csv' } });
    return response.blob();
  }

  async #json<T>(path: string, init: RequestInit = {}): Promise<T> {
    const response = await this.#fetch(path, init);
    return (await response.json()) as T;
  }

  async #fetch(path: string, init: RequestInit): Promise<Response> {
    const auth = await this.#host.getContext(UMB_AUTH_CONTEXT);
    if (!auth) throw new JourneyApiError(401, 'No back-office auth context.');
    // Umbraco 17 may keep the token in a secure cookie: the configuration says whether fetch
    // must send credentials, and token() still yields the bearer value where one is used.
    const config = auth.getOpenApiConfiguration();
    const token = await config.token();
    const headers = new Headers({ Accept: 'application/json' });
    new Headers(init.headers).forEach((value, name) => headers.set(name, value));
    if (token) headers.set('Authorization', `Bearer ${token}`);

    let response: Response;
    try {
      response = await fetch(`${config.base ?? ''}${root}${path}`, {
        ...init,
        headers,
        credentials: config.credentials ?? 'same-origin',
      });
    } catch (error) {
      throw new JourneyApiError(0, error instanceof Error ? error.message : String(error));
    }
    if (!response.ok) throw new JourneyApiError(response.status, `${response.status} ${response.statusText}`);
    return response;
  }
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
