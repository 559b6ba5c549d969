/** A heading that names a model: `Conversation`, `` `Conversation` ``, "Conversation model", "Model: Conversation". */
export interface ModelHeading {
  model: string;
  /** Written as code or with the word "model": a claim even when the schema lacks the model. */
  explicit: boolean;
}

export function modelFromHeading(text: string): ModelHeading | undefined {
  // Every pattern here is unambiguous (linear time): a heading is user text, `## 1111...1x` or a
  // run of spaces must not take seconds.
  let t = text.trim().replace(/^#+\s*/, '').replace(/[*_]{2}/g, '');
  // Leading numbering ("3.2 Conversation", "1) Conversation") is not part of the name.
  t = t.replace(/^\d+(?:[.)]\d+)*[.)]?\s+/, '');
  let explicit = false;
  const m = /^(?:the\s+)?(?:model|table|entity)\s*(?:[:\-–—]\s*)?(\S[\s\S]*)$/i.exec(t);
  if (m) {
    t = m[1].trim();
    explicit = true;
  }
  const suffix = /\s(?:model|table|entity)$/i.exec(t);
  if (suffix) {
    const name = t.slice(0, suffix.index).trim().replace(/^the\s+/i, '');
    if (name !== '') {
      t = name;
      explicit = true;
    }
  }
  if (/^`[^`]+`$/.test(t)) {
    t = t.slice(1, -1);
    explicit = true;
  }
  if (!/^[A-Z][A-Za-z0-9]*$/.test(t)) return undefined;
  return { model: t, explicit };
}
