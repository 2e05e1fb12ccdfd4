/**
 * Notes for the user about a cascade (what a reader skipped, assumed or
 * attached elsewhere; what adding posts up or an assumed audience means), as
 * data beside their English text. A note is a code and its values; the
 * English words are here, once, and make the `warnings` strings the CLI
 * prints; the page words the same data in Chinese (src/ui/note-text.ts).
 * Plain objects only, so notes cross a worker boundary by structured clone.
 */

export type Note =
  /** A warning that has no code (a simulation's, or one made before notes existed): shown as it is. */
  | { code: "text"; text: string }
  /** A note of one of several combined posts: `twitter:123: …`. */
  | { code: "ofCascade"; id: string; note: Note }
  // Shared by several readers.
  | { code: "noFollowersDataSet" }
  | { code: "noFollowersFile" }
  // CasFlow.
  | { code: "casflowRootMissing" }
  | { code: "casflowCountMismatch"; said: number; listed: number }
  | { code: "casflowRerouted"; count: number }
  // SEISMIC and TiDeH series.
  | { code: "tidehCountMismatch"; declared: number; listed: number }
  | { code: "seriesFirstRowTime"; time: number }
  | { code: "seriesEarlyRows"; count: number }
  | { code: "seriesRepeatedRows"; count: number }
  | { code: "seriesNoTree" }
  // Edge lists, GEXF, GraphML and graphology JSON.
  | { code: "edgesRepeated"; count: number }
  | { code: "edgesSelfLoops"; count: number }
  | { code: "edgesSecondParent"; count: number }
  | { code: "noTimes" }
  | { code: "beforeParent"; count: number }
  | { code: "sourceNoTime" }
  | { code: "missingFollowers"; count: number }
  | { code: "separateCascades"; count: number }
  | { code: "networkFile" }
  /** `from` and `to` quoted as the file has them (`quote`). */
  | { code: "accountRenamed"; from: string; to: string }
  | { code: "networkFollowers" }
  // CED.
  | { code: "cedNoOriginal" }
  | { code: "cedComments" }
  | { code: "cedEarly"; count: number }
  | { code: "cedMissingParents"; count: number }
  | { code: "cedSourceFollowersOnly"; followers: number }
  // Twitter15/16 trees.
  | { code: "twitterNegativeDelays"; count: number }
  | { code: "twitterSecondParent"; count: number }
  | { code: "twitterSelfLoops"; count: number }
  | { code: "twitterMissingParents"; count: number }
  | { code: "twitterBeforeParent"; count: number }
  // Assumed audiences and combined posts (src/core/cascade-stats.ts).
  | { code: "assumedAudience"; perAccount: number }
  | { code: "combinedUndated"; count: number }
  | { code: "combinedNoFollowers" }
  | { code: "combinedAuthors"; count: number }
  | { code: "combinedOverYear" }
  | { code: "combined"; count: number };

export type NoteCode = Note["code"];

/** A template per code: a missing code is a type error. */
export type NoteTemplates = { [K in NoteCode]: (d: Extract<Note, { code: K }>) => string };

/** "1,234", as the warnings have always counted. */
const en = (n: number): string => n.toLocaleString("en-US");

/** English: exactly the warnings the readers and the core have always given. */
export const NOTES_EN: NoteTemplates = {
  text: (d) => d.text,
  ofCascade: (d) => `${d.id}: ${noteText(d.note)}`,
  noFollowersDataSet: () => "No follower counts in this data set: views cannot be counted from this file.",
  noFollowersFile: () => "No follower counts in this file: views cannot be counted from it.",
  casflowRootMissing: () => "The root's own entry (root:0) is missing: the root is taken at time 0.",
  casflowCountMismatch: (d) => `The line says ${en(d.said)} participants but lists ${en(d.listed)}.`,
  casflowRerouted: (d) =>
    `${en(d.count)} reposts come through a path that is not listed: attached to its nearest listed ancestor.`,
  tidehCountMismatch: (d) => `The header says ${en(d.declared)} retweets but the file lists ${en(d.listed)}.`,
  seriesFirstRowTime: (d) =>
    `The first row (the original post) is at ${d.time} s: times are counted from it.`,
  seriesEarlyRows: (d) => `${en(d.count)} rows are timed before the original post: counted at 0.`,
  seriesRepeatedRows: (d) =>
    `${en(d.count)} rows repeat an earlier row exactly (time, followers and user): each row counts, as in the file.`,
  seriesNoTree: () => "This format has no repost tree: every repost is shown as a repost of the original.",
  edgesRepeated: (d) => `${en(d.count)} edges repeat an earlier edge: each repost counts once.`,
  edgesSelfLoops: (d) => `${en(d.count)} edges go from a node to itself: ignored.`,
  edgesSecondParent: (d) =>
    `${en(d.count)} edges give a repost a second parent: each repost counts once (first parent kept).`,
  noTimes: () =>
    "No times in this file: every repost is at time 0 and the crossing is counted in file order.",
  beforeParent: (d) => `${en(d.count)} reposts are timed before the post they repost.`,
  sourceNoTime: () => "The source has no time of its own: times count from the earliest repost.",
  missingFollowers: (d) => `${en(d.count)} nodes have no follower count: counted as 0 followers.`,
  separateCascades: (d) => `This file holds ${en(d.count)} separate cascades.`,
  networkFile: () =>
    "This file is a network (accounts with several parents and no times), not a cascade: simulate on it.",
  accountRenamed: (d) => `The account id ${d.from} is renamed ${d.to} in the network.`,
  networkFollowers: () =>
    "No follower counts: each account's audience is its number of followers in the file.",
  cedNoOriginal: () =>
    "Without the original-microblog file the source time is unknown: times count from the first entry.",
  cedComments: () =>
    "CED mixes reposts and comments without telling them apart: every entry counts as a repost.",
  cedEarly: (d) => `${en(d.count)} entries are dated before the source post: counted at 0.`,
  cedMissingParents: (d) =>
    `${en(d.count)} entries answer a post that is not in the file: attached to the source.`,
  cedSourceFollowersOnly: (d) =>
    `Only the source author's followers are in the data (${en(d.followers)}): views cannot be counted from this file.`,
  twitterNegativeDelays: (d) => `${en(d.count)} reposts have delays before the source tweet: counted at 0.`,
  twitterSecondParent: (d) =>
    `${en(d.count)} edges list a repost under a second parent: each repost counts once (first parent kept).`,
  twitterSelfLoops: (d) => `${en(d.count)} edges list a tweet as its own parent: ignored.`,
  twitterMissingParents: (d) =>
    `${en(d.count)} reposts name a parent that is not in the file: attached to the source.`,
  twitterBeforeParent: (d) =>
    `${en(d.count)} reposts are timed before the post they repost (as in the data).`,
  assumedAudience: (d) =>
    `Assumption: each account is taken to reach ${en(d.perAccount)} people (the file has no follower counts).`,
  combinedUndated: (d) =>
    `${d.count} of the posts have no date: they are placed as if posted at the same time as the earliest.`,
  combinedNoFollowers: () =>
    "Some posts have no follower counts: views of the combined case cannot be counted.",
  combinedAuthors: (d) => `The posts are by ${d.count} different accounts, not one author.`,
  combinedOverYear: () => "The posts span more than one year: article 4 adds up acts within one year.",
  combined: (d) => `${d.count} posts combined (art. 4: repeated acts within one year are added up).`,
};

/** Applies the template of `note.code` (TypeScript cannot narrow a mapped lookup by itself). */
export function applyNote<T>(
  templates: { [K in NoteCode]: (d: Extract<Note, { code: K }>) => T },
  note: Note,
): T {
  const template = templates[note.code] as (d: Note) => T;
  return template(note);
}

/** A note's English words: the warning string. */
export function noteText(note: Note): string {
  return applyNote(NOTES_EN, note);
}

/** Where notes go: the English `warnings` and, index for index, their `notes`. */
export interface Noted {
  warnings: string[];
  notes?: Note[];
}

/** An empty list of warnings with their notes, for a reader to fill with `addNote`. */
export function noted(): { warnings: string[]; notes: Note[] } {
  return { warnings: [], notes: [] };
}

/** Adds a note and its English warning, so that the two never drift apart. */
export function addNote(target: { warnings: string[]; notes: Note[] }, note: Note): void {
  target.warnings.push(noteText(note));
  target.notes.push(note);
}

/**
 * The notes of something with warnings, one per warning: its note where
 * that note's English is the warning, else the warning as a `text` note
 * (shown as it is), so a warning added without a note is never lost.
 */
export function notesOf(target: Noted): Note[] {
  const { warnings, notes } = target;
  return warnings.map((text, i): Note => {
    const note = notes?.[i];
    return note && noteText(note) === text ? note : { code: "text", text };
  });
}

/** `target`'s warnings and notes with one more note: new arrays, `target` unchanged. */
export function withNote(target: Noted, note: Note): { warnings: string[]; notes: Note[] } {
  return { warnings: [...target.warnings, noteText(note)], notes: [...notesOf(target), note] };
}
