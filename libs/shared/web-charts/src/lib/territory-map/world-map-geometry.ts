import { geoEqualEarth, geoPath, type GeoProjection } from 'd3-geo';
import { numericToAlpha2 } from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection as GeoGeometryCollection, MultiPoint } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-110m.json';
import { TERRITORY_CENTROIDS, type TerritoryCentroid } from './territory-centroids';

/** Width of the map in SVG units. The SVG scales to its container through its viewBox, so shapes are projected once, whatever the width. */
export const MAP_WIDTH = 960;
/** Radius, in SVG units, of the marker of a territory too small for the atlas. */
export const MARKER_RADIUS = 4;
/** Room around the drawing, in SVG units, so that edge strokes and markers are not cut off. */
const PADDING = MARKER_RADIUS + 2;
/** ISO 3166-1 numeric code of Antarctica: left out, it would take a fifth of the height for no listener. */
const ANTARCTICA = '010';
/** Shapes the atlas leaves without an ISO code but that services report on, by the atlas's name. */
const UNCODED_SHAPES: ReadonlyMap<string, string> = new Map([['Kosovo', 'XK']]);

interface CountryProperties {
  readonly name: string;
}

type CountriesTopology = Topology<{ countries: GeometryCollection<CountryProperties> }>;

/** One country of the atlas, projected. */
export interface WorldShape {
  /** Unique among shapes: the ISO code, or the atlas's name for the few disputed shapes without one. */
  readonly key: string;
  /** ISO 3166-1 alpha-2 code; null for a shape that has none (e.g. Somaliland). */
  readonly code: string | null;
  readonly name: string;
  /** SVG path data. */
  readonly d: string;
  /** Where its tooltip points, in SVG units. */
  readonly anchor: readonly [number, number];
}

/** The projected world: country shapes, the viewBox that holds them and the projection for markers. */
export interface WorldMap {
  readonly shapes: readonly WorldShape[];
  /** Territories of the centroid table that have no shape in the atlas, and so are drawn as markers. */
  readonly shapeless: readonly TerritoryCentroid[];
  readonly viewBox: {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
  };
  /** Projects longitude and latitude (degrees) to SVG units. */
  readonly project: (lon: number, lat: number) => readonly [number, number];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** JSON imports are typed loosely (`type: string`); this checks the little that `feature` relies on. */
function isCountriesTopology(value: unknown): value is CountriesTopology {
  if (!isRecord(value) || value['type'] !== 'Topology' || !Array.isArray(value['arcs'])) return false;
  const objects = value['objects'];
  if (!isRecord(objects)) return false;
  const countries = objects['countries'];
  return (
    isRecord(countries) &&
    countries['type'] === 'GeometryCollection' &&
    Array.isArray(countries['geometries'])
  );
}

function projectWith(projection: GeoProjection): WorldMap['project'] {
  return (lon, lat) => {
    const point = projection([lon, lat]);
    if (!point) throw new Error(`Cannot project ${lon},${lat}`);
    return [point[0], point[1]];
  };
}

function buildWorldMap(): WorldMap {
  const topology: unknown = atlas;
  if (!isCountriesTopology(topology))
    throw new Error('world-atlas/countries-110m.json is not a countries topology');
  const countries = feature(topology, topology.objects.countries);
  const features = countries.features.filter((country) => String(country.id) !== ANTARCTICA);

  const centroids = new Map(TERRITORY_CENTROIDS.map((centroid) => [centroid.code, centroid]));
  const coded = features.map((country) => {
    const name = country.properties.name;
    const code =
      (country.id === undefined ? undefined : numericToAlpha2(country.id)) ??
      UNCODED_SHAPES.get(name) ??
      null;
    return { country, name, code };
  });
  const drawn = new Set(coded.map(({ code }) => code));
  const shapeless = TERRITORY_CENTROIDS.filter((centroid) => !drawn.has(centroid.code));
  // Fitted to the markers too: Pacific islands lie further out than the shapes' edges.
  const markers: MultiPoint = {
    type: 'MultiPoint',
    coordinates: shapeless.map((centroid) => [centroid.lon, centroid.lat]),
  };
  const extent: GeoGeometryCollection = {
    type: 'GeometryCollection',
    geometries: [...features.map(({ geometry }) => geometry), markers],
  };

  const projection = geoEqualEarth().fitWidth(MAP_WIDTH - 2 * PADDING, extent);
  // A tenth of a unit is below a pixel at any width the map is shown at, and halves the path data.
  const path = geoPath(projection).digits(1);
  const project = projectWith(projection);

  const shapes: WorldShape[] = [];
  for (const { country, name, code } of coded) {
    const d = path(country);
    if (!d) continue;
    const centroid = code === null ? undefined : centroids.get(code);
    shapes.push({
      key: code ?? name,
      code,
      name: centroid?.name ?? name,
      d,
      anchor: centroid ? project(centroid.lon, centroid.lat) : path.centroid(country),
    });
  }

  const [[left, top], [right, bottom]] = path.bounds(extent);
  const viewBox = {
    x: round(left - PADDING),
    y: round(top - PADDING),
    width: round(right - left + 2 * PADDING),
    height: round(bottom - top + 2 * PADDING),
  };
  return { shapes, shapeless, viewBox, project };
}

let worldMapCache: WorldMap | null = null;

/**
 * The world map, projected on first use and kept: the consoles import this library's barrel, and a
 * top-level constant would keep the atlas in every bundle (a call is not tree-shaken), while the
 * map only belongs in the lazy chunk of a page that draws it.
 */
export function worldMap(): WorldMap {
  worldMapCache ??= buildWorldMap();
  return worldMapCache;
}

/** SVG path data of a circle, so that markers are drawn, outlined and focused like shapes. */
export function circlePath(x: number, y: number, radius: number): string {
  const r = round(radius);
  return `M${round(x - radius)},${round(y)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
