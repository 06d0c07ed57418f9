// Stand-in for the part of @umbraco-cms/backoffice/resources the bundle uses: tryExecute, as in Umbraco 17.1
// (dist-cms/packages/core/resources/try-execute/tryExecute.function.js and try-execute.controller.js): the promise's
// value, or `{ error }` with the error mapped to an UmbApiError (resource.controller.js mapToUmbError; umb-error.js).
// An error notification (umbPeekError) is shown unless `disableNotifications`, and never for 401, 403 and 404;
// here a notification is recorded in window.harness.notifications.
import { isProblemDetailsLike } from './http-client.js';

export class UmbError extends Error {
  name = 'UmbError';
}

export class UmbCancelError extends UmbError {
  name = 'UmbCancelError';
}

export class UmbApiError extends UmbError {
  name = 'UmbApiError';

  constructor(message, status, request, problemDetails) {
    super(message);
    this.status = status;
    this.request = request;
    this.problemDetails = problemDetails;
  }
}

const IGNORED_ERROR_CODES = [401, 403, 404];
window.harness.notifications = [];

export async function tryExecute(host, promise, opts) {
  try {
    return await promise;
  } catch (error) {
    const umbError = mapToUmbError(error);
    if (!opts?.disableNotifications && !(umbError instanceof UmbCancelError) && !IGNORED_ERROR_CODES.includes(umbError.problemDetails?.status)) {
      window.harness.notifications.push({ headline: 'An error occurred', message: umbError.problemDetails?.title ?? umbError.message });
    }
    return { error: umbError };
  }
}

function mapToUmbError(error) {
  if (isProblemDetailsLike(error)) return new UmbApiError(error.detail ?? error.title, error.status, null, error);
  if (error instanceof UmbError) return error;
  const message = error instanceof Error ? error.message : 'Unknown error';
  return new UmbApiError(message, 0, null, { status: 0, title: 'Unknown error', detail: message, errors: undefined, type: 'error' });
}
