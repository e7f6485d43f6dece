// A software passkey authenticator for the API tests: an ES256 key pair from node:crypto, 'none' attestation,
// authenticator data with the flags user present, user verified and attested credential data, and the CBOR it
// travels in. It answers the server's options the way a browser hands an authenticator's answer on, and lets a
// test break one thing at a time (origin, flags, counter, challenge).
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

type Cbor = number | string | Uint8Array | Cbor[] | Map<number | string, Cbor>;

function head(major: number, n: number): Buffer {
  if (n < 24) return Buffer.from([(major << 5) | n]);
  if (n < 0x100) return Buffer.from([(major << 5) | 24, n]);
  if (n < 0x10000) return Buffer.from([(major << 5) | 25, n >> 8, n & 0xff]);
  const b = Buffer.alloc(5);
  b[0] = (major << 5) | 26;
  b.writeUInt32BE(n, 1);
  return b;
}

/** Minimal CBOR (RFC 8949): unsigned and negative integers, byte and text strings, arrays and maps. */
export function cbor(value: Cbor): Buffer {
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    return Buffer.concat([head(3, bytes.length), bytes]);
  }
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), value]);
  if (Array.isArray(value)) return Buffer.concat([head(4, value.length), ...value.map(cbor)]);
  return Buffer.concat([head(5, value.size), ...[...value].flatMap(([k, v]) => [cbor(k), cbor(v)])]);
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest();
const b64u = (data: Buffer) => data.toString('base64url');
const counterBytes = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

export const flags = { up: 0x01, uv: 0x04, at: 0x40 } as const;

interface Credential {
  id: Buffer;
  privateKey: KeyObject;
  counter: number;
}

export interface Overrides {
  origin?: string;
  rpId?: string;
  flags?: number;
  /** Signs with this counter instead of the next one. */
  counter?: number;
  challenge?: string;
  type?: string;
}

export class SoftwareAuthenticator {
  readonly credentials: Credential[] = [];
  constructor(private readonly origin: string) {}

  private clientData(type: string, challenge: string, o: Overrides) {
    return Buffer.from(JSON.stringify({ type: o.type ?? type, challenge: o.challenge ?? challenge, origin: o.origin ?? this.origin, crossOrigin: false }));
  }

  /** navigator.credentials.create(): a new key pair, its public key as COSE in 'none' attestation. */
  create(options: { challenge: string; rp: { id?: string } }, o: Overrides = {}) {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    const cose = new Map<number, Cbor>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, Buffer.from(jwk.x!, 'base64url')],
      [-3, Buffer.from(jwk.y!, 'base64url')],
    ]);
    const credential: Credential = { id: randomBytes(16), privateKey, counter: o.counter ?? 0 };
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(credential.id.length);
    const authData = Buffer.concat([
      sha256(o.rpId ?? options.rp.id ?? ''),
      Buffer.from([o.flags ?? flags.up | flags.uv | flags.at]),
      counterBytes(credential.counter),
      Buffer.alloc(16), // aaguid: none
      idLength,
      credential.id,
      cbor(cose),
    ]);
    const attestationObject = cbor(new Map<string, Cbor>([['fmt', 'none'], ['attStmt', new Map()], ['authData', authData]]));
    this.credentials.push(credential);
    return {
      id: b64u(credential.id),
      rawId: b64u(credential.id),
      type: 'public-key',
      clientExtensionResults: {},
      response: {
        clientDataJSON: b64u(this.clientData('webauthn.create', options.challenge, o)),
        attestationObject: b64u(attestationObject),
        transports: ['internal'],
      },
    };
  }

  /** navigator.credentials.get(): signs authenticator data and the client data's hash with a credential's key. */
  get(options: { challenge: string; rpId?: string }, o: Overrides & { credential?: Credential } = {}) {
    const credential = o.credential ?? this.credentials[0];
    if (!credential) throw new Error('no credential created yet');
    credential.counter = o.counter ?? credential.counter + 1;
    const authData = Buffer.concat([sha256(o.rpId ?? options.rpId ?? ''), Buffer.from([o.flags ?? flags.up | flags.uv]), counterBytes(credential.counter)]);
    const clientDataJSON = this.clientData('webauthn.get', options.challenge, o);
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), credential.privateKey);
    return {
      id: b64u(credential.id),
      rawId: b64u(credential.id),
      type: 'public-key',
      clientExtensionResults: {},
      response: { clientDataJSON: b64u(clientDataJSON), authenticatorData: b64u(authData), signature: b64u(signature) },
    };
  }
}
