// The console guard works: journeys whose pages log a console error or throw fail, whether or
// not they look at errors themselves; a declared error passes, and only that one. The journeys
// (tests/e2e/guarded/journeys.mjs) run in a test runner of their own, whose verdicts are read.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { tolerate } from './browser.mjs';

describe('the console guard', () => {
  test('fails every journey whose page reported an error it did not declare', () => {
    // Mutation tried: the guard's afterEach not registered (browser.mjs) makes the first two
    // and the fourth journeys pass, and this test fail.
    const env = { ...process.env };
    delete env.NODE_TEST_CONTEXT; // a runner of its own, not a child of this one
    const run = spawnSync(process.execPath, ['--test', '--test-reporter=tap', 'tests/e2e/guarded/journeys.mjs'], {
      env,
      encoding: 'utf8',
    });
    const verdicts = Object.fromEntries(
      [...run.stdout.matchAll(/^(not ok|ok) \d+ - (.+)$/gm)].map(([, verdict, name]) => [name, verdict]),
    );
    assert.deepEqual(
      verdicts,
      {
        'a page that logs a console error': 'not ok',
        'a click whose handler throws': 'not ok',
        'an error the journey declared': 'ok',
        'an error other than the one declared': 'not ok',
        'a quiet page': 'ok',
      },
      run.stdout + run.stderr,
    );
    assert.match(run.stdout, /console error: logged by the journey/);
    assert.match(run.stdout, /uncaught: thrown by the handler/);
    assert.match(run.stdout, /console error: expected here, and more/);
    assert.notEqual(run.status, 0);
  });

  test('takes only anchored patterns, so a declared error names one message', () => {
    assert.throws(() => tolerate({}, /expected/), /anchored/);
    assert.throws(() => tolerate({}, 'expected'), /anchored/);
  });
});
