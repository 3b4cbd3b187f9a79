import { describe, expect, it } from 'vitest';
import { audiencesOf, exampleCommand, isHelpView, pickInTurn } from '../../../src/help/domain/help-view.js';
import { HelpTopics } from '../../../src/help/help-topics.js';

const b = (command: string) => ({ title: command, command });

describe('help views', () => {
  it('puts the PPI team and champions first, and everyone can lead a project', () => {
    expect(audiencesOf({ ppiTeam: false, champion: false })).toEqual(['lead']);
    expect(audiencesOf({ ppiTeam: true, champion: true })).toEqual(['ppi-team', 'champion', 'lead']);
  });

  it('takes buttons from each menu in turn, without repeats, up to six', () => {
    const ppi = [b('report'), b('approvals'), b('champions'), b('catch-up now')];
    const lead = [b('new request'), b('continue'), b('report'), b('my requests')];
    expect(pickInTurn([ppi, lead]).map((x) => x.command)).toEqual([
      'report',
      'new request',
      'approvals',
      'continue',
      'champions',
      'catch-up now',
    ]);
    expect(pickInTurn([[b('help')]], 6)).toHaveLength(1);
    expect(pickInTurn([])).toEqual([]);
  });

  it('orders a role’s menu by rank, then as added', () => {
    const topics = new HelpTopics();
    topics.addToMenu('ppi-team', { ...b('PPI team'), rank: 60 }, b('champions'));
    topics.addToMenu('ppi-team', { ...b('report'), rank: 10 });
    expect(topics.menu('ppi-team').map((x) => x.command)).toEqual(['report', 'champions', 'PPI team']);
  });

  it('reads the command out of a help example, and only known views', () => {
    expect(exampleCommand('pause nudges / resume nudges')).toBe('pause nudges');
    expect(exampleCommand('subscribe digest monthly [for Finance]')).toBe('subscribe digest monthly');
    expect(exampleCommand('status PIR-2026-0042')).toBe('status PIR-2026-0042');
    expect(isHelpView('lead')).toBe(true);
    expect(isHelpView('admin')).toBe(false);
    expect(isHelpView(undefined)).toBe(false);
  });
});
