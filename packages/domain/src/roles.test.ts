import { describe, expect, it } from 'vitest';
import { isPartnerRole, isStaffRole, organisationTypeByPartnerRole, partnerRoles, roles, staffRoles } from './roles.ts';

describe('roles', () => {
  it('are staff or partner, never both', () => {
    expect(roles).toHaveLength(staffRoles.length + partnerRoles.length);
    for (const role of roles) expect(isStaffRole(role)).not.toBe(isPartnerRole(role));
    expect(isStaffRole('caseWorker')).toBe(true);
    expect(isPartnerRole('police')).toBe(true);
    expect(isStaffRole('nobody')).toBe(false);
    expect(isPartnerRole('nobody')).toBe(false);
  });
  it('map partner roles to organisation types', () => {
    expect(organisationTypeByPartnerRole).toEqual({ police: 'police', probationOfficer: 'probationService', schoolStaff: 'school' });
  });
});
