// Stand-in for @umbraco-cms/backoffice/property: the property dataset context is the variant being edited.
// Its name, culture and property values come from the harness page (window.harness.dataset); without one, none is provided.
import { UmbContextToken, provideContext } from './context.js';

export const UMB_PROPERTY_DATASET_CONTEXT = new UmbContextToken('UmbPropertyDatasetContext');

const dataset = window.harness.dataset;
if (dataset) {
  provideContext(UMB_PROPERTY_DATASET_CONTEXT, {
    getName: () => dataset.name,
    getProperties: async () => dataset.properties,
    getVariantId: () => ({ culture: dataset.culture, segment: null }),
  });
}
