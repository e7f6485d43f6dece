import { describe, expect, it } from 'vitest';
import { definitionById, definitions } from './definitions.ts';

describe('definitions', () => {
  it('has unique ids and both languages filled', () => {
    expect(new Set(definitions.map((d) => d.id)).size).toBe(definitions.length);
    for (const d of definitions) {
      for (const text of [d.term.sv, d.term.en, d.text.sv, d.text.en, d.source]) expect(text.length).toBeGreaterThan(3);
    }
  });
  it('has exactly one current defector definition, the 2022 joint one without age limit', () => {
    const current = definitions.filter((d) => d.id.startsWith('defector.') && d.status === 'current');
    expect(current.map((d) => d.id)).toEqual(['defector.joint2022']);
    expect(current[0]?.text.sv).toContain('ingen åldersgräns');
    expect(definitionById('defector.policeOlder')?.status).toBe('older');
    expect(definitionById('defector.nationalSubReport2')?.status).toBe('older');
  });
  it('defines the exit programme and SIG', () => {
    expect(definitionById('exitProgramme.nationalSubReport2')?.term.sv).toBe('Avhopparverksamhet');
    expect(definitionById('sig.socialstyrelsen')?.term.en).toContain('SIG');
    expect(definitionById('nope')).toBeUndefined();
  });
});
