// Advisory lock keys (two int4s: a space of Tandem's, then a key within it). PostgreSQL releases
// transaction-level advisory locks at commit or rollback, so a crashed instance never holds one.
const SPACE = 0x54414e; // "TAN"

export const LOCKS = {
  /** Held while the schema is migrated: two instances starting at once do not race. */
  migrate: [SPACE, 0] as [number, number],
  /** A room's compaction, keyed by hashtext(room) in SQL: one instance at a time per room. */
  compactSpace: SPACE + 1,
  /** An article's automatic version, keyed by hashtext(document id): saved by one instance at a time (SPEC 17.20). */
  versionSpace: SPACE + 2,
};
