// Protected identities (skyddade personuppgifter) are masked by default in every staff view: no name, no
// identity number, no date of birth. Revealing one needs step-up authentication (issue 3).
import { formatIdentityNumber, maskIdentityNumber } from '@utvag/domain';

export interface PersonFields {
  firstName: string;
  lastName: string;
  identityNumber: string | null;
  birthDate: string | null;
  protectedIdentity: boolean;
}

export interface PersonView {
  name: string | null;
  identityNumber: string | null;
  birthDate: string | null;
  protectedIdentity: boolean;
}

export function personView(p: PersonFields, detail: 'list' | 'full'): PersonView {
  if (p.protectedIdentity) return { name: null, identityNumber: null, birthDate: null, protectedIdentity: true };
  const identityNumber = p.identityNumber
    ? detail === 'full'
      ? formatIdentityNumber(p.identityNumber)
      : maskIdentityNumber(p.identityNumber)
    : null;
  return { name: `${p.firstName} ${p.lastName}`, identityNumber, birthDate: p.birthDate, protectedIdentity: false };
}
