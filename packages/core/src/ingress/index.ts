// Ingress import: networking.k8s.io/v1 Ingress → Gateway API with notes.
export type { IngressConversion, IngressConversionOptions, IngressNote } from './types.ts';
export { convertIngresses, convertIngressYaml } from './convert.ts';
export { INGRESS_EXAMPLE } from './example.ts';
