/**
 * Who is asking: the tenant and the user from a signed bearer token (JWT), verified with `jose`
 * against an HS256 secret or a JWKS URL from the configuration. The claims are `tenant` and `sub`.
 */
import { SignJWT, createRemoteJWKSet, jwtVerify } from 'jose';
import type { JWTVerifyGetKey } from 'jose';
import { AdapterError } from '../src/data/errors.js';

export interface AuthConfig {
  /** The HS256 secret tokens are signed with (`FORECOURT_JWT_SECRET`). */
  secret?: string;
  /** Where the signing keys are published (`FORECOURT_JWKS_URL`), instead of a secret. */
  jwksUrl?: string;
}

export interface Caller {
  tenant: string;
  user: string;
}

export type Verifier = (authorization: string | undefined) => Promise<Caller>;

const unauthorized = (message: string) => new AdapterError({ kind: 'auth', status: 401, message });

/** A verifier of `Authorization: Bearer <jwt>` headers. */
export function createVerifier(config: AuthConfig): Verifier {
  let key: Uint8Array | JWTVerifyGetKey;
  if (config.jwksUrl) key = createRemoteJWKSet(new URL(config.jwksUrl));
  else if (config.secret) key = new TextEncoder().encode(config.secret);
  else throw new Error('Set FORECOURT_JWT_SECRET or FORECOURT_JWKS_URL: the server verifies every request\'s token.');
  const algorithms = config.jwksUrl ? undefined : ['HS256'];
  return async (authorization) => {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw unauthorized('Sign in: the request has no bearer token.');
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, key as Uint8Array, algorithms ? { algorithms } : {}));
    } catch {
      throw unauthorized('The bearer token is not valid or has expired.');
    }
    const { tenant, sub } = payload;
    if (typeof tenant !== 'string' || !tenant || typeof sub !== 'string' || !sub) {
      throw unauthorized('The bearer token names no tenant or no user.');
    }
    return { tenant, user: sub };
  };
}

/** A token for `tenant` and `user`, signed with the HS256 `secret` (demo and tests). */
export function signToken(secret: string, caller: Caller, expiresIn = '30d'): Promise<string> {
  return new SignJWT({ tenant: caller.tenant })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(caller.user)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}
