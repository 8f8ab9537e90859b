/**
 * Which district database a command uses, and which town this is: the one answer every district command asks.
 * The database: the command's own argument, else --db / HAZE_DB when it is postgres://…, else haze.yaml's
 * district.db, else HAZE_DISTRICT_DB (given by the caller: workflow reads no environment).
 */
import { CODE, HazeError } from '../errors.js';
import { isPostgresUrl, type TownIdentity, type Workspace } from '../io/read/workspace.js';
import { maskUrl } from '../io/store/district/connect.js';

export function districtUrl(ws: Pick<Workspace, 'dbUrl' | 'districtDb' | 'configFile'>, given: string | undefined, fromEnv: string | undefined): string {
  const url = given ?? ws.dbUrl ?? ws.districtDb ?? fromEnv;
  if (url === undefined || url === '') {
    throw new HazeError(CODE.HAZE_DISTRICT_NOT_NAMED, {
      message: { zh: '没有指定区级数据库（postgres://…）', en: 'no district database (postgres://…) was named' },
    });
  }
  if (!isPostgresUrl(url)) {
    throw new HazeError(CODE.HAZE_DISTRICT_URL, {
      where: { file: maskUrl(url) },
      message: {
        zh: `区级数据库要写 postgres:// 或 postgresql:// 开头的连接串，而不是"${maskUrl(url)}"`,
        en: `the district database is a postgres:// or postgresql:// connection string, not "${maskUrl(url)}"`,
      },
    });
  }
  return url;
}

/** The town this workspace is (haze.yaml town:), or a message saying how to write it. */
export function townIdentity(ws: Pick<Workspace, 'town' | 'configFile'>): TownIdentity {
  if (ws.town) return ws.town;
  throw new HazeError(CODE.HAZE_DISTRICT_NO_TOWN, {
    where: { file: ws.configFile },
    message: { zh: `${ws.configFile} 没有写 town:（本乡镇的代码和名称）`, en: `${ws.configFile} has no town: (the town's code and name)` },
  });
}
