#!/usr/bin/env node
// Deterministic synthetic Pigsty inventory generator for benchmarks.
//
//   node bench/generate-inventory.mjs --clusters 1000 [--seed 1] [--mutate 50] > file.yml
//
// N Postgres clusters of 3 nodes (1 primary, 2 replicas) with users, databases, services,
// hba rules and parameters, plus an infra group and a 3-member etcd cluster (~2 KB per cluster).
// `--mutate K` produces the same inventory with K scattered, realistic changes (password
// rotated, database added, hba rule changed, instance added, parameter changed, cluster
// removed, …) so a plan benchmark can diff the two. Same arguments → same bytes.
import { pathToFileURL } from 'node:url';

/** mulberry32: small, fast, deterministic PRNG (the fast-scan mutation test uses it too). */
export function makeRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
function password(rand) {
  let out = '';
  for (let i = 0; i < 20; i++) out += ALPHABET[Math.floor(rand() * ALPHABET.length)];
  return out;
}
function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}

/** Node n (0-based) → a unique IPv4 address in 10.1.0.0/8 space, octets 1..250. */
function nodeIp(n) {
  return `10.${1 + Math.floor(n / 62500)}.${(Math.floor(n / 250) % 250) + 1}.${(n % 250) + 1}`;
}
function vipOf(i) {
  return `10.250.${Math.floor(i / 250) % 250}.${(i % 250) + 1}/24`;
}

const APPS = ['orders', 'billing', 'catalog', 'users', 'audit', 'search', 'events', 'reports', 'ledger', 'crm'];
const EXTENSIONS = ['postgis', 'pg_trgm', 'vector', 'timescaledb', 'pg_stat_statements', 'btree_gin'];

function makeCluster(rand, i) {
  const name = `pg-${APPS[i % APPS.length]}-${String(i + 1).padStart(4, '0')}`;
  const app = APPS[i % APPS.length];
  const instances = [0, 1, 2].map((k) => ({ ip: nodeIp(i * 3 + k), seq: k + 1, role: k === 0 ? 'primary' : 'replica', extra: {} }));
  return {
    name,
    instances,
    users: [
      { name: `dbuser_${app}`, password: password(rand), pgbouncer: true, roles: ['dbrole_readwrite'], comment: `${app} application user` },
      { name: `dbuser_${app}_ro`, password: password(rand), pgbouncer: true, roles: ['dbrole_readonly'], comment: `${app} read-only user` },
      { name: `dbuser_${app}_admin`, password: password(rand), pgbouncer: false, roles: ['dbrole_admin'], connlimit: 16, comment: `${app} admin` },
    ],
    databases: [
      { name: app, owner: `dbuser_${app}`, revokeconn: true, comment: `${app} main database`, extensions: [pick(rand, EXTENSIONS), pick(rand, EXTENSIONS)] },
      { name: `${app}_archive`, owner: `dbuser_${app}`, comment: `${app} archive`, extensions: [] },
    ],
    services: [{ name: 'standby', port: 5435, ip: '*', selector: '[]', backup: '[? pg_role == `primary`]', dest: 'default', check: '/sync', maxconn: 3000 }],
    hba: [
      { user: `dbuser_${app}`, db: app, addr: 'intra', auth: 'pwd', title: `${app} app access from intranet` },
      { user: `dbuser_${app}_ro`, db: app, addr: 'world', auth: 'ssl', title: `${app} read-only access over ssl` },
    ],
    parameters: { max_connections: 400 + Math.floor(rand() * 5) * 100, work_mem: `${pick(rand, [16, 32, 64])}MB`, log_min_duration_statement: 1000 },
    vip: vipOf(i),
  };
}

function flow(obj) {
  const parts = [];
  for (const [k, v] of Object.entries(obj)) parts.push(`${k}: ${scalar(v)}`);
  return `{ ${parts.join(', ')} }`;
}
function scalar(v) {
  if (Array.isArray(v)) return `[${v.map(scalar).join(', ')}]`;
  if (typeof v === 'object' && v !== null) return flow(v);
  if (typeof v === 'string') return /^[A-Za-z0-9_./-]+$/.test(v) && !/^(y|n|yes|no|on|off|true|false|null|[0-9.]+)$/i.test(v) ? v : `'${v.replace(/'/g, "''")}'`;
  return String(v);
}

function renderCluster(c) {
  const lines = [`    ${c.name}:`, '      hosts:'];
  for (const inst of c.instances) lines.push(`        ${inst.ip}: ${flow({ pg_seq: inst.seq, pg_role: inst.role, ...inst.extra })}`);
  lines.push('      vars:', `        pg_cluster: ${c.name}`, '        pg_users:');
  for (const u of c.users) lines.push(`          - ${flow(u)}`);
  lines.push('        pg_databases:');
  for (const d of c.databases) lines.push(`          - ${flow(d)}`);
  lines.push('        pg_services:');
  for (const s of c.services) lines.push(`          - ${flow(s)}`);
  lines.push('        pg_hba_rules:');
  for (const h of c.hba) lines.push(`          - ${flow(h)}`);
  lines.push('        pg_parameters:');
  for (const [k, v] of Object.entries(c.parameters)) lines.push(`          ${k}: ${scalar(v)}`);
  lines.push('        pg_crontab:', "          - '00 01 * * 1 /pg/bin/pg-backup full'", "          - '00 01 * * 2,3,4,5,6,7 /pg/bin/pg-backup'");
  lines.push('        pg_libs: \'timescaledb, pg_stat_statements, auto_explain\'');
  lines.push('        pg_vip_enabled: true', `        pg_vip_address: ${c.vip}`, '        pg_vip_interface: eth1', '');
  return lines.join('\n');
}

const MUTATIONS = ['password', 'database', 'hba', 'instance', 'parameter', 'remove', 'user', 'service'];

function mutate(rand, clusters, count) {
  let extraNode = 0;
  for (let m = 0; m < count && clusters.length > 0; m++) {
    const idx = Math.floor(rand() * clusters.length);
    const c = clusters[idx];
    const kind = MUTATIONS[m % MUTATIONS.length];
    switch (kind) {
      case 'password':
        pick(rand, c.users).password = password(rand);
        break;
      case 'database':
        c.databases.push({ name: `${c.databases[0].name}_x${m}`, owner: c.users[0].name, comment: 'added by mutation' });
        break;
      case 'hba':
        c.hba[0] = { ...c.hba[0], addr: '10.0.0.0/8', title: `${c.hba[0].title} (restricted)` };
        break;
      case 'instance':
        c.instances.push({ ip: `10.240.${Math.floor(extraNode / 250) % 250}.${(extraNode % 250) + 1}`, seq: c.instances.length + 1, role: 'replica', extra: {} });
        extraNode++;
        break;
      case 'parameter':
        c.parameters.max_connections += 100;
        break;
      case 'remove':
        clusters.splice(idx, 1);
        break;
      case 'user':
        c.users.push({ name: `dbuser_extra_${m}`, password: password(rand), pgbouncer: true, roles: ['dbrole_readonly'], comment: 'added by mutation' });
        break;
      case 'service':
        c.services.push({ name: 'offline', port: 5438, ip: '*', selector: '[? pg_role == `offline`]', backup: '[? pg_role == `replica`]', dest: 'postgres', check: '/replica' });
        break;
      default:
        break;
    }
  }
}

/** Generates the inventory text. Deterministic in (clusters, seed, mutate). */
export function generateInventory({ clusters = 100, seed = 1, mutate: mutations = 0 } = {}) {
  const rand = makeRandom(seed);
  const list = [];
  for (let i = 0; i < clusters; i++) list.push(makeCluster(rand, i));
  if (mutations > 0) mutate(makeRandom(seed * 7919 + mutations), list, mutations);
  const adminIp = '10.0.0.10';
  const head = [
    '# Synthetic Pigsty inventory generated by bench/generate-inventory.mjs',
    `# clusters=${clusters} seed=${seed} mutate=${mutations}`,
    'all:',
    '  children:',
    '    infra:',
    '      hosts:',
    `        ${adminIp}: { infra_seq: 1 }`,
    '    etcd:',
    '      hosts:',
    `        ${adminIp}: { etcd_seq: 1 }`,
    '        10.0.0.11: { etcd_seq: 2 }',
    '        10.0.0.12: { etcd_seq: 3 }',
    '      vars:',
    '        etcd_cluster: etcd',
    '',
  ].join('\n');
  const body = list.map(renderCluster).join('\n');
  const tail = [
    '  vars:',
    '    version: v4.0.0',
    `    admin_ip: ${adminIp}`,
    '    region: default',
    '    node_tune: oltp',
    '    pg_conf: oltp.yml',
    `    pg_admin_password: ${password(rand)}`,
    `    pg_monitor_password: ${password(rand)}`,
    `    pg_replication_password: ${password(rand)}`,
    `    patroni_password: ${password(rand)}`,
    `    haproxy_admin_password: ${password(rand)}`,
    `    grafana_admin_password: ${password(rand)}`,
    '    pg_version: 17',
    '',
  ].join('\n');
  return `${head}\n${body}\n${tail}`;
}

function parseArgs(argv) {
  const opts = { clusters: 100, seed: 1, mutate: 0 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = Number(argv[i + 1]);
    if (!['--clusters', '--seed', '--mutate'].includes(flag) || !Number.isInteger(value) || value < 0) {
      process.stderr.write(`usage: generate-inventory.mjs --clusters N [--seed S] [--mutate K]\n`);
      process.exit(2);
    }
    opts[flag.slice(2)] = value;
    i++;
  }
  return opts;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(generateInventory(parseArgs(process.argv.slice(2))));
}
