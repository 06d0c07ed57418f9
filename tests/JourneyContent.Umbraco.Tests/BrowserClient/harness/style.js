// Stand-in for @umbraco-cms/backoffice/style: UmbTextStyles is a Lit stylesheet of text defaults.
import { css } from 'lit';

export const UmbTextStyles = css`
  :host {
    font-family: var(--uui-font-family, system-ui, sans-serif);
    font-size: var(--uui-font-size, 15px);
    color: var(--uui-color-text, #1b264f);
  }
`;
