import { describe, expect, it } from 'vitest';
import {
  clearApplying,
  crashedBefore,
  errorHeadline,
  fingerprint,
  isApplying,
  markApplying,
} from './crash-guard.ts';

function memory(): Map<string, string> & {
  getItem(k: string): string | null;
  setItem(k: string, v: string): void;
  removeItem(k: string): void;
} {
  const map = new Map<string, string>();
  return Object.assign(map, {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  });
}

describe('share crash guard', () => {
  it('recognises the link that was being applied when the app died, and only that one', () => {
    const storage = memory();
    const link = `#gs1.${'A'.repeat(100_000)}B`;
    markApplying(storage, link);
    // The app crashed: the marker is still there after the reload.
    expect(isApplying(storage)).toBe(true);
    expect(crashedBefore(storage, link)).toBe(true);
    expect(crashedBefore(storage, `#gs1.${'A'.repeat(100_000)}C`)).toBe(false);
    expect([...storage.values()][0]?.length).toBeLessThan(200);
  });

  it('a link that rendered is cleared and opens again next time', () => {
    const storage = memory();
    markApplying(storage, '#gs1.abc');
    clearApplying(storage);
    expect(crashedBefore(storage, '#gs1.abc')).toBe(false);
    expect(isApplying(storage)).toBe(false);
  });

  it('survives storage that throws (private mode)', () => {
    const broken = {
      getItem: (): string | null => {
        throw new Error('denied');
      },
      setItem: (): void => {
        throw new Error('denied');
      },
      removeItem: (): void => {
        throw new Error('denied');
      },
    };
    expect(() => markApplying(broken, '#gs1.x')).not.toThrow();
    expect(crashedBefore(broken, '#gs1.x')).toBe(false);
  });

  it('says which link failed and why, in one line without a stack', () => {
    const error = new RangeError('Maximum call stack size exceeded\n    at walk (index.js:1:2)');
    expect(errorHeadline(error, true)).toBe(
      'This link could not be opened: RangeError: Maximum call stack size exceeded',
    );
    expect(errorHeadline('x'.repeat(500), false)).toMatch(/^Something went wrong: x{200}…$/);
    expect(fingerprint('#gs1.short')).toBe('gs1.short');
  });
});
