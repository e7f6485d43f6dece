// Who uses Utväg (DOMAIN.md §2): social services staff in the staff portal, partners in the partner portal.

export const organisationTypes = ['police', 'probationService', 'school'] as const;
export type OrganisationType = (typeof organisationTypes)[number];

// regional: a region's follow-up role (issue 8), sees only sums over the municipalities that share with its region.
export const staffRoles = ['intake', 'caseWorker', 'coordinator', 'fieldWorker', 'unitManager', 'administrator', 'regional'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const partnerRoles = ['police', 'probationOfficer', 'schoolStaff'] as const;
export type PartnerRole = (typeof partnerRoles)[number];

export const roles = [...staffRoles, ...partnerRoles] as const;
export type Role = (typeof roles)[number];

export function isStaffRole(role: string): role is StaffRole {
  return (staffRoles as readonly string[]).includes(role);
}

export function isPartnerRole(role: string): role is PartnerRole {
  return (partnerRoles as readonly string[]).includes(role);
}

/** The organisation type a partner role belongs to. */
export const organisationTypeByPartnerRole: Record<PartnerRole, OrganisationType> = {
  police: 'police',
  probationOfficer: 'probationService',
  schoolStaff: 'school',
};
