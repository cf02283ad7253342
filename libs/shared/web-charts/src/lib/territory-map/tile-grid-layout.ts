import { TERRITORY_CENTROIDS, type TerritoryCentroid } from './territory-centroids';

/** A territory's place on the tile grid. */
export interface TerritoryTile {
  readonly code: string;
  readonly name: string;
  readonly column: number;
  readonly row: number;
}

/** The laid-out grid, trimmed to the occupied rows and columns. */
export interface TileGrid {
  readonly columns: number;
  readonly rows: number;
  readonly tiles: readonly TerritoryTile[];
}

/** Grid size and the part of the globe it covers. */
export interface TileGridOptions {
  readonly columns: number;
  readonly rows: number;
  readonly west: number;
  readonly east: number;
  readonly north: number;
  readonly south: number;
}

/** Chosen so that every territory lands within three tiles of where it belongs. */
export const WORLD_GRID: TileGridOptions = {
  columns: 32,
  rows: 20,
  west: -165,
  east: 190,
  north: 72,
  south: -47,
};

/** Mercator's y: gives the crowded northern latitudes (Europe) more rows than the tropics. */
function mercator(lat: number): number {
  return Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
}

interface Placement {
  readonly centroid: TerritoryCentroid;
  readonly x: number;
  readonly y: number;
  column: number;
  row: number;
}

/**
 * Lays territories out as a tile map: each one gets the free cell nearest to where its centroid
 * projects, the most crowded regions first; then pairs of tiles (or a tile and an empty cell) swap
 * while that brings tiles closer to their true places. Deterministic: same input, same map.
 */
export function layoutTileGrid(
  centroids: readonly TerritoryCentroid[],
  options: TileGridOptions = WORLD_GRID,
): TileGrid {
  const { columns, rows } = options;
  const top = mercator(options.north);
  const bottom = mercator(options.south);
  const placements: Placement[] = centroids.map((centroid) => ({
    centroid,
    x: ((centroid.lon - options.west) / (options.east - options.west)) * (columns - 1),
    y: ((top - mercator(centroid.lat)) / (top - bottom)) * (rows - 1),
    column: -1,
    row: -1,
  }));

  const crowding = (placement: Placement) =>
    centroids.filter(
      (other) => Math.hypot(other.lat - placement.centroid.lat, other.lon - placement.centroid.lon) < 12,
    ).length;
  const crowdingOf = new Map(placements.map((placement) => [placement, crowding(placement)]));
  const order = [...placements].sort(
    (a, b) =>
      (crowdingOf.get(b) ?? 0) - (crowdingOf.get(a) ?? 0) || a.centroid.code.localeCompare(b.centroid.code),
  );

  const cells = new Map<number, Placement>();
  const key = (column: number, row: number) => row * columns + column;
  const cost = (placement: Placement, column: number, row: number) =>
    (column - placement.x) ** 2 + (row - placement.y) ** 2;

  for (const placement of order) {
    let best: { column: number; row: number; cost: number } | null = null;
    for (let row = 0; row < rows; row += 1) {
      for (let column = 0; column < columns; column += 1) {
        if (cells.has(key(column, row))) continue;
        const candidate = cost(placement, column, row);
        if (!best || candidate < best.cost - 1e-9) best = { column, row, cost: candidate };
      }
    }
    if (!best) throw new Error(`The ${columns}×${rows} grid has no room left for ${placement.centroid.code}`);
    placement.column = best.column;
    placement.row = best.row;
    cells.set(key(best.column, best.row), placement);
  }

  const reach = 3;
  for (let pass = 0, improved = true; improved && pass < 100; pass += 1) {
    improved = false;
    for (const a of order) {
      for (let dr = -reach; dr <= reach; dr += 1) {
        for (let dc = -reach; dc <= reach; dc += 1) {
          const column = a.column + dc;
          const row = a.row + dr;
          if ((dc === 0 && dr === 0) || column < 0 || row < 0 || column >= columns || row >= rows) continue;
          const b = cells.get(key(column, row));
          const before = cost(a, a.column, a.row) + (b ? cost(b, column, row) : 0);
          const after = cost(a, column, row) + (b ? cost(b, a.column, a.row) : 0);
          if (after >= before - 1e-9) continue;
          cells.delete(key(a.column, a.row));
          if (b) {
            b.column = a.column;
            b.row = a.row;
            cells.set(key(b.column, b.row), b);
          }
          a.column = column;
          a.row = row;
          cells.set(key(column, row), a);
          improved = true;
        }
      }
    }
  }

  const minColumn = Math.min(...placements.map((placement) => placement.column));
  const maxColumn = Math.max(...placements.map((placement) => placement.column));
  const minRow = Math.min(...placements.map((placement) => placement.row));
  const maxRow = Math.max(...placements.map((placement) => placement.row));
  return {
    columns: maxColumn - minColumn + 1,
    rows: maxRow - minRow + 1,
    tiles: placements.map((placement) => ({
      code: placement.centroid.code,
      name: placement.centroid.name,
      column: placement.column - minColumn,
      row: placement.row - minRow,
    })),
  };
}

let worldGrid: TileGrid | null = null;

/** The world tile grid, laid out once on first use. */
export function worldTileGrid(): TileGrid {
  worldGrid ??= layoutTileGrid(TERRITORY_CENTROIDS);
  return worldGrid;
}
