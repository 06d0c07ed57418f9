// Stand-in for UmbConditionBase of @umbraco-cms/backoffice/extension-registry, as in Umbraco 17.1
// (dist-cms/packages/core/extension-registry/conditions/condition-base.controller.js): it keeps the config and
// calls onChange when `permitted` changes (false at first). The harness also notes every answer a condition gives
// (window.harness.conditionAnswers), so a test can tell "not permitted" from "not answered yet".
export class UmbConditionBase {
  #permitted = false;
  #onChange;

  constructor(host, args) {
    this._host = host;
    this.config = args.config;
    this.#onChange = args.onChange;
  }

  get permitted() {
    return this.#permitted;
  }

  set permitted(value) {
    window.harness.conditionAnswers.push({ alias: this.config?.alias, value });
    if (value === this.#permitted) return;
    this.#permitted = value;
    this.#onChange(value);
  }

  destroy() {
    this.config = undefined;
    this.#onChange = undefined;
  }
}
