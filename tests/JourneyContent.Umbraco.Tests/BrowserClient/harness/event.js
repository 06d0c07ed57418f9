// Stand-in for @umbraco-cms/backoffice/event, the same as Umbraco 17's change.event.js: it mimics the native change event.
export class UmbChangeEvent extends Event {
  static TYPE = 'change';

  constructor() {
    super(UmbChangeEvent.TYPE, { bubbles: true, composed: false, cancelable: false });
  }
}
