/** "1 open comment", "3 open comments" (English nouns that take an -s). */
export const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
