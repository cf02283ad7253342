import atlas from 'world-atlas/countries-110m.json';
import { TERRITORY_CENTROIDS } from './territory-centroids';
import { circlePath, MAP_WIDTH, MARKER_RADIUS, worldMap } from './world-map-geometry';

/** Every x,y pair of absolute coordinates in SVG path data written by d3-geo (M, L and Z only). */
function points(d: string): [number, number][] {
  return [...d.matchAll(/(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/g)].map((match) => [
    Number(match[1]),
    Number(match[2]),
  ]);
}

describe('worldMap', () => {
  const world = worldMap();

  it('projects every country of the atlas except Antarctica, each once', () => {
    expect(world.shapes).toHaveLength(atlas.objects.countries.geometries.length - 1);
    expect(world.shapes.find((shape) => shape.code === 'AQ')).toBeUndefined();
    expect(new Set(world.shapes.map((shape) => shape.key)).size).toBe(world.shapes.length);
    for (const shape of world.shapes) expect(shape.d).toMatch(/^M/);
  });

  it('keys shapes by ISO alpha-2 code, with the names of the centroid table where it has one', () => {
    const byCode = (code: string) => world.shapes.find((shape) => shape.code === code);
    expect(byCode('FR')?.name).toBe('France');
    expect(byCode('US')?.name).toBe('United States');
    expect(byCode('XK')?.name).toBe('Kosovo');
    expect(byCode('TF')?.name).toBe('Fr. S. Antarctic Lands');
    expect(
      world.shapes
        .filter((shape) => shape.code === null)
        .map((shape) => shape.name)
        .sort(),
    ).toEqual(['N. Cyprus', 'Somaliland']);
  });

  it('fits the map to its width and keeps every shape and marker inside the viewBox', () => {
    const { x, y, width, height } = world.viewBox;
    expect(width).toBeCloseTo(MAP_WIDTH, 0);
    expect(height / width).toBeGreaterThan(0.4);
    expect(height / width).toBeLessThan(0.55);
    const inside = ([px, py]: readonly [number, number]) =>
      px >= x && px <= x + width && py >= y && py <= y + height;
    for (const shape of world.shapes) {
      for (const point of points(shape.d)) expect(inside(point)).toBe(true);
    }
    for (const centroid of world.shapeless) {
      const [cx, cy] = world.project(centroid.lon, centroid.lat);
      expect(inside([cx - MARKER_RADIUS, cy - MARKER_RADIUS])).toBe(true);
      expect(inside([cx + MARKER_RADIUS, cy + MARKER_RADIUS])).toBe(true);
    }
  });

  it('draws as markers exactly the territories of the centroid table that the atlas lacks', () => {
    const shapeless = world.shapeless.map((centroid) => centroid.code);
    expect(shapeless).toEqual(expect.arrayContaining(['SG', 'MT', 'BH', 'MV', 'LI', 'MC', 'AD', 'SM', 'WS']));
    expect(shapeless).not.toContain('FR');
    const drawn = new Set([...world.shapes.map((shape) => shape.code), ...shapeless]);
    for (const centroid of TERRITORY_CENTROIDS) expect(drawn.has(centroid.code)).toBe(true);
  });

  it('keeps geography: west is left, north is up, the date line wraps', () => {
    const [franceX, franceY] = world.project(2.4, 46.6);
    const [brazilX, brazilY] = world.project(-51.9, -14.2);
    const [samoaX] = world.project(188, -13.8);
    expect(brazilX).toBeLessThan(franceX);
    expect(franceY).toBeLessThan(brazilY);
    expect(samoaX).toBeLessThan(brazilX);
  });

  it('is projected once', () => {
    expect(worldMap()).toBe(world);
  });
});

describe('circlePath', () => {
  it('draws a closed circle of the radius around the point', () => {
    expect(circlePath(10, 20, 4)).toBe('M6,20a4,4 0 1,0 8,0a4,4 0 1,0 -8,0Z');
  });
});
