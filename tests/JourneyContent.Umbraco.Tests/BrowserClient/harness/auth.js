// Stand-in for @umbraco-cms/backoffice/auth: the auth context hands out the Management API configuration.
// The bearer value is a dummy; the page's fetch adds the X-Test-User header that the test site's token scheme reads.
import { UmbContextToken, provideContext } from './context.js';

export const UMB_AUTH_CONTEXT = new UmbContextToken('UmbAuthContext');

provideContext(UMB_AUTH_CONTEXT, {
  getOpenApiConfiguration: () => ({ base: '', credentials: 'same-origin', token: async () => 'x' }),
});
