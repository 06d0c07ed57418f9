// Loads the package's built bundle the way the back office does (one ES module whose @umbraco-cms imports the
// import map resolves), then creates the element named by the page, as an extension manifest's elementName would.
// The page "content-dashboards" stands in for the Content section's dashboards instead: it reads the package's
// umbraco-package.json, checks each dashboard's conditions as Umbraco's extension initializer does (the section
// condition holds, being in Content; any other alias is a condition extension of the package, whose `api` module is
// loaded and instantiated with { config, onChange }), and shows a tab for each permitted dashboard.
import './uui.js';
import './auth.js';
import './property.js';
import { UmbChangeEvent } from '@umbraco-cms/backoffice/event';

const harness = window.harness;
harness.conditionAnswers = [];

if (harness.element === 'content-dashboards') {
  await dashboards();
} else {
  await import('/App_Plugins/JourneyContent/journey-content.js');
  const element = document.createElement(harness.element);
  if (harness.value) element.value = harness.value;
  element.addEventListener('change', (event) => {
    harness.changes.push({ type: event.type, umbChangeEvent: event instanceof UmbChangeEvent, value: element.value ?? null });
  });
  document.getElementById('host').append(element);
}
harness.ready = true;

async function dashboards() {
  const manifest = await (await fetch('/App_Plugins/JourneyContent/umbraco-package.json')).json();
  const conditions = new Map(manifest.extensions.filter((e) => e.type === 'condition').map((e) => [e.alias, e]));
  const boards = manifest.extensions.filter((e) => e.type === 'dashboard').sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0));
  const nav = document.createElement('nav');
  nav.setAttribute('aria-label', 'Dashboards');
  document.getElementById('host').append(nav);
  harness.conditionsCreated = 0;
  for (const board of boards) {
    const states = [];
    const render = () => {
      const permitted = states.every((s) => s.permitted);
      const tab = nav.querySelector(`[data-dashboard="${board.alias}"]`);
      if (permitted && !tab) {
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset.dashboard = board.alias;
        button.textContent = board.meta.label;
        nav.append(button);
      } else if (!permitted && tab) {
        tab.remove();
      }
    };
    for (const config of board.conditions ?? []) {
      if (config.alias === 'Umb.Condition.SectionAlias') {
        states.push({ permitted: config.match === 'Umb.Section.Content' });
        continue;
      }
      const extension = conditions.get(config.alias);
      if (!extension) throw new Error(`No condition extension ${config.alias}`);
      const module = await import(extension.api);
      const state = { permitted: false };
      states.push(state);
      const host = document.getElementById('host');
      state.condition = new (module.api ?? module.default)(host, {
        config,
        onChange: (permitted) => {
          state.permitted = permitted;
          render();
        },
      });
      harness.conditionsCreated += 1;
    }
    render();
  }
}
