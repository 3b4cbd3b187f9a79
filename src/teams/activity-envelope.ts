import { z } from 'zod';

/**
 * The shape of an incoming Bot Framework activity, checked at the HTTP edge before the adapter sees it: every field
 * the adapter, teams-ai or our turn code reads has the type it expects, so a type-confused body is a 400 and never a
 * 500 or an unhandled turn error. Unknown fields pass through untouched.
 */

/** The only channel served: an Azure Bot also enables Web Chat by default, whose clients pick `from.id` freely. */
export const TEAMS_CHANNEL_ID = 'msteams';

const ID_MAX = 1024;
const id = z.string().max(ID_MAX);
const text = z.string().max(100_000);
const object = <T extends z.ZodRawShape>(shape: T) => z.object(shape).passthrough();

const account = object({
  id: id.min(1),
  name: text.optional(),
  aadObjectId: z.string().max(128).optional(),
  role: z.string().max(64).optional(),
});

const conversation = object({
  id: id.min(1),
  conversationType: z.string().max(64).optional(),
  tenantId: id.optional(),
  isGroup: z.boolean().optional(),
  name: text.optional(),
});

const channelData = object({
  tenant: object({ id: id.optional() }).optional(),
  team: object({ id: id.optional(), name: text.optional() }).optional(),
  channel: object({ id: id.optional(), name: text.optional() }).optional(),
});

const members = z.array(object({ id, name: text.optional(), aadObjectId: z.string().max(128).optional() })).max(256);

const cardAction = object({
  action: object({ type: z.string().max(64), verb: z.string().max(256).optional(), data: z.unknown().optional() }),
});

const serviceUrl = z
  .string()
  .max(2048)
  .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), 'an http(s) address');

const envelope = object({
  type: z.string().min(1).max(64),
  id: id.optional(),
  channelId: z.string().max(64),
  serviceUrl,
  from: account,
  recipient: account,
  conversation,
  channelData: channelData.optional(),
  name: z.string().max(256).optional(),
  text: text.optional(),
  textFormat: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  replyToId: id.optional(),
  timestamp: z.string().max(64).optional(),
  localTimestamp: z.string().max(64).optional(),
  locale: z.string().max(64).optional(),
  value: z.record(z.unknown()).optional(),
  entities: z
    .array(object({ type: z.string().max(256) }))
    .max(256)
    .optional(),
  attachments: z
    .array(object({ contentType: z.string().max(256) }))
    .max(64)
    .optional(),
  membersAdded: members.optional(),
  membersRemoved: members.optional(),
});

export type EnvelopeProblem = { readonly status: 400 | 403; readonly error: string };

function describeIssue(issue: z.ZodIssue | undefined): string {
  const field = issue?.path.join('.') || 'the activity';
  return `The activity is malformed: ${field} ${issue?.code === 'invalid_type' ? `must be ${issue.expected}` : 'is not valid'}.`;
}

/** undefined when the body may go to the adapter; else the status and sentence to answer with. */
export function checkActivityEnvelope(body: unknown): EnvelopeProblem | undefined {
  const parsed = envelope.safeParse(body);
  if (!parsed.success) return { status: 400, error: describeIssue(parsed.error.issues[0]) };
  const activity = parsed.data;
  if (activity.channelId !== TEAMS_CHANNEL_ID) {
    return { status: 403, error: 'This bot answers Microsoft Teams only.' };
  }
  if (
    activity.type === 'invoke' &&
    activity.name === 'adaptiveCard/action' &&
    !cardAction.safeParse(activity.value).success
  ) {
    return { status: 400, error: 'The activity is malformed: value.action must be an Adaptive Card action.' };
  }
  return undefined;
}
