import { Inject, Injectable } from '@nestjs/common';
import { type ChangePlan, type ImportRequest } from '@bandstand/catalog/contracts';
import { type CatalogActor } from '../releases/release-stream';
import { ChangePlans } from './change-plans.service';
import { CsvImporter } from './csv/csv-importer';
import { type CatalogImporter, ERN_IMPORTER } from './plan-proposal';

/** Imports of CSV and DDEX ERN files, previewed as change plans. */
@Injectable()
export class CatalogImports {
  constructor(
    @Inject(CsvImporter) private readonly csv: CatalogImporter,
    @Inject(ERN_IMPORTER) private readonly ern: CatalogImporter,
    @Inject(ChangePlans) private readonly plans: ChangePlans,
  ) {}

  /** Reads the files with the format's importer and stores the result as a plan of that kind. */
  async preview(orgId: string, request: ImportRequest, actor: CatalogActor): Promise<ChangePlan> {
    const importer = request.format === 'csv' ? this.csv : this.ern;
    const draft = await importer.plan(orgId, request.files);
    return this.plans.create(orgId, request.format, draft, actor);
  }
}
