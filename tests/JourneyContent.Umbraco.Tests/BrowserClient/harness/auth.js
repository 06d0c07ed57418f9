// Stand-in for Umbraco 17.1's auth context (@umbraco-cms/backoffice/auth, dist-cms/packages/core/auth/auth.context.js).
// The bundle no longer imports this module: the back office's HTTP client (http-client.js) asks it for the token,
// and its 401 interceptor calls timeOut(), as Umbraco's do.
// - getLatestToken(): the access token; here the back-office user's key, which the page's fetch turns into the
//   X-Test-User header the test site's token scheme reads. An expired session (harness.expireSession()) has none.
// - timeOut(): Umbraco sets isAuthorized false and emits timeoutSignal, on which the back office opens its sign-in
//   dialog (umb-app-auth modal). Here a dialog with a "Sign in again" button stands in for it; signing in emits
//   authorizationSignal, on which the interceptor retries the GET requests it held.
import { UmbContextToken, provideContext } from './context.js';

export const UMB_AUTH_CONTEXT = new UmbContextToken('UmbAuthContext');

const harness = window.harness;
harness.token = harness.user || null;
harness.timeOuts = 0;
const authorized = new Set();

export const authContext = {
  getLatestToken: async () => harness.token ?? undefined,
  getOpenApiConfiguration: () => ({ base: '', credentials: 'include', token: () => authContext.getLatestToken() }),
  timeOut() {
    harness.timeOuts += 1;
    showSignIn();
  },
  /** Stands in for observing `authorizationSignal` (an rxjs observable in Umbraco). */
  onAuthorized(callback) {
    authorized.add(callback);
  },
};

provideContext(UMB_AUTH_CONTEXT, authContext);

/** The session ends: calls go out without a token, and the server answers 401. */
harness.expireSession = () => {
  harness.token = null;
};

function showSignIn() {
  if (document.getElementById('harness-sign-in')) return;
  const dialog = document.createElement('div');
  dialog.id = 'harness-sign-in';
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-label', 'Session expired');
  dialog.innerHTML = '<p>Your session has timed out.</p><button type="button">Sign in again</button>';
  dialog.querySelector('button').addEventListener('click', () => {
    harness.token = harness.user;
    dialog.remove();
    authorized.forEach((callback) => callback());
  });
  document.body.append(dialog);
}
