/** The office view: /office… behind the password (filled in by the office's work). */
import type { FastifyPluginAsync } from 'fastify';
import type { ServeContext } from '../context.js';

export const officeRoutes: FastifyPluginAsync<{ ctx: ServeContext }> = async () => {};
