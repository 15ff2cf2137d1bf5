/** What the local run found in the table, judged against what was sent. */
export interface RunCheck {
  /** Items in the table. */
  readonly stored: number;
  /** Stored items whose text does not match the filter. */
  readonly notMatching: number;
  /** Matching posts that were sent but are not in the table (fake X only). */
  readonly missing?: number;
}

/**
 * Judges the table: every item must match (`matches` of its text), and with the fake X server every matching post
 * sent (`expectedIds`) must be stored.
 */
export function checkTable(
  items: ReadonlyArray<Record<string, unknown>>,
  matches: (text: string) => boolean,
  expectedIds?: ReadonlySet<string>,
): RunCheck {
  const stored = new Set(items.map((item) => String(item["id"])));
  const notMatching = items.filter((item) => !matches(String(item["text"]))).length;
  if (expectedIds === undefined) return { stored: items.length, notMatching };
  const missing = [...expectedIds].filter((id) => !stored.has(id)).length;
  return { stored: items.length, notMatching, missing };
}

/** True when the table is what it should be: nothing that does not match, nothing missing. */
export function tableIsRight(check: RunCheck): boolean {
  return check.notMatching === 0 && (check.missing ?? 0) === 0;
}

/**
 * The table as readable lines, oldest first: `user │ date │ text`, the user as `@username` when known, line breaks
 * in the text shown as `⏎`. At most `maxRows` rows, then a line saying how many more there are.
 */
export function formatItems(items: ReadonlyArray<Record<string, unknown>>, maxRows: number): string[] {
  const rows = [...items]
    .sort((a, b) => String(a["date"]).localeCompare(String(b["date"])))
    .map((item) => {
      const user = typeof item["username"] === "string" ? `@${item["username"]}` : String(item["user"]);
      return [user, String(item["date"]), String(item["text"]).replace(/\r?\n/gu, "⏎")];
    });
  const userWidth = Math.max(4, ...rows.map(([user]) => user.length));
  const dateWidth = Math.max(4, ...rows.map(([, date]) => date.length));
  const line = (cells: string[]): string => `  ${cells[0].padEnd(userWidth)} │ ${cells[1].padEnd(dateWidth)} │ ${cells[2]}`;
  const shown = rows.slice(0, maxRows).map(line);
  const more = rows.length > maxRows ? [`  … and ${rows.length - maxRows} more`] : [];
  return [line(["user", "date", "text"]), ...shown, ...more];
}

/** The closing line of counts; `sent` and `matching` only with the fake X server. */
export function formatSummary(check: RunCheck, sent?: { sent: number; matching: number }): string {
  const parts = sent === undefined ? [] : [`sent ${sent.sent}`, `matching ${sent.matching}`];
  parts.push(`stored ${check.stored}`);
  if (check.missing !== undefined) parts.push(`missing ${check.missing}`);
  parts.push(`not matching ${check.notMatching}`);
  return parts.join(" · ");
}
