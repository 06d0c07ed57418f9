// Stand-in for the part of Umbraco's context API that the JourneyContent bundle uses: tokens, and one
// provider for the whole page (the harness has no element tree of providers, as the back office has).
export class UmbContextToken {
  constructor(contextAlias, apiAlias = 'default') {
    this.contextAlias = contextAlias;
    this.apiAlias = apiAlias;
  }

  toString() {
    return `${this.contextAlias}#${this.apiAlias}`;
  }
}

const provided = new Map();

export function provideContext(token, instance) {
  provided.set(token.toString(), instance);
}

export function contextFor(token) {
  return provided.get(token.toString());
}
