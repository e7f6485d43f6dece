// Encrypts TOTP secrets at rest with AES-256-GCM. The key lives outside the database (UTVAG_SECRET_KEY), so a
// copy of the database alone does not yield anyone's second factor.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('the secret key must be 32 bytes');
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || !body) throw new Error('unknown secret format');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

/**
 * UTVAG_SECRET_KEY (32 bytes, base64) is required outside demo mode. The demo and the tests, whose data is
 * fictional and thrown away, use a fixed development key so that they start with nothing to configure.
 */
export function secretBoxFromEnv(env: Record<string, string | undefined>): SecretBox {
  const configured = env.UTVAG_SECRET_KEY;
  if (configured) return createSecretBox(Buffer.from(configured, 'base64'));
  if (env.UTVAG_DEMO === '1' || env.NODE_ENV !== 'production') {
    return createSecretBox(createHash('sha256').update('utvag-demo-and-test-only').digest());
  }
  throw new Error('UTVAG_SECRET_KEY is not set: generate one with `openssl rand -base64 32` (see .env.example)');
}
