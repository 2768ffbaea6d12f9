import { parsePid, processAlive, signalProcess } from '../support/processes.js';

// The test helpers that kill processes must never turn a bad pid into a group-wide or machine-wide kill.
describe('test process helpers', () => {
  it('parses only real pids', () => {
    expect(parsePid('1234\n')).toBe(1234);
    expect(parsePid('')).toBeUndefined();
    expect(parsePid('0')).toBeUndefined();
    expect(parsePid('1')).toBeUndefined();
    expect(parsePid('-5')).toBeUndefined();
    expect(parsePid('12ab')).toBeUndefined();
  });

  it('refuses to signal pid 0, -1 or a negative pid (process groups, every process)', () => {
    for (const pid of [0, -1, -process.pid, 1, Number.NaN]) {
      expect(() => signalProcess(pid, 'SIGKILL')).toThrow('refusing to signal');
    }
    expect(processAlive(process.pid)).toBe(true);
  });
});
