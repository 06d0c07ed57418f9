// The single module that umbraco-package.json points every extension at. Importing it defines
// the custom elements; the manifests then create them by `elementName`.
//
// Deliberately no `default` or `element` export: the back office would instantiate that one
// class for every extension that loads this file, so the dashboard would become a stage picker.
export { JourneyStagePickerElement } from './stage-picker.element.js';
export { JourneyReportsDashboardElement } from './reports-dashboard.element.js';
export { JourneyLeadsDashboardElement } from './leads-dashboard.element.js';
export { JourneyContentApi, JourneyApiError } from './api.js';
