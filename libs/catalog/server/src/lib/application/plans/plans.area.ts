import { type CatalogArea } from '../../catalog-area';
import { BatchEdits } from './batch-edits.service';
import { CatalogCsvController } from './catalog-csv.controller';
import { CatalogImports } from './catalog-imports.service';
import { ChangePlansController } from './change-plans.controller';
import { ChangePlans } from './change-plans.service';
import { CsvExporter } from './csv/csv-exporter';
import { CsvImporter } from './csv/csv-importer';

/** Change plans: batch edits, CSV export and import, and the plan store ERN imports use too. */
export const plansArea: CatalogArea = {
  providers: [ChangePlans, BatchEdits, CsvImporter, CsvExporter, CatalogImports],
  controllers: [ChangePlansController, CatalogCsvController],
};
