// Stand-in for @umbraco-cms/backoffice/external/lit: the back office re-exports Lit, its decorators and its
// directives from one module. Here they come from the real `lit` package (node_modules), through the import map.
export * from 'lit';
export { customElement, property, state } from 'lit/decorators.js';
export { classMap } from 'lit/directives/class-map.js';
export { styleMap } from 'lit/directives/style-map.js';
