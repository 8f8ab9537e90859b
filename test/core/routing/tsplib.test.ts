import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { HazeError } from '../../../src/errors.js';
import { tourLength } from '../../../src/core/routing/tsp.js';
import { euc2dDistance, formatTsplibTour, geoRadians, parseTsplibProblem, parseTsplibTour, tsplibDistance } from '../../../src/core/routing/tsplib.js';

/** The TSPLIB instances, copied into the repository with their source (bench/data/tsplib/SOURCE.md); jest runs from its root. */
const TSPLIB = path.resolve(process.cwd(), 'bench/data/tsplib');
const optima = JSON.parse(readFileSync(path.join(TSPLIB, 'optima.json'), 'utf8')) as Record<
  string,
  { optimal_length: number; canonical_tour_length_recomputed: number; dimension: number; edge_weight_type: string }
>;
const read = (file: string): string => readFileSync(path.join(TSPLIB, file), 'utf8');

describe('TSPLIB metrics on the shared instances', () => {
  const optTours = readdirSync(TSPLIB)
    .filter((f) => f.endsWith('.opt.tour'))
    .sort();

  it('finds the 13 optimal tours', () => {
    expect(optTours).toHaveLength(13);
  });

  it.each(optTours)('%s re-measures to the published optimum', (tourFile) => {
    const name = tourFile.replace(/\.opt\.tour$/, '');
    const problem = parseTsplibProblem(read(`${name}.tsp`), `${name}.tsp`);
    const tour = parseTsplibTour(read(tourFile), tourFile);
    expect(tour.order).toHaveLength(problem.dimension);
    expect(tourLength(tour.order, tsplibDistance(problem))).toBe(optima[name]!.optimal_length);
  });

  // The canonical tour 1,2,…,n; pcb442 = 221440 and gr666 = 423710 are TSPLIB DOC's own check values.
  it.each(Object.keys(optima).sort())('%s: canonical tour length, dimension and metric match optima.json', (name) => {
    const problem = parseTsplibProblem(read(`${name}.tsp`), `${name}.tsp`);
    const expected = optima[name]!;
    expect(problem.name).toBe(name);
    expect(problem.dimension).toBe(expected.dimension);
    expect(problem.edgeWeightType).toBe(expected.edge_weight_type);
    const canonical = Array.from({ length: problem.dimension }, (_, i) => i);
    expect(tourLength(canonical, tsplibDistance(problem))).toBe(expected.canonical_tour_length_recomputed);
  });
});

describe('TSPLIB distance functions', () => {
  it('EUC_2D rounds half up (nint)', () => {
    expect(euc2dDistance(0, 0, 3, 4)).toBe(5);
    expect(euc2dDistance(0, 0, 0, 2.5)).toBe(3);
    expect(euc2dDistance(0, 0, 0, 2.49)).toBe(2);
    expect(euc2dDistance(1, 1, 1, 1)).toBe(0);
  });

  it('GEO splits DDD.MM by truncation toward zero, also for negative values', () => {
    expect(geoRadians(10.3)).toBeCloseTo((3.141592 * 10.5) / 180, 12);
    expect(geoRadians(-23.31)).toBeCloseTo((3.141592 * -(23 + (5 * 0.31) / 3)) / 180, 12);
  });

  it('GEO distance is 0 from a node to itself and symmetric otherwise', () => {
    const problem = parseTsplibProblem(read('gr96.tsp'));
    const dist = tsplibDistance(problem);
    expect(dist(5, 5)).toBe(0);
    expect(dist(3, 40)).toBe(dist(40, 3));
    expect(Number.isInteger(dist(3, 40))).toBe(true);
  });
});

describe('parseTsplibProblem', () => {
  it('accepts header spacing variants, scientific notation, padded ids, leading spaces and no EOF', () => {
    const text = [
      'NAME : tiny',
      'COMMENT: three nodes',
      'TYPE: TSP',
      'DIMENSION :3',
      'EDGE_WEIGHT_TYPE : EUC_2D',
      'NODE_COORD_SECTION',
      '  0001 0.00000e+00 0',
      '0003   3.0e+00  4',
      ' 2 1.5e+0 2.0',
    ].join('\n');
    const problem = parseTsplibProblem(text);
    expect(problem).toMatchObject({ name: 'tiny', comment: 'three nodes', dimension: 3, edgeWeightType: 'EUC_2D' });
    expect(Array.from(problem.x)).toEqual([0, 1.5, 3]);
    expect(Array.from(problem.y)).toEqual([0, 2, 4]);
    expect(tourLength([0, 1, 2], tsplibDistance(problem))).toBe(3 + 3 + 5);
  });

  it('accepts CRLF line ends', () => {
    const text = 'NAME: crlf\r\nDIMENSION: 1\r\nEDGE_WEIGHT_TYPE: GEO\r\nNODE_COORD_SECTION\r\n1 10.30 -5.15\r\nEOF\r\n';
    expect(parseTsplibProblem(text).dimension).toBe(1);
  });

  const header = 'NAME: bad\nTYPE: TSP\nDIMENSION: 2\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n';
  const failures: [string, string, RegExp][] = [
    ['missing nodes', `${header}1 0 0\nEOF\n`, /1 nodes, DIMENSION says 2/],
    ['a repeated node', `${header}1 0 0\n1 1 1\n`, /node 1 appears twice/],
    ['an id out of range', `${header}1 0 0\n3 1 1\n`, /not in 1\.\.2/],
    ['a non-numeric coordinate', `${header}1 0 0\n2 x 1\n`, /not a number/],
    ['a short node line', `${header}1 0 0\n2 1\n`, /2 fields/],
    ['an unsupported metric', 'DIMENSION: 2\nEDGE_WEIGHT_TYPE: ATT\nNODE_COORD_SECTION\n', /ATT is not supported/],
    ['no dimension', 'EDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n', /no DIMENSION/],
    ['no node section', 'DIMENSION: 2\nEDGE_WEIGHT_TYPE: EUC_2D\nEOF\n', /no NODE_COORD_SECTION/],
    ['an asymmetric problem', 'TYPE: ATSP\nDIMENSION: 2\n', /TYPE ATSP/],
  ];
  it.each(failures)('rejects %s with a data error naming the line', (_label, text, message) => {
    let caught: unknown;
    try {
      parseTsplibProblem(text, 'bad.tsp');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(HazeError);
    const error = caught as HazeError;
    expect(error.code).toBe('HAZE_TSPLIB_FORMAT');
    expect(error.exitCode).toBe(65);
    expect(error.message).toMatch(message);
    expect(error.where?.file).toBe('bad.tsp');
    expect(error.where?.line).toBeGreaterThan(0);
  });
});

describe('parseTsplibTour and formatTsplibTour', () => {
  it('reads several ids per line and stops at -1 without EOF', () => {
    const tour = parseTsplibTour('NAME : t\nTYPE : TOUR\nDIMENSION : 5\nTOUR_SECTION\n 1  3  2\n 5 4\n-1\n');
    expect(tour).toEqual({ name: 't', dimension: 5, order: [0, 2, 1, 4, 3] });
  });

  it('rejects a tour that is not a permutation of its dimension', () => {
    expect(() => parseTsplibTour('DIMENSION : 3\nTOUR_SECTION\n1 2 2\n-1\n')).toThrow(/not a permutation/);
    expect(() => parseTsplibTour('DIMENSION : 3\nTOUR_SECTION\n1 2\n-1\n')).toThrow(/2 nodes, DIMENSION says 3/);
    expect(() => parseTsplibTour('DIMENSION : 3\nTOUR_SECTION\n1 2 4\n-1\n')).toThrow(/not a permutation/);
    expect(() => parseTsplibTour('NAME : x\n1 2 3\n')).toThrow(/no TOUR_SECTION/);
  });

  it('writes a tour that reads back to the same order', () => {
    const order = [0, 4, 2, 3, 1];
    const text = formatTsplibTour('five.tour', order, 'Length 42\nfound by haze');
    expect(text).toBe('NAME : five.tour\nTYPE : TOUR\nCOMMENT : Length 42 found by haze\nDIMENSION : 5\nTOUR_SECTION\n1\n5\n3\n4\n2\n-1\nEOF\n');
    expect(parseTsplibTour(text)).toEqual({ name: 'five.tour', dimension: 5, order });
  });
});
