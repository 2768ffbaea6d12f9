import { CappedOutput } from '../../src/apply/capped-output.js';
import { createSecretScrubber, SECRET_MASK } from '../../src/apply/secret-scrubber.js';

describe('capped step output', () => {
  it('keeps everything under the cap', () => {
    const out = new CappedOutput({ headBytes: 100, tailBytes: 100 });
    out.push('one');
    out.push('two');
    expect(out.text()).toBe('one\ntwo\n');
    expect(out.lastLines(1)).toBe('two');
  });

  it('keeps the head and the tail and says how much was dropped', () => {
    const out = new CappedOutput({ headBytes: 8, tailBytes: 8 });
    for (const line of ['l1', 'l2', 'l3', 'l4', 'l5', 'l6', 'l7', 'l8']) out.push(line);
    expect(out.text()).toBe('l1\nl2\n[pigsty-gitops: 4 lines (12 bytes) of output omitted]\nl7\nl8\n');
    expect(out.lineCount).toBe(8);
  });
});

describe('secret scrubber', () => {
  it('masks every occurrence, longest secret first', () => {
    const scrub = createSecretScrubber(['Pass', 'Pass.word+1', '']);
    expect(scrub('a Pass.word+1 b Pass c')).toBe(`a ${SECRET_MASK} b ${SECRET_MASK} c`);
  });

  it('treats regex characters literally', () => {
    const scrub = createSecretScrubber(['a.b*']);
    expect(scrub('axb a.b* a.bbb')).toBe(`axb ${SECRET_MASK} a.bbb`);
  });
});
