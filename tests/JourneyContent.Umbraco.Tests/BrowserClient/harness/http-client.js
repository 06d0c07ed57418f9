// Stand-in for @umbraco-cms/backoffice/http-client. In Umbraco 17.1 (dist-cms/packages/core/http-client/index.js)
// `umbHttpClient` is backend-api's hey-api fetch client (backend-api/client.gen.js: createClient(createConfig({
// throwOnError: true })), then setConfig({ credentials: 'include' })). The client here is that same real code, loaded
// from the client's node_modules. What the back office adds once it starts is done the same way:
// - apps/app/app.element.js: setConfig({ baseUrl, credentials: 'include', auth: () => authContext.getLatestToken() }),
//   so a request with `security: [{ scheme: 'bearer' }]` carries "Authorization: Bearer <token>";
// - resources/api-interceptor.controller.js (bindDefaultInterceptors): the response interceptors below, modelled on it.
import { createClient, createConfig } from '/node_modules/@umbraco-cms/backoffice/dist-cms/packages/core/backend-api/client/index.js';
import { authContext } from './auth.js';

const client = createClient(createConfig({ throwOnError: true }));
client.setConfig({ credentials: 'include' });
client.setConfig({ baseUrl: '', credentials: 'include', auth: () => authContext.getLatestToken() });

const MAX_RETRIES = 3;
const pending401 = [];

// addAuthResponseInterceptor: a 401 tells the auth context the user timed out (the sign-in dialog). A GET is held
// and retried once the user has signed in again; any other method is answered with the 401 at once.
client.interceptors.response.use(async (response, request, requestConfig) => {
  if (response.status !== 401) return response;
  const problem = problemDetails(response, response.statusText || 'Unauthorized request, waiting for re-authentication.', 'Unauthorized');
  if (request.method !== 'GET') {
    authContext.timeOut();
    return problem;
  }
  let retries = 1;
  const existing = pending401.find((p) => p.request === request && p.requestConfig === requestConfig);
  if (existing) {
    retries = existing.retries + 1;
    if (retries > MAX_RETRIES) return problem;
    existing.retries = retries;
  }
  return new Promise((resolve, reject) => {
    pending401.push({
      request,
      requestConfig,
      retries,
      resolve,
      reject,
      retry: async () => {
        const { data, response: retried } = await client.request(requestConfig);
        return createResponse(data, retried);
      },
    });
    authContext.timeOut();
  });
});

// handleUnauthorizedAuthRetry: on authorizationSignal every held request is retried.
authContext.onAuthorized(() => {
  pending401.splice(0, pending401.length).forEach((p) => p.retry().then(p.resolve).catch(p.reject));
});

// addForbiddenResponseInterceptor: a 403 becomes a problem details body.
client.interceptors.response.use((response) =>
  response.status !== 403
    ? response
    : problemDetails(response, response.statusText || 'You do not have the necessary permissions to complete the requested action.', 'Unauthorized'),
);

// addErrorInterceptor: a 404 becomes a plain "not found" problem; any other error keeps the server's problem details.
client.interceptors.response.use(async (response) => {
  if (response.ok || response.status === 401 || response.status === 403) return response;
  if (response.status === 404) return problemDetails(response, response.statusText || 'The requested resource was not found.', 'NotFound');
  let problem = { status: response.status, title: response.statusText || 'A fatal server error occurred.', detail: undefined, errors: undefined, type: 'ServerError' };
  try {
    const body = await response.clone().json();
    if (isProblemDetailsLike(body)) problem = body;
  } catch {
    // Not JSON: the generic problem stays.
  }
  return createResponse(problem, response);
});

function problemDetails(response, title, type) {
  return createResponse({ status: response.status, title, detail: undefined, errors: undefined, type }, response);
}

// #createResponse: a JSON (or text) body with the original status, keeping the X- headers.
function createResponse(body, original) {
  const isString = typeof body === 'string';
  const headers = { 'Content-Type': isString ? 'text/plain' : 'application/json' };
  original.headers.forEach((value, key) => {
    if (key.toLowerCase().startsWith('x-')) headers[key] = value;
  });
  return new Response(isString ? body : JSON.stringify(body), { status: original.status, statusText: original.statusText, headers });
}

// resources/apiTypeValidators.function.js
export function isProblemDetailsLike(error) {
  return (
    typeof error === 'object' &&
    error !== null &&
    'type' in error &&
    'title' in error &&
    'status' in error &&
    (typeof error.detail === 'undefined' || typeof error.detail === 'string') &&
    (typeof error.errors === 'undefined' || typeof error.errors === 'object')
  );
}

export { client as umbHttpClient };
