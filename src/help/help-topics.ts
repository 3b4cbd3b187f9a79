export interface HelpSection {
  readonly heading: string;
  readonly commands: readonly { readonly command: string; readonly description: string }[];
}

/** Each feature contributes its own help section; the help card lists the sections in registration order. */
export class HelpTopics {
  private readonly sections: HelpSection[] = [];

  add(section: HelpSection): void {
    this.sections.push(section);
  }

  /** Sections for a place: personal chat shows personal commands, channels show team commands. */
  list(): readonly HelpSection[] {
    return this.sections;
  }
}
