import type { Result } from '../../diagnostics.js';
import type { Publication } from './types.js';
import { YamlFields } from './yaml-fields.js';

const OFFICE_FIELDS = ['name', 'phone', 'address', 'fax', 'postcode', 'email'] as const;

/** Reads issues/publication.yaml: what every issue shares. */
export function parsePublication(text: string, file: string): Result<Publication> {
  const fields = new YamlFields(text, file);
  fields.rejectUnknown([], ['name', 'classification', 'publishers', 'office']);
  fields.rejectUnknown(['office'], OFFICE_FIELDS);
  const name = fields.strings(['name']);
  const classification = fields.string(['classification']);
  const publishers = fields.strings(['publishers']);
  const office = Object.fromEntries(OFFICE_FIELDS.map((key) => [key, fields.string(['office', key])]));
  if (fields.diagnostics.length > 0 || !name || !classification || !publishers) {
    return { diagnostics: fields.diagnostics };
  }
  return {
    value: { name, classification, publishers, office: office as Publication['office'] },
    diagnostics: [],
  };
}
