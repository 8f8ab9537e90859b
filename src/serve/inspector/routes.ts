/** The inspector's page and its API: /g/<token> and /api/g/<token>/… (filled in by the inspector's work). */
import type { FastifyPluginAsync } from 'fastify';
import type { ServeContext } from '../context.js';

export const inspectorRoutes: FastifyPluginAsync<{ ctx: ServeContext }> = async () => {};
