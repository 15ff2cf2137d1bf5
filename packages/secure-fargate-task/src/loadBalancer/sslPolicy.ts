/**
 * HTTPS listener security policies.
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
 */

/**
 * The policy AWS recommends and the console uses for new HTTPS listeners: TLS 1.3 and TLS 1.2 with restricted
 * (forward-secret, GCM) ciphers, and hybrid post-quantum key exchange (ML-KEM) for clients that offer it. The APIs,
 * CloudFormation and CDK still default to `ELBSecurityPolicy-2016-08`, which admits TLS 1.0.
 */
export const RECOMMENDED_SSL_POLICY = "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09";

/**
 * Policies whose minimum protocol is TLS 1.2 or 1.3: the name carries the minimum (`TLS13-1-2`, `TLS13-1-3`, `TLS-1-2`,
 * `FS-1-2`). Refused: those admitting TLS 1.0 or 1.1 (`TLS13-1-0`, `TLS13-1-1`, `TLS-1-0`, `TLS-1-1`, `FS-1-1`,
 * `FS-2018-06`, `2016-08`, `2015-05`).
 */
export const MINIMUM_TLS12_POLICY = /^ELBSecurityPolicy-(?:TLS13-1-[23]|TLS-1-2|FS-1-2)(?:-[A-Za-z0-9]+)+$/;
