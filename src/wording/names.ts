/** Region names as prose uses them: "the North West" but "London". */

// England's regions that take "the" in a sentence: those named by a compass point, and the East of England.
const NEEDS_ARTICLE = /^(North|South|East|West)\b|^(North|South) (East|West)$|^East of England$/;

/** "than the North West", "than London", "than Yorkshire and the Humber". */
export function regionInProse(name: string): string {
  const plain = name.replace(/ and The Humber$/, ' and the Humber');
  return NEEDS_ARTICLE.test(plain) ? `the ${plain}` : plain;
}
