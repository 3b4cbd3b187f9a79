import { readFileSync } from 'node:fs';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/i;
/** For local packaging only; a real tenant sets TEAMS_APP_ID to its own GUID. */
export const LOCAL_TEAMS_APP_ID = '5f0b5c1e-7a4d-4c55-9e2b-0c1a9d3e6f21';

export type PackagingValues = Record<'TEAMS_APP_ID' | 'BOT_ID' | 'BOT_DOMAIN' | 'APP_VERSION' | 'APP_BASE_URL', string>;

/** Reads and checks the packaging variables; each error is one sentence naming the variable. */
export function readPackagingEnv(env: NodeJS.ProcessEnv): PackagingValues {
  const botId = env.BOT_ID ?? env.MicrosoftAppId ?? '';
  if (!GUID.test(botId))
    throw new Error("Set BOT_ID (or MicrosoftAppId) to your Azure Bot's Microsoft App ID (a GUID).");
  const teamsAppId = env.TEAMS_APP_ID ?? LOCAL_TEAMS_APP_ID;
  if (!GUID.test(teamsAppId))
    throw new Error('Set TEAMS_APP_ID to a GUID that identifies this Teams app in your tenant.');
  const domain = env.BOT_DOMAIN ?? '';
  if (!HOST.test(domain)) {
    throw new Error('Set BOT_DOMAIN to the host name of the bot, without https:// (e.g. ppi-bot.azurewebsites.net).');
  }
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  const version = env.APP_VERSION ?? pkg.version;
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error('Set APP_VERSION to a version like 1.0.0.');
  const base = env.APP_BASE_URL ?? `https://${domain}`;
  if (!/^https:\/\/\S+$/.test(base))
    throw new Error('Set APP_BASE_URL to an https:// address for the privacy and terms pages.');
  return {
    TEAMS_APP_ID: teamsAppId,
    BOT_ID: botId,
    BOT_DOMAIN: domain,
    APP_VERSION: version,
    APP_BASE_URL: base.replace(/\/$/, ''),
  };
}

/** Replaces every ${{NAME}} placeholder; a placeholder left without a value is an error naming it. */
export function fillManifest(template: string, values: Readonly<Record<string, string>>): string {
  const filled = template.replace(/\$\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
  const left = /\$\{\{(\w+)\}\}/.exec(filled);
  if (left) throw new Error(`The manifest placeholder ${left[0]} has no value: set ${left[1]}.`);
  return filled;
}
