import { css } from '@umbraco-cms/backoffice/external/lit';

/** The layout both dashboards share: padding, the filter form, its fields and buttons, tables, errors and hints. */
export const dashboardStyles = css`
  :host {
    display: block;
    padding: var(--uui-size-layout-1);
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--uui-size-space-4);
    margin: var(--uui-size-space-5) 0;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: var(--uui-size-space-1);
  }
  .actions {
    display: flex;
    gap: var(--uui-size-space-3);
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: left;
    font-weight: 700;
    padding-bottom: var(--uui-size-space-3);
  }
  th,
  td {
    padding: var(--uui-size-space-2) var(--uui-size-space-3);
    border-bottom: 1px solid var(--uui-color-border);
    text-align: left;
  }
  td.number {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .error {
    color: var(--uui-color-danger);
  }
  .hint {
    color: var(--uui-color-text-alt);
  }
`;

// UUI's event types are not installed (the lean dependency set leaves @umbraco-ui/uui out), so
// the value is read from the target the way every UUI form control exposes it.
export function valueOf(event: Event): string {
  const target = event.target;
  return target && 'value' in target ? String(target.value ?? '') : '';
}
