export interface HelpSection {
  readonly heading: string;
  readonly commands: readonly { readonly command: string; readonly description: string }[];
}

/** Who a short menu is for: the three roles the welcome card asks about. */
export type Audience = 'lead' | 'champion' | 'ppi-team';

/** A button on a role's short menu: its words, and the command it runs (as if typed). */
export interface MenuButton {
  readonly title: string;
  readonly command: string;
  /** Only for someone new to the role (e.g. "Register as a champion"): left off the short list of those who have it. */
  readonly toJoin?: boolean;
  /** Where it goes on the menu: lower first (default 50), so the daily things lead whatever the features' order. */
  readonly rank?: number;
}

/**
 * Each feature contributes its help section (the full list) and its buttons on each role's short menu; the help card
 * lists them in registration order, hiding what the route policies say the person cannot use where they are.
 */
export class HelpTopics {
  private readonly sections: HelpSection[] = [];
  private readonly menus: Record<Audience, MenuButton[]> = { lead: [], champion: [], 'ppi-team': [] };

  add(section: HelpSection): void {
    this.sections.push(section);
  }

  /** Buttons for a role's short menu (the welcome's "I'm leading a project" and `help`). */
  addToMenu(audience: Audience, ...buttons: readonly MenuButton[]): void {
    this.menus[audience].push(...buttons);
  }

  list(): readonly HelpSection[] {
    return this.sections;
  }

  /** A role's menu, lowest rank first (buttons of the same rank in the order they were added). */
  menu(audience: Audience): readonly MenuButton[] {
    return [...this.menus[audience]].sort((a, b) => (a.rank ?? 50) - (b.rank ?? 50));
  }
}
