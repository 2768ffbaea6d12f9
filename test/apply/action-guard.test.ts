import { destructiveRefusal, runnableArgv, unsafeArgvReason } from '../../src/apply/action-guard.js';
import type { ApplyAction } from '../../src/apply/ports.js';

const action = (argv: string[], risk: ApplyAction['risk'] = 'safe'): ApplyAction => ({ id: 'a01', kind: 'k', argv, risk, reason: 'r' });

describe('action guard', () => {
  it('accepts Pigsty scripts and playbooks relative to the home, with any argument text', () => {
    expect(unsafeArgvReason(action(['bin/pgsql-user', 'pg-test', "dbuser 'quoted' $(x)"]))).toBeUndefined();
    expect(unsafeArgvReason(action(['./pgsql.yml', '-l', 'pg-test', '-t', 'pg_hba']))).toBeUndefined();
    expect(unsafeArgvReason(action(['pgsql.yml', '-l', 'pg-test']))).toBeUndefined();
  });

  it('refuses absolute paths, parent directories, empty argv and control characters', () => {
    expect(unsafeArgvReason(action(['/bin/rm', '-rf', '/']))).toContain('"/bin/rm"');
    expect(unsafeArgvReason(action(['../x/bin/pgsql-add']))).toBeDefined();
    expect(unsafeArgvReason(action(['bin/..']))).toBeDefined();
    expect(unsafeArgvReason(action([]))).toBe('empty argv');
    expect(unsafeArgvReason(action(['bin/pgsql-add', 'a\nb']))).toBe('an argument contains a control character');
  });

  it('prefixes a bare playbook with ./ so the shell never searches PATH', () => {
    expect(runnableArgv(action(['pgsql.yml', '-l', 'x']))).toEqual(['./pgsql.yml', '-l', 'x']);
    expect(runnableArgv(action(['bin/pgsql-add', 'x']))).toEqual(['bin/pgsql-add', 'x']);
  });

  it('refuses destructive actions unless allowed, naming them', () => {
    const actions = [action(['bin/pgsql-user', 'pg-test', 'u']), action(['bin/pgsql-rm', 'pg-old'], 'destructive')];
    expect(destructiveRefusal(actions, false)).toBe(
      'refused: the plan has 1 destructive action(s) (bin/pgsql-rm pg-old); re-run with --allow-destroy to run them',
    );
    expect(destructiveRefusal(actions, true)).toBeUndefined();
    expect(destructiveRefusal([actions[0] as ApplyAction], false)).toBeUndefined();
  });
});
