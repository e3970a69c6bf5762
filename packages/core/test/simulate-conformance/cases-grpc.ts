/**
 * Transcribed from conformance/tests/grpcroute-exact-method-matching.go, -header-matching.go,
 * -listener-hostname-matching.go, -named-rule.go and -weight.go. The upstream echo client calls
 * gateway_api_conformance.echo_basic.grpcecho.GrpcEcho/{Echo,EchoTwo,EchoThree}; metadata are
 * HTTP/2 headers; Authority is the Host.
 */
import { INFRA } from './case-types.ts';
import type { ConfCase, ConfExpect, ConfRequest } from './case-types.ts';

const SERVICE = 'gateway_api_conformance.echo_basic.grpcecho.GrpcEcho';
const call = (method: 'Echo' | 'EchoTwo' | 'EchoThree', extra: Partial<ConfRequest> = {}): ConfRequest => ({
  protocol: 'GRPC',
  grpc: { service: SERVICE, method },
  ...extra,
});
const ok = (n: 1 | 2 | 3): ConfExpect => ({ backend: `grpc-infra-backend-v${n}`, grpcCode: 'OK' });
const unimplemented: ConfExpect = { status: 404, grpcCode: 'UNIMPLEMENTED' };

function table(
  test: string,
  manifest: string,
  rows: [ConfRequest, ConfExpect][],
  gateway?: string,
): ConfCase[] {
  return rows.map(([request, expect]) => ({
    test,
    manifests: [manifest],
    request,
    expect,
    ...(gateway !== undefined ? { gateway: `${INFRA}/${gateway}` } : {}),
  }));
}
const meta = (headers: Record<string, string>): ConfRequest => call('Echo', { headers });
const authority = (host: string): ConfRequest => call('Echo', { host });

export const GRPC_CASES: ConfCase[] = [
  ...table('GRPCExactMethodMatching', 'grpcroute-exact-method-matching.yaml', [
    [call('Echo'), ok(1)],
    [call('EchoTwo'), ok(2)],
    [call('EchoThree'), unimplemented],
  ]),
  ...table('GRPCRouteHeaderMatching', 'grpcroute-header-matching.yaml', [
    [meta({ Version: 'one' }), ok(1)],
    [meta({ Version: 'two' }), ok(2)],
    [meta({ Version: 'two', Color: 'orange' }), ok(1)],
    [meta({ Version: 'two', Color: 'blue' }), ok(2)],
    [meta({ Color: 'orange' }), unimplemented],
    [meta({ 'Some-Other-Header': 'one' }), unimplemented],
    [meta({ Color: 'blue' }), ok(1)],
    [meta({ Color: 'green' }), ok(1)],
    [meta({ Color: 'red' }), ok(2)],
    [meta({ Color: 'yellow' }), ok(2)],
    [meta({ Color: 'purple' }), unimplemented],
  ]),
  ...table(
    'GRPCRouteListenerHostnameMatching',
    'grpcroute-listener-hostname-matching.yaml',
    [
      [authority('bar.com'), ok(1)],
      [authority('foo.bar.com'), ok(2)],
      [authority('baz.bar.com'), ok(3)],
      [authority('boo.bar.com'), ok(3)],
      [authority('multiple.prefixes.bar.com'), ok(3)],
      [authority('multiple.prefixes.foo.com'), ok(3)],
      [authority('foo.com'), unimplemented],
      [authority('no.matching.host'), unimplemented],
    ],
    'grpcroute-listener-hostname-matching',
  ),
  ...table('GRPCRouteNamedRule', 'grpcroute-named-rule.yaml', [
    [call('Echo'), ok(1)],
    [call('EchoTwo'), ok(2)],
  ]),
  ...table('GRPCRouteWeight', 'grpcroute-weight.yaml', [
    [
      call('Echo'),
      {
        grpcCode: 'OK',
        shares: { 'grpc-infra-backend-v1': 0.7, 'grpc-infra-backend-v2': 0.3, 'grpc-infra-backend-v3': 0 },
      },
    ],
  ]),
];
