import { TERRITORY_CENTROIDS } from './territory-centroids';
import { layoutTileGrid, worldTileGrid } from './tile-grid-layout';

describe('layoutTileGrid', () => {
  const grid = worldTileGrid();

  it('places every territory exactly once, on its own cell, inside the trimmed grid', () => {
    expect(grid.tiles).toHaveLength(TERRITORY_CENTROIDS.length);
    expect(new Set(grid.tiles.map((tile) => tile.code)).size).toBe(TERRITORY_CENTROIDS.length);
    expect(new Set(grid.tiles.map((tile) => `${tile.column},${tile.row}`)).size).toBe(grid.tiles.length);
    for (const tile of grid.tiles) {
      expect(tile.column).toBeGreaterThanOrEqual(0);
      expect(tile.row).toBeGreaterThanOrEqual(0);
      expect(tile.column).toBeLessThan(grid.columns);
      expect(tile.row).toBeLessThan(grid.rows);
    }
    expect(Math.min(...grid.tiles.map((tile) => tile.column))).toBe(0);
    expect(Math.min(...grid.tiles.map((tile) => tile.row))).toBe(0);
  });

  it('uses ISO 3166-1 alpha-2 codes', () => {
    for (const tile of grid.tiles) expect(tile.code).toMatch(/^[A-Z]{2}$/);
  });

  it('keeps geography recognisable: neighbours stay in order', () => {
    const at = (code: string) => {
      const tile = grid.tiles.find((candidate) => candidate.code === code);
      if (!tile) throw new Error(`${code} is not on the grid`);
      return tile;
    };
    expect(at('PT').column).toBeLessThan(at('ES').column + 1);
    expect(at('ES').column).toBeLessThan(at('IT').column);
    expect(at('FR').column).toBeLessThan(at('DE').column);
    expect(at('NO').row).toBeLessThan(at('DE').row);
    expect(at('DE').row).toBeLessThan(at('IT').row);
    expect(at('US').row).toBeLessThan(at('MX').row);
    expect(at('MX').row).toBeLessThan(at('BR').row);
    expect(at('US').column).toBeLessThan(at('GB').column);
    expect(at('GB').column).toBeLessThan(at('CN').column);
    expect(at('CN').column).toBeLessThan(at('JP').column);
    expect(at('EG').row).toBeLessThan(at('ZA').row);
    expect(at('ID').row).toBeLessThan(at('AU').row);
    expect(at('AU').column).toBeLessThan(at('NZ').column);
  });

  it('is deterministic', () => {
    expect(layoutTileGrid(TERRITORY_CENTROIDS)).toEqual(grid);
  });

  it('refuses a grid too small for the territories', () => {
    expect(() =>
      layoutTileGrid(TERRITORY_CENTROIDS.slice(0, 5), {
        columns: 2,
        rows: 2,
        west: -10,
        east: 10,
        north: 10,
        south: -10,
      }),
    ).toThrow(/no room left/);
  });
});
