import { Component, provideZonelessChangeDetection, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { MatSortHarness } from '@angular/material/sort/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { DataTableComponent } from './data-table.component';
import { type TableColumn, type TablePage, type TablePaging, type TableSort } from './table-column';

interface Release {
  readonly title: string;
  readonly year: number;
}

const COLUMNS: readonly TableColumn<Release>[] = [
  { id: 'title', header: 'Title', cell: (row) => row.title, sortable: true },
  { id: 'year', header: 'Year', cell: (row) => row.year, sortable: true, align: 'end' },
];

const RELEASES: readonly Release[] = Array.from({ length: 12 }, (_, index) => ({
  title: `Release ${String(index + 1).padStart(2, '0')}`,
  year: 2000 + ((index * 7) % 12),
}));

@Component({
  imports: [DataTableComponent],
  template: `
    <bs-data-table
      caption="Releases"
      [columns]="columns"
      [rows]="rows()"
      [paging]="paging()"
      [total]="total()"
      [hasMore]="hasMore()"
      [pageSize]="5"
      [pageSizeOptions]="[5, 10]"
      emptyMessage="No releases yet."
      (sortChange)="sorts.push($event)"
      (pageChange)="pages.push($event)"
    />
  `,
})
class HostComponent {
  readonly columns = COLUMNS;
  readonly rows = signal<readonly Release[]>(RELEASES);
  readonly paging = signal<TablePaging>('client');
  readonly total = signal<number | null>(null);
  readonly hasMore = signal(false);
  readonly sorts: TableSort[] = [];
  readonly pages: TablePage[] = [];
}

async function render(setup?: (host: HostComponent) => void) {
  TestBed.configureTestingModule({ imports: [HostComponent], providers: [provideZonelessChangeDetection()] });
  const fixture = TestBed.createComponent(HostComponent);
  setup?.(fixture.componentInstance);
  await fixture.whenStable();
  const loader = TestbedHarnessEnvironment.loader(fixture);
  return { fixture, host: fixture.componentInstance, loader, element: fixture.nativeElement as HTMLElement };
}

describe('DataTableComponent', () => {
  it('renders the typed columns and the first page of rows (client paging)', async () => {
    const { loader, element } = await render();
    const table = await loader.getHarness(MatTableHarness);
    expect(await (await table.getHeaderRows())[0]?.getCellTextByIndex()).toEqual(['Title', 'Year']);
    const rows = await table.getCellTextByIndex();
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual(['Release 01', '2000']);
    expect(element.querySelector('table')?.getAttribute('aria-label')).toBe('Releases');
    const paginator = await loader.getHarness(MatPaginatorHarness);
    expect(await paginator.getRangeLabel()).toBe('1 – 5 of 12');
  });

  it('sorts and pages the rows itself in client paging and reports both', async () => {
    const { loader, host } = await render();
    const sort = await loader.getHarness(MatSortHarness);
    const [, year] = await sort.getSortHeaders();
    await year?.click();
    await year?.click();
    const table = await loader.getHarness(MatTableHarness);
    const years = (await table.getCellTextByColumnName())['year']?.text ?? [];
    expect(years).toEqual(['2011', '2010', '2009', '2008', '2007']);
    expect(host.sorts).toEqual([
      { active: 'year', direction: 'asc' },
      { active: 'year', direction: 'desc' },
    ]);

    const paginator = await loader.getHarness(MatPaginatorHarness);
    await paginator.goToNextPage();
    expect(await paginator.getRangeLabel()).toBe('6 – 10 of 12');
    expect(host.pages).toEqual([{ pageIndex: 1, pageSize: 5, previousPageIndex: 0 }]);
    expect(await table.getRows()).toHaveLength(5);
  });

  it('shows the given page as is in server paging with a known total, and emits page changes', async () => {
    const { loader, host } = await render((h) => {
      h.paging.set('server');
      h.rows.set(RELEASES.slice(0, 5));
      h.total.set(40);
    });
    const paginator = await loader.getHarness(MatPaginatorHarness);
    expect(await paginator.getRangeLabel()).toBe('1 – 5 of 40');
    await paginator.goToNextPage();
    expect(host.pages).toEqual([{ pageIndex: 1, pageSize: 5, previousPageIndex: 0 }]);
  });

  it('does not sort rows itself in server paging: the caller gets the sort and fetches', async () => {
    const { loader, host } = await render((h) => {
      h.paging.set('server');
      h.rows.set(RELEASES.slice(0, 5));
      h.total.set(12);
    });
    const sort = await loader.getHarness(MatSortHarness);
    const [title] = await sort.getSortHeaders();
    await title?.click();
    await title?.click();
    expect(host.sorts.at(-1)).toEqual({ active: 'title', direction: 'desc' });
    const table = await loader.getHarness(MatTableHarness);
    expect((await table.getCellTextByIndex())[0]).toEqual(['Release 01', '2000']);
  });

  it('pages with cursors: no total claimed, next page offered while more rows exist', async () => {
    const { loader, host, fixture } = await render((h) => {
      h.paging.set('server');
      h.rows.set(RELEASES.slice(0, 5));
      h.hasMore.set(true);
    });
    const paginator = await loader.getHarness(MatPaginatorHarness);
    expect(await paginator.getRangeLabel()).toBe('1 – 5');
    await paginator.goToNextPage();
    expect(host.pages).toEqual([{ pageIndex: 1, pageSize: 5, previousPageIndex: 0 }]);
    host.rows.set(RELEASES.slice(5, 7));
    host.hasMore.set(false);
    await fixture.whenStable();
    expect(await paginator.getRangeLabel()).toBe('6 – 7');
    const next = await loader.getHarness(
      MatButtonHarness.with({ selector: '.mat-mdc-paginator-navigation-next' }),
    );
    expect(await next.isDisabled()).toBe(true);
  });

  it('shows the empty message when there are no rows', async () => {
    const { element } = await render((h) => h.rows.set([]));
    expect(element.querySelector('.bs-no-data')?.textContent?.trim()).toBe('No releases yet.');
  });
});
