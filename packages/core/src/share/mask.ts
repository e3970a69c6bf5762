/**
 * Optional masking of IP addresses and hostnames. Both are consistent within one share (the
 * same input always maps to the same output) so relations survive: hostnames are masked label
 * by label, keeping wildcards and the top-level label, so `*.example.com` still intersects
 * `www.example.com` after masking. IPs map to documentation ranges (RFC 5737 / RFC 3849).
 */
const IPV4 = /\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b/g;
const IPV4_WHOLE = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?::\d+)?$/;
const IPV6 =
  /(?<![\w:])(?:(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}|(?:[0-9a-fA-F]{1,4}:){1,6}:(?:[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{1,4})*)?|::(?:[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{1,4})*))(?![\w:])/g;

/** Keys whose string values (or string array values) are hostnames. */
export const HOSTNAME_KEYS: ReadonlySet<string> = new Set([
  'hostname',
  'hostnames',
  'host',
  'sni',
  'externalName',
]);

export class Masker {
  readonly #ips = new Map<string, string>();
  readonly #labels = new Map<string, string>();
  constructor(
    readonly maskIPs: boolean,
    readonly maskHostnames: boolean,
  ) {}

  get maskedIPs(): number {
    return this.#ips.size;
  }
  get maskedHostLabels(): number {
    return this.#labels.size;
  }

  /** Masks every IP address inside free text (conditions' messages, addresses, ...). */
  text(value: string): string {
    if (!this.maskIPs) return value;
    return value.replace(IPV4, (ip) => this.#ip(ip, false)).replace(IPV6, (ip) => this.#ip(ip, true));
  }

  /** Masks a hostname value (`a.b.example.com`, `*.example.com`, `host:port`), then IPs. */
  hostname(value: string): string {
    if (!this.maskHostnames) return this.text(value);
    if (IPV4_WHOLE.test(value) || value.includes('::')) return this.text(value);
    const colon = value.lastIndexOf(':');
    const [host, port] = colon > 0 ? [value.slice(0, colon), value.slice(colon)] : [value, ''];
    const labels = host.split('.');
    const masked = labels.map((label, i) =>
      label === '*' || label === '' || i === labels.length - 1 ? label : this.#label(label.toLowerCase()),
    );
    return masked.join('.') + port;
  }

  #ip(ip: string, v6: boolean): string {
    const known = this.#ips.get(ip);
    if (known !== undefined) return known;
    const n = this.#ips.size + 1;
    const masked = v6 ? `2001:db8::${n.toString(16)}` : documentationIPv4(n);
    this.#ips.set(ip, masked);
    return masked;
  }

  #label(label: string): string {
    const known = this.#labels.get(label);
    if (known !== undefined) return known;
    const masked = `h${this.#labels.size + 1}`;
    this.#labels.set(label, masked);
    return masked;
  }
}

/** n-th address of 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, then 10.255.0.0/16. */
function documentationIPv4(n: number): string {
  const nets = ['192.0.2', '198.51.100', '203.0.113'];
  const net = Math.floor((n - 1) / 254);
  const host = ((n - 1) % 254) + 1;
  const prefix = nets[net];
  if (prefix !== undefined) return `${prefix}.${host}`;
  const rest = n - 254 * nets.length;
  return `10.255.${Math.floor(rest / 254) % 256}.${(rest % 254) + 1}`;
}
