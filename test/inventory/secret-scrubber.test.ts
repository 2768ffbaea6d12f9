import { createSecretScrubber } from '../../src/inventory/secret-scrubber.js';

const scrub = createSecretScrubber(['test', 'pigsty', 'DBUser.Meta', 'abc'], { mask: '<redacted>', publicNames: ['pigsty'] });

describe('createSecretScrubber', () => {
  it('masks a secret standing as a whole token: after =, :, quotes, spaces, in URLs', () => {
    expect(scrub('password=test')).toBe('password=<redacted>');
    expect(scrub('{"password": "DBUser.Meta"}')).toBe('{"password": "<redacted>"}');
    expect(scrub('postgres://dbuser_meta:DBUser.Meta@10.10.10.10/meta')).toBe('postgres://dbuser_meta:<redacted>@10.10.10.10/meta');
    expect(scrub('test')).toBe('<redacted>');
    expect(scrub('the secret is DBUser.Meta.')).toBe('the secret is <redacted>.');
  });

  it('leaves names and words that merely contain a secret intact', () => {
    expect(scrub('bin/pgsql-add pg-test')).toBe('bin/pgsql-add pg-test');
    expect(scrub('tests pass; test_db and test-1 exist')).toBe('tests pass; test_db and test-1 exist');
    expect(scrub('xDBUser.Meta')).toBe('xDBUser.Meta');
  });

  it('never masks a value that is also a public name, nor values shorter than four characters', () => {
    expect(scrub('../shared/pigsty/conf and pigsty')).toBe('../shared/pigsty/conf and pigsty');
    expect(scrub('abc')).toBe('abc');
  });
});
