// The Chromium managed policy for a kiosk (deploy/chromium-kiosk-policy.json, README "Kiosks"):
// valid JSON that Chromium reads (names and value types of its policy list), with every lock the
// README promises, and nothing reachable but the app's own origin.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

// Each policy: the type Chromium expects, and the value a kiosk needs (see README, "Kiosks").
const EXPECTED = {
  IncognitoModeAvailability: 2, // forced: nothing of a visit outlives the browser
  DownloadRestrictions: 3, // no download at all
  PrintingEnabled: false,
  DeveloperToolsAvailability: 2, // not allowed
  URLBlocklist: ['*'], // everything but …
  BrowserGuestModeEnabled: false,
  BrowserAddPersonEnabled: false,
  PasswordManagerEnabled: false,
  AutofillAddressEnabled: false,
  AutofillCreditCardEnabled: false,
};

describe('the kiosk policy for Chromium', () => {
  test('locks the browser to the app', () => {
    const policy = JSON.parse(readFileSync('deploy/chromium-kiosk-policy.json', 'utf8'));
    for (const [name, value] of Object.entries(EXPECTED)) assert.deepEqual(policy[name], value, name);
    // … the app's own origin: one https: origin, no path, no wildcard.
    assert.equal(policy.URLAllowlist.length, 1);
    const [allowed] = policy.URLAllowlist;
    assert.equal(new URL(allowed).origin, allowed);
    assert.equal(new URL(allowed).protocol, 'https:');
    assert.deepEqual(Object.keys(policy).sort(), [...Object.keys(EXPECTED), 'URLAllowlist'].sort(), 'no other policy');
  });
});
