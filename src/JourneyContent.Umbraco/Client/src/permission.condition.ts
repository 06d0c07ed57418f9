import type { UmbControllerHost } from '@umbraco-cms/backoffice/controller-api';
import type {
  UmbConditionConfigBase,
  UmbConditionControllerArguments,
  UmbExtensionCondition,
} from '@umbraco-cms/backoffice/extension-api';
import { UmbConditionBase } from '@umbraco-cms/backoffice/extension-registry';
import type { JourneyPermission } from './api.js';
import { permissionsOf } from './permissions.js';

/** The condition's alias, as public/umbraco-package.json declares it. */
export const JOURNEY_PERMISSION_CONDITION_ALIAS = 'JourneyContent.Condition.Permission';

/** `{ "alias": "JourneyContent.Condition.Permission", "permission": "reports" | "leads" | "privacy" | "editor" }` */
export interface JourneyPermissionConditionConfig extends UmbConditionConfigBase<typeof JOURNEY_PERMISSION_CONDITION_ALIAS> {
  permission: JourneyPermission;
}

/**
 * Permits an extension when GET /me says the signed-in user may use that part of Journey, so a dashboard the user's
 * groups may not use is not shown at all. Modelled on Umbraco 17.1's own conditions (node_modules, checked):
 * `UmbConditionBase` is exported by '@umbraco-cms/backoffice/extension-registry'
 * (dist-cms/packages/core/extension-registry/conditions/condition-base.controller.d.ts: constructor(host, { config,
 * onChange }), a `permitted` setter that calls onChange), and UmbCurrentUserGroupCondition
 * (packages/user/current-user/conditions/group-id/group-id.condition.js) sets `permitted` once its answer is known and
 * is exported as `api`, which the extension registry loads (libs/extension-api/functions/load-manifest-api.function.js).
 * The answer is asked once per page load and shared with the elements (permissions.ts); until it comes, and when it
 * cannot come, the extension stays hidden (`permitted` starts false).
 */
export class JourneyPermissionCondition extends UmbConditionBase<JourneyPermissionConditionConfig> implements UmbExtensionCondition {
  #destroyed = false;

  constructor(host: UmbControllerHost, args: UmbConditionControllerArguments<JourneyPermissionConditionConfig>) {
    super(host, args);
    const permission = args.config.permission;
    permissionsOf(this).then(
      (permissions) => {
        if (!this.#destroyed) this.permitted = permissions[permission] === true;
      },
      () => {
        if (!this.#destroyed) this.permitted = false;
      },
    );
  }

  override destroy(): void {
    this.#destroyed = true;
    super.destroy();
  }
}

export { JourneyPermissionCondition as api };
