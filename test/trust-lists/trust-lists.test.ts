import { describe, expect, it } from 'vitest';
import { HelpVerb } from '../../src/help/help-verbs.js';
import { PirVerb } from '../../src/pir/pir-verbs.js';
import { RecordVerb } from '../../src/records/records-verbs.js';
import { TRUST_LISTS_AUDIT } from '../../src/trust-lists/trust-lists-deps.js';
import { ppiChannel } from '../helpers/activities.js';
import { BotHarness, cardText } from '../helpers/bot-harness.js';
import { actionData, choicesOf } from '../helpers/card-actions.js';
import { people } from '../helpers/people.js';
import { refusal } from '../helpers/refusals.js';
import { stepAnswers } from '../pir/pir-fixtures.js';
import { submitRequest } from '../pir/pir-helpers.js';

const now = new Date('2026-11-23T10:00:00Z');

describe('the Trust’s own lists, kept by the PPI admins', () => {
  it('Quality Strategy priorities: a neutral default, then the Trust’s own, added, renamed and retired (audited)', async () => {
    const h = await BotHarness.start({ now });
    const shipped = (await h.say(people.lead, 'quality priorities')).texts[0] ?? '';
    expect(shipped).toContain('Quality Strategy priorities (2):');
    expect(shipped).toContain('- A Quality Strategy priority not listed here yet');
    expect(shipped).toContain('- Not linked to a Quality Strategy priority');
    expect(shipped).toContain('No longer offered (still named where they were used): Patient safety;');

    expect((await h.say(people.member, 'add quality priority Safer care')).texts).toEqual([refusal.ppiAdmin]);
    expect((await h.say(people.admin, 'add quality priority Safer care')).texts[0]).toBe(
      'Added Safer care to the quality priorities. Leads can choose it on a request, and the Board report counts requests and evidence under it.',
    );
    expect((await h.say(people.admin, 'add quality strategy priority Better experience')).texts[0]).toContain(
      'Added Better experience',
    );
    expect(
      (await h.say(people.admin, 'rename quality priority Better experience to Better patient experience')).texts[0],
    ).toBe(
      'Renamed Better experience to Better patient experience. Everything recorded under it now shows the new name.',
    );
    expect(
      (await h.say(people.admin, 'retire quality priority A Quality Strategy priority not listed here yet')).texts[0],
    ).toContain('Retired A Quality Strategy priority not listed here yet');
    expect((await h.say(people.admin, 'retire quality priority Astrology')).texts[0]).toBe(
      'I couldn’t find “Astrology” on the quality priorities. Type **quality priorities** to see them.'.replace(
        '’',
        "'",
      ),
    );
    const list = (await h.say(people.manager, 'quality priorities', ppiChannel)).texts[0] ?? '';
    expect(list).toContain('- Safer care');
    expect(list).toContain('- Better patient experience');
    expect(list).not.toContain('- A Quality Strategy priority not listed here yet');

    const trail = await h.bot.stores.audit.list(TRUST_LISTS_AUDIT);
    expect(trail.map((e) => [e.action, e.detail, e.actor.id])).toEqual([
      ['Quality Strategy priorities: added', 'Safer care (safer-care)', people.admin.id],
      ['Quality Strategy priorities: added', 'Better experience (better-experience)', people.admin.id],
      [
        'Quality Strategy priorities: renamed',
        'Better experience → Better patient experience (better-experience)',
        people.admin.id,
      ],
      [
        'Quality Strategy priorities: retired',
        'A Quality Strategy priority not listed here yet (quality-strategy)',
        people.admin.id,
      ],
    ]);
  });

  it('every form offers the lists as they are now: a request, a record, feedback results', async () => {
    const h = await BotHarness.start({ now });
    await h.say(people.admin, 'add CMG Musculoskeletal and Specialist Surgery');
    await h.say(people.admin, 'add quality priority Safer care');
    await h.say(people.admin, 'retire directorate Finance');
    await h.say(people.admin, 'add how heard answer Hospital radio');
    await h.say(people.admin, 'retire how heard answer Website');

    const step = (await h.say(people.lead, 'new request')).cards[0];
    expect(choicesOf(step, 'directorate')).toContain('Musculoskeletal and Specialist Surgery');
    expect(choicesOf(step, 'directorate')).not.toContain('Finance');
    expect(choicesOf(step, 'qualityPriority')).toContain('Safer care');
    const next = await h.click(people.lead, PirVerb.next, {
      ...actionData(step, PirVerb.next),
      ...stepAnswers.basics,
      directorate: 'musculoskeletal-and-specialist-surgery',
      qualityPriority: 'safer-care',
    });
    expect(cardText(next.card)).toContain('Step 2 of 8');
    const [draft] = await h.bot.stores.pirs.listForLead(people.lead.id);
    expect(draft?.answers).toMatchObject({
      directorate: 'musculoskeletal-and-specialist-surgery',
      qualityPriority: 'safer-care',
    });

    const yswd = (await h.say(people.lead, 'you said we did')).cards[0];
    expect(choicesOf(yswd, 'directorate')).toContain('Musculoskeletal and Specialist Surgery');
    const feedback = (await h.say(people.lead, 'log feedback')).cards[0];
    const text = cardText(feedback);
    expect(text).toContain('Hospital radio');
    expect(text).not.toContain('\nWebsite\n');
    const saved = await h.click(people.lead, RecordVerb.save, {
      ...actionData(feedback, RecordVerb.save),
      directorate: 'musculoskeletal-and-specialist-surgery',
      date: '2026-11-20',
      activityName: 'Clinic open day',
      responses: '12',
      'heard-hospital-radio': '5',
    });
    expect(cardText(saved.card)).toContain('Feedback: Clinic open day, 12 forms');
  });

  it('a renamed or retired entry keeps its name on what used it: the assessment card, requests and status', async () => {
    const h = await BotHarness.start({ now });
    await h.install(people.admin, ppiChannel);
    await h.say(people.admin, 'set PPI team channel', ppiChannel);
    await h.install(people.lead);
    await submitRequest(h);
    await h.say(people.admin, 'rename directorate COO to Chief Operating Officer’s office');
    await h.say(people.admin, 'retire quality priority A Quality Strategy priority not listed here yet');
    const status = await h.say(people.lead, 'status PIR-2026-0001');
    expect(cardText(status.cards[0])).toContain('Chief Operating Officer’s office');
    const assessment = h.messenger.sentTo(ppiChannel.channelId)[0]?.message;
    if (!assessment || typeof assessment === 'string') throw new Error('no assessment card');
    const details = await h.click(
      people.admin,
      PirVerb.details,
      actionData(assessment.card, PirVerb.details),
      ppiChannel,
    );
    const shown = cardText(details.card);
    expect(shown).toContain('Chief Operating Officer’s office');
    expect(shown).toContain('A Quality Strategy priority not listed here yet (retired)');
    const waiting = await h.say(people.admin, 'requests', ppiChannel);
    expect(cardText(waiting.cards[0])).toContain('Priya Lead · Chief Operating Officer’s office · submitted');
  });

  it('says plainly what cannot change, and changes nothing', async () => {
    const h = await BotHarness.start({ now });
    expect((await h.say(people.admin, 'rename directorate Finance')).texts[0]).toContain(
      'e.g. **rename directorate Digital Services to Digital Services and more**',
    );
    expect((await h.say(people.admin, 'rename directorate Finance to IT')).texts[0]).toBe(
      'IT is already on the directorates.',
    );
    expect((await h.say(people.admin, 'rename directorate Finance to Finance')).texts[0]).toBe(
      'That is its name already, so nothing changed.',
    );
    for (const id of ['not-linked', 'quality-strategy']) {
      await h.say(people.admin, `retire quality priority ${id}`);
    }
    const entries = await h.bot.stores.lists.qualityPriorities.entries();
    expect(entries.filter((e) => !e.retired).map((e) => e.id)).toEqual(['quality-strategy']);
    expect((await h.say(people.admin, 'retire quality priority quality-strategy')).texts[0]).toContain(
      'is the only quality priority left to choose from, so it stays',
    );
    expect((await h.say(people.admin, 'add quality priority patient safety')).texts[0]).toContain(
      'patient safety is back on the quality priorities (it had been retired).',
    );
    expect(await h.bot.stores.audit.list(TRUST_LISTS_AUDIT)).toHaveLength(2);
  });

  it('saves a change only over the entry as it was read (ETags): two admins at once, one is told', async () => {
    const h = await BotHarness.start({ now });
    const store = h.bot.stores.lists.directorates;
    const finance = (await store.entries()).find((e) => e.id === 'finance');
    const by = { changedBy: people.admin.id, changedAt: now.toISOString() };
    expect(await store.save({ id: 'finance', label: 'Finance and Estates', retired: false, ...by }, finance)).toBe(
      'saved',
    );
    expect(await store.save({ id: 'finance', label: 'Finance', retired: true, ...by }, finance)).toBe('changed');
    const added = { id: 'renal', label: 'Renal', retired: false, ...by };
    expect(await store.save(added, undefined)).toBe('saved');
    expect(await store.save(added, undefined)).toBe('changed');
    expect((await store.entries()).filter((e) => ['finance', 'renal'].includes(e.id))).toEqual([
      { id: 'finance', label: 'Finance and Estates', retired: false },
      { id: 'renal', label: 'Renal', retired: false },
    ]);
  });

  it('help names the lists and no internal document references', async () => {
    const h = await BotHarness.start({ now });
    const help = await h.say(people.lead, 'help');
    const everything = await h.click(people.lead, HelpVerb.show, { view: 'everything' });
    const text = [...help.texts, ...help.cards.map(cardText), cardText(everything.card)].join('\n');
    expect(text).toContain('quality priorities');
    expect(text).toContain('how heard answers');
    expect(text).not.toMatch(/seed \d|appendix/i);
  });
});
