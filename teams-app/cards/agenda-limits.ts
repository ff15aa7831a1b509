/**
 * The most topics (both lists together), action items and feedback one agenda card shows. The caller
 * passes at most these and counts the rest in `moreTopics` / `moreActions` / `moreFeedback`. At these limits, with every text at
 * its longest, the card is about 35 KB, and under 80 KB even if every character takes 4 bytes in UTF-8:
 * within the 80 KB we allow a card inside Teams' ~100 KB message. A 30-minute 1:1 covers far fewer.
 */
export const AGENDA_LIMITS = { topics: 14, actions: 8, feedback: 3 } as const;

/**
 * The longest one SBI part is shown on an agenda or summary (the caller cuts longer ones, marked "…"):
 * the four parts together are about one topic, and on an agenda each feedback takes one topic's room.
 */
export const FEEDBACK_CARD_CHARS = 100;

/** The longest a growth plan's goal is shown on an agenda (the caller cuts a longer one, marked "…"). */
export const GROWTH_GOAL_CARD_CHARS = 200;

/**
 * The most a summary card shows: topics (covered and carried over together), notes (each cut to
 * `noteChars`, marked "…"), action items and shared feedback; the rest are counted. With every text and name at its
 * longest in 4-byte characters the card stays under 80 KB (tested).
 */
export const SUMMARY_LIMITS = { topics: 10, notes: 4, noteChars: 500, actions: 6, feedback: 3 } as const;
