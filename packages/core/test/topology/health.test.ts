import { describe, expect, it } from 'vitest';
import { conditionHealth, conditionsHealth, worst } from '../../src/topology/health.ts';
import { cond } from './fixtures.ts';

describe('condition polarity (DESIGN.md)', () => {
  it.each([
    ['Accepted', 'False', 'NotAllowedByListeners', 'error'],
    ['Programmed', 'False', 'Invalid', 'error'],
    ['ResolvedRefs', 'False', 'RefNotPermitted', 'error'],
    ['Ready', 'False', 'NotReady', 'error'],
    ['Accepted', 'True', 'Accepted', 'ok'],
    ['Conflicted', 'True', 'HostnameConflict', 'error'],
    ['Conflicted', 'False', 'NoConflicts', 'ok'],
    ['Detached', 'True', 'Detached', 'error'],
    ['PartiallyInvalid', 'True', 'UnsupportedValue', 'warning'],
    ['Accepted', 'Unknown', 'Pending', 'unknown'],
    ['Programmed', 'False', 'Pending', 'unknown'],
    ['SomethingElse', 'False', 'Whatever', 'ok'],
    ['AddressesAssigned', 'True', 'Assigned', 'ok'],
    ['AddressesAssigned', 'False', 'NotAssigned', 'error'],
    ['AddressesAssigned', 'False', 'PartiallyAssigned', 'warning'],
    ['OverlappingTLSConfig', 'True', 'OverlappingHostnames', 'warning'],
    ['InsecureFrontendValidationMode', 'True', 'ConfigurationChanged', 'warning'],
  ] as const)('%s=%s (%s) is %s', (type, status, reason, expected) => {
    expect(conditionHealth(cond(type, status, reason))).toBe(expected);
  });

  it('takes the worst of several conditions', () => {
    expect(conditionsHealth([cond('Accepted', 'True', 'Accepted'), cond('ResolvedRefs', 'False', 'X')])).toBe(
      'error',
    );
    expect(worst(['ok', 'unknown', 'warning'])).toBe('warning');
    expect(worst([])).toBe('ok');
  });
});
