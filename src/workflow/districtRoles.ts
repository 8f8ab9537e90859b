/**
 * The district database's accounts, for `haze db roles --apply` and `haze db account`: each opens the
 * district's door (connect.ts), does one thing, and closes it. The roles are made after the schema is brought
 * up to date (the grants name its tables); the account is read as the schema stands.
 */
import { accountOf, type DistrictAccount } from '../io/store/district/account.js';
import { withDistrict } from '../io/store/district/connect.js';
import { runRolesSql, type RolesRequest } from '../io/store/district/roles.js';

export async function applyRoles(url: string, req: RolesRequest): Promise<{ shownUrl: string }> {
  return withDistrict(url, { migrate: true }, async (d) => {
    await runRolesSql(d, req);
    return { shownUrl: d.shownUrl };
  });
}

export async function districtAccount(url: string): Promise<DistrictAccount> {
  return withDistrict(url, { migrate: false }, accountOf);
}
