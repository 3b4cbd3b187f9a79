import type { Activity } from 'botbuilder';

export const TENANT = 'bench-tenant';
const BOT = { id: '28:bench-bot', name: 'PPI Partner' };

/** A Teams-shaped activity from user `n` in their own 1:1 chat; replies go to `serviceUrl`. */
function base(serviceUrl: string, user: number): Partial<Activity> {
  return {
    channelId: 'msteams',
    serviceUrl,
    id: `act-${user}-${Math.random().toString(36).slice(2)}`,
    timestamp: new Date(),
    from: { id: `29:bench-user-${user}`, name: `Bench User ${user}`, aadObjectId: `aad-bench-${user}` },
    recipient: BOT,
    conversation: {
      id: `a:bench-chat-${user}`,
      conversationType: 'personal',
      tenantId: TENANT,
    } as Activity['conversation'],
    channelData: { tenant: { id: TENANT } },
  };
}

export function message(serviceUrl: string, user: number, text: string): Partial<Activity> {
  return { ...base(serviceUrl, user), type: 'message', text };
}

export function cardAction(serviceUrl: string, user: number, verb: string, data: unknown): Partial<Activity> {
  return {
    ...base(serviceUrl, user),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: 'card-1',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

export const conversationOf = (user: number) => `a:bench-chat-${user}`;
