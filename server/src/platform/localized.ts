/** A user-facing text a province may want in two languages: Vietnamese always, English when given. */
export type LocalizedText = { vi: string; en?: string };
