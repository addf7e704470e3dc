import { describe, expect, test, vi } from 'vitest';
import { sharedDataPath } from './shared-data';

describe('sharedDataPath', () => {
  test('an absent dataset is skipped with a one-line reason', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(sharedDataPath('no-such-dataset/file.csv', {})).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/^skipped: no-such-dataset\/file\.csv of the public datasets is not at .+\n?$/);
    expect(String(warn.mock.calls[0][0])).not.toContain('\n');
    warn.mockRestore();
  });

  test('with PARKOS_REQUIRE_SHARED_DATA=1 (CI) an absent dataset fails instead', () => {
    expect(() => sharedDataPath('no-such-dataset/file.csv', { PARKOS_REQUIRE_SHARED_DATA: '1' })).toThrow(/PARKOS_REQUIRE_SHARED_DATA=1 requires it/);
  });
});
