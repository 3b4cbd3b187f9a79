/** Test people: Entra object ids, Teams user ids and names. */
export interface Person {
  readonly id: string;
  readonly channelUserId: string;
  readonly name: string;
}

const person = (key: string, name: string): Person => ({ id: `aad-${key}`, channelUserId: `29:${key}`, name });

export const people = {
  lead: person('lead', 'Priya Lead'),
  otherLead: person('other-lead', 'Olu Other'),
  admin: { id: 'aad-ppi-admin', channelUserId: '29:ppi-admin', name: 'Pat PPI-Admin' },
  member: person('ppi-member', 'Morgan Member'),
  champion: person('champion', 'Chris Champion'),
  deputy: person('deputy', 'Dee Deputy'),
  manager: person('manager', 'Mo Manager'),
} as const;
