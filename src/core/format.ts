/** Plain formatting shared by the CLI, the charts and the UI (English; the UI localises on top). */

/** "2 h 14 min", "45 s", "3 d 2 h". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "never";
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min${s % 60 ? ` ${s % 60} s` : ""}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ""}`;
  const days = Math.floor(hours / 24);
  return `${days} d${hours % 24 ? ` ${hours % 24} h` : ""}`;
}

export function ordinal(n: number): string {
  const mod100 = n % 100;
  const suffix = mod100 >= 11 && mod100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n.toLocaleString("en-US")}${suffix}`;
}

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}
