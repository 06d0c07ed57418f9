// Loads the package's built bundle the way the back office does (one ES module whose @umbraco-cms imports the
// import map resolves), then creates the element named by the page, as an extension manifest's elementName would.
import './uui.js';
import './auth.js';
import './property.js';
import { UmbChangeEvent } from '@umbraco-cms/backoffice/event';

const harness = window.harness;
await import('/App_Plugins/JourneyContent/journey-content.js');
const element = document.createElement(harness.element);
if (harness.value) element.value = harness.value;
element.addEventListener('change', (event) => {
  harness.changes.push({ type: event.type, umbChangeEvent: event instanceof UmbChangeEvent, value: element.value ?? null });
});
document.getElementById('host').append(element);
harness.ready = true;
