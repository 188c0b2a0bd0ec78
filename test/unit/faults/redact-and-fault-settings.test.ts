import { describe, expect, it } from 'vitest';
import { parseFaultSettings } from '../../../activities/fault-point.ts';
import { ConfigError } from '../../../lib/errors.ts';
import { redactUrl } from '../../../lib/redact-url.ts';

describe('redactUrl', () => {
  it('hides the password and password-like parameters, keeps where it points', () => {
    expect(redactUrl('postgres://adpipe:s3cr%40t@db.internal:5432/ads?sslmode=require&password=x'))
      .toBe('postgres://adpipe:***@db.internal:5432/ads?sslmode=require&password=***');
    expect(redactUrl('http://default:pw@127.0.0.1:8123')).toBe('http://default:***@127.0.0.1:8123/');
  });
  it('leaves URLs without secrets and non-URLs alone', () => {
    expect(redactUrl('postgres://adpipe@db:5432/ads')).toBe('postgres://adpipe@db:5432/ads');
    expect(redactUrl('127.0.0.1:7233')).toBe('127.0.0.1:7233');
  });
});

describe('fault settings (ADPIPE_FAULT_POINTS, ADPIPE_FAULT_DELAY_MS)', () => {
  it('are off unless configured', () => {
    expect(parseFaultSettings({})).toEqual({ announce: false, delays: new Map() });
  });
  it('parse point:ms lists, "*" included; a delay implies announcing', () => {
    const s = parseFaultSettings({ ADPIPE_FAULT_DELAY_MS: 'loadDelta.rows:300, *:5' });
    expect(s.announce).toBe(true);
    expect([...s.delays]).toEqual([['loadDelta.rows', 300], ['*', 5]]);
  });
  it('reject malformed values naming the variable', () => {
    for (const bad of ['loadDelta.rows', 'x:-1', ':5', 'x:1.5']) {
      expect(() => parseFaultSettings({ ADPIPE_FAULT_DELAY_MS: bad })).toThrow(ConfigError);
      expect(() => parseFaultSettings({ ADPIPE_FAULT_DELAY_MS: bad })).toThrow(/ADPIPE_FAULT_DELAY_MS/);
    }
  });
});
