/**
 * Minutes on site at a visit: the town's usual time, or the longer time it sets for large emitters (more
 * lines, kilns and logs to check). One rule, used by the route planner and by the automatic area split alike.
 */
import type { Enterprise, TownSetup } from '../model.js';
import { isLargeEmitter } from './priority.js';

export function serviceMinutes(setup: Pick<TownSetup, 'serviceMinutes' | 'serviceMinutesLarge'>, e: Enterprise, largeAt: number): number {
  return setup.serviceMinutesLarge && isLargeEmitter(e, largeAt) ? setup.serviceMinutesLarge : setup.serviceMinutes;
}
