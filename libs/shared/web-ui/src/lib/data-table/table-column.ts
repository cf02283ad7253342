/** How one column of a {@link DataTableComponent} reads its cells from a row. */
export interface TableColumn<T> {
  /** Unique id; also the sort key reported in {@link TableSort.active}. */
  readonly id: string;
  readonly header: string;
  /** The text of this column's cell for a row. */
  readonly cell: (row: T) => string | number | null;
  /** The value to sort by when the cell text does not sort well (dates, money). */
  readonly sortValue?: (row: T) => string | number;
  readonly sortable?: boolean;
  /** `end` for numbers, so that digits line up. */
  readonly align?: 'start' | 'end';
}

/** The sort the user picked; `direction` is empty when they cleared it. */
export interface TableSort {
  readonly active: string;
  readonly direction: 'asc' | 'desc' | '';
}

/** The page the user asked for. */
export interface TablePage {
  readonly pageIndex: number;
  readonly pageSize: number;
  readonly previousPageIndex: number;
}

/**
 * `client`: the table gets every row and sorts and pages them itself. `server`: the table gets one
 * page of rows and reports sort and page changes so that the caller fetches the next page (with a
 * cursor, if the api pages that way).
 */
export type TablePaging = 'client' | 'server';
