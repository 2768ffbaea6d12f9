import { formatDiagnosticLine, formatTextReport, toValidationJson, useColor } from '../../src/commands/format-diagnostics.js';
import type { Diagnostic } from '../../src/validate/diagnostic.js';

const twoPrimaries: Diagnostic = {
  code: 'PG003',
  severity: 'error',
  message: 'two primaries in pg-test: 10.10.10.11, 10.10.10.12',
  path: 'all.children["pg-test"].hosts["10.10.10.12"].pg_role',
  file: 'environments/prod/pigsty.yml',
  line: 42,
  column: 9,
};
const evenEtcd: Diagnostic = { code: 'ETCD004', severity: 'warning', message: 'etcd has 2 members', path: 'all.children.etcd' };

describe('diagnostic formatting', () => {
  it('prints a positioned diagnostic like a compiler', () => {
    expect(formatDiagnosticLine(twoPrimaries, 'environments/prod', false)).toBe(
      'environments/prod/pigsty.yml:42:9 error PG003 two primaries in pg-test: 10.10.10.11, 10.10.10.12',
    );
  });

  it('falls back to the inventory path and names the JSON path when there is no position', () => {
    expect(formatDiagnosticLine(evenEtcd, 'environments/prod', false)).toBe(
      'environments/prod: warning ETCD004 etcd has 2 members (at all.children.etcd)',
    );
  });

  it('lists errors before warnings, then one summary line per inventory', () => {
    const text = formatTextReport(
      [
        { path: 'environments/prod', valid: false, diagnostics: [evenEtcd, twoPrimaries] },
        { path: 'environments/dev', valid: true, diagnostics: [] },
      ],
      false,
    );
    expect(text).toBe(
      'environments/prod/pigsty.yml:42:9 error PG003 two primaries in pg-test: 10.10.10.11, 10.10.10.12\n' +
        'environments/prod: warning ETCD004 etcd has 2 members (at all.children.etcd)\n' +
        'environments/prod: invalid (1 error, 1 warning)\n' +
        'environments/dev: ok (0 errors, 0 warnings)\n',
    );
  });

  it('colours severity and verdict only when asked', () => {
    expect(formatDiagnosticLine(twoPrimaries, 'x', true)).toBe(
      'environments/prod/pigsty.yml:42:9 \u001b[31m\u001b[1merror\u001b[0m PG003 two primaries in pg-test: 10.10.10.11, 10.10.10.12',
    );
  });

  it('uses colour on a terminal unless NO_COLOR is set', () => {
    expect(useColor(true, {})).toBe(true);
    expect(useColor(true, { NO_COLOR: '1' })).toBe(false);
    expect(useColor(true, { NO_COLOR: '' })).toBe(true);
    expect(useColor(false, {})).toBe(false);
  });

  it('splits diagnostics into errors and warnings in the JSON shape', () => {
    expect(toValidationJson([{ path: 'environments/prod', valid: false, diagnostics: [evenEtcd, twoPrimaries] }])).toEqual({
      results: [{ path: 'environments/prod', valid: false, errors: [twoPrimaries], warnings: [evenEtcd] }],
    });
  });
});
