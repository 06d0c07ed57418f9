// The client's own words in English and French. They live in code rather than in a
// `localization` extension so that one typed dictionary serves both elements and the compiler
// proves the French one complete. The server sends the stage and kind names in both languages.

export type Language = 'en' | 'fr';

const en = {
  loading: 'Loading…',
  none: 'None',
  noneDescription: 'No stage: the item is left out of stage-based recommendations.',
  stagesLegend: 'Journey stage',
  suggest: 'Suggest',
  suggesting: 'Reading the content…',
  suggested: 'Suggested: {stage} ({confidence}) — words: {words}',
  suggestedNoWords: 'Suggested: {stage} ({confidence})',
  noSuggestion: 'No suggestion.',
  apply: 'Apply',
  applied: 'The suggested stage is selected.',
  unknownStage: 'The saved stage “{stage}” is no longer defined.',
  errorUnauthorized: 'Your session has ended. Sign in again.',
  errorForbidden: 'Your user groups may not use this part of Journey.',
  errorStatus: 'The server answered with status {status}.',
  errorNetwork: 'The server could not be reached.',
  reportsTitle: 'Journey reports',
  reportsTabs: 'Reports',
  filters: 'Filters',
  from: 'From',
  to: 'To',
  language: 'Language',
  allLanguages: 'All languages',
  topic: 'Topic',
  source: 'Source (leads)',
  show: 'Show',
  downloadCsv: 'Download CSV',
  chartLabel: '{report}: {chart}',
  tableCaption: '{report}',
  tableCaptionRange: '{report}, {from} to {to}',
  noRows: 'No data for this period.',
  reportError: 'The report could not be computed: {error}',
} as const;

export type LabelKey = keyof typeof en;

// `satisfies` makes a missing or misspelt French key a compile error.
const fr = {
  loading: 'Chargement…',
  none: 'Aucune',
  noneDescription: 'Aucune étape : le contenu est exclu des recommandations par étape.',
  stagesLegend: 'Étape du parcours',
  suggest: 'Suggérer',
  suggesting: 'Lecture du contenu…',
  suggested: 'Suggestion : {stage} ({confidence}) — mots : {words}',
  suggestedNoWords: 'Suggestion : {stage} ({confidence})',
  noSuggestion: 'Aucune suggestion.',
  apply: 'Appliquer',
  applied: 'L’étape suggérée est sélectionnée.',
  unknownStage: 'L’étape enregistrée « {stage} » n’est plus définie.',
  errorUnauthorized: 'Votre session a expiré. Reconnectez-vous.',
  errorForbidden: 'Vos groupes d’utilisateurs ne peuvent pas utiliser cette partie de Journey.',
  errorStatus: 'Le serveur a répondu avec le statut {status}.',
  errorNetwork: 'Le serveur est injoignable.',
  reportsTitle: 'Rapports Journey',
  reportsTabs: 'Rapports',
  filters: 'Filtres',
  from: 'Du',
  to: 'Au',
  language: 'Langue',
  allLanguages: 'Toutes les langues',
  topic: 'Sujet',
  source: 'Source (contacts)',
  show: 'Afficher',
  downloadCsv: 'Télécharger le CSV',
  chartLabel: '{report} : {chart}',
  tableCaption: '{report}',
  tableCaptionRange: '{report}, du {from} au {to}',
  noRows: 'Aucune donnée pour cette période.',
  reportError: 'Le rapport n’a pas pu être calculé : {error}',
} as const satisfies Record<LabelKey, string>;

const dictionaries: Record<Language, Record<LabelKey, string>> = { en, fr };

/** The supported language of a back-office culture such as `fr-fr` or `en-US`; English otherwise. */
export function languageOf(culture: string | null | undefined): Language {
  return culture?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** The label in `language`, with each `{name}` replaced by `values[name]`. */
export function label(language: Language, key: LabelKey, values: Record<string, string> = {}): string {
  return dictionaries[language][key].replace(/\{([\w-]+)\}/g, (match, name: string) => values[name] ?? match);
}

/** A server-side text in both languages (stage and kind names), falling back to English. */
export type LocalizedText = Partial<Record<string, string>>;

export function localized(text: LocalizedText | null | undefined, language: Language, fallback = ''): string {
  return text?.[language] || text?.['en'] || fallback;
}
