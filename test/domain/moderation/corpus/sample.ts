// One labelled text of the moderation corpus: written by us for a community-radio Q&A and
// SMS line, not taken from anyone. `label` is what a screener would call it; `tags` say
// where it comes from or why it is hard, so the figures can be read by group.
export type Label = 'ordinary' | 'abuse' | 'spam';
export type Tag = 'jawa' | 'sunda' | 'betawi' | 'sms' | 'caps' | 'obfuscated' | 'tricky' | 'later';

export interface Sample {
  readonly text: string;
  readonly label: Label;
  readonly tags: readonly Tag[];
}

export function samples(label: Label, tags: readonly Tag[], texts: readonly string[]): Sample[] {
  return texts.map((text) => ({ text, label, tags }));
}
