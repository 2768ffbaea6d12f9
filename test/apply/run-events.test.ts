import { RunEventBus, type RunEvent } from '../../src/apply/run-events.js';

const at = new Date(0);

describe('run event bus', () => {
  it('streams one run’s events in order and ends after its run-finished', async () => {
    const bus = new RunEventBus();
    const seen: RunEvent['type'][] = [];
    const reading = (async () => {
      for await (const event of bus.stream({ runId: '7' })) seen.push(event.type);
    })();
    bus.emit({ type: 'step-output', runId: '8', order: 1, stream: 'stdout', line: 'other run' });
    bus.emit({ type: 'step-started', runId: '7', order: 1, total: 1, argv: ['bin/pgsql-add', 'x'], time: at });
    bus.emit({ type: 'step-output', runId: '7', order: 1, stream: 'stdout', line: 'hello' });
    bus.emit({ type: 'run-finished', runId: '7', status: 'succeeded', error: undefined, time: at });
    bus.emit({ type: 'step-output', runId: '7', order: 1, stream: 'stdout', line: 'after the end' });
    await reading;
    expect(seen).toEqual(['step-started', 'step-output', 'run-finished']);
  });

  it('keeps delivering to other listeners when one throws', () => {
    const bus = new RunEventBus();
    const lines: string[] = [];
    bus.subscribe(() => {
      throw new Error('broken subscriber');
    });
    const off = bus.subscribe((e) => {
      if (e.type === 'step-output') lines.push(e.line);
    });
    bus.emit({ type: 'step-output', runId: '1', order: 1, stream: 'stderr', line: 'a' });
    off();
    bus.emit({ type: 'step-output', runId: '1', order: 1, stream: 'stderr', line: 'b' });
    expect(lines).toEqual(['a']);
  });
});
