/**
 * The notes on a file in both languages: each note's English template gives
 * exactly the reader's warning (real inputs that trigger every note), every
 * code has a Chinese template, and the notes survive a structured clone.
 */
import { describe, expect, it } from "vitest";
import type { Cascade } from "../../src/core/cascade.ts";
import { assumeAudience, combineCascades, summarizeCascade } from "../../src/core/cascade-stats.ts";
import { NOTES_EN, type Note, type NoteCode, notesOf, noteText } from "../../src/core/notes.ts";
import { readCascadeFile } from "../../src/io/index.ts";
import type { ReadOptions } from "../../src/io/types.ts";
import { MESSAGES } from "../../src/ui/i18n.ts";
import { NOTES_ZH, noteWords } from "../../src/ui/note-text.ts";

const twitter = [
  "['ROOT', 'ROOT', '0.0']->['1', '10', '0.0']",
  "['1', '10', '0.0']->['2', '10', '5.0']",
  "['1', '10', '0.0']->['3', '10', '-1.0']",
  "['2', '10', '5.0']->['4', '10', '2.0']",
  "['3', '10', '-1.0']->['4', '10', '2.0']",
  "['5', '10', '3.0']->['5', '10', '3.0']",
  "['9', '10', '1.0']->['6', '10', '4.0']",
].join("\n");

const cedReposts = JSON.stringify([
  { kids: [], uid: "3", parent: "m2", text: "", mid: "m3", date: "01月01日 15:10" },
  { kids: [], uid: "2", parent: "", text: "", mid: "m2", date: "2013-01-01 14:54:55" },
  { kids: [], uid: "5", parent: "gone", text: "", mid: "m5", date: "2013-01-01 14:00:00" },
]);
const cedOriginal = {
  name: "original-microblog/1_src_999.json",
  text: JSON.stringify({ time: 1357023235, user: { followers: 50 }, reposts: 3 }),
};

/** Small files, each triggering some notes; together every reader note. */
const FILES: [name: string, text: string, options?: ReadOptions][] = [
  ["c.txt", "7\t100\t1464739203\t5\t100/2:40 100/9/4:70\n"],
  ["RT9.txt", "3 1.5 \n10 100 \n5 10 \n"],
  ["s.csv", "time,magnitude,user_id\n0,1000,7\n30,4000,8\n30,4000,8\n"],
  ["t.txt", twitter],
  ["rumor-repost/1_src_999.json", cedReposts, { original: cedOriginal }],
  ["rumor-repost/1_src_999.json", cedReposts],
  ["n.csv", "from,to\na,b\nc,b\nb,a\n__proto__,a\n"],
  ["n2.csv", "from,to,followers\na,b,3\nc,b,4\n"],
  [
    "e.csv",
    "source,target,time,followers\nr,a,10,5\nr,a,10,5\na,a,12,5\nr,b,4,\na,b,8,1\nb,c,2,1\nq,z,3,1\n",
  ],
  ["d.csv", "source,target\nr,a\na,b\n"],
  ["dates.csv", "source,target,time\nr,a,2024-05-01T08:00:00Z\n"],
];

const read = FILES.map(([name, text, options]) => ({ name, result: readCascadeFile(name, text, options) }));
const cascades = read.flatMap((r) => r.result.cascades);

function combined(): Cascade[] {
  const dated = { ...cascades[0], startEpoch: 0 };
  const later = { ...cascades[1], startEpoch: 400 * 24 * 3600 };
  const undated = { ...cascades[3] };
  delete undated.startEpoch;
  return [combineCascades([dated, later, undated]), assumeAudience(cascades[3], 120)];
}

/** Every note, with its nested ones. */
function codes(notes: Note[]): NoteCode[] {
  return notes.flatMap((n) => (n.code === "ofCascade" ? [n.code, ...codes([n.note])] : [n.code]));
}

describe("notes on a file", () => {
  it("every code has an English and a Chinese template", () => {
    expect(Object.keys(NOTES_ZH).sort()).toEqual(Object.keys(NOTES_EN).sort());
    for (const table of [NOTES_EN, NOTES_ZH])
      for (const template of Object.values(table)) expect(typeof template).toBe("function");
  });

  it("the readers' warnings are their notes' English, index for index", () => {
    for (const { name, result } of read) {
      expect(result.notes.map(noteText), name).toEqual(result.warnings);
      for (const c of result.cascades) {
        expect(c.notes?.map(noteText), c.id).toEqual(c.warnings);
        expect(notesOf(c), c.id).toEqual(c.notes);
      }
    }
  });

  it("write the English the readers have always written (a golden list: a changed template fails here)", () => {
    const warnings = [
      ...read.flatMap(({ result }) => [...result.warnings, ...result.cascades.flatMap((c) => c.warnings)]),
      ...combined().flatMap((c) => c.warnings),
    ];
    expect(warnings).toMatchSnapshot();
  });

  it("so do the combined posts' and an assumed audience's", () => {
    for (const c of combined()) {
      expect(c.notes?.map(noteText), c.id).toEqual(c.warnings);
      expect(summarizeCascade(c).notes.map(noteText)).toEqual(c.warnings);
    }
  });

  it("the inputs trigger every note but the plain text one", () => {
    const seen = new Set([
      ...codes(read.flatMap((r) => [...r.result.notes, ...r.result.cascades.flatMap((c) => c.notes ?? [])])),
      ...codes(combined().flatMap((c) => c.notes ?? [])),
    ]);
    expect([...seen].sort()).toEqual(
      Object.keys(NOTES_EN)
        .filter((c) => c !== "text")
        .sort(),
    );
  });

  it("a warning without a note is kept as text, in both languages", () => {
    const c: Cascade = {
      id: "x",
      events: [],
      format: "test",
      warnings: ["The source account is suspended."],
    };
    expect(notesOf(c)).toEqual([{ code: "text", text: "The source account is suspended." }]);
    expect(noteWords(notesOf(c)[0], MESSAGES.zh)).toBe("The source account is suspended.");
    const pushed = { ...cascades[0], warnings: [...cascades[0].warnings, "extra"] };
    expect(notesOf(pushed).map(noteText)).toEqual(pushed.warnings);
  });

  it("in Chinese, no English word but a format's name or token and the file's own ids", () => {
    const allowed = /^(root|CED)$/;
    const all = [
      ...read.flatMap((r) => [...r.result.notes, ...r.result.cascades.flatMap((c) => c.notes ?? [])]),
      ...combined().flatMap((c) => c.notes ?? []),
    ];
    for (const note of all) {
      const zh = noteWords(note, MESSAGES.zh);
      expect(zh, note.code).toMatch(/[\u4e00-\u9fff]/);
      // A combined post's id ("casflow:7: …") and quoted account ids are the file's words.
      const own = (note.code === "ofCascade" ? zh.replace(`${note.id}：`, "") : zh).replace(/"[^"]*"/g, "");
      const words = (own.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !allowed.test(w));
      expect(words, zh).toEqual([]);
      expect(noteWords(note, MESSAGES.en)).toBe(noteText(note));
    }
  });

  it("cross a worker boundary as plain data", () => {
    const cloned = structuredClone(read.map((r) => r.result));
    for (const [i, result] of cloned.entries()) {
      expect(result.notes).toEqual(read[i].result.notes);
      for (const c of result.cascades)
        expect(notesOf(c).map((n) => noteWords(n, MESSAGES.en))).toEqual(c.warnings);
    }
  });
});
