import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  output,
  viewChild,
} from '@angular/core';
import { MatPaginator, MatPaginatorIntl, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSort, MatSortHeader, type Sort } from '@angular/material/sort';
import {
  MatCell,
  MatCellDef,
  MatColumnDef,
  MatHeaderCell,
  MatHeaderCellDef,
  MatHeaderRow,
  MatHeaderRowDef,
  MatNoDataRow,
  MatRow,
  MatRowDef,
  MatTable,
  MatTableDataSource,
} from '@angular/material/table';
import { DataTablePaginatorIntl } from './data-table-paginator-intl';
import { type TableColumn, type TablePage, type TablePaging, type TableSort } from './table-column';

/**
 * A Material table over typed column definitions, with sorting and paging. In `client` paging it
 * sorts and pages the rows it was given; in `server` paging it shows the rows of the current page
 * and emits `sortChange` / `pageChange` for the caller to fetch (a sort change starts again at the
 * first page). With a cursor-paged api pass `hasMore` instead of `total`.
 */
@Component({
  selector: 'bs-data-table',
  imports: [
    MatTable,
    MatColumnDef,
    MatHeaderCellDef,
    MatHeaderCell,
    MatCellDef,
    MatCell,
    MatHeaderRowDef,
    MatHeaderRow,
    MatRowDef,
    MatRow,
    MatNoDataRow,
    MatSort,
    MatSortHeader,
    MatPaginator,
    MatProgressBar,
  ],
  providers: [DataTablePaginatorIntl, { provide: MatPaginatorIntl, useExisting: DataTablePaginatorIntl }],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './data-table.component.html',
  styleUrl: './data-table.component.scss',
})
export class DataTableComponent<T extends object> {
  readonly columns = input.required<readonly TableColumn<T>[]>();
  readonly rows = input.required<readonly T[]>();
  /** Accessible name of the table. */
  readonly caption = input.required<string>();
  readonly paging = input<TablePaging>('client');
  /** Server paging: number of rows in all, when the api reports it. */
  readonly total = input<number | null>(null);
  /** Server paging with cursors: whether a next page exists. */
  readonly hasMore = input(false);
  readonly pageSizeOptions = input<readonly number[]>([10, 25, 50, 100]);
  readonly pageSize = input(25);
  readonly pageIndex = input(0);
  readonly sort = input<TableSort>({ active: '', direction: '' });
  readonly loading = input(false);
  readonly emptyMessage = input('Nothing to show.');

  readonly sortChange = output<TableSort>();
  readonly pageChange = output<TablePage>();

  private readonly intl = inject(DataTablePaginatorIntl);
  private readonly matSort = viewChild(MatSort);
  private readonly paginator = viewChild(MatPaginator);

  protected readonly currentPageIndex = linkedSignal(() => this.pageIndex());
  protected readonly currentPageSize = linkedSignal(() => this.pageSize());
  protected readonly columnIds = computed(() => this.columns().map((column) => column.id));
  protected readonly sizeOptions = computed(() => [...this.pageSizeOptions()]);

  protected readonly clientSource = new MatTableDataSource<T>([]);

  /** What the paginator counts: the real total, or (cursor paging) the rows seen plus one if more exist. */
  protected readonly length = computed(() => {
    if (this.paging() === 'client') return this.rows().length;
    const total = this.total();
    if (total !== null) return total;
    return this.currentPageIndex() * this.currentPageSize() + this.rows().length + (this.hasMore() ? 1 : 0);
  });

  constructor() {
    this.clientSource.sortingDataAccessor = (row, id) => {
      const column = this.columns().find((candidate) => candidate.id === id);
      if (!column) return '';
      return column.sortValue ? column.sortValue(row) : (column.cell(row) ?? '');
    };
    effect(() => {
      this.clientSource.data = [...this.rows()];
    });
    effect(() => {
      const client = this.paging() === 'client';
      this.clientSource.sort = client ? (this.matSort() ?? null) : null;
      this.clientSource.paginator = client ? (this.paginator() ?? null) : null;
    });
    effect(() => {
      this.intl.totalKnown = this.paging() === 'client' || this.total() !== null;
      this.intl.changes.next();
    });
  }

  /** The rows to render: all of them for the client data source, the given page for the server. */
  protected readonly dataSource = computed(() =>
    this.paging() === 'client' ? this.clientSource : this.rows(),
  );

  protected cellText(column: TableColumn<T>, row: T): string | number {
    return column.cell(row) ?? '—';
  }

  protected onSort(sort: Sort): void {
    if (this.paging() === 'server') this.currentPageIndex.set(0);
    this.sortChange.emit({ active: sort.active, direction: sort.direction });
  }

  protected onPage(event: PageEvent): void {
    this.currentPageIndex.set(event.pageIndex);
    this.currentPageSize.set(event.pageSize);
    this.pageChange.emit({
      pageIndex: event.pageIndex,
      pageSize: event.pageSize,
      previousPageIndex: event.previousPageIndex ?? 0,
    });
  }
}
