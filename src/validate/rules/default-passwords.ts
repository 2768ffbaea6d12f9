import type { JsonPath } from '../../inventory/json-path.js';
import { formatJsonPath } from '../../inventory/json-path.js';
import type { Rule } from '../rule.js';
import type { Finding } from '../finding.js';
import { warning } from '../rule-support/findings.js';
import { varScopes } from '../rule-support/var-scopes.js';
import { isMap } from '../rule-support/values.js';

/**
 * Credentials Pigsty ships in its role defaults and conf/ templates (public knowledge, so a
 * deployment that keeps them is open to anyone who read the docs).
 */
export const PIGSTY_DEFAULT_PASSWORDS: ReadonlySet<string> = new Set([
  'DBUser.Meta', 'DBUser.Viewer', 'DBUser.DBA', 'DBUser.Monitor', 'DBUser.Replicator', 'DBUser.Root',
  'DBUser.Cluster', 'DBUser.Postgres', 'Patroni.API', 'Etcd.Root', 'HAProxy.Admin', 'pigsty', 'pgBackRest',
  'S3User.Backup', 'S3User.Meta', 'S3User.Data', 'S3User.MinIO', 'minioadmin', 'Vibe.Coding',
]);

/** Keys holding a credential: `*_password`, `password`, `cipher_pass`, `secret_key`, `s3_key_secret`, `*access_key`… */
const SECRET_KEY = /(?:^|_)(?:password|passwd|pass|secret|secret_key|key_secret|access_key)$/i;

/**
 * A credential still set to a published Pigsty default (SEC001, warning). Every variable scope
 * is walked once, nested lists and maps included. The message names the variable, never its value.
 */
export const defaultPasswordsRule: Rule = {
  codes: ['SEC001'],
  title: 'credentials are not Pigsty defaults',
  check(inventory) {
    const out: Finding[] = [];
    for (const scope of varScopes(inventory)) {
      walk(scope.vars, [], (relative) => {
        out.push(warning('SEC001', `${formatJsonPath(relative)} in ${scope.label} is a published Pigsty default credential: change it`, [...scope.path, ...relative]));
      });
    }
    return out;
  },
};

/** Walks `value` depth-first; `path` is one mutable stack (copied only when a match is reported). */
function walk(value: unknown, path: (string | number)[], report: (path: JsonPath) => void): void {
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      if (typeof item !== 'object' || item === null) continue;
      path.push(index);
      walk(item, path, report);
      path.pop();
    }
    return;
  }
  if (!isMap(value)) return;
  for (const key of Object.keys(value)) {
    const child = value[key];
    if (typeof child === 'string') {
      if (PIGSTY_DEFAULT_PASSWORDS.has(child) && SECRET_KEY.test(key)) report([...path, key]);
    } else if (typeof child === 'object' && child !== null) {
      path.push(key);
      walk(child, path, report);
      path.pop();
    }
  }
}
