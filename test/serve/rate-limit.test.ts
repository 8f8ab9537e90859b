/** The rate limit per token: one group's link beyond its requests of the minute gets 429, another group's link does not. */
import { serveTown, type ServedTown } from '../helpers/serve.js';

const LIMIT = 5;
let served: ServedTown;
beforeAll(async () => {
  served = await serveTown({ listen: false, now: '2019-12-08 15:00', server: { requestsPerMinute: LIMIT } });
}, 60_000);
afterAll(() => served.close());

test("one token's requests beyond the minute's limit get 429 too_many_requests; another group's token still gets 200", async () => {
  const t1 = served.token('1');
  const t2 = served.token('2');
  const day = (t: string) => served.app.inject({ method: 'GET', url: `/api/g/${t}/day?date=2019-12-08` });
  const codes: number[] = [];
  for (let i = 0; i < LIMIT; i++) codes.push((await day(t1)).statusCode);
  expect(codes).toEqual(Array(LIMIT).fill(200));
  const over = await day(t1);
  expect(over.statusCode).toBe(429);
  expect(over.json()).toEqual({ error: 'too_many_requests' });
  // The page of the same link counts against the same token.
  expect((await served.app.inject({ method: 'GET', url: `/g/${t1}` })).statusCode).toBe(429);
  const other = await day(t2);
  expect(other.statusCode).toBe(200);
  expect(other.json<{ group: { id: string } }>().group.id).toBe('2');
});
