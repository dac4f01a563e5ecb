import { describe, expect, it } from 'vitest';
import { parseSimArgs } from './sim-options';

describe('parseSimArgs', () => {
  it('defaults to the demo world on 127.0.0.1:18080', () => {
    const options = parseSimArgs([]);
    expect(options).toMatchObject({ port: 18080, host: '127.0.0.1', faults: {}, help: false });
    expect(options.fixture).toBeUndefined();
  });

  it('reads every flag', () => {
    const options = parseSimArgs(['--port', '0', '--step-ms', '5', '--control', '--generate', 'stacks=2,services=1,containers=1', '--fault', 'upgrade_fail', '--faults', '{"page_size":3}', '--ping-ms', '100']);
    expect(options).toMatchObject({ port: 0, stepMs: 5, control: true, pingMs: 100, faults: { upgrade_fail: true, page_size: 3 } });
    expect((options.fixture as { stacks: unknown[] }).stacks).toHaveLength(2);
  });

  it.each([
    [['--port', '70000'], '--port'],
    [['--port'], '--port needs a value'],
    [['--bogus'], 'unknown option --bogus'],
    [['--fault', 'nope=1'], 'unknown fault knob'],
  ])('rejects %j', (argv, message) => {
    expect(() => parseSimArgs(argv)).toThrow(message);
  });
});
