import type { Rule } from '../rule.js';
import { defaultPasswordsRule } from './default-passwords.js';
import { etcdMembersRule } from './etcd-members.js';
import { etcdQuorumRule } from './etcd-quorum.js';
import { globalVarsRule } from './global-vars.js';
import { groupStructureRule } from './group-structure.js';
import { hbaRulesRule } from './hba-rules.js';
import { hostKeysRule } from './host-keys.js';
import { infraMembersRule } from './infra-members.js';
import { minioConfigRule } from './minio-config.js';
import { minioMembersRule } from './minio-members.js';
import { moduleMembershipRule } from './module-membership.js';
import { pgClusterGroupRule } from './pg-cluster-group.js';
import { pgDatabasesRule } from './pg-databases.js';
import { pgInstancesRule } from './pg-instances.js';
import { pgPrimaryRule } from './pg-primary.js';
import { pgServicesRule } from './pg-services.js';
import { pgUsersRule } from './pg-users.js';
import { pgVipRule } from './pg-vip.js';
import { redisInstancesRule } from './redis-instances.js';
import { safeNamesRule } from './safe-names.js';

/** Every semantic rule, in the order docs/rules.md lists them. */
export function allRules(): Rule[] {
  return [
    globalVarsRule, groupStructureRule, hostKeysRule, moduleMembershipRule, safeNamesRule,
    infraMembersRule, etcdMembersRule, etcdQuorumRule, minioMembersRule, minioConfigRule,
    pgInstancesRule, pgPrimaryRule, pgClusterGroupRule, pgUsersRule, pgDatabasesRule, pgServicesRule,
    hbaRulesRule, pgVipRule, redisInstancesRule, defaultPasswordsRule,
  ];
}
