import { LineSplitter } from '../../src/executor/line-splitter.js';
import { OutputTail } from '../../src/executor/output-tail.js';
import { buildShellCommand, quoteShellArg } from '../../src/executor/shell-quote.js';

describe('quoteShellArg and buildShellCommand', () => {
  it('single-quotes anything that is not a plain word', () => {
    expect(quoteShellArg('pg-test')).toBe('pg-test');
    expect(quoteShellArg("it's")).toBe(`'it'\\''s'`);
    expect(quoteShellArg('$(id)')).toBe(`'$(id)'`);
    expect(quoteShellArg('')).toBe(`''`);
  });

  it('builds cd && export && exec with every word quoted', () => {
    expect(buildShellCommand(['bin/pgsql-add', 'pg test'], '/home/dba/pigsty', { A_B: "x'y" })).toBe(
      `cd /home/dba/pigsty && export A_B='x'\\''y' && exec bin/pgsql-add 'pg test'`,
    );
  });

  it('rejects invalid environment names and relative directories', () => {
    expect(() => buildShellCommand(['true'], '/', { 'X;rm': '1' })).toThrow('invalid environment variable name');
    expect(() => buildShellCommand(['true'], 'tmp', undefined)).toThrow('working directory must be absolute');
    expect(() => buildShellCommand([], '/', undefined)).toThrow('empty command');
  });
});

describe('LineSplitter', () => {
  it('joins lines split across chunks, including a multi-byte character, and flushes the last line', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter((line) => lines.push(line));
    const euro = Buffer.from('€');
    splitter.push(Buffer.concat([Buffer.from('a'), euro.subarray(0, 1)]));
    splitter.push(Buffer.concat([euro.subarray(1), Buffer.from('b\r\nc')]));
    splitter.push('d\n\ne');
    splitter.end();
    expect(lines).toEqual(['a€b', 'cd', '', 'e']);
  });

  it('cuts a line longer than the limit into pieces', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter((line) => lines.push(line), 4);
    splitter.push('abcdefghij');
    splitter.end();
    expect(lines).toEqual(['abcd', 'efgh', 'ij']);
  });
});

describe('OutputTail', () => {
  it('keeps the last lines within the line and character bounds', () => {
    const tail = new OutputTail(3, 1000);
    for (const line of ['1', '2', '3', '4', '5']) tail.add(line);
    expect(tail.toString()).toBe('3\n4\n5');
    const small = new OutputTail(100, 10);
    for (const line of ['aaaa', 'bbbb', 'cccc']) small.add(line);
    expect(small.toString()).toBe('bbbb\ncccc');
  });
});
