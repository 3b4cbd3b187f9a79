export const HelpVerb = { show: 'help.show' } as const;
