// Pages and section views are reached only through lazy imports (the features' routes and the load*
// functions): exported here, they would move into every console's initial bundle.
export {
  creatorCatalogFeature,
  creatorCatalogRoutes,
  loadCatalogView,
} from './lib/creator/creator-catalog.feature';
export { fanCatalogFeature, fanCatalogRoutes, loadDiscoverView } from './lib/fan/fan-catalog.feature';
