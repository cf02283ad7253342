import { type CatalogArea } from '../../catalog-area';
import { ERN_IMPORTER } from '../plans/plan-proposal';
import { ErnController } from './ern.controller';
import { ErnExporter } from './ern-exporter';
import { ErnImporter } from './ern-importer';

/** DDEX ERN 4.3: NewReleaseMessages imported as change plans (through the imports endpoint) and exported. */
export const ernArea: CatalogArea = {
  providers: [ErnImporter, { provide: ERN_IMPORTER, useExisting: ErnImporter }, ErnExporter],
  controllers: [ErnController],
};
