/**
 * BackendTLSPolicy request cases of v1.7.0, the rows the input decides:
 * backendtlspolicy-invalid-ca-certificate-ref.go and -invalid-kind.go (a policy without a usable
 * CA certificate: "HTTP requests to a backend targeted by this policy should fail with a 5xx
 * response", StatusCodes 500/502/503), and the requests that reach a policy-protected backend
 * (backendtlspolicy.go, -san.go matching SANs, -grpcroute.go, -tlsroute-terminate.go).
 * Not transcribed: the host/cert/SAN mismatch rows (their failure depends on the certificate the
 * backend serves, which is in a Secret the tool never reads) and the conflict-resolution rows
 * (they check the SNI the backend saw).
 */
import { INFRA, rowsOf } from './case-types.ts';
import type { ConfCase, ConfExpect, ConfRequest } from './case-types.ts';

const V17 = { versions: ['v1.7.0'] as const };
const ADAPTED =
  'The stored upstream Go sources of the BackendTLSPolicy tests predate v1.7.0 (older Gateway and ' +
  'paths); the rows use the v1.7.0 manifest paths with the outcome the test names state.';
const abc = (path: string): ConfRequest => ({ host: 'abc.example.com', path });
const fails: ConfExpect = { statuses: [500, 502, 503] };
const ok = (backend: string): ConfExpect => ({ backend, status: 200 });
const GRPC_SERVICE = 'gateway_api_conformance.echo_basic.grpcecho.GrpcEcho';

export const BACKEND_TLS_CASES: ConfCase[] = [
  ...rowsOf(
    'BackendTLSPolicyInvalidCACertificateRef',
    'backendtlspolicy-invalid-ca-certificate-ref.yaml',
    [
      [abc('/backendtlspolicy-nonexistent-ca-certificate-ref'), fails],
      [abc('/backendtlspolicy-malformed-ca-certificate-ref'), fails],
    ],
    V17,
  ),
  ...rowsOf(
    'BackendTLSPolicyInvalidKind',
    'backendtlspolicy-invalid-kind.yaml',
    [[abc('/backendtlspolicy-invalid-kind'), fails]],
    V17,
  ),
  ...rowsOf(
    'BackendTLSPolicy',
    'backendtlspolicy.yaml',
    [[abc('/backendtlspolicy'), ok('backendtlspolicy-test')]],
    {
      ...V17,
      adapted: ADAPTED,
    },
  ),
  ...rowsOf(
    'BackendTLSPolicySANValidation',
    'backendtlspolicy-san.yaml',
    [
      [abc('/backendtlspolicy-san-dns'), ok('backendtlspolicy-san-dns-test')],
      [abc('/backendtlspolicy-san-uri'), ok('backendtlspolicy-san-uri-test')],
      [abc('/backendtlspolicy-multiple-sans'), ok('backendtlspolicy-multiple-sans-test')],
    ],
    { ...V17, adapted: ADAPTED },
  ),
  ...rowsOf(
    'BackendTLSPolicyGRPCRoute',
    'backendtlspolicy-grpcroute.yaml',
    [
      [
        { protocol: 'GRPC', host: 'abc.example.com', grpc: { service: GRPC_SERVICE, method: 'Echo' } },
        { backend: 'backendtlspolicy-grpc-test', grpcCode: 'OK' },
      ],
    ],
    { ...V17, adapted: ADAPTED },
  ),
  ...rowsOf(
    'BackendTLSPolicyTLSRouteTerminate',
    'backendtlspolicy-tlsroute-terminate.yaml',
    [[{ protocol: 'TLS', port: 8443, sni: 'tls.example.com' }, { backend: 'btls-terminate-tls-backend' }]],
    { ...V17, adapted: ADAPTED, gateway: `${INFRA}/gateway-btls-tlsroute-terminate` },
  ),
];
