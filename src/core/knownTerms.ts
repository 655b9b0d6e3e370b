// Known terms: entries the user knows, kept by the host in a user-level list (a synced setting). They keep their
// hover but are not underlined (see ./underlines) unless the user shows them again.

/**
 * The list with `id` put in (`known`) or taken out, in the order it was marked; every other id, valid or not,
 * stays as it was, so an entry of a glossary that is not loaded now is not forgotten.
 */
export function updateKnownTerms(list: readonly string[], id: string, known: boolean): string[] {
  const rest = list.filter((x) => x !== id);
  return known ? [...rest, id] : rest;
}
