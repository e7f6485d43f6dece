// The sessions page names each session by browser family and system ("Firefox, Linux"), so a user can tell
// their sessions apart without the address or the full user agent being kept.
import Bowser from 'bowser';

export function browserFamily(userAgent: string | null | undefined): string | null {
  if (!userAgent) return null;
  const parsed = Bowser.parse(userAgent.slice(0, 512));
  return [parsed.browser.name, parsed.os.name].filter(Boolean).join(', ').slice(0, 80) || null;
}
