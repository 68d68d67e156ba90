// Language tags as documents carry them (en, bn-BD).
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/** Files often write en_US; a tag never has underscores. */
export function normalizeLanguage(tag: string | undefined | null): string | undefined {
  const trimmed = tag?.trim().replace(/_/g, '-');
  return trimmed ? trimmed : undefined;
}
