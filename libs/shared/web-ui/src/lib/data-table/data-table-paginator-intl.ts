import { Injectable } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';

/** Paginator labels that do not claim a total when a cursor-paged list does not know it. */
@Injectable()
export class DataTablePaginatorIntl extends MatPaginatorIntl {
  totalKnown = true;

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    if (length === 0 || pageSize === 0) return this.totalKnown ? `0 of ${length}` : 'No rows';
    const start = page * pageSize;
    const end = Math.min(start + pageSize, length);
    return this.totalKnown ? `${start + 1} – ${end} of ${length}` : `${start + 1} – ${end}`;
  };
}
