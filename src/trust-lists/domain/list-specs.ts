/** The Trust's own lists: the PPI team keeps them (the source documents name a CCG's directorates and no priorities). */
export type TrustListName = 'directorates' | 'quality-priorities' | 'how-heard';

/** How one list is named in commands, answers, help and the audit trail. */
export interface ListSpec {
  readonly name: TrustListName;
  /** One entry, as in "add directorate …". */
  readonly one: string;
  /** The list, as in "directorates". */
  readonly many: string;
  /** The heading of the list when it is shown. */
  readonly title: string;
  readonly example: string;
  /** What an entry is used for, said after one is added. */
  readonly usedFor: string;
  /** The words after "add" / "rename" / "retire" (a regular expression fragment), e.g. "(directorate|cmg)". */
  readonly words: string;
  /** The command that shows the list. */
  readonly listPattern: RegExp;
  /** Plain words for that command (forgiving matching): the first must match `listPattern`. */
  readonly phrases: readonly string[];
  /** The list's button on the PPI team's menu (lower rank first), if it has one. */
  readonly menu?: { readonly title: string; readonly rank: number };
}

export const LIST_SPECS: Readonly<Record<TrustListName, ListSpec>> = {
  directorates: {
    name: 'directorates',
    one: 'directorate',
    many: 'directorates',
    title: 'Directorates and clinical management groups',
    example: 'Digital Services',
    usedFor:
      'Leads can choose it on a request, champions can register for it, and records, digests and reports name it.',
    words: '(?:directorate|cmg|clinical management group)',
    listPattern: /^((list|show)( me)? )?(the |all )?(directorates|cmgs|clinical management groups)$/i,
    phrases: ['directorates', 'list directorates', 'directorate list', 'clinical management groups'],
    menu: { title: 'Directorates', rank: 70 },
  },
  'quality-priorities': {
    name: 'quality-priorities',
    one: 'quality priority',
    many: 'quality priorities',
    title: 'Quality Strategy priorities',
    example: 'Reducing waiting times',
    usedFor: 'Leads can choose it on a request, and the Board report counts requests and evidence under it.',
    words: 'quality (?:strategy )?priority',
    listPattern: /^((list|show)( me)? )?(the |all )?quality (strategy )?priorities$/i,
    phrases: ['quality priorities', 'list quality priorities', 'quality strategy priorities'],
  },
  'how-heard': {
    name: 'how-heard',
    one: 'how heard answer',
    many: 'how heard answers',
    title: 'Common answers to “How did you hear about today’s engagement activity?”',
    example: 'Hospital radio',
    usedFor: 'Feedback survey results can count forms that gave it, and reports show it.',
    words: 'how[- ]heard answer',
    listPattern: /^((list|show)( me)? )?(the |all )?how[- ]heard answers$/i,
    phrases: ['how heard answers', 'list how heard answers'],
  },
};
