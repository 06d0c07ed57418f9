import type { UmbControllerHost } from '@umbraco-cms/backoffice/controller-api';
import { JourneyContentApi, type JourneyPermissions } from './api.js';

// GET /me is asked once per page load (a back-office session: signing in as someone else reloads the back office)
// and shared by the manifest condition and the elements. A failed answer is forgotten, so the next asker tries again.
let answer: Promise<JourneyPermissions> | undefined;

/** What the signed-in user may use, from the server; every permission is false when it cannot be known. */
export function permissionsOf(host: UmbControllerHost): Promise<JourneyPermissions> {
  answer ??= new JourneyContentApi(host).me().catch((error: unknown) => {
    answer = undefined;
    throw error;
  });
  return answer;
}
