// The 情况说明 (narrative) of a disclosure: its paragraphs as the clerk has them, kept with the book. Claims are the
// figures its sentences state (claims.ts); checks compare them with the tables (check.ts).

/** The narrative text: one entry per paragraph, in document order; headings are paragraphs too. */
export interface Narrative {
  paragraphs: string[];
  /** Where it came from (file name), for notices and the report. */
  source?: string;
}

/** Where in the narrative a finding points: a paragraph and a character range in it, with the quoted text. */
export interface NarrativeLocation {
  paragraph: number;
  start: number;
  end: number;
  quote: string;
}
